import Foundation
import MSNTable

/// Interpretations of panel models, PLS path models, `compare regions` reports (data, model, SEM)
/// and `synergy`, each fed by the result tables the verbs show.
enum ModelInterpretation {
    /// A panel model: the estimator, then each coefficient as in a regression (t with the panel's df).
    static func panel(estimator: String, se: String, entity: String?, target: String, n: Int, df: Int,
                      coefficients t: Table, _ c: InterpretContext) -> [String] {
        if c.isOwner { return [RegressionInterpretation.owner(t, target: target, c)] }
        var head = c.t("panel.r.fit", ["estimator": c.word("panel.est." + estimator), "target": target, "n": String(n),
                                       "se": c.word("panel.se." + se)])
        if estimator == "within", let entity { head += " " + c.t("panel.r.within", ["entity": entity]) }
        let lines = RegressionInterpretation.coefficients(t, kind: "linear", target: target, outcome: target, df: df, c)
        return [head, lines.joined(separator: " "), c.t("reg.r.caution")]
    }

    /// Hair, Ringle & Sarstedt's (2011) words for R².
    static func r2Grade(_ r2: Double) -> String {
        r2 >= 0.75 ? "substantial" : r2 >= 0.5 ? "moderate" : r2 >= 0.25 ? "weak" : "veryweak"
    }

    /// A PLS model: paths (with bootstrap intervals when present) and R² of each endogenous construct.
    static func pls(paths t: Table, rSquared: [(String, Double)], _ c: InterpretContext) -> [String] {
        guard let lhs = t.textsOf("lhs"), let rhs = t.textsOf("rhs"), let est = t.numbersOf("est") else { return [] }
        let lo = t.numbersOf("ci_lower"), hi = t.numbersOf("ci_upper")
        if c.isOwner {
            let clear = est.indices.filter { i in lo.map { l in hi.map { h in l[i] > 0 || h[i] < 0 } ?? false } ?? true }
            guard let best = clear.max(by: { abs(est[$0]) < abs(est[$1]) }) else { return [c.t("sem.o.nolink")] }
            var s = [c.t("sem.o.link", ["rhs": rhs[best], "lhs": lhs[best], "dir": c.direction(est[best])])]
            if est[best] > 0 { s.append(c.t("sem.o.action", ["rhs": rhs[best], "lhs": lhs[best]])) }
            return [s.joined(separator: " ")]
        }
        let lines = est.indices.map { i -> String in
            let args = ["rhs": rhs[i], "lhs": lhs[i], "beta": c.apa(est[i], 3)]
            guard let lo, let hi, lo[i].isFinite, hi[i].isFinite else { return c.t("pls.r.path", args) }
            let excludes = lo[i] > 0 || hi[i] < 0
            return c.t(excludes ? "pls.r.path.sig" : "pls.r.path.ns", args.merging(["ci": c.apaInterval(lo[i], hi[i])]) { $1 })
        }
        let r2 = rSquared.map { c.t("pls.r.r2", ["construct": $0.0, "r2": c.apa($0.1, 3), "verdict": c.word("r2." + r2Grade($0.1))]) }
        return [lines.joined(separator: " "), r2.joined(separator: " ")]
    }

    /// `compare regions` of data: the `tests` part (variable, test, statistic, p, p_holm, effect, effect_size, magnitude).
    static func compareData(tests t: Table, _ c: InterpretContext) -> [String] {
        guard let variable = t.textsOf("variable"), let test = t.textsOf("test"), let stat = t.numbersOf("statistic"),
              let p = t.numbersOf("p_holm") ?? t.numbersOf("p") else { return [] }
        let effect = t.textsOf("effect") ?? variable.map { _ in "" }, size = t.numbersOf("effect_size") ?? stat.map { _ in .nan }
        let words = t.textsOf("magnitude") ?? variable.map { _ in "" }
        // One test per variable: the first listed (the table gives the main test, then its robust check).
        var firstRow: [String: Int] = [:]
        for i in variable.indices where firstRow[variable[i]] == nil { firstRow[variable[i]] = i }
        let primary = variable.indices.filter { firstRow[variable[$0]] == $0 }
        let differ = primary.filter { p[$0] < 0.05 }
        if c.isOwner {
            return [differ.isEmpty ? c.t("cmp.o.nodiff") : c.t("cmp.o.data", ["list": c.list(differ.map { variable[$0] })])]
        }
        let head = c.t("cmp.r.data", ["k": String(differ.count), "m": String(primary.count),
                                      "list": differ.isEmpty ? "" : ": " + c.list(differ.map { variable[$0] })])
        let details = differ.map { i in
            c.t("cmp.r.test", ["variable": variable[i], "test": test[i], "stat": c.fixed(stat[i], 2), "p": c.p(p[i]),
                               "size": "\(effect[i]) = \(c.fixed(size[i], 3))",
                               "words": ["negligible", "small", "medium", "large"].contains(words[i]) ? c.word("size." + words[i]) : words[i]])
        }
        return [head, details.joined(separator: " ")]
    }

