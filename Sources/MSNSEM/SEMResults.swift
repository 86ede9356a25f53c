import Foundation
import MSNStats

/// One row of `estimates`.
public struct EstimateRow: Sendable {
    public var lhs: String, op: String, rhs: String, label: String
    /// 1-based group (0 for defined parameters).
    public var group: Int
    public var est: Double
    /// nil for fixed parameters (lavaan prints NA for z and p, 0 for se).
    public var se: Double, z: Double?, pvalue: Double?, ciLower: Double, ciUpper: Double
    public var stdLV: Double?, stdAll: Double?
}

extension SEMFit {
    /// The group's model matrices (groups are 1-based; 0 means the first).
    func model(_ group: Int) -> ModelMatrices { models[max(0, group - 1)] }

    func sdLV(_ v: String, _ g: Int) -> Double {
        if let i = table.eta.firstIndex(of: v), table.latents.contains(v) { return model(g).m[i, i].squareRoot() }
        return 1
    }

    func sdAll(_ v: String, _ g: Int) -> Double {
        if let i = table.eta.firstIndex(of: v), table.latents.contains(v) { return model(g).m[i, i].squareRoot() }
        if let i = table.observed.firstIndex(of: v) { return model(g).sigma[i, i].squareRoot() }
        return 1
    }

    /// lavaan's std.lv and std.all of a parameter in group `g`.
    func standardized(_ op: String, _ lhs: String, _ rhs: String, _ est: Double, group g: Int) -> (Double, Double) {
        switch op {
        case "=~": return (est * sdLV(lhs, g) / sdLV(rhs, g), est * sdAll(lhs, g) / sdAll(rhs, g))
        case "~": return (est * sdLV(rhs, g) / sdLV(lhs, g), est * sdAll(rhs, g) / sdAll(lhs, g))
        case "~1": return (est / sdLV(lhs, g), est / sdAll(lhs, g))
        default:
            if lhs == rhs { return (est / (sdLV(lhs, g) * sdLV(rhs, g)), est / (sdAll(lhs, g) * sdAll(rhs, g))) }
            // Covariances between different variables are scaled by their residual variances, as lavaan does
            // (a residual correlation); latent-only for std.lv.
            let both = (residualVariance(lhs, g) * residualVariance(rhs, g)).squareRoot()
            let latent = table.latents.contains(lhs) && table.latents.contains(rhs)
            return (latent ? est / both : est, est / both)
        }
    }

    /// The value of `v ~~ v` in group `g` (a residual variance for endogenous variables).
    private func residualVariance(_ v: String, _ g: Int) -> Double {
        table.rows.first { $0.op == "~~" && $0.lhs == v && $0.rhs == v && $0.group == max(1, g) }?.value ?? 1
    }

    /// Label → value of every labelled free or fixed parameter at `x`.
    func labelValues(_ x: [Double]) -> [String: Double] {
        var out: [String: Double] = [:]
        for r in table.rows where !r.label.isEmpty && r.op != ":=" && out[r.label] == nil { out[r.label] = r.free > 0 ? x[r.free - 1] : r.value }
        return out
    }

    /// lavaan's `parameterEstimates(fit, standardized = TRUE)`, every group; defined parameters get
    /// delta-method SEs.
    public func estimateRows() throws -> [EstimateRow] {
        let zc = 1.959963984540054
        var out: [EstimateRow] = []
        for r in table.rows {
            if r.op == ":=" {
                let f = { (x: [Double]) throws -> Double in try DefinedExpression.evaluate(r.rhs, values: self.labelValues(x)) }
                let est = try f(estimates)
                var grad = [Double](repeating: 0, count: estimates.count)
                for k in 0..<estimates.count {
                    let h = 1e-6 * max(1, abs(estimates[k]))
                    var up = estimates, down = estimates
                    up[k] += h; down[k] -= h
                    grad[k] = (try f(up) - f(down)) / (2 * h)
                }
                var v = 0.0
                for a in 0..<grad.count { for b in 0..<grad.count { v += grad[a] * vcov[a, b] * grad[b] } }
                let se = max(0, v).squareRoot()
                let z = se > 0 ? est / se : nil
                // lavaan's standardizedSolution: the definition evaluated at the standardized parameters.
                var lv: [String: Double] = [:], all: [String: Double] = [:]
                for e in out where !e.label.isEmpty && e.op != ":=" && lv[e.label] == nil { lv[e.label] = e.stdLV; all[e.label] = e.stdAll }
                let stdLV = try? DefinedExpression.evaluate(r.rhs, values: lv), stdAll = try? DefinedExpression.evaluate(r.rhs, values: all)
                out.append(EstimateRow(lhs: r.lhs, op: ":=", rhs: r.rhs, label: r.label, group: 0, est: est, se: se, z: z,
                                       pvalue: z.map { Distributions.twoSidedNormalP($0) }, ciLower: est - zc * se, ciUpper: est + zc * se,
                                       stdLV: stdLV, stdAll: stdAll))
                continue
            }
            let se = self.se(r.free)
            let z: Double? = r.free > 0 && se > 0 ? r.value / se : nil
            let (sl, sa) = standardized(r.op, r.lhs, r.rhs, r.value, group: r.group)
            out.append(EstimateRow(lhs: r.lhs, op: r.op, rhs: r.rhs, label: r.label, group: r.group, est: r.value, se: se, z: z,
                                   pvalue: z.map { Distributions.twoSidedNormalP($0) },
                                   ciLower: r.value - zc * se, ciUpper: r.value + zc * se, stdLV: sl, stdAll: sa))
        }
        return out
    }

    /// R² of every indicator and every endogenous variable, per group.
    public func rSquare() -> [(group: Int, variable: String, r2: Double)] {
        var out: [(Int, String, Double)] = []
        let dependents = Set(table.rows.filter { $0.op == "~" }.map(\.lhs))
        for g in 1...table.groups {
            let mm = model(g)
            func value(_ v: String) -> Double { table.rows.first { $0.op == "~~" && $0.lhs == v && $0.rhs == v && $0.group == g }?.value ?? 0 }
            for (i, o) in table.observed.enumerated() where !table.eta.contains(o) { out.append((g, o, 1 - value(o) / mm.sigma[i, i])) }
            for (i, e) in table.eta.enumerated() where dependents.contains(e) { out.append((g, e, 1 - value(e) / mm.m[i, i])) }
        }
        return out
    }

    /// The label of group `g` (1-based).
    public func groupLabel(_ g: Int) -> String { g >= 1 && g <= groups.count ? groups[g - 1].label : "" }
}
