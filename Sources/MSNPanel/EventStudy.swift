import MSNStats
import MSNTable

/// An event study: leads and lags of adoption relative to each unit's adoption time, with unit and time
/// fixed effects. The relative period r = time − cohort is binned at the window's ends (r ≤ lo counts as lo,
/// r ≥ hi as hi; Schmidheiny & Siegloch's recommendation); units whose cohort is missing are never treated.
public struct EventStudySpecification: Sendable {
    public enum Method: String, Sendable { case twfe, sunab }
    public var response: String
    /// The column with each unit's adoption time (missing: never treated).
    public var cohort: String
    public var unit: String
    public var time: String
    public var controls: [String]
    public var window: ClosedRange<Int>
    public var reference: Int
    public var method: Method
    public var variance: PanelVariance

    public init(response: String, cohort: String, unit: String, time: String, controls: [String] = [],
                window: ClosedRange<Int> = -4...4, reference: Int = -1, method: Method = .twfe, variance: PanelVariance? = nil) {
        self.response = response
        self.cohort = cohort
        self.unit = unit
        self.time = time
        self.controls = controls
        self.window = window
        self.reference = reference
        self.method = method
        self.variance = variance ?? .clustered([unit])
    }
}

/// The fitted event study: one coefficient per relative period (for Sun–Abraham, the cohort-share-weighted
/// average of the cohort × period interactions, as fixest's `sunab` aggregates them), with the regression.
public struct EventStudy: Sendable {
    public let specification: EventStudySpecification
    public let fit: PanelFit
    public let periods: [Int]
    public let estimates: [Double]
    public let covariance: Matrix
    /// Distinct adoption times among treated units in the sample; more than one means staggered adoption.
    public let cohorts: [Double]
    /// Notes for the user (the control cohort Sun–Abraham used).
    public let notes: [String]
    public var isStaggered: Bool { cohorts.count > 1 }
    public var standardErrors: [Double] { (0..<periods.count).map { covariance[$0, $0].squareRoot() } }

    public init(_ table: Table, _ spec: EventStudySpecification) throws {
        guard spec.window.contains(spec.reference) else { throw PanelError.invalidOption("the reference period \(spec.reference) must lie in the window") }
        func numeric(_ n: String) throws -> [Double] {
            guard let c = table.column(named: n) else { throw PanelError.unknownColumn(n, available: table.columnNames) }
            guard let d = c.doubles() else { throw PanelError.notNumeric(n) }
            return d
        }
        let time = try numeric(spec.time), cohort = try numeric(spec.cohort)
        let rel: [Int?] = zip(time, cohort).map { t, c in
            guard !t.isNaN, !c.isNaN else { return nil }
            return min(max(Int((t - c).rounded()), spec.window.lowerBound), spec.window.upperBound)
        }
        let cohorts = Array(Set(cohort.filter { !$0.isNaN })).sorted()
        let periods = spec.window.filter { $0 != spec.reference }
        // Sun–Abraham needs a control cohort: the never treated, else the last-treated cohort (as fixest).
        let neverTreated = cohort.contains { $0.isNaN }
        var groups: [Double?] = spec.method == .sunab ? cohorts : [nil]
        var notes: [String] = []
        if spec.method == .sunab, !neverTreated, let last = cohorts.last {
            groups.removeLast()
            notes.append("no never-treated units: the last cohort (\(Self.label(last))) is the control group")
        }
        // Rows that can enter the regression (the fit may still drop singletons).
        let y = try numeric(spec.response), controls = try spec.controls.map(numeric)
        let unitColumn = table.column(named: spec.unit)
        let complete = (0..<table.rowCount).map { i in
            !y[i].isNaN && !time[i].isNaN && !(unitColumn?.isNull(i) ?? true) && !controls.contains { $0[i].isNaN }
        }
        var columns: [(String, Column)] = []
        var names: [String] = []
        // (period index, cohort) of each regressor, for the aggregation.
        var cells: [(period: Int, values: [Double])] = []
        for c in groups {
            for (pi, p) in periods.enumerated() {
                var any = false
                let v: [Double] = (0..<table.rowCount).map { i in
                    let on = rel[i] == p && (c == nil || cohort[i] == c)
                    if on && complete[i] { any = true }
                    return on ? 1 : 0
                }
                guard any else { continue }
                let name = (p < 0 ? "t\(p)" : "t+\(p)") + (c.map { "@\(Self.label($0))" } ?? "")
                names.append(name)
                columns.append((name, .float(TypedColumn(v))))
                cells.append((pi, v))
            }
        }
        guard !names.isEmpty else { throw PanelError.invalidOption("no treated unit has a relative period in the window") }
        var augmented = table
        for (n, c) in columns { augmented = try augmented.adding(n, c) }
        let panel = PanelSpecification(response: spec.response, regressors: names + spec.controls, absorb: [spec.unit, spec.time],
                                       estimator: .within, variance: spec.variance, id: spec.unit, time: spec.time)
        let fit = try PanelFit.fit(augmented, panel)
        // Aggregate: β_r = Σ_c w_c β_{c,r}, w ∝ used observations of cohort c at period r (fixest's sunab weights).
        let counts = cells.map { cell in fit.usedRows.reduce(0) { $0 + cell.values[$1] } }
        var weights = Matrix(rows: periods.count, cols: fit.terms.count)
        var present = [Bool](repeating: false, count: periods.count)
        for (j, name) in names.enumerated() {
            guard let col = fit.terms.firstIndex(of: name), counts[j] > 0 else { continue }
            let total = cells.indices.filter { cells[$0].period == cells[j].period }.reduce(0) { $0 + counts[$1] }
            weights[cells[j].period, col] = counts[j] / total
            present[cells[j].period] = true
        }
        let keep = periods.indices.filter { present[$0] }
        var w = Matrix(rows: keep.count, cols: fit.terms.count)
        for (a, p) in keep.enumerated() { for c in 0..<fit.terms.count { w[a, c] = weights[p, c] } }
        specification = spec
        self.fit = fit
        self.periods = keep.map { periods[$0] }
        estimates = w.apply(fit.coefficients)
        covariance = w * fit.covariance * w.transposed
        self.cohorts = cohorts
        self.notes = notes
    }

    static func label(_ c: Double) -> String { c == c.rounded() ? String(Int(c)) : String(c) }

    /// period, estimate, se, t, pvalue, ci_lower, ci_upper; the reference period as a row of zeros.
    public func table() throws -> Table {
        let se = standardErrors, df = Double(fit.tDegreesOfFreedom), q = Distributions.tQuantile(0.975, df: df)
        var rows = zip(periods, zip(estimates, se)).map { ($0, $1.0, $1.1) }
        rows.append((specification.reference, 0, 0))
        rows.sort { $0.0 < $1.0 }
        let t = rows.map { $0.2 > 0 ? $0.1 / $0.2 : 0 }
        return try Table([
            ("period", .int(TypedColumn(rows.map { Int64($0.0) }))),
            ("estimate", .float(TypedColumn(rows.map(\.1)))), ("se", .float(TypedColumn(rows.map(\.2)))),
            ("t", .float(TypedColumn(t))),
            ("pvalue", .float(TypedColumn(zip(t, rows).map { $1.2 > 0 ? Distributions.twoSidedTP($0, df: df) : 1 }))),
            ("ci_lower", .float(TypedColumn(rows.map { $0.1 - q * $0.2 }))), ("ci_upper", .float(TypedColumn(rows.map { $0.1 + q * $0.2 }))),
        ])
    }
}
