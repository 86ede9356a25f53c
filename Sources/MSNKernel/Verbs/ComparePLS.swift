import Foundation
import MSNLanguage
import MSNPLS
import MSNStats
import MSNTable

/// Form 4 of `compare regions`: a fitted PLS model's multi-group analysis — Henseler's PLS-MGA for every
/// structural path and the MICOM invariance steps for every construct, for each pair of regions.
/// `with draws = 1000, permutations = 1000, seed = 1, threads = T`. Parts: `mga` and `micom`.
enum ComparePLS {
    static let options = ["draws", "permutations", "seed", "threads"]

    static func run(_ ev: inout Evaluator, _ call: VerbCall, model pls: PLSModelValue, at span: SourceSpan) throws -> ComparisonReport {
        try ev.checkOptions(call, form: "pls")
        guard let on = call.on, let onExpr = on.first else {
            throw Diagnostic(.syntax, "compare regions needs the rows to refit the model on, after 'on'", at: call.nameSpan,
                             hint: "compare regions p by region on firms")
        }
        guard on.count == 1, case .table(let t) = try ev.evaluate(onExpr) else {
            throw Diagnostic(.type, "compare regions p … on needs one table", at: on.count == 1 ? onExpr.span : on[1].span)
        }
        func whole(_ name: String, _ fallback: Int, min: Int64) throws -> Int {
            guard let (v, s) = try ev.option(call, name) else { return fallback }
            guard case .scalar(.int(let i)) = v, i >= min else { throw Diagnostic(.value, "\(name) is a whole number ≥ \(min)", at: s) }
            return Int(i)
        }
        let draws = try whole("draws", 1000, min: 10), permutations = try whole("permutations", 1000, min: 10)
        let seed = try whole("seed", 1, min: 0), threads = try whole("threads", Bootstrap.defaultThreads, min: 1)
        let split = try CompareVerb.regions(&ev, call, t)
        var label = [String?](repeating: nil, count: t.rowCount)
        for (l, rows) in zip(split.labels, split.rows) { for r in rows { label[r] = l } }
        let (data, _) = FitVerb.semColumns(t)
        let result: PLSGroupComparison
        do {
            let o = pls.fit.options
            let base = try PLSData.prepare(data, items: pls.fit.spec.dataItems, missing: o.missing, missingValue: o.missingValue)
            let fit = try PLSFit.fit(spec: pls.fit.spec, base: base, options: o)
            result = try fit.compareGroups(fit.data.rows.map { label[$0] }, draws: draws, permutations: permutations,
                                           seed: UInt64(seed), threads: threads)
        } catch let e as PLSError {
            throw Diagnostic(.model, e.description, at: span)
        }
        if result.failedDraws + result.failedPermutations > 0 {
            ev.sideOutputs.append(.warning(Diagnostic(.model, "\(result.failedDraws) bootstrap draws and \(result.failedPermutations) permutations failed and were left out", at: nil, severity: .warning), source: nil))
        }
        return ComparisonReport(subject: "pls model", paragraph: describe(result, by: split.name),
                                parts: [("mga", try PLSGroupTables.mga(result)), ("micom", try PLSGroupTables.micom(result))])
    }

    static func describe(_ r: PLSGroupComparison, by name: String) -> String {
        let sizes = r.groups.map { "\($0.label) \($0.n)" }.joined(separator: ", ")
        var s = "Multi-group analysis of the PLS model across \(r.groups.count) regions by \(name) (rows: \(sizes)); "
        s += "\(r.draws) bootstrap draws per region and \(r.permutations) permutations, seed \(r.seed). "
        let noComposite = r.micom.filter { !$0.compositional }.map { "\($0.construct) (\($0.groupA)/\($0.groupB))" }
        let unequal = r.micom.filter { !$0.equalMeans || !$0.equalVariances }.map { "\($0.construct) (\($0.groupA)/\($0.groupB))" }
        if noComposite.isEmpty {
            s += "MICOM: compositional invariance holds for every construct"
            s += unequal.isEmpty ? ", and composite means and variances are equal: full measurement invariance, so the pooled data may be analysed. "
                : "; means or variances differ for \(unequal.joined(separator: ", ")): partial measurement invariance, so the path coefficients may be compared between regions. "
        } else {
            s += "MICOM: compositional invariance fails for \(noComposite.joined(separator: ", ")); path differences involving these constructs are not interpretable. "
        }
        let differing = r.paths.filter { $0.pTwoSided < 0.05 }
        if differing.isEmpty {
            s += "No structural path differs between regions (PLS-MGA, two-sided p ≥ 0.05)."
        } else {
            s += "Paths that differ (PLS-MGA, two-sided p < .05): " + differing.map {
                "\($0.from) → \($0.to) (\($0.groupA) \(ReportFormat.stat($0.estA)) vs \($0.groupB) \(ReportFormat.stat($0.estB)), p \(ReportFormat.p($0.pTwoSided)))"
            }.joined(separator: "; ") + "."
        }
        return s
    }
}

/// The tables of a PLS multi-group analysis.
enum PLSGroupTables {
    /// One row per path and pair of regions.
    static func mga(_ r: PLSGroupComparison) throws -> Table {
        let p = r.paths
        func text(_ f: (PLSPathComparison) -> String) -> Column { .string(StringColumn(p.map(f))) }
        func num(_ f: (PLSPathComparison) -> Double) -> Column { .float(TypedColumn(p.map(f))) }
        return try Table([
            ("lhs", text(\.to)), ("op", text { _ in "~" }), ("rhs", text(\.from)), ("group_a", text(\.groupA)), ("group_b", text(\.groupB)),
            ("est_a", num(\.estA)), ("est_b", num(\.estB)), ("diff", num(\.diff)),
            ("boot_mean_a", num(\.bootMeanA)), ("boot_mean_b", num(\.bootMeanB)),
            ("p_mga", num(\.pOneSided)), ("p_two_sided", num(\.pTwoSided)),
        ])
    }

    /// One row per construct and pair of regions: MICOM steps 2 and 3.
    static func micom(_ r: PLSGroupComparison) throws -> Table {
        let m = r.micom
        func text(_ f: (MICOMConstruct) -> String) -> Column { .string(StringColumn(m.map(f))) }
        func num(_ f: (MICOMConstruct) -> Double) -> Column { .float(TypedColumn(m.map(f))) }
        func flag(_ f: (MICOMConstruct) -> Bool) -> Column { .bool(TypedColumn(m.map(f))) }
        return try Table([
            ("construct", text(\.construct)), ("group_a", text(\.groupA)), ("group_b", text(\.groupB)),
            ("c", num(\.c)), ("c_q05", num(\.cQuantile05)), ("p_c", num(\.pC)), ("compositional", flag(\.compositional)),
            ("mean_diff", num(\.meanDiff)), ("mean_lower", num(\.meanLower)), ("mean_upper", num(\.meanUpper)), ("p_mean", num(\.pMean)),
            ("equal_means", flag(\.equalMeans)),
            ("log_var_ratio", num(\.logVarRatio)), ("var_lower", num(\.varLower)), ("var_upper", num(\.varUpper)), ("p_var", num(\.pVar)),
            ("equal_variances", flag(\.equalVariances)),
        ])
    }
}
