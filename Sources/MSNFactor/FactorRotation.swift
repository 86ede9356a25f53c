import Foundation
import MSNStats

/// Rotations of a loading matrix: varimax (as R's `varimax`), promax (as R's `promax`, m = 4) and
/// direct quartimin by gradient projection (Bernaards & Jennrich 2005, as GPArotation's `oblimin`).
enum FactorRotation {
    /// Rotated loadings (pattern) and factor correlations.
    static func rotate(_ a: Matrix, _ rotation: FactorSpecification.Rotation) throws -> (loadings: Matrix, phi: Matrix) {
        guard a.cols > 1 else { return (a, Matrix.identity(a.cols)) }
        switch rotation {
        case .none: return (a, Matrix.identity(a.cols))
        case .varimax: return (varimax(a), Matrix.identity(a.cols))
        case .promax: return try promax(a)
        case .oblimin: return try quartimin(a)
        }
    }

    /// B(BᵀB)^-½: the orthogonal factor of B's polar decomposition, and the sum of B's singular values.
    static func polar(_ b: Matrix) -> (Matrix, Double) {
        let (mu, w) = (b.transposed * b).symmetricEigen()
        var inner = Matrix(rows: b.cols, cols: b.cols)
        for i in 0..<b.cols { for j in 0..<b.cols {
            inner[i, j] = (0..<b.cols).reduce(0) { $0 + w[i, $1] * w[j, $1] / max(mu[$1], 1e-300).squareRoot() }
        } }
        return (b * inner, mu.reduce(0) { $0 + max($1, 0).squareRoot() })
    }

    /// Varimax with Kaiser normalisation, iterated until the criterion stops growing (relative 1e-15).
    static func varimax(_ a: Matrix) -> Matrix {
        let p = a.rows, k = a.cols
        let sc = (0..<p).map { i in (0..<k).reduce(0) { $0 + a[i, $1] * a[i, $1] }.squareRoot() }
        var x = a
        for i in 0..<p { for j in 0..<k { x[i, j] /= sc[i] } }
        var t = Matrix.identity(k), d = 0.0
        for _ in 0..<10_000 {
            let z = x * t
            var zc = Matrix(rows: p, cols: k)
            let colSq = (0..<k).map { j in (0..<p).reduce(0) { $0 + z[$1, j] * z[$1, j] } / Double(p) }
            for i in 0..<p { for j in 0..<k { zc[i, j] = z[i, j] * z[i, j] * z[i, j] - z[i, j] * colSq[j] } }
            let (tt, dNew) = polar(x.transposed * zc)
            t = tt
            if dNew < d * (1 + 1e-15) { break }
            d = dNew
        }
        var z = x * t
        for i in 0..<p { for j in 0..<k { z[i, j] *= sc[i] } }
        return z
    }

    /// Promax: a varimax solution raised to the 4th power (sign kept) as a target, fitted by least squares.
    static func promax(_ a: Matrix) throws -> (Matrix, Matrix) {
        let v = varimax(a)
        var q = v
        for i in 0..<v.rows { for j in 0..<v.cols { q[i, j] = v[i, j] * abs(v[i, j]) * abs(v[i, j]) * abs(v[i, j]) } }
        var u = try (v.transposed * v).solve(v.transposed * q)
        let d = try (u.transposed * u).inverse().diagonal
        for i in 0..<u.rows { for j in 0..<u.cols { u[i, j] *= d[j].squareRoot() } }
        return (v * u, try (u.transposed * u).inverse())
    }

    /// The quartimin criterion ¼ Σ_i Σ_{j≠l} λ²_ij λ²_il and its gradient.
    static func quartiminCriterion(_ l: Matrix) -> (Double, Matrix) {
        var g = Matrix(rows: l.rows, cols: l.cols), f = 0.0
        for i in 0..<l.rows {
            let sq = (0..<l.cols).map { l[i, $0] * l[i, $0] }, total = sq.reduce(0, +)
            for j in 0..<l.cols { let x = total - sq[j]; g[i, j] = l[i, j] * x; f += sq[j] * x }
        }
        return (f / 4, g)
    }

    /// Direct quartimin by the oblique gradient-projection algorithm, from the identity.
    static func quartimin(_ a: Matrix) throws -> (Matrix, Matrix) {
        let k = a.cols
        var t = Matrix.identity(k)
        func loadings(_ t: Matrix) throws -> Matrix { a * (try t.inverse()).transposed }
        var l = try loadings(t)
        var (f, gq) = quartiminCriterion(l)
        var g = ((l.transposed * gq) * (try t.inverse())).transposed
        g = -1 * g
        var al = 1.0
        for _ in 0..<20_000 {
            var gp = g
            for j in 0..<k {
                let c = (0..<k).reduce(0) { $0 + t[$1, j] * g[$1, j] }
                for i in 0..<k { gp[i, j] -= t[i, j] * c }
            }
            let s = gp.values.reduce(0) { $0 + $1 * $1 }.squareRoot()
            if s < 1e-8 || al < 1e-30 { break }   // as GPArotation with eps = 1e-8; below that the line search stalls
            al *= 2
            var tt = t, lt = l, ft = f, gqt = gq
            for _ in 0...10 {
                var x = t - al * gp
                for j in 0..<k {
                    let norm = (0..<k).reduce(0) { $0 + x[$1, j] * x[$1, j] }.squareRoot()
                    for i in 0..<k { x[i, j] /= norm }
                }
                tt = x
                lt = try loadings(tt)
                (ft, gqt) = quartiminCriterion(lt)
                if f - ft > 0.5 * s * s * al { break }
                al /= 2
            }
            t = tt; l = lt; f = ft; gq = gqt
            g = -1 * ((l.transposed * gq) * (try t.inverse())).transposed
        }
        return (l, t.transposed * t)
    }
}
