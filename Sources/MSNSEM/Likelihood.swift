import Foundation
import MSNStats

/// The normal-theory discrepancy summed over data blocks (groups × missing-data patterns):
/// G(θ) = (1/N) Σ_b n_b [log|Σ_b| + tr(Σ_b⁻¹ (S_b + d_b d_bᵀ))], d_b = ȳ_b − μ_b, so that
/// −2 log L = N·G + const. With complete data this is lavaan's F_ML up to a constant; with missing data it
/// is the casewise (FIML) likelihood. Minimised by Fisher scoring with step halving (Likelihood+Minimise).
struct Likelihood {
    let table: ParameterTable
    let blocks: [DataBlock]
    let nTotal: Double

    /// The model at one point: the matrices of every group, Σ_b⁻¹ of every block and G. The gradient at an
    /// accepted point reuses the inverses of its evaluation.
    struct Evaluation {
        let models: [ModelMatrices]
        let inverses: [Matrix]
        let value: Double
    }

    /// The likelihood of every group, or of group `only`'s blocks (still divided by the total N).
    init(table: ParameterTable, groups: [GroupData], only: Int? = nil) {
        self.table = table
        blocks = groups.flatMap(\.blocks).filter { only == nil || $0.group == only }
        nTotal = Double(groups.reduce(0) { $0 + $1.n })
    }

    /// Model matrices of every group at `x`.
    func models(_ x: [Double]) throws -> [ModelMatrices] {
        try (1...table.groups).map { try ModelMatrices(table, free: x, group: $0) }
    }

    /// Σ_b restricted to a block's variables (the whole matrix when the block has every variable).
    func blockSigma(_ sg: Matrix, _ b: DataBlock) -> Matrix {
        let v = b.vars
        return v.count == sg.rows ? sg : Matrix(v.map { i in v.map { sg[i, $0] } })
    }

    /// μ_b restricted to a block's variables.
    func blockMu(_ m: [Double], _ b: DataBlock) -> [Double] {
        b.vars.count == m.count ? m : b.vars.map { m[$0] }
    }

    /// G and every Σ_b⁻¹ at given implied moments (one (Σ, μ) per group), or nil when a Σ_b is not
    /// positive definite.
    func blockInverses(sigma: [Matrix], mu: [[Double]]) -> (value: Double, inverses: [Matrix])? {
        var total = 0.0
        var inverses: [Matrix] = []
        inverses.reserveCapacity(blocks.count)
        for b in blocks {
            guard let (inv, logDet) = SPDKernel.inverseAndLogDet(blockSigma(sigma[b.group - 1], b)) else { return nil }
            var tr = SPDKernel.traceProduct(inv, b.cov)
            if table.meanStructure {
                let d = zip(b.mean, blockMu(mu[b.group - 1], b)).map { $0 - $1 }
                tr += SPDKernel.bilinear(d, inv, d)
            }
            total += Double(b.n) * (logDet + tr)
            inverses.append(inv)
        }
        return (total / nTotal, inverses)
    }

    /// G at given implied moments (one (Σ, μ) per group), or nil when a Σ_b is not positive definite.
    func value(sigma: [Matrix], mu: [[Double]]) -> Double? {
        blockInverses(sigma: sigma, mu: mu)?.value
    }

    /// The evaluation at given model matrices, or nil when some implied covariance is not positive definite.
    func evaluate(models ms: [ModelMatrices]) -> Evaluation? {
        guard let (v, inv) = blockInverses(sigma: ms.map(\.sigma), mu: ms.map(\.mu)) else { return nil }
        return Evaluation(models: ms, inverses: inv, value: v)
    }

    /// The evaluation at `x`, or nil when the model cannot be built or is not positive definite.
    func evaluate(_ x: [Double]) -> Evaluation? {
        guard let ms = try? models(x) else { return nil }
        return evaluate(models: ms)
    }

    /// G at `x`, or nil when some implied covariance is not positive definite.
    func value(_ x: [Double]) -> Double? { evaluate(x)?.value }

    /// The gradient of G and, when `information` is set, its expected Hessian
    /// Σ_b (n_b/N) [tr(W Σ_k W Σ_l) + 2 μ_kᵀ W μ_l] with W = Σ_b⁻¹ (the Fisher information up to N/2).
    func gradient(_ x: [Double], information: Bool = true) throws -> (g: [Double], h: Matrix) {
        try gradient(models: models(x), information: information)
    }

    /// The gradient (and expected Hessian) at already built model matrices.
    func gradient(models ms: [ModelMatrices], information: Bool = true) throws -> (g: [Double], h: Matrix) {
        guard let e = evaluate(models: ms) else { throw SEMError.notPositiveDefinite }
        return gradient(e, information: information)
    }

    /// The observed Hessian of G: central differences of the analytic gradient, symmetrised.
    func observedHessian(_ x: [Double]) throws -> Matrix {
        let q = x.count
        var h = Matrix(rows: q, cols: q)
        for j in 0..<q {
            let step = 1e-5 * max(1, abs(x[j]))
            var up = x, down = x
            up[j] += step; down[j] -= step
            let gu = try gradient(up, information: false).g, gd = try gradient(down, information: false).g
            for i in 0..<q { h[i, j] = (gu[i] - gd[i]) / (2 * step) }
        }
        for i in 0..<q { for j in (i + 1)..<max(i + 1, q) { let v = (h[i, j] + h[j, i]) / 2; h[i, j] = v; h[j, i] = v } }
        return h
    }
}

@inline(__always) func dot(_ a: [Double], _ b: [Double]) -> Double {
    var s = 0.0
    for i in 0..<a.count { s += a[i] * b[i] }
    return s
}
