import Foundation
import MSNStats

/// Least squares by Householder QR with column pivoting, on column-major data.
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
        var perm = Array(0..<k)
        var norms = a.map { c in c.reduce(0) { $0 + $1 * $1 } }
        let scale = norms.max().map { $0.squareRoot() } ?? 1
        var r = Matrix(rows: k, cols: k)
        var aliased: [String] = []
        for j in 0..<k {
            // Pivot: the remaining column with the largest norm.
            var p = j
            for c in (j + 1)..<max(j + 1, k) where norms[c] > norms[p] { p = c }
            if p != j { a.swapAt(j, p); perm.swapAt(j, p); norms.swapAt(j, p); for i in 0..<j { let t = r[i, j]; r[i, j] = r[i, p]; r[i, p] = t } }
            var alpha = 0.0
            a[j].withUnsafeBufferPointer { c in for i in j..<n { alpha += c[i] * c[i] } }
            alpha = alpha.squareRoot()
            guard alpha > 1e-10 * scale else {
                aliased = perm[j...].map { names[$0] }
                break
            }
            if a[j][j] > 0 { alpha = -alpha }
            // v = x − αe₁ (stored in a[j][j...]), H = I − 2vv'/(v'v).
            a[j][j] -= alpha
            var vv = 0.0
            a[j].withUnsafeBufferPointer { c in for i in j..<n { vv += c[i] * c[i] } }
            let v = a[j]
            func reflect(_ col: inout [Double]) {
                col.withUnsafeMutableBufferPointer { c in
                    v.withUnsafeBufferPointer { vp in
                        var d = 0.0
                        for i in j..<n { d += vp[i] * c[i] }
                        let f = 2 * d / vv
                        for i in j..<n { c[i] -= f * vp[i] }
                    }
                }
            }
            for c in (j + 1)..<max(j + 1, k) { reflect(&a[c]); r[j, c] = a[c][j]; norms[c] -= a[c][j] * a[c][j] }
            reflect(&qty)
            r[j, j] = alpha
            // Refresh the downdated norms now and then to keep them accurate.
            for c in (j + 1)..<max(j + 1, k) where norms[c] < 1e-8 * scale * scale {
                var s = 0.0
                for i in (j + 1)..<n { s += a[c][i] * a[c][i] }
                norms[c] = s
            }
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
        var b = [Double](repeating: 0, count: k)
        var inv = Matrix(rows: k, cols: k)
        for i in 0..<k {
            b[perm[i]] = bp[i]
            for j in 0..<k {
                var s = 0.0
                for m in max(i, j)..<k { s += rinv[i, m] * rinv[j, m] }
                inv[perm[i], perm[j]] = s
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
