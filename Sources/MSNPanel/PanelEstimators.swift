import Foundation
import MSNStats

/// The five estimators: each transforms the data, solves by QR, and hands the covariance to `PanelFit`.
enum PanelEstimators {
    /// Fixed effects absorbed by demeaning. The intercept is Stata's `_cons` (xtreg, fe; reghdfe): the
    /// regression of ỹ + ȳ on [1, x̃ + x̄], so it is ȳ − x̄'b; it is not counted in the degrees of freedom.
    static func within(_ d: PanelData, _ spec: PanelSpecification) throws -> PanelFit {
        let keys = try spec.absorb.map { try key(d, $0) }
        let k = spec.regressors.count
        let fixedEffects = keys.reduce(0) { $0 + $1.levels } - (keys.count - 1)
        guard d.rows > k + fixedEffects else { throw PanelError.tooFewRows(used: d.rows, needed: k + fixedEffects + 1) }
        let (cols, iterations) = try Demeaner(keys: keys).demean([d.y] + d.x)
        let yt = cols[0], xt = Array(cols.dropFirst())
        try checkVariation(raw: d.x, transformed: xt, names: spec.regressors)
        let ybar = mean(d.y), xbar = d.x.map(mean)
        let design = [[Double](repeating: 1, count: d.rows)] + xt.enumerated().map { j, c in c.map { $0 + xbar[j] } }
        let terms = ["(Intercept)"] + spec.regressors
        let sol = try QRLeastSquares.solve(columns: design, y: yt.map { $0 + ybar }, names: terms)
        let clusterCodes = try spec.clusterKeys.map { try key(d, $0) }
        let nested = keys.filter { fe in clusterCodes.contains { fe.isNested(in: $0) } }
        let dof = DegreesOfFreedom(regressors: k, fixedEffects: fixedEffects,
                                   nestedFixedEffects: nested.reduce(0) { $0 + $1.levels }, nestedKeys: nested.count)
        let ssr = sumSquares(sol.residuals), tssWithin = sumSquares(yt), tss = centredSumSquares(d.y)
        let overall = sumSquares(fitted(d.y, d.x, sol.coefficients, intercept: true))
        let dfResid = Double(d.rows - dof.full)
        var measures: [(String, Double)] = [
            ("r2_within", 1 - ssr / tssWithin), ("r2_overall", 1 - overall / tss), ("r2_lsdv", 1 - ssr / tss),
            ("f", ((tssWithin - ssr) / Double(k)) / (ssr / dfResid)),
        ]
        measures.append(("f_p", Distributions.fUpperTail(measures[3].1, df1: Double(k), df2: dfResid)))
        measures += [("sigma_e", (ssr / dfResid).squareRoot()), ("ssr", ssr), ("df_resid", dfResid)]
        var notes: [String] = []
        if keys.count > 1 { measures.append(("demeaning_iterations", Double(iterations))) }
        if d.singletons > 0 { notes.append("\(d.singletons) singleton row\(d.singletons == 1 ? "" : "s") dropped (alone in a fixed-effect level)") }
        return PanelFit(specification: spec, terms: terms, solution: sol, design: design, data: d, observations: d.rows,
                        clusterCodes: clusterCodes, dof: dof, measures: measures, notes: notes)
    }

    /// OLS on the stacked rows, with a constant.
    static func pooled(_ d: PanelData, _ spec: PanelSpecification) throws -> PanelFit {
        let design = [[Double](repeating: 1, count: d.rows)] + d.x
        let terms = ["(Intercept)"] + spec.regressors
        let sol = try QRLeastSquares.solve(columns: design, y: d.y, names: terms)
        let clusterCodes = try spec.clusterKeys.map { try key(d, $0) }
        let dof = DegreesOfFreedom(regressors: design.count, fixedEffects: 0, nestedFixedEffects: 0, nestedKeys: 0)
        return PanelFit(specification: spec, terms: terms, solution: sol, design: design, data: d, observations: d.rows,
                        clusterCodes: clusterCodes, dof: dof, measures: olsMeasures(d.y, sol, k: design.count, centred: true), notes: [])
    }

