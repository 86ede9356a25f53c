import Foundation
import MSNStats

/// Small dense kernels for the estimation loop: one Cholesky factorisation gives both Σ⁻¹ and log|Σ|
/// (the general `Matrix` routines factor twice), and bilinear forms are taken without temporaries.
/// The loops run over unsafe buffers: the sizes are checked once on entry.
enum SPDKernel {
    /// Σ⁻¹ and log|Σ| of a symmetric positive-definite matrix from one Cholesky factorisation;
    /// nil when it is not positive definite (or not finite).
    static func inverseAndLogDet(_ s: Matrix) -> (inverse: Matrix, logDet: Double)? {
        let n = s.rows
        guard n == s.cols else { return nil }
        var l = [Double](repeating: 0, count: n * n)
        var inv = Matrix(rows: n, cols: n)
        var logDet = 0.0
        let ok = s.values.withUnsafeBufferPointer { a -> Bool in
            l.withUnsafeMutableBufferPointer { l in
                // L Lᵀ = Σ, column by column.
                for j in 0..<n {
                    var d = a[j * n + j]
                    for k in 0..<j { d -= l[j * n + k] * l[j * n + k] }
                    guard d > 0, d.isFinite else { return false }
                    let ljj = d.squareRoot()
                    l[j * n + j] = ljj
                    logDet += 2 * Foundation.log(ljj)
                    let r = 1 / ljj
                    for i in (j + 1)..<max(j + 1, n) {
                        var v = a[i * n + j]
                        for k in 0..<j { v -= l[i * n + k] * l[j * n + k] }
                        l[i * n + j] = v * r
                    }
                }
                // L⁻¹ in place (lower triangle), then Σ⁻¹ = L⁻ᵀ L⁻¹.
                for i in 0..<n {
                    let lii = l[i * n + i]
                    for j in 0..<i {
                        var v = 0.0
                        for k in j..<i { v -= l[i * n + k] * l[k * n + j] }
                        l[i * n + j] = v / lii
                    }
                    l[i * n + i] = 1 / lii
                }
                return true
            }
        }
        guard ok else { return nil }
        l.withUnsafeBufferPointer { li in
            inv.values.withUnsafeMutableBufferPointer { out in
                for i in 0..<n {
                    for j in 0...i {
                        var v = 0.0
                        for k in i..<n { v += li[k * n + i] * li[k * n + j] }
                        out[i * n + j] = v
                        out[j * n + i] = v
                    }
                }
            }
        }
        return (inv, logDet)
    }

    /// tr(A B) for square matrices of the same size (A B need not be formed).
    static func traceProduct(_ a: Matrix, _ b: Matrix) -> Double {
        let n = a.rows
        return a.values.withUnsafeBufferPointer { a in
            b.values.withUnsafeBufferPointer { b in
                var s = 0.0
                for i in 0..<n { for j in 0..<n { s += a[i * n + j] * b[j * n + i] } }
                return s
            }
        }
    }

    /// aᵀ M b without forming M b; rows where a is zero are skipped (most a's are unit vectors).
    static func bilinear(_ a: [Double], _ m: Matrix, _ b: [Double]) -> Double {
        let n = m.cols
        return a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                m.values.withUnsafeBufferPointer { m in
                    var s = 0.0
                    for i in 0..<a.count where a[i] != 0 {
                        var r = 0.0
                        for j in 0..<n { r += m[i * n + j] * b[j] }
                        s += a[i] * r
                    }
                    return s
                }
            }
        }
    }
}

extension SPDKernel {
    /// Solves A X = B (A square, B with `columns` right-hand sides stored row by row) by LU with partial
    /// pivoting — the same algorithm, pivot rule and singularity threshold as `Matrix.solve`, without its
    /// per-entry checks. Throws `LinearAlgebraError.singular` like it.
    static func solve(_ a: Matrix, _ b: [Double], columns: Int = 1) throws -> [Double] {
        let n = a.rows
        guard n == a.cols, b.count == n * columns else { throw LinearAlgebraError.notSquare }
        var lu = a.values
        var perm = Array(0..<n)
        var x = [Double](repeating: 0, count: n * columns)
        let scale = a.values.reduce(0) { max($0, abs($1)) }
        try lu.withUnsafeMutableBufferPointer { m in
            for k in 0..<n {
                var p = k, best = abs(m[k * n + k])
                for i in (k + 1)..<max(k + 1, n) where abs(m[i * n + k]) > best { best = abs(m[i * n + k]); p = i }
                guard best > 1e-13 * max(scale, 1e-300) else { throw LinearAlgebraError.singular(column: k) }
                if p != k {
                    for j in 0..<n { let t = m[k * n + j]; m[k * n + j] = m[p * n + j]; m[p * n + j] = t }
                    perm.swapAt(k, p)
                }
                let pivot = m[k * n + k]
                for i in (k + 1)..<max(k + 1, n) {
                    m[i * n + k] /= pivot
                    let f = m[i * n + k]
                    if f == 0 { continue }
                    for j in (k + 1)..<n { m[i * n + j] -= f * m[k * n + j] }
                }
            }
            b.withUnsafeBufferPointer { b in
                x.withUnsafeMutableBufferPointer { x in
                    var y = [Double](repeating: 0, count: n)
                    for c in 0..<columns {
                        for i in 0..<n {
                            var s = b[perm[i] * columns + c]
                            for k in 0..<i { s -= m[i * n + k] * y[k] }
                            y[i] = s
                        }
                        for i in stride(from: n - 1, through: 0, by: -1) {
                            var s = y[i]
                            for k in (i + 1)..<max(i + 1, n) { s -= m[i * n + k] * x[k * columns + c] }
                            x[i * columns + c] = s / m[i * n + i]
                        }
                    }
                }
            }
        }
        return x
    }

    /// A⁻¹ by `solve` with the identity (same results as `Matrix.inverse`).
    static func inverse(_ a: Matrix) throws -> Matrix {
        let n = a.rows
        var id = [Double](repeating: 0, count: n * n)
        for i in 0..<n { id[i * n + i] = 1 }
        var out = Matrix(rows: n, cols: n)
        out.values = try solve(a, id, columns: n)
        return out
    }
}
