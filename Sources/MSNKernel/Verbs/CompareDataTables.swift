import Foundation
import MSNStats
import MSNTable

/// Collects the rows of form 1's tables (`numeric`, `levels`, `tests`, `pairwise`) variable by
/// variable, then adjusts the p-values and writes the paragraph.
struct CompareDataTables {
    struct TestRow {
        let variable: String, test: String, statistic: Double, df1: Double, df2: Double?, p: Double
        let effect: String, effectSize: Double, magnitude: String
        /// The effect size's 95% stratified percentile bootstrap interval (NaN when not computed).
        var effectLower = Double.nan, effectUpper = Double.nan
        /// Welch for numbers and chi-square for levels decide the verdict; Kruskal–Wallis is the check.
        let primary: Bool
    }

    let regions: [String]
    /// Bootstrap draws for the effect-size intervals (0: none) and their seed.
    var effectDraws = 0, seed: UInt64 = 1
    private var numeric: (region: [String], variable: [String], n: [Int64], mean: [Double], sd: [Double], median: [Double]) = ([], [], [], [], [], [])
    private var levels: (region: [String], variable: [String], level: [String], n: [Int64], share: [Double]) = ([], [], [], [], [])
    private var pairs: (variable: [String], a: [String], b: [String], diff: [Double], t: [Double], df: [Double], p: [Double]) = ([], [], [], [], [], [], [])
    private(set) var tests: [TestRow] = []

    init(regions: [String]) { self.regions = regions }

    /// Adds a numeric variable (every group has ≥ 2 values); returns a note when a test is undefined.
    mutating func addNumeric(_ name: String, groups: [[Double]], pairwise: Bool) throws -> String? {
        var note: String? = nil
        for (label, g) in zip(regions, groups) {
            let m = GroupMoments(g)
            let sorted = g.sorted()
            let mid = sorted.count / 2
            numeric.region.append(label); numeric.variable.append(name); numeric.n.append(Int64(m.n))
            numeric.mean.append(m.mean); numeric.sd.append(m.variance.squareRoot())
            numeric.median.append(sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2)
        }
        do {
            let w = try WelchANOVA(groups: groups)
            tests.append(TestRow(variable: name, test: "welch_anova", statistic: w.statistic, df1: w.df1, df2: w.df2, p: w.pValue,
                                 effect: "eta2", effectSize: w.etaSquared, magnitude: ReportFormat.varianceShare(w.etaSquared), primary: true))
        } catch GroupComparisonError.noVariation {
            note = "\(name) has no spread within at least one region (all its values are equal), so Welch's ANOVA is undefined; Kruskal–Wallis decides instead"
        }
        do {
            let kw = try KruskalWallis(groups: groups)
            tests.append(TestRow(variable: name, test: "kruskal_wallis", statistic: kw.statistic, df1: kw.df, df2: nil, p: kw.pValue,
                                 effect: "epsilon2", effectSize: kw.epsilonSquared, magnitude: ReportFormat.varianceShare(kw.epsilonSquared),
                                 primary: note != nil))
        } catch GroupComparisonError.noVariation {
            note = "\(name) takes a single value everywhere; there is nothing to compare"
        }
        if effectDraws > 0, note == nil, tests.count >= 2 {
            let ci = EffectSizeBootstrap.numeric(groups: groups, draws: effectDraws, seed: seed)
            tests[tests.count - 2].effectLower = ci.eta2.lower; tests[tests.count - 2].effectUpper = ci.eta2.upper
            tests[tests.count - 1].effectLower = ci.epsilon2.lower; tests[tests.count - 1].effectUpper = ci.epsilon2.upper
        }
        if pairwise, note == nil {
            for c in try GamesHowell(groups: groups).contrasts {
                pairs.variable.append(name); pairs.a.append(regions[c.first]); pairs.b.append(regions[c.second])
                pairs.diff.append(c.difference); pairs.t.append(c.t); pairs.df.append(c.df); pairs.p.append(c.pValue)
            }
        }
        return note
    }

    /// Adds a text variable (every group has ≥ 1 value); returns a note when the χ² test is doubtful or undefined.
    mutating func addCategorical(_ name: String, groups: [[String]]) throws -> String? {
        let names = Array(Set(groups.flatMap { $0 })).sorted()
        let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        var counts = [[Double]](repeating: [Double](repeating: 0, count: names.count), count: groups.count)
        for (g, values) in groups.enumerated() { for v in values { if let j = index[v] { counts[g][j] += 1 } } }
        for (g, label) in regions.enumerated() {
            let total = counts[g].reduce(0, +)
            for (j, level) in names.enumerated() {
                levels.region.append(label); levels.variable.append(name); levels.level.append(level)
                levels.n.append(Int64(counts[g][j])); levels.share.append(counts[g][j] / total)
            }
        }
        guard names.count >= 2 else { return "\(name) has a single level ('\(names.first ?? "")') in every region; there is nothing to compare" }
        let c = try ChiSquareIndependence(counts: counts)
        let dfStar = min(groups.count, names.count) - 1
        var row = TestRow(variable: name, test: "chi_square", statistic: c.statistic, df1: c.df, df2: nil, p: c.pValue,
                          effect: "cramers_v", effectSize: c.cramersV, magnitude: ReportFormat.cramer(c.cramersV, dfStar: dfStar), primary: true)
        if effectDraws > 0 {
            let codes = groups.map { $0.compactMap { index[$0] } }
            let ci = EffectSizeBootstrap.cramersV(groups: codes, levels: names.count, draws: effectDraws, seed: seed)
            row.effectLower = ci.lower; row.effectUpper = ci.upper
        }
        tests.append(row)
        if c.minimumExpected < 5 {
            return "the smallest expected count for \(name) is \(String(format: "%.1f", c.minimumExpected)) (below 5), so the chi-square p-value is approximate"
        }
        return nil
    }

