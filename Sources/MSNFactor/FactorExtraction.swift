import Foundation
import MSNStats

/// Unrotated factor loadings: iterated principal axes or maximum likelihood.
enum FactorExtraction {
    /// Squared multiple correlations, 1 − 1/diag(R⁻¹): the usual starting communalities.
    static func smc(_ r: Matrix) throws -> [Double] {
        guard let inv = try? r.inverseSPD() else { throw FactorError.singular }
        return inv.diagonal.map { 1 - 1 / $0 }
    }

    /// The first `k` eigenvectors scaled by the square roots of their (non-negative) eigenvalues.
    static func scaledVectors(_ m: Matrix, _ k: Int) -> (loadings: Matrix, values: [Double]) {
        let (values, vectors) = m.symmetricEigen()
        var l = Matrix(rows: m.rows, cols: k)
        for j in 0..<k { let s = max(values[j], 0).squareRoot(); for i in 0..<m.rows { l[i, j] = vectors[i, j] * s } }
        return (l, values)
    }

    /// Principal axes: the diagonal of R replaced by communalities until they stop changing
    /// (total change below 1e-13, as `psych::fa(fm = "pa")` with a tight `min.err`).
    static func principalAxes(_ r: Matrix, factors k: Int) throws -> (loadings: Matrix, iterations: Int) {
        var h = try smc(r)
        var total = h.reduce(0, +)
        for iteration in 1...20_000 {
            var reduced = r
            for i in 0..<r.rows { reduced[i, i] = h[i] }
            let (l, _) = scaledVectors(reduced, k)
            h = (0..<r.rows).map { i in (0..<k).reduce(0) { $0 + l[i, $1] * l[i, $1] } }
            let newTotal = h.reduce(0, +)
            if abs(newTotal - total) < 1e-13 { return (l, iteration) }
            total = newTotal
        }
        throw FactorError.notConverged("principal-axis factoring (20,000 iterations)")
    }

    /// The ML discrepancy for uniquenesses ψ and its gradient with respect to log ψ (Jöreskog 1967;
    /// R's `factanal`): with S* = Ψ^-½ R Ψ^-½ and eigenvalues e, F = Σ_{j>k} (e_j − log e_j − 1).
    static func mlObjective(_ r: Matrix, _ psi: [Double], _ k: Int) -> (f: Double, gradient: [Double], loadings: Matrix) {
        let p = r.rows
        var s = r
        for i in 0..<p { for j in 0..<p { s[i, j] = r[i, j] / (psi[i] * psi[j]).squareRoot() } }
        let (e, v) = s.symmetricEigen()
        var f = 0.0
        for j in k..<p { f += e[j] - Foundation.log(max(e[j], 1e-300)) - 1 }
        var l = Matrix(rows: p, cols: k)
        for j in 0..<k {
            let c = max(e[j] - 1, 0).squareRoot()
            for i in 0..<p { l[i, j] = psi[i].squareRoot() * v[i, j] * c }
        }
        let g = (0..<p).map { i -> Double in
            let fitted = (0..<k).reduce(0) { $0 + l[i, $1] * l[i, $1] } + psi[i]
            return (fitted - r[i, i]) / psi[i]
        }
        return (f, g, l)
    }

    /// Maximum likelihood: uniquenesses by BFGS on log ψ, bounded below by 0.005 as `factanal`.
    static func maximumLikelihood(_ r: Matrix, factors k: Int) throws -> (loadings: Matrix, uniquenesses: [Double], discrepancy: Double, iterations: Int) {
        let p = r.rows
        guard let inv = try? r.inverseSPD() else { throw FactorError.singular }
        let lower = Foundation.log(0.005)
        var u = inv.diagonal.map { Foundation.log(min(1, (1 - 0.5 * Double(k) / Double(p)) / $0)) }
        func eval(_ u: [Double]) -> (Double, [Double], Matrix) {
            let r0 = mlObjective(r, u.map { Foundation.exp($0) }, k)
            // Projected gradient: no pull below the bound.
            let g = zip(u, r0.gradient).map { $0 <= lower && $1 > 0 ? 0 : $1 }
            return (r0.f, g, r0.loadings)
        }
        var (f, g, l) = eval(u)
        var h = Matrix.identity(p)
        for iteration in 1...5_000 {
            if g.map(abs).max() ?? 0 < 1e-11 { return (l, u.map { Foundation.exp($0) }, f, iteration) }
            var d = h.apply(g).map { -$0 }
            if zip(d, g).reduce(0, { $0 + $1.0 * $1.1 }) >= 0 { h = Matrix.identity(p); d = g.map { -$0 } }
            var step = 1.0, accepted = false
            var next = (f, g, l), un = u
            for _ in 0..<60 {
                un = zip(u, d).map { max(lower, $0 + step * $1) }
                next = eval(un)
                if next.0 <= f + 1e-4 * step * zip(d, g).reduce(0, { $0 + $1.0 * $1.1 }) || next.0 < f { accepted = true; break }
                step /= 2
            }
            guard accepted else { return (l, u.map { Foundation.exp($0) }, f, iteration) }
            let sv = zip(un, u).map { $0 - $1 }, yv = zip(next.1, g).map { $0 - $1 }
            let sy = zip(sv, yv).reduce(0) { $0 + $1.0 * $1.1 }
            if sy > 1e-16 {
                let hy = h.apply(yv)
                let yhy = zip(yv, hy).reduce(0) { $0 + $1.0 * $1.1 }
                for a in 0..<p { for b in 0..<p {
                    h[a, b] += (sy + yhy) * sv[a] * sv[b] / (sy * sy) - (hy[a] * sv[b] + sv[a] * hy[b]) / sy
                } }
            }
            u = un; (f, g, l) = next
            if sv.map(abs).max() ?? 0 < 1e-15 { return (l, u.map { Foundation.exp($0) }, f, iteration) }
        }
        throw FactorError.notConverged("maximum-likelihood factoring (5,000 iterations)")
    }
}
