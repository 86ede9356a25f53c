import Foundation
import MSNTable

/// Interpretations of linear and logistic regressions (and panel coefficients), fed by the
/// coefficient table (term, estimate, se, t or z, pvalue, ci_lower, ci_upper).
enum RegressionInterpretation {
    /// The fit line's numbers.
    struct Fit {
        var kind: String           // "linear" or "logistic"
        var target: String
        /// For logistic models: the modelled outcome ("exporter = yes").
        var outcome: String
        var n: Int
        var r2: Double
        var adjustedR2: Double = .nan
        var f: Double = .nan
        var fP: Double = .nan
        var residualDF: Int = 0
    }

    static let alpha = 0.05

    /// Sentences about each coefficient (the intercept left out), in table order.
    static func coefficients(_ t: Table, kind: String, target: String, outcome: String, df: Int, _ c: InterpretContext) -> [String] {
        guard let terms = t.textsOf("term"), let b = t.numbersOf("estimate"), let se = t.numbersOf("se"),
              let p = t.numbersOf("pvalue") else { return [] }
        let stat = t.numbersOf(kind == "logistic" ? "z" : "t") ?? [Double](repeating: .nan, count: b.count)
        let lo = t.numbersOf("ci_lower") ?? [], hi = t.numbersOf("ci_upper") ?? []
        var out: [String] = []
        for i in terms.indices where terms[i] != "(Intercept)" && b[i].isFinite {
            let ci = i < lo.count && i < hi.count ? c.interval(lo[i], hi[i], 3) : "n/a"
            let level = terms[i].contains(":") ? nil : terms[i].split(separator: "=", maxSplits: 1).map(String.init)
            let isLevel = level?.count == 2
            var args = ["term": terms[i], "target": target, "outcome": outcome, "b": c.fixed(b[i], 3), "se": c.fixed(se[i], 3),
                        "p": c.p(p[i]), "df": String(df), "t": c.fixed(stat[i], 2), "z": c.fixed(stat[i], 2), "ci": ci,
                        "dir": c.direction(b[i])]
            if isLevel, let level { args["variable"] = level[0]; args["level"] = level[1] }
            guard p[i] < alpha else {
                out.append(c.t(kind == "logistic" ? "logit.r.ns" : "lin.r.ns", args.merging(["b": c.fixed(b[i], 3), "or": c.fixed(Foundation.exp(b[i]), 2)]) { $1 }))
                continue
            }
            if kind == "logistic" {
                let or = Foundation.exp(b[i])
                args["or"] = c.fixed(or, 2)
                args["pct"] = c.fixed(100 * abs(or - 1), 0) + "%"
                if i < lo.count && i < hi.count { args["ci"] = c.interval(Foundation.exp(lo[i]), Foundation.exp(hi[i]), 2) }
                // Beyond doubling (or halving) the odds, "n times the odds" reads better than a percentage.
                let big = or >= 2 || or <= 0.5
                out.append(c.t((isLevel ? "logit.r.level" : "logit.r.sig") + (big ? ".big" : ""), args))
            } else {
                args["size"] = c.fixed(abs(b[i]), 3)
                out.append(c.t(isLevel ? "lin.r.level" : "lin.r.sig", args))
            }
        }
        return out
    }

    /// A linear or logistic regression.
    static func regression(_ fit: Fit, _ t: Table, _ c: InterpretContext) -> [String] {
        if c.isOwner { return [owner(t, target: fit.kind == "logistic" ? fit.outcome : fit.target, logistic: fit.kind == "logistic", c)] }
        let k = max(0, (t.rowCount) - 1)
        let head: String
        if fit.kind == "logistic" {
            head = c.t("logit.r.fit", ["outcome": fit.outcome, "n": String(fit.n), "r2": c.apa(fit.r2, 3)])
        } else {
            head = c.t("lin.r.fit", ["target": fit.target, "k": String(k), "n": String(fit.n), "share": c.percent(fit.r2),
                                     "r2": c.apa(fit.r2, 3), "adj": c.apa(fit.adjustedR2, 3), "df1": String(k), "df2": String(fit.residualDF),
                                     "f": c.fixed(fit.f, 2), "p": c.p(fit.fP)])
        }
        let lines = coefficients(t, kind: fit.kind, target: fit.target, outcome: fit.outcome, df: fit.residualDF, c)
        return [head, lines.joined(separator: " "), c.t("reg.r.caution")]
    }

    /// One plain paragraph: which factors go with more or less of the outcome, and what to do.
    static func owner(_ t: Table, target: String, logistic: Bool = false, _ c: InterpretContext) -> String {
        guard let terms = t.textsOf("term"), let b = t.numbersOf("estimate"), let p = t.numbersOf("pvalue") else { return "" }
        let sig = terms.indices.filter { terms[$0] != "(Intercept)" && p[$0] < alpha && b[$0].isFinite }
        let up = sig.filter { b[$0] > 0 }.map { terms[$0] }, down = sig.filter { b[$0] < 0 }.map { terms[$0] }
        var s: [String] = []
        let (upKey, downKey) = logistic ? ("logit.o.up", "logit.o.down") : ("reg.o.up", "reg.o.down")
        if !up.isEmpty { s.append(c.t(upKey, ["list": c.list(up), "target": target, "outcome": target])) }
        if !down.isEmpty { s.append(c.t(downKey, ["list": c.list(down), "target": target, "outcome": target])) }
        if sig.isEmpty { s.append(c.t("reg.o.none", ["target": target])) }
        s.append(c.t("reg.o.action", ["target": target]))
        return s.joined(separator: " ")
    }
}