    /// `compare regions` of a model: the `pooled` part (region, metric, pooled) and the `drivers` part.
    static func compareModel(pooled: Table, drivers: Table?, _ c: InterpretContext) -> [String] {
        guard let regions = pooled.textsOf("region"), let score = pooled.numbersOf("pooled"), !regions.isEmpty else { return [] }
        let metric = pooled.textsOf("metric")?.first ?? ""
        let lowerIsBetter = ["rmse", "mae", "logloss", "log loss"].contains(metric.lowercased())
        let order = regions.indices.sorted { lowerIsBetter ? score[$0] < score[$1] : score[$0] > score[$1] }
        let best = order[0], worst = order[order.count - 1]
        if c.isOwner { return [c.t("cmp.o.model", ["best": regions[best], "worst": regions[worst]])] }
        var out = [c.t("cmp.r.model", ["best": regions[best], "metric": metric, "bestv": c.fixed(score[best], 3),
                                       "worst": regions[worst], "worstv": c.fixed(score[worst], 3)])]
        if let d = drivers, let names = d.columns.first.flatMap({ col -> [String]? in
            guard case .string(let s) = col else { return nil }
            return s.strings.map { $0 ?? "" }
        }) {
            var tops: [(String, String)] = []
            for (j, region) in d.columnNames.enumerated() where j > 1 {
                guard let v = d.columns[j].doubles(),
                      let i = v.indices.filter({ v[$0].isFinite && names[$0] != "(Intercept)" }).max(by: { abs(v[$0]) < abs(v[$1]) }) else { continue }
                tops.append((region, names[i]))
            }
            if Set(tops.map(\.1)).count == 1, let f = tops.first?.1 {
                out.append(c.t("cmp.r.same", ["feature": f]))
            } else if !tops.isEmpty {
                out.append(c.t("cmp.r.drivers", ["list": c.list(tops.map { "\($0.0) \($0.1)" })]))
            }
        }
        return out
    }

    /// `compare regions` of a SEM: the invariance `ladder` (step, holds_cfi).
    static func compareSEM(ladder t: Table, _ c: InterpretContext) -> [String] {
        guard let steps = t.textsOf("step") else { return [] }
        let holds = t.numbersOf("holds_cfi") ?? steps.map { _ in .nan }
        // The first step is the configural model; each later step holds when ΔCFI says so.
        var level: String? = steps.first
        for i in steps.indices.dropFirst() {
            guard holds[i] == 1 else { break }
            level = steps[i]
        }
        guard let level else { return [c.t("cmp.r.ladder.none")] }
        return [c.t(c.isOwner ? "cmp.o.ladder" : "cmp.r.ladder", ["level": level])]
    }

    /// `synergy`: the `pairs` part (feature, with, h2) and the `tests` part (term, model, lr_chi2, pvalue).
    static func synergy(pairs: Table, tests: Table?, _ c: InterpretContext) -> [String] {
        guard let a = pairs.textsOf("feature"), let b = pairs.textsOf("with"), let h2 = pairs.numbersOf("h2"), !a.isEmpty else {
            return [c.t("syn.o.none")]
        }
        if c.isOwner { return [c.t("syn.o", ["a": a[0], "b": b[0]])] }
        var s = c.t("syn.r.top", ["a": a[0], "b": b[0], "h2": c.apa(h2[0], 3), "share": c.percent(h2[0])])
        if let tests, let chi = tests.numbersOf("lr_chi2"), let p = tests.numbersOf("pvalue"), let model = tests.textsOf("model"), !chi.isEmpty {
            s += " " + c.t(p[0] < 0.05 ? "syn.r.test.sig" : "syn.r.test.ns", ["model": model[0], "chi": c.fixed(chi[0], 2), "p": c.p(p[0])])
        }
        return [s]
    }
}
