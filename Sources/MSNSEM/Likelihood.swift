import Foundation
import MSNStats

/// The normal-theory discrepancy summed over data blocks (groups × missing-data patterns):
/// G(θ) = (1/N) Σ_b n_b [log|Σ_b| + tr(Σ_b⁻¹ (S_b + d_b d_bᵀ))], d_b = ȳ_b − μ_b, so that
/// −2 log L = N·G + const. With complete data this is lavaan's F_ML up to a constant; with missing data it
/// is the casewise (FIML) likelihood. Minimised by Fisher scoring with step halving.
struct Likelihood {
    let table: ParameterTable
    let blocks: [DataBlock]
    let nTotal: Double

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

    /// Σ_b and μ_b restricted to a block's variables.
    private func restrict(_ mm: ModelMatrices, _ b: DataBlock) -> (Matrix, [Double]) {
        let v = b.vars
        return (Matrix(v.map { i in v.map { mm.sigma[i, $0] } }), v.map { mm.mu[$0] })
    }

    /// G at given implied moments (one (Σ, μ) per group), or nil when a Σ_b is not positive definite.
    func value(sigma: [Matrix], mu: [[Double]]) -> Double? {
        var total = 0.0
        for b in blocks {
            let v = b.vars, sg = sigma[b.group - 1]
            let full = v.count == sg.rows
            let s = full ? sg : Matrix(v.map { i in v.map { sg[i, $0] } })
            guard let (inv, logDet) = SPDKernel.inverseAndLogDet(s) else { return nil }
            var tr = SPDKernel.traceProduct(inv, b.cov)
            if table.meanStructure {
                let m = mu[b.group - 1]
                let d = full ? zip(b.mean, m).map { $0 - $1 } : zip(b.mean, v.map { m[$0] }).map { $0 - $1 }
                tr += SPDKernel.bilinear(d, inv, d)
            }
            total += Double(b.n) * (logDet + tr)
        }
        return total / nTotal
    }

    /// G at `x`, or nil when some implied covariance is not positive definite.
    func value(_ x: [Double]) -> Double? {
        guard let ms = try? models(x) else { return nil }
        return value(sigma: ms.map(\.sigma), mu: ms.map(\.mu))
    }

    /// The gradient of G and, when `information` is set, its expected Hessian
    /// Σ_b (n_b/N) [tr(W Σ_k W Σ_l) + 2 μ_kᵀ W μ_l] with W = Σ_b⁻¹ (the Fisher information up to N/2).
    func gradient(_ x: [Double], information: Bool = true) throws -> (g: [Double], h: Matrix) {
        try gradient(models: models(x), information: information)
    }

