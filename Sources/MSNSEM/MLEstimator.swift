import Foundation
import MSNStats

/// Maximum-likelihood estimation by Fisher scoring with step halving:
/// F(θ) = log|Σ| + tr(S Σ⁻¹) − log|S| − p, θ ← θ − H⁻¹ g with H_kl = tr(Σ⁻¹ Σ_k Σ⁻¹ Σ_l) (the expected
/// Hessian of F) and g_k = tr((Σ⁻¹ − Σ⁻¹ S Σ⁻¹) Σ_k).
struct MLEstimator {
    let table: ParameterTable
    let s: Matrix
    let logDetS: Double

    init(table: ParameterTable, sample: Matrix) throws {
        self.table = table
        s = sample
        do { logDetS = try sample.logDeterminantSPD() } catch {
            throw SEMError.sampleNotPositiveDefinite("two or more observed variables are collinear, or a variable is constant")
        }
    }

    /// F at `x`, or nil when Σ is not positive definite.
    func objective(_ x: [Double]) -> Double? {
        guard let mm = try? ModelMatrices(table, free: x), let inv = try? mm.sigma.inverseSPD(),
              let logDet = try? mm.sigma.logDeterminantSPD() else { return nil }
        var tr = 0.0
        let p = s.rows
        for i in 0..<p { for j in 0..<p { tr += s[i, j] * inv[j, i] } }
        return logDet + tr - logDetS - Double(p)
    }

    /// Gradient g and expected Hessian H at `x`.
    func gradientAndInformation(_ x: [Double]) throws -> (g: [Double], h: Matrix, sigmaInverse: Matrix) {
        let mm = try ModelMatrices(table, free: x)
        let inv = try mm.sigma.inverseSPD()
        let ds = mm.derivatives(table)
        let weighted = inv * s * inv
        let n = ds.count
        let pk = ds.map { inv * $0 }
        var g = [Double](repeating: 0, count: n)
        for k in 0..<n {
            let d = ds[k]
            var v = 0.0
            for i in 0..<d.values.count { v += (inv.values[i] - weighted.values[i]) * d.values[i] }
            g[k] = v
        }
        var h = Matrix(rows: n, cols: n)
        let p = s.rows
        for k in 0..<n {
            for l in k..<n {
                var v = 0.0
                let a = pk[k].values, b = pk[l].values
                for i in 0..<p { for j in 0..<p { v += a[i * p + j] * b[j * p + i] } }
                h[k, l] = v
                h[l, k] = v
            }
        }
        return (g, h, inv)
    }

    /// Minimises F from `start`; returns the estimates and the number of iterations.
    func minimise(start: [Double], maxIterations: Int = 500) throws -> (x: [Double], iterations: Int, fmin: Double) {
        var x = start
        guard var f = objective(x) else { throw SEMError.unsupported("the starting values give an implied covariance matrix that is not positive definite") }
        for iteration in 1...maxIterations {
            let (g, h, _) = try gradientAndInformation(x)
            let gmax = g.map(abs).max() ?? 0
            if gmax < 1e-10 { return (x, iteration, f) }
            let step: [Double]
            do {
                step = try h.solve(Matrix(g.map { [$0] })).values
            } catch {
                throw SEMError.underIdentified("the information matrix is singular: some parameters cannot be told apart (too many free parameters, or a latent without a scale)")
            }
            var t = 1.0
            var accepted = false
            for _ in 0..<40 {
                let candidate = zip(x, step).map { $0 - t * $1 }
                if let fc = objective(candidate), fc <= f + 1e-14 * max(1, abs(f)) {
                    let improvement = f - fc
                    x = candidate
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
        let (g, _, _) = try gradientAndInformation(x)
        let gmax = g.map(abs).max() ?? 0
        if gmax < 1e-6 { return (x, maxIterations, f) }
        throw SEMError.notConverged(iterations: maxIterations, gradient: gmax)
    }
}
