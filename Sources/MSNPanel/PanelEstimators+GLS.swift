import Foundation
import MSNStats

extension PanelEstimators {
    /// OLS of Δy on Δx without a constant. A difference is taken only between consecutive periods
    /// of the same entity (integer times such as years must differ by exactly 1); gaps are skipped and counted.
    static func firstDifference(_ d: PanelData, _ spec: PanelSpecification) throws -> PanelFit {
        let entity = try key(d, spec.entityKey ?? "")
        guard let period = d.period else { throw PanelError.needsPanelKeys("model = \"fd\"") }
        let order = (0..<d.rows).sorted { (entity.codes[$0], period[$0]) < (entity.codes[$1], period[$1]) }
        var later: [Int] = [], earlier: [Int] = [], gaps = 0
        for (a, b) in zip(order, order.dropFirst()) where entity.codes[a] == entity.codes[b] {
            if period[a] == period[b] { throw PanelError.duplicateKeys(id: spec.entityKey ?? "id", time: spec.timeKey ?? "time") }
            if period[b] - period[a] == 1 { earlier.append(a); later.append(b) } else { gaps += 1 }
        }
        let dy = zip(later, earlier).map { d.y[$0] - d.y[$1] }
        let dx = d.x.map { c in zip(later, earlier).map { c[$0] - c[$1] } }
        try checkVariation(raw: d.x, transformed: dx, names: spec.regressors)
        let sol = try QRLeastSquares.solve(columns: dx, y: dy, names: spec.regressors)
        let clusterCodes = try spec.clusterKeys.map { try key(d, $0).subset(later) }
        let dof = DegreesOfFreedom(regressors: dx.count, fixedEffects: 0, nestedFixedEffects: 0, nestedKeys: 0)
        var notes: [String] = []
        if gaps > 0 { notes.append("\(gaps) pairs of rows more than one period apart were not differenced") }
        // linearmodels' FD R² is uncentred: 1 − SSR/Σ(Δy)².
        return PanelFit(specification: spec, terms: spec.regressors, solution: sol, design: dx, data: d, observations: dy.count,
                        clusterCodes: clusterCodes, dof: dof, measures: olsMeasures(dy, sol, k: dx.count, centred: false), notes: notes)
    }

    /// Random effects by feasible GLS with Swamy–Arora variance components (as linearmodels' RandomEffects):
    /// σ²ₑ = SSR_within/(N − n − k_w), k_w the regressors that vary within entities;
    /// σ²ᵤ = max(0, SSR_between/(n − k_b) − σ²ₑ/T̄), T̄ the harmonic mean of the entity sizes;
    /// θᵢ = 1 − √(σ²ₑ/(Tᵢσ²ᵤ + σ²ₑ)); then OLS of y − θᵢȳᵢ on [1, x] − θᵢ[1, x̄ᵢ].
    static func random(_ d: PanelData, _ spec: PanelSpecification) throws -> PanelFit {
        let entity = try key(d, spec.entityKey ?? "")
        let n = entity.levels, rows = d.rows, k = d.x.count
        guard n > k + 1, rows > n + 1 else { throw PanelError.tooFewRows(used: rows, needed: max(n + 2, k + 2)) }
        let one = Demeaner(keys: [entity])
        let (cols, _) = try one.demean([d.y] + d.x)
        let yw = cols[0]
        let varying = (0..<k).filter { sumSquares(cols[$0 + 1]) > 1e-18 * max(centredSumSquares(d.x[$0]), 1e-300) }
        let ssrWithin = varying.isEmpty ? sumSquares(yw)
            : sumSquares(try QRLeastSquares.solve(columns: varying.map { cols[$0 + 1] }, y: yw, names: varying.map { spec.regressors[$0] }).residuals)
        let sigma2e = ssrWithin / Double(rows - n - varying.count)
        let ym = groupMeans(d.y, entity), xm = d.x.map { groupMeans($0, entity) }
        let terms = ["(Intercept)"] + spec.regressors
        let betweenFit = try QRLeastSquares.solve(columns: [[Double](repeating: 1, count: n)] + xm, y: ym, names: terms)
        let counts = entity.counts.map(Double.init)
        let tbar = Double(n) / counts.reduce(0) { $0 + 1 / $1 }
        let sigma2u = max(0, sumSquares(betweenFit.residuals) / Double(n - k - 1) - sigma2e / tbar)
        let theta = counts.map { 1 - (sigma2e / ($0 * sigma2u + sigma2e)).squareRoot() }
        var yq = d.y, design = [[Double](repeating: 1, count: rows)] + d.x
        for i in 0..<rows {
            let g = Int(entity.codes[i]), t = theta[g]
            yq[i] -= t * ym[g]
            design[0][i] -= t
            for j in 0..<k { design[j + 1][i] -= t * xm[j][g] }
        }
        let sol = try QRLeastSquares.solve(columns: design, y: yq, names: terms)
        let clusterCodes = try spec.clusterKeys.map { try key(d, $0) }
        let dof = DegreesOfFreedom(regressors: k + 1, fixedEffects: 0, nestedFixedEffects: 0, nestedKeys: 0)
        let b = sol.coefficients
        let within = fitted(yw, Array(cols.dropFirst()), Array(b.dropFirst()), intercept: false)
        let betweenResid = fitted(ym, xm, b, intercept: true), overall = fitted(d.y, d.x, b, intercept: true)
        var measures = olsMeasures(yq, sol, k: k + 1, centred: true)
        measures += [
            ("r2_within", 1 - sumSquares(within) / sumSquares(yw)),
            ("r2_between", 1 - sumSquares(betweenResid) / centredSumSquares(ym)),
            ("r2_overall", 1 - sumSquares(overall) / centredSumSquares(d.y)),
            ("sigma2_u", sigma2u), ("sigma2_e", sigma2e), ("rho", sigma2u / (sigma2u + sigma2e)),
            ("theta", theta.min() == theta.max() ? theta[0] : mean(theta)),
        ]
        return PanelFit(specification: spec, terms: terms, solution: sol, design: design, data: d, observations: rows,
                        clusterCodes: clusterCodes, dof: dof, measures: measures, notes: [])
    }
}