    /// OLS on the unweighted entity means, with a constant.
    static func between(_ d: PanelData, _ spec: PanelSpecification) throws -> PanelFit {
        let entity = try key(d, spec.entityKey ?? "")
        let ym = groupMeans(d.y, entity), xm = d.x.map { groupMeans($0, entity) }
        let design = [[Double](repeating: 1, count: entity.levels)] + xm
        let terms = ["(Intercept)"] + spec.regressors
        let sol = try QRLeastSquares.solve(columns: design, y: ym, names: terms)
        // Each entity's cluster is the cluster of its first row.
        let clusterCodes = try spec.clusterKeys.map { name -> GroupCodes in
            let c = try key(d, name)
            var first = [Int](repeating: -1, count: entity.levels)
            for i in 0..<d.rows where first[Int(entity.codes[i])] < 0 { first[Int(entity.codes[i])] = i }
            return GroupCodes(codes: first.map { c.codes[$0] }, levels: c.levels).subset(Array(0..<entity.levels))
        }
        let dof = DegreesOfFreedom(regressors: design.count, fixedEffects: 0, nestedFixedEffects: 0, nestedKeys: 0)
        return PanelFit(specification: spec, terms: terms, solution: sol, design: design, data: d, observations: entity.levels,
                        clusterCodes: clusterCodes, dof: dof, measures: olsMeasures(ym, sol, k: design.count, centred: true), notes: [])
    }

    // MARK: helpers

    static func key(_ d: PanelData, _ name: String) throws -> GroupCodes {
        guard let k = d.keys[name] else { throw PanelError.unknownColumn(name, available: Array(d.keys.keys)) }
        return k
    }

    /// Regressors whose variation the transformation removed (time-invariant under entity effects, …).
    static func checkVariation(raw: [[Double]], transformed: [[Double]], names: [String]) throws {
        var lost: [String] = []
        for j in 0..<raw.count where sumSquares(transformed[j]) <= 1e-18 * max(centredSumSquares(raw[j]), sumSquares(raw[j]) * 1e-12, 1e-300) {
            lost.append(names[j])
        }
        if !lost.isEmpty { throw PanelError.collinear(lost) }
    }

    static func olsMeasures(_ y: [Double], _ sol: QRLeastSquares, k: Int, centred: Bool) -> [(String, Double)] {
        let ssr = sumSquares(sol.residuals), tss = centred ? centredSumSquares(y) : sumSquares(y)
        let n = Double(y.count), slopes = Double(centred ? k - 1 : k), dfResid = n - Double(k)
        let f = ((tss - ssr) / slopes) / (ssr / dfResid)
        return [("r2", 1 - ssr / tss), ("r2_adj", 1 - (ssr / dfResid) / (tss / (n - (centred ? 1 : 0)))),
                ("f", f), ("f_p", Distributions.fUpperTail(f, df1: slopes, df2: dfResid)),
                ("sigma_e", (ssr / dfResid).squareRoot()), ("ssr", ssr), ("df_resid", dfResid)]
    }

    static func mean(_ v: [Double]) -> Double { v.isEmpty ? 0 : v.reduce(0, +) / Double(v.count) }
    static func sumSquares(_ v: [Double]) -> Double { v.reduce(0) { $0 + $1 * $1 } }
    static func centredSumSquares(_ v: [Double]) -> Double { let m = mean(v); return v.reduce(0) { $0 + ($1 - m) * ($1 - m) } }

    /// y − a − xb (a = b[0] when `intercept`).
    static func fitted(_ y: [Double], _ x: [[Double]], _ b: [Double], intercept: Bool) -> [Double] {
        var e = y
        let off = intercept ? 1 : 0
        for i in 0..<e.count {
            var s = intercept ? b[0] : 0
            for j in 0..<x.count { s += b[j + off] * x[j][i] }
            e[i] -= s
        }
        return e
    }

    /// Mean of `v` within each level of `g`.
    static func groupMeans(_ v: [Double], _ g: GroupCodes) -> [Double] {
        var s = [Double](repeating: 0, count: g.levels), n = [Double](repeating: 0, count: g.levels)
        for i in 0..<v.count { s[Int(g.codes[i])] += v[i]; n[Int(g.codes[i])] += 1 }
        return zip(s, n).map { $0 / $1 }
    }
}
