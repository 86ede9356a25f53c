import Foundation
import MSNTable

/// Interpretations of result tables: `evaluate` (metrics and cross-validation), `importance`,
/// global `explain` (mean |SHAP|) and `reliability`. Each reads the columns the verb produces.
enum TableInterpretation {
    /// The metric table of `evaluate` (metric, value) as a dictionary.
    static func metrics(_ t: Table) -> [String: Double] {
        guard let names = t.textsOf("metric"), let values = t.numbersOf("value") else { return [:] }
        return Dictionary(zip(names, values), uniquingKeysWith: { a, _ in a })
    }

    /// Hosmer & Lemeshow's (2013) words for an AUC: the catalogue key suffix.
    static func aucGrade(_ auc: Double) -> String {
        auc >= 0.9 ? "outstanding" : auc >= 0.8 ? "excellent" : auc >= 0.7 ? "acceptable" : "poor"
    }

    /// `evaluate` on held-out rows.
    static func evaluate(_ t: Table, _ c: InterpretContext) -> [String] {
        let m = metrics(t)
        if let auc = m["auc"], let tp = m["true_positive"], let fp = m["false_positive"], let tn = m["true_negative"], let fn = m["false_negative"] {
            let n = tp + fp + tn + fn
            let rate = n > 0 ? (tp + fn) / n : .nan
            let majority = max(rate, 1 - rate)
            let grade = aucGrade(auc)
            if c.isOwner {
                return [[c.t("eval.o.binary", ["recall": c.fixed(100 * (m["recall"] ?? .nan), 0), "precision": c.fixed(100 * (m["precision"] ?? .nan), 0),
                                               "plain": c.word("eval.plain." + grade)]),
                         c.t("eval.o.action")].joined(separator: " ")]
            }
            return [
                c.t("eval.r.binary", ["n": String(Int(n)), "verdict": c.word("eval.verdict." + grade), "auc": c.apa(auc, 2)]),
                c.t("eval.r.accuracy", ["acc": c.apa(m["accuracy"] ?? .nan, 2), "majority": c.apa(majority, 2), "bacc": c.apa(m["balanced_accuracy"] ?? .nan, 2),
                                        "precision": c.apa(m["precision"] ?? .nan, 2), "recall": c.apa(m["recall"] ?? .nan, 2)])
                    + " " + c.t("eval.r.logloss", ["loss": c.fixed(m["logloss"] ?? .nan, 3)]),
            ]
        }
        if let r2 = m["r2"], let rmse = m["rmse"] {
            if c.isOwner {
                return [c.t("eval.o.regression", ["rmse": c.fixed(rmse, 2), "share": c.percent(max(0, r2))])]
            }
            return [c.t("eval.r.regression", ["share": c.percent(max(0, r2)), "r2": c.apa(r2, 2), "rmse": c.fixed(rmse, 3), "mae": c.fixed(m["mae"] ?? .nan, 3)])]
        }
        if let acc = m["accuracy"], let f1 = m["macro_f1"] {
            if c.isOwner { return [c.t("eval.o.multiclass", ["acc": c.fixed(100 * acc, 0)]) + " " + c.t("eval.o.action")] }
            var s = c.t("eval.r.multiclass", ["acc": c.apa(acc, 2), "f1": c.apa(f1, 2), "loss": c.fixed(m["logloss"] ?? .nan, 3)])
            if acc - f1 > 0.1 { s += " " + c.t("eval.r.multiclass.gap") }
            return [s]
        }
        return []
    }

    /// Cross-validation results (fold, metric, value).
    static func crossValidation(_ t: Table, _ c: InterpretContext) -> [String] {
        guard let values = t.numbersOf("value"), !values.isEmpty, let metric = t.textsOf("metric")?.first else { return [] }
        let mean = values.reduce(0, +) / Double(values.count)
        let sd = (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(max(1, values.count - 1))).squareRoot()
        return [c.t("eval.r.cv", ["k": String(values.count), "metric": metric, "mean": c.fixed(mean, 3), "sd": c.fixed(sd, 3)])]
    }

