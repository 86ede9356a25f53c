import MSNStats
import MSNTable

/// `compare regions … with equivalence = Δ`: for every numeric variable and pair of regions, two
/// one-sided Welch tests (TOST) of whether the difference of means lies within ±Δ (in the variable's
/// own units). Answers "is there no difference?", which a non-significant ANOVA cannot.
struct CompareEquivalence {
    let bound: Double
    private var rows: [(variable: String, a: String, b: String, test: WelchTOST)] = []

    init(bound: Double) { self.bound = bound }

    /// Adds every pair of regions for one variable (groups with fewer than 2 values or no spread are skipped).
    mutating func add(_ name: String, regions: [String], groups: [[Double]]) {
        for i in 0..<groups.count { for j in (i + 1)..<max(i + 1, groups.count) {
            if let t = try? WelchTOST(groups[i], groups[j], bound: bound) { rows.append((name, regions[i], regions[j], t)) }
        } }
    }

    /// The `equivalence` part: differences with their 90% intervals, both one-sided p-values, the TOST p and the verdict.
    func table() throws -> Table {
        let ci = rows.map { $0.test.interval() }
        return try Table([
            ("variable", .string(StringColumn(rows.map(\.variable)))), ("region_a", .string(StringColumn(rows.map(\.a)))),
            ("region_b", .string(StringColumn(rows.map(\.b)))), ("mean_diff", .float(TypedColumn(rows.map(\.test.difference)))),
            ("ci90_lower", .float(TypedColumn(ci.map(\.lower)))), ("ci90_upper", .float(TypedColumn(ci.map(\.upper)))),
            ("bound", .float(TypedColumn(rows.map { _ in bound }))), ("df", .float(TypedColumn(rows.map(\.test.df)))),
            ("p_lower", .float(TypedColumn(rows.map(\.test.pLower)))), ("p_upper", .float(TypedColumn(rows.map(\.test.pUpper)))),
            ("p_tost", .float(TypedColumn(rows.map(\.test.pValue)))),
            ("verdict", .string(StringColumn(rows.map { $0.test.pValue < CompareData.alpha ? "equivalent" : "not shown equivalent" }))),
        ])
    }

    /// One sentence for the paragraph.
    var sentence: String {
        let yes = rows.filter { $0.test.pValue < CompareData.alpha }.map { "\($0.variable) \($0.a)–\($0.b) (p_tost \(ReportFormat.p($0.test.pValue)))" }
        let no = rows.count - yes.count
        return " Equivalence within ±\(ReportFormat.stat(bound)) (two one-sided Welch tests, α = .05, unadjusted): "
            + (yes.isEmpty ? "no pair shown equivalent" : "shown for " + ReportFormat.list(yes))
            + (no > 0 && !yes.isEmpty ? "; \(no) other pair\(no == 1 ? "" : "s") not shown equivalent" : "") + "."
    }
}
