import Foundation
import MSNStats

/// Least squares by Householder QR (columns in order, rank-deficient columns named), on column-major data.
/// (X'X)⁻¹ = R⁻¹R⁻ᵀ (in the original column order) is kept for the covariance estimators, so no
/// normal equations are ever formed. TODO(merge): MSNStats is getting a shared pivoted QR; use it here.
struct QRLeastSquares: Sendable {
    /// Coefficients, in the order of the input columns.
    let coefficients: [Double]
    /// y − Xb.
    let residuals: [Double]
    /// (X'X)⁻¹, k × k, in the order of the input columns.
    let xtxInverse: Matrix

    /// Solves min ‖y − Xb‖. Throws `.collinear` naming the columns whose pivot vanishes.
    static func solve(columns x: [[Double]], y: [Double], names: [String]) throws -> QRLeastSquares {
        let k = x.count, n = y.count
        guard n > k else { throw PanelError.tooFewRows(used: n, needed: k + 1) }
        if k == 0 { return QRLeastSquares(coefficients: [], residuals: y, xtxInverse: Matrix(rows: 0, cols: 0)) }
        var a = x, qty = y
        let original = a.map { c in c.reduce(0) { $0 + $1 * $1 }.squareRoot() }
        var r = Matrix(rows: k, cols: k)
        var aliased: [String] = []
        // Columns in the given order (R's limited pivoting): a column whose remaining norm is a tiny share of
        // its own norm depends on the earlier ones, and the later column is the one named.
        var step = 0
        for j in 0..<k {
            var alpha = 0.0
            a[j].withUnsafeBufferPointer { c in for i in step..<n { alpha += c[i] * c[i] } }
            alpha = alpha.squareRoot()
            guard alpha > 1e-9 * original[j], alpha > 0 else { aliased.append(names[j]); continue }
            if a[j][step] > 0 { alpha = -alpha }
            // v = x − αe₁ (stored in a[j][step...]), H = I − 2vv'/(v'v).
            a[j][step] -= alpha
            var vv = 0.0
            a[j].withUnsafeBufferPointer { c in for i in step..<n { vv += c[i] * c[i] } }
            let v = a[j]
            func reflect(_ col: inout [Double]) {
                col.withUnsafeMutableBufferPointer { c in
                    v.withUnsafeBufferPointer { vp in
                        var d = 0.0
                        for i in step..<n { d += vp[i] * c[i] }
                        let f = 2 * d / vv
                        for i in step..<n { c[i] -= f * vp[i] }
                    }
                }
            }
            for c in (j + 1)..<max(j + 1, k) { reflect(&a[c]); r[step, c] = a[c][step] }
            reflect(&qty)
            r[step, j] = alpha
            step += 1
        }
        guard aliased.isEmpty else { throw PanelError.collinear(aliased) }
        // Back-substitute R b = Q'y, invert R.
        var bp = [Double](repeating: 0, count: k)
        for i in stride(from: k - 1, through: 0, by: -1) {
            var s = qty[i]
            for c in (i + 1)..<k { s -= r[i, c] * bp[c] }
            bp[i] = s / r[i, i]
        }
        var rinv = Matrix(rows: k, cols: k)
        for i in stride(from: k - 1, through: 0, by: -1) {
            rinv[i, i] = 1 / r[i, i]
            for c in (i + 1)..<k {
                var s = 0.0
                for m in (i + 1)...c { s += r[i, m] * rinv[m, c] }
                rinv[i, c] = -s / r[i, i]
            }
        }
        let b = bp
        var inv = Matrix(rows: k, cols: k)
        for i in 0..<k {
            for j in 0..<k {
                var s = 0.0
                for m in max(i, j)..<k { s += rinv[i, m] * rinv[j, m] }
                inv[i, j] = s
            }
        }
        var e = y
        for c in 0..<k {
            let bc = b[c]
            x[c].withUnsafeBufferPointer { xc in for i in 0..<n { e[i] -= bc * xc[i] } }
        }
        return QRLeastSquares(coefficients: b, residuals: e, xtxInverse: inv)
    }
}