    /// `importance` (feature, gain as shares of the total, …).
    static func importance(_ t: Table, _ c: InterpretContext) -> [String] {
        guard let names = t.textsOf("feature"), let gain = t.numbersOf("gain"), !names.isEmpty else { return [] }
        let order = names.indices.sorted { gain[$0] > gain[$1] }
        let total = gain.reduce(0, +)
        let share = { (i: Int) -> Double in total > 0 ? gain[i] / total : .nan }
        let top3 = order.prefix(3)
        if c.isOwner { return [c.t("imp.o", ["list": c.list(top3.map { names[$0] })])] }
        var text = c.t("imp.r.top", ["top": names[order[0]], "share": c.percent(share(order[0])),
                                     "list": c.list(top3.map { names[$0] }), "share3": c.percent(top3.map(share).reduce(0, +))])
        let unused = order.filter { gain[$0] == 0 }.map { names[$0] }
        if !unused.isEmpty { text += " " + c.t("imp.r.unused", ["list": c.list(unused)]) }
        return [text, c.t("imp.r.caution")]
    }

    /// Global `explain` (feature, mean_abs_shap).
    static func shapGlobal(_ t: Table, _ c: InterpretContext, logOdds: Bool) -> [String] {
        guard let names = t.textsOf("feature"), let v = t.numbersOf("mean_abs_shap"), !names.isEmpty else { return [] }
        let order = names.indices.sorted { v[$0] > v[$1] }
        if c.isOwner { return [c.t("imp.o", ["list": c.list(order.prefix(3).map { names[$0] })])] }
        return [c.t("shap.r.global", ["top": names[order[0]], "value": c.fixed(v[order[0]], 3),
                                      "scale": c.word(logOdds ? "scale.logodds" : "scale.outcome"),
                                      "list": c.list(order.dropFirst().prefix(2).map { names[$0] })]),
                c.t("caution.association")]
    }

    /// `reliability` of a SEM or PLS model (factor/construct, alpha, cr or rhoC, ave, htmt_*).
    static func reliability(_ t: Table, _ c: InterpretContext) -> [String] {
        guard let factors = t.textsOf("factor") ?? t.textsOf("construct"), let alpha = t.numbersOf("alpha"),
              let cr = t.numbersOf("cr") ?? t.numbersOf("rhoC") ?? t.numbersOf("rho_c"), let ave = t.numbersOf("ave") else { return [] }
        var weak: [String] = []
        var lines: [String] = []
        for i in factors.indices where alpha[i].isFinite {
            var problems: [String] = []
            if alpha[i] < 0.7 || cr[i] < 0.7 { problems.append(c.word("rel.lowrel")) }
            if ave[i] < 0.5 { problems.append(c.word("rel.lowave")) }
            if !problems.isEmpty { weak.append(factors[i]) }
            lines.append(c.t("rel.r.row", ["factor": factors[i], "alpha": c.apa(alpha[i], 2), "cr": c.apa(cr[i], 2), "ave": c.apa(ave[i], 2),
                                           "verdict": problems.isEmpty ? c.word("rel.ok") : problems.joined(separator: "; ")]))
        }
        // HTMT: columns htmt_<factor>; each unordered pair once.
        var bad: [String] = []
        var seen = Set<String>()
        var anyHTMT = false
        for (j, name) in t.columnNames.enumerated() where name.hasPrefix("htmt_") {
            anyHTMT = true
            let other = String(name.dropFirst(5))
            guard let values = t.columns[j].doubles() else { continue }
            for i in factors.indices where values[i].isFinite && values[i] >= 0.85 && factors[i] != other
                && seen.insert([factors[i], other].sorted().joined(separator: "|")).inserted {
                bad.append("\(factors[i])–\(other) (\(c.apa(values[i], 2)))")
            }
        }
        if c.isOwner {
            return [weak.isEmpty ? c.t("rel.o.all") : c.t("rel.o.some", ["list": c.list(weak)])]
        }
        var out = [lines.joined(separator: " ")]
        if anyHTMT { out.append(bad.isEmpty ? c.t("rel.r.htmt.ok") : c.t("rel.r.htmt.bad", ["pairs": c.list(bad)])) }
        out.append(c.t("rel.r.cutoffs"))
        return out
    }
}