    /// The gradient (and expected Hessian) at already built model matrices.
    func gradient(models ms: [ModelMatrices], information: Bool = true) throws -> (g: [Double], h: Matrix) {
        let q = table.freeCount
        var g = [Double](repeating: 0, count: q)
        var h = Matrix(rows: information ? q : 0, cols: information ? q : 0)
        let derivs = ms.map { $0.derivatives(table) }
        for b in blocks {
            let mm = ms[b.group - 1]
            let (sigmaTerms, muD) = derivs[b.group - 1]
            let pb = b.vars.count
            let full = pb == mm.sigma.rows
            let (s, mu) = full ? (mm.sigma, mm.mu) : restrict(mm, b)
            guard let w = SPDKernel.inverseAndLogDet(s)?.inverse else { throw SEMError.notPositiveDefinite }
            let d = table.meanStructure ? zip(b.mean, mu).map { $0 - $1 } : [Double](repeating: 0, count: pb)
            var t = b.cov
            for i in 0..<pb { for j in 0..<pb { t[i, j] += d[i] * d[j] } }
            let wtw = w * t * w
            let scale = Double(b.n) / nTotal
            // Restricted derivative pieces, dropping those that vanish on this block's variables.
            var pieces: [(k: Int, coef: Double, a: [Double], b: [Double])] = []
            pieces.reserveCapacity(sigmaTerms.count)
            for term in sigmaTerms {
                if full { pieces.append((term.k, term.coef, term.a, term.b)); continue }
                let a = b.vars.map { term.a[$0] }, bb = b.vars.map { term.b[$0] }
                if a.allSatisfy({ $0 == 0 }) || bb.allSatisfy({ $0 == 0 }) { continue }
                pieces.append((term.k, term.coef, a, bb))
            }
            // Gradient: Σ part tr((W − W T W) Σ_k) = 2 coef aᵀ (W − W T W) b; μ part −2 dᵀ W μ_k.
            var m = w
            for i in 0..<(pb * pb) { m.values[i] -= wtw.values[i] }
            for pc in pieces { g[pc.k] += scale * 2 * pc.coef * SPDKernel.bilinear(pc.a, m, pc.b) }
            let wd = w.apply(d)
            var muRestricted: [(Int, [Double])] = []
            for k in 0..<q where !muD[k].isEmpty {
                let v = full ? muD[k] : b.vars.map { muD[k][$0] }
                muRestricted.append((k, v))
                g[k] -= scale * 2 * dot(wd, v)
            }
            guard information else { continue }
            // Inner products of every a and b under W, then tr(W Σ_s W Σ_t) = 2[(aᵀWc)(bᵀWd) + (aᵀWd)(bᵀWc)].
            let np = pieces.count
            // uᵀ (W u) = uᵀ (uᵀ W)ᵀ: uᵀ is the left factor twice, so the products skip its zeros (most
            // pieces are unit vectors or sparse columns of Λ).
            var ut = Matrix(rows: 2 * np, cols: pb)
            for (c, pc) in pieces.enumerated() { for i in 0..<pb { ut[c, i] = pc.a[i]; ut[np + c, i] = pc.b[i] } }
            let gram = ut * (ut * w).transposed
            for s in 0..<np {
                for t in s..<np {
                    let v = 2 * (gram[s, t] * gram[np + s, np + t] + gram[s, np + t] * gram[np + s, t]) * pieces[s].coef * pieces[t].coef * scale
                    let (ks, kt) = (pieces[s].k, pieces[t].k)
                    h[ks, kt] += v
                    if s != t { h[kt, ks] += v }
                }
            }
            for (a, (ka, va)) in muRestricted.enumerated() {
                let wv = w.apply(va)
                for (kb, vb) in muRestricted[a...] {
                    let v = 2 * scale * dot(wv, vb)
                    h[ka, kb] += v
                    if ka != kb { h[kb, ka] += v }
                }
            }
        }
        return (g, h)
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

    /// Minimises G from `start`; returns the estimates, iterations and the minimum. Fisher scoring until the
    /// gradient is small, then BFGS updates of the last Fisher matrix: scoring converges only linearly when
    /// the model does not fit exactly (with complete data) or when the expected information differs from
    /// the Hessian (missing-data patterns), the updates superlinearly. The model matrices of the accepted
    /// point are kept for the next gradient.
    func minimise(start: [Double], maxIterations: Int = 500) throws -> (x: [Double], iterations: Int, value: Double) {
        var x = start
        guard var ms = try? models(x), var f = value(sigma: ms.map(\.sigma), mu: ms.map(\.mu)) else {
            throw SEMError.unsupported("the starting values give an implied covariance matrix that is not positive definite")
        }
        let quasiNewtonFrom = blocks.contains { $0.vars.count < table.observed.count } ? 1e-4 : Likelihood.switchToBFGS
        // The BFGS phase keeps the inverse of the Hessian approximation (updated in O(q²), no solve per step).
        var inverseHessian: Matrix?
        var previous: (x: [Double], g: [Double])?
        for iteration in 1...maxIterations {
            let (g, h) = try gradient(models: ms, information: inverseHessian == nil)
            if var hi = inverseHessian, let prev = previous {
                let sv = zip(x, prev.x).map { $0 - $1 }, yv = zip(g, prev.g).map { $0 - $1 }
                let ys = dot(yv, sv), hy = hi.apply(yv), yhy = dot(yv, hy)
                if ys > 1e-12 * (dot(yv, yv) * dot(sv, sv)).squareRoot(), yhy > 0 {
                    let rho = 1 / ys, c = rho * rho * yhy + rho
                    let n = sv.count
                    hi.values.withUnsafeMutableBufferPointer { m in
                        for i in 0..<n { for j in 0..<n { m[i * n + j] += c * sv[i] * sv[j] - rho * (hy[i] * sv[j] + sv[i] * hy[j]) } }
                    }
                }
                inverseHessian = hi
            }
            let gmax = g.map(abs).max() ?? 0
            if gmax < 1e-10 { return (x, iteration, f) }
            previous = (x, g)
            let step: [Double]
            do {
                if inverseHessian == nil && gmax < quasiNewtonFrom { inverseHessian = try SPDKernel.inverseInformation(h) }
                if let hi = inverseHessian { step = hi.apply(g) } else { step = try SPDKernel.solve(h, g) }
            } catch {
                throw SEMError.underIdentified("the information matrix is singular: some parameters cannot be told apart (too many free parameters, or a latent without a scale)")
            }
            var t = 1.0
            var accepted = false
            for _ in 0..<40 {
                let candidate = zip(x, step).map { $0 - t * $1 }
                if let mc = try? models(candidate), let fc = value(sigma: mc.map(\.sigma), mu: mc.map(\.mu)), fc <= f + 1e-14 * max(1, abs(f)) {
                    let improvement = f - fc
                    x = candidate
                    ms = mc
                    f = fc
                    accepted = true
                    if improvement < 1e-15 && gmax < 1e-7 { return (x, iteration, f) }
                    break
                }
                t /= 2
            }
            if !accepted {
                if gmax < 1e-6 { return (x, iteration, f) }
                throw SEMError.notConverged(iterations: iteration, gradient: gmax)
            }
        }
        let gmax = (try gradient(models: ms, information: false).g).map(abs).max() ?? 0
        if gmax < 1e-6 { return (x, maxIterations, f) }
        throw SEMError.notConverged(iterations: maxIterations, gradient: gmax)
    }

    /// The largest gradient entry at which complete-data fits leave Fisher scoring for BFGS updates.
    /// (1e-2: on the Holzinger–Swineford CFA, 13 iterations instead of 35 for scoring alone.)
    static let switchToBFGS = 1e-2
}

@inline(__always) func dot(_ a: [Double], _ b: [Double]) -> Double {
    var s = 0.0
    for i in 0..<a.count { s += a[i] * b[i] }
    return s
}
