import Foundation
import MSNLanguage
import MSNSEM
import MSNTable

/// Form 3 of `compare regions`: a fitted SEM's measurement-invariance ladder across regions —
/// configural, metric (equal loadings), scalar (+ intercepts), strict (+ residual variances), each step
/// judged against the one below by the χ² difference test (p > .05) and by ΔCFI ≥ −.01 — then every
/// structural path compared between regions (z test of the difference, configural fit).
/// Parts: `ladder`, `paths` and `means` (latent mean differences from the first region in the scalar step).
enum CompareSEM {
    static func run(_ ev: inout Evaluator, _ call: VerbCall, model sem: SEMModelValue, at span: SourceSpan) throws -> ComparisonReport {
        try ev.checkOptions(call, form: "sem")
        let t = try CompareRows.table(&ev, call, model: "s").table
        guard !sem.fit.isMultiGroup else {
            throw Diagnostic(.value, "this model is already fitted in groups; compare regions refits a single-group model in each region", at: span,
                             hint: "fit the model without 'group', then: compare regions s by region on firms")
        }
        let split = try CompareVerb.regions(&ev, call, t)
        var group = [String?](repeating: nil, count: t.rowCount)
        for (label, rows) in zip(split.labels, split.rows) { for r in rows { group[r] = label } }
        var options = sem.options
        options.group = nil
        options.groupEqual = []
        if let (names, _) = try SEMOptionParser.groupPartial(&ev, call) { options.groupPartial = names }
        let (data, order) = FitVerb.semColumns(t)
        let ladder: InvarianceLadder
        do {
            ladder = try SEMInvariance.ladder(model: sem.model, data: data, columnOrder: order, group: group, options: options)
        } catch let e as SEMError {
            if case .groupTooSmall(let g, let rows, let needed) = e {
                throw Diagnostic(.value, "region '\(g)' has \(rows) complete row\(rows == 1 ? "" : "s"); the model needs at least \(needed) in each region",
                                 at: call.by?.first?.span ?? call.nameSpan, hint: "drop or merge small regions first, e.g. | filter \(split.name) != \"\(g)\"")
            }
            throw Diagnostic(.model, e.description, at: call.nameSpan)
        }
        for w in ladder.steps[0].fit.warnings { ev.sideOutputs.append(.warning(Diagnostic(.model, w, at: nil, severity: .warning), source: nil)) }
        let paragraph = describe(ladder, by: split)
        return ComparisonReport(subject: "sem model", paragraph: paragraph,
                                parts: [("ladder", try ladder.table()), ("paths", try ladder.pathsTable()), ("means", try ladder.latentMeansTable())])
    }

    /// The highest step each rule supports (a step counts only if every step below it held too).
    static func highest(_ ladder: InvarianceLadder, _ holds: (InvarianceComparison) -> Bool) -> String {
        var top = ladder.steps[0].name
        for c in ladder.comparisons { guard holds(c) else { break }; top = c.to }
        return top
    }

    static func describe(_ ladder: InvarianceLadder, by split: RegionSplit) -> String {
        let sizes = zip(split.labels, split.rows).map { "\($0) \($1.count)" }.joined(separator: ", ")
        let c = ladder.steps[0]
        var s = "Measurement invariance of the model across \(split.labels.count) regions by \(split.name) (rows: \(sizes)). "
        s += "Configural fit: χ² = \(ReportFormat.stat(c.chisq)) on \(Int(c.df)) df, CFI = \(ReportFormat.boundedMetric(c.cfi)), RMSEA = \(ReportFormat.boundedMetric(c.rmsea)). "
        for k in ladder.comparisons {
            s += "\(k.to.capitalized) vs \(k.from): Δχ² = \(ReportFormat.stat(k.deltaChisq)) on \(Int(k.deltaDf)) df, p \(ReportFormat.p(k.pvalue)), ΔCFI = \(ReportFormat.boundedMetric(k.deltaCFI, signed: true)). "
        }
        if ladder.comparisons.contains(where: { $0.method == .satorraBentler2001 }) {
            s += "(MLR: each Δχ² is the Satorra–Bentler (2001) scaled difference of the unscaled χ² values, as lavaan's lavTestLRT.) "
        }
        let byChisq = highest(ladder) { $0.holdsByChisq }, byCFI = highest(ladder) { $0.holdsByCFI }
        s += byChisq == byCFI ? "Both rules support \(byChisq) invariance. " : "The χ² difference test supports \(byChisq) invariance, the ΔCFI rule \(byCFI). "
        let differing = ladder.paths.filter { $0.pvalueHolm < 0.05 }
        if ladder.paths.isEmpty {
            s += "The model has no structural paths (~) to compare."
        } else if differing.isEmpty {
            s += "No structural path differs between regions (z test, Holm-adjusted p ≥ 0.05)."
        } else {
            s += "Structural paths that differ: " + differing.map {
                "\($0.lhs) ~ \($0.rhs) (\($0.groupA) \(ReportFormat.stat($0.estA)) vs \($0.groupB) \(ReportFormat.stat($0.estB)), z = \(ReportFormat.stat($0.z)), p_holm \(ReportFormat.p($0.pvalueHolm)))"
            }.joined(separator: "; ") + "."
        }
        return s + " (Rules: a step holds when the χ² difference test gives p > .05, or when CFI drops by no more than .01.)"
    }
}