    /// The report: tables, Holm-adjusted p-values over every test row, and the paragraph.
    func report(split: RegionSplit, pairwise: Bool) throws -> ComparisonReport {
        let holm = HolmAdjustment.adjust(tests.map(\.p))
        let verdicts = holm.map { $0 < CompareData.alpha ? "differs" : "no detectable difference" }
        var parts: [(name: String, table: Table)] = []
        if !numeric.variable.isEmpty {
            parts.append(("numeric", try Table([
                ("region", .string(StringColumn(numeric.region))), ("variable", .string(StringColumn(numeric.variable))),
                ("n", .int(TypedColumn(numeric.n))), ("mean", .float(TypedColumn(numeric.mean))),
                ("sd", .float(TypedColumn(numeric.sd))), ("median", .float(TypedColumn(numeric.median))),
            ])))
        }
        if !levels.variable.isEmpty {
            parts.append(("levels", try Table([
                ("region", .string(StringColumn(levels.region))), ("variable", .string(StringColumn(levels.variable))),
                ("level", .string(StringColumn(levels.level))), ("n", .int(TypedColumn(levels.n))), ("share", .float(TypedColumn(levels.share))),
            ])))
        }
        parts.append(("tests", try Table([
            ("variable", .string(StringColumn(tests.map(\.variable)))), ("test", .string(StringColumn(tests.map(\.test)))),
            ("statistic", .float(TypedColumn(tests.map(\.statistic)))), ("df1", .float(TypedColumn(tests.map(\.df1)))),
            ("df2", .float(TypedColumn<Double>(optionals: tests.map(\.df2)))), ("p", .float(TypedColumn(tests.map(\.p)))),
            ("p_holm", .float(TypedColumn(holm))), ("effect", .string(StringColumn(tests.map(\.effect)))),
            ("effect_size", .float(TypedColumn(tests.map(\.effectSize)))),
            ("effect_lower", .float(tests.map(\.effectLower), nanIsNull: true)), ("effect_upper", .float(tests.map(\.effectUpper), nanIsNull: true)),
            ("magnitude", .string(StringColumn(tests.map(\.magnitude)))),
            ("verdict", .string(StringColumn(verdicts))),
        ])))
        if pairwise {
            parts.append(("pairwise", try Table([
                ("variable", .string(StringColumn(pairs.variable))), ("region_a", .string(StringColumn(pairs.a))),
                ("region_b", .string(StringColumn(pairs.b))), ("mean_diff", .float(TypedColumn(pairs.diff))),
                ("t", .float(TypedColumn(pairs.t))), ("df", .float(TypedColumn(pairs.df))), ("p", .float(TypedColumn(pairs.p))),
            ])))
        }
        return ComparisonReport(subject: "data", paragraph: paragraph(split: split, holm: holm), parts: parts)
    }

    private func paragraph(split: RegionSplit, holm: [Double]) -> String {
        let sizes = zip(split.labels, split.rows).map { "\($0) \($1.count)" }
        var text = "Compared \(split.labels.count) regions by \(split.name) (rows: \(sizes.joined(separator: ", "))"
            + (split.nullRows > 0 ? "; \(split.nullRows) without a \(split.name) left out" : "") + ")."
        var differ: [String] = [], same: [String] = []
        for (i, row) in tests.enumerated() where row.primary {
            let name = row.test == "chi_square" ? "χ²" : (row.test == "welch_anova" ? "Welch F" : "Kruskal–Wallis H")
            var s = "\(row.variable) (\(name) = \(ReportFormat.stat(row.statistic)), p_holm \(ReportFormat.p(holm[i]))"
            if holm[i] < CompareData.alpha {
                s += ", \(row.effect == "cramers_v" ? "Cramér's V" : (row.effect == "eta2" ? "eta²" : "epsilon²")) = \(ReportFormat.bounded(row.effectSize))"
                if row.effectLower.isFinite { s += " (95% CI \(ReportFormat.bounded(row.effectLower))–\(ReportFormat.bounded(row.effectUpper)))" }
                s += ", \(row.magnitude)"
            }
            if row.test == "welch_anova", let k = tests.indices.first(where: { tests[$0].variable == row.variable && tests[$0].test == "kruskal_wallis" }),
               (holm[k] < CompareData.alpha) != (holm[i] < CompareData.alpha) {
                s += "; Kruskal–Wallis disagrees, p_holm \(ReportFormat.p(holm[k]))"
            }
            s += ")"
            if holm[i] < CompareData.alpha { differ.append(s) } else { same.append(s) }
        }
        if !differ.isEmpty { text += " Differs across regions: " + ReportFormat.list(differ) + "." }
        if !same.isEmpty { text += " No detectable difference: " + ReportFormat.list(same) + "." }
        text += " (Verdict: Holm-adjusted p < .05 on Welch's ANOVA for numbers, the chi-square test for levels.)"
        return text
    }
}
