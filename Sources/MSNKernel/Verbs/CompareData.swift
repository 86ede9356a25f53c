import Foundation
import MSNLanguage
import MSNStats
import MSNTable

/// Form 1 of `compare regions`: each variable across regions. Numbers (int, float) get per-region
/// n, mean, sd and median, Welch's ANOVA (eta²) and Kruskal–Wallis (epsilon²); text and bool columns
/// get per-region level shares and the chi-square test of independence (Cramér's V). Every p-value
/// of the tests table is Holm-adjusted together; a variable "differs" when its primary test (Welch
/// for numbers, chi-square for levels) has p_holm < 0.05. `pairwise = true` adds Games–Howell contrasts.
enum CompareData {
    static let alpha = 0.05

    static func run(_ ev: inout Evaluator, _ call: VerbCall, table t: Table) throws -> ComparisonReport {
        try ev.checkOptions(call, form: "data")
        var pairwise = false
        if let (v, span) = try ev.option(call, "pairwise") {
            guard case .scalar(.bool(let b)) = v else { throw Diagnostic(.type, "pairwise is true or false", at: span) }
            pairwise = b
        }
        var equivalence: CompareEquivalence?
        if let (v, span) = try ev.option(call, "equivalence") {
            guard case .scalar(let c) = v, let d = c.doubleValue, d > 0, d.isFinite else {
                throw Diagnostic(.value, "equivalence is the smallest difference of interest, a positive number in the variables' units", at: span, hint: "with equivalence = 0.1")
            }
            equivalence = CompareEquivalence(bound: d)
        }
        var effectDraws = 1000
        if let (v, span) = try ev.option(call, "effect_draws") {
            guard case .scalar(let c) = v, let d = c.doubleValue, d >= 0, d <= 100_000, d == d.rounded() else {
                throw Diagnostic(.value, "effect_draws is a whole number of bootstrap draws from 0 (no intervals) to 100,000", at: span, hint: "with effect_draws = 0")
            }
            effectDraws = Int(d)
        }
        let seed = try ev.seed(call)
        let split = try CompareVerb.regions(&ev, call, t)
        guard let on = call.on, !on.isEmpty else {
            throw Diagnostic(.syntax, "compare regions needs the variables to compare after 'on'", at: call.nameSpan,
                             hint: "compare regions firms by \(split.name) on export_volume, sector")
        }
        var variables: [(name: String, column: Column, span: SourceSpan)] = []
        for e in on {
            let name = try ev.columnName(e, verb: "compare regions")
            let column = try ev.requireColumn(t, name, at: e.span)
            guard name != split.name else {
                throw Diagnostic(.value, "'\(name)' is the grouping column; compare other columns across it", at: e.span)
            }
            guard !variables.contains(where: { $0.name == name }) else {
                throw Diagnostic(.value, "'\(name)' is listed twice", at: e.span)
            }
            variables.append((name, column, e.span))
        }
        var builder = CompareDataTables(regions: split.labels)
        builder.effectDraws = effectDraws
        builder.seed = seed
        for v in variables {
            if v.column.type.isNumeric, let values = v.column.doubles() {
                let groups = split.rows.map { rows in rows.map { values[$0] }.filter { !$0.isNaN } }
                if let (k, g) = groups.enumerated().first(where: { $0.element.count < 2 }) {
                    throw Diagnostic(.data, "region '\(split.labels[k])' has \(g.count) value\(g.count == 1 ? "" : "s") of \(v.name); comparing means needs at least 2 per region",
                                     at: v.span, hint: "leave the region out first: | filter \(split.name) != \"\(split.labels[k])\"")
                }
                equivalence?.add(v.name, regions: split.labels, groups: groups)
                if let note = try builder.addNumeric(v.name, groups: groups, pairwise: pairwise) {
                    ev.sideOutputs.append(.warning(Diagnostic(.data, note, at: v.span, severity: .warning), source: ev.source))
                }
            } else {
                let strings: [String?]
                switch v.column {
                case .string(let s): strings = s.strings
                default: strings = (0..<v.column.count).map { v.column.isNull($0) ? nil : v.column[$0].description }
                }
                let groups = split.rows.map { rows in rows.compactMap { strings[$0] } }
                if let k = groups.firstIndex(where: { $0.isEmpty }) {
                    throw Diagnostic(.data, "region '\(split.labels[k])' has no values of \(v.name); its level shares cannot be compared",
                                     at: v.span, hint: "leave the region out first: | filter \(split.name) != \"\(split.labels[k])\"")
                }
                if let note = try builder.addCategorical(v.name, groups: groups) {
                    ev.sideOutputs.append(.warning(Diagnostic(.data, note, at: v.span, severity: .warning), source: ev.source))
                }
            }
        }
        let report = try builder.report(split: split, pairwise: pairwise)
        guard let equivalence else { return report }
        return ComparisonReport(subject: report.subject, paragraph: report.paragraph + equivalence.sentence,
                                parts: report.parts + [("equivalence", try equivalence.table())])
    }
}
