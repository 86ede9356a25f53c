import Foundation
import MSNTable

/// Interpretation of a fitted SEM, fed by its fit measures (name → value) and its estimates table
/// (lhs, op, rhs, label, est, se, z, pvalue, ci_lower, ci_upper, std_all).
enum SEMInterpretation {
    /// "good", "acceptable" or "poor" for each index under Hu & Bentler (1999) / Browne & Cudeck (1993).
    static func grade(_ measure: String, _ v: Double) -> String {
        switch measure {
        case "cfi", "tli": return v >= 0.95 ? "good" : v >= 0.90 ? "acceptable" : "poor"
        case "rmsea": return v <= 0.06 ? "good" : v <= 0.08 ? "acceptable" : "poor"
        default: return v <= 0.08 ? "good" : "poor"   // srmr
        }
    }

    /// The overall verdict: poor if any index is poor, acceptable if any is acceptable, else good;
    /// and the names of the poor indices.
    static func verdict(_ m: [String: Double]) -> (String, [String]) {
        let names = ["cfi", "tli", "rmsea", "srmr"]
        let grades = names.map { grade($0, m[$0] ?? .nan) }
        let poor = zip(names, grades).filter { $0.1 == "poor" }.map { $0.0.uppercased() }
        return (!poor.isEmpty ? "poor" : grades.contains("acceptable") ? "acceptable" : "good", poor)
    }

    struct Row { var lhs, op, rhs, label: String; var est, se, p, lo, hi, std: Double }

    static func rows(_ t: Table) -> [Row] {
        guard let lhs = t.textsOf("lhs"), let op = t.textsOf("op"), let rhs = t.textsOf("rhs"), let est = t.numbersOf("est") else { return [] }
        let nan = [Double](repeating: .nan, count: est.count)
        let se = t.numbersOf("se") ?? nan, p = t.numbersOf("pvalue") ?? nan, lo = t.numbersOf("ci_lower") ?? nan
        let hi = t.numbersOf("ci_upper") ?? nan, std = t.numbersOf("std_all") ?? nan, label = t.textsOf("label") ?? lhs.map { _ in "" }
        return est.indices.map { Row(lhs: lhs[$0], op: op[$0], rhs: rhs[$0], label: label[$0], est: est[$0], se: se[$0], p: p[$0], lo: lo[$0], hi: hi[$0], std: std[$0]) }
    }

    static func interpret(measures m: [String: Double], estimates: Table, n: Int, _ c: InterpretContext) -> [String] {
        let (overall, poor) = verdict(m)
        let all = rows(estimates)
        let paths = all.filter { $0.op == "~" }
        let significant = paths.filter { $0.p < 0.05 }
        if c.isOwner {
            var s = [c.t("sem.o." + overall)]
            if paths.isEmpty {
                s.append(c.t("sem.o.cfa"))
            } else if let best = significant.max(by: { abs($0.std) < abs($1.std) }) {
                s.append(c.t("sem.o.link", ["rhs": best.rhs, "lhs": best.lhs, "dir": c.direction(best.std)]))
                if best.std > 0 { s.append(c.t("sem.o.action", ["rhs": best.rhs, "lhs": best.lhs])) }
            } else {
                s.append(c.t("sem.o.nolink"))
            }
            return [s.joined(separator: " ")]
        }
        var fit = c.t("sem.r.fit", [
            "verdict": c.word("fit." + overall), "df": String(Int(m["df"] ?? .nan)), "chisq": c.fixed(m["chisq"] ?? .nan, 2),
            "p": c.p(m["pvalue"] ?? .nan), "cfi": c.apa(m["cfi"] ?? .nan), "tli": c.apa(m["tli"] ?? .nan), "rmsea": c.apa(m["rmsea"] ?? .nan),
            "ci": c.apaInterval(m["rmsea.ci.lower"] ?? .nan, m["rmsea.ci.upper"] ?? .nan), "srmr": c.apa(m["srmr"] ?? .nan),
        ])
        if !poor.isEmpty { fit += " " + c.t("sem.r.poor", ["list": c.list(poor)]) }
        if let p = m["pvalue"], p < 0.05 { fit += " " + c.t("sem.r.chisq", ["n": String(n)]) }
        var out = [fit]
        let loadings = all.filter { $0.op == "=~" && $0.std.isFinite }
        if let lo = loadings.map(\.std).min(), let hi = loadings.map(\.std).max() {
            var s = c.t("sem.r.loadings", ["min": c.apa(lo, 2), "max": c.apa(hi, 2)])
            let weak = loadings.filter { abs($0.std) < 0.5 }.map { "\($0.rhs) (\(c.apa($0.std, 2)))" }
            if !weak.isEmpty { s += " " + c.t("sem.r.weak", ["list": c.list(weak)]) }
            out.append(s)
        }
        let pathLines = paths.map { r -> String in
            let args = ["rhs": r.rhs, "lhs": r.lhs, "b": c.fixed(r.est, 3), "se": c.fixed(r.se, 3), "p": c.p(r.p), "beta": c.apa(r.std, 2),
                        "size": c.apa(abs(r.std), 2), "dir": c.direction(r.std)]
            return c.t(r.p < 0.05 ? "sem.r.path.sig" : "sem.r.path.ns", args)
        }
        if !pathLines.isEmpty { out.append(pathLines.joined(separator: " ")) }
        let defined = all.filter { $0.op == ":=" }.map { r -> String in
            let excludes = r.lo > 0 || r.hi < 0
            return c.t(excludes ? "sem.r.indirect.sig" : "sem.r.indirect.ns",
                       ["name": r.lhs, "b": c.fixed(r.est, 3), "ci": c.interval(r.lo, r.hi, 3), "p": c.p(r.p)])
        }
        if !defined.isEmpty { out.append(defined.joined(separator: " ")) }
        return out
    }
}
