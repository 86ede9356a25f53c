import Foundation
import MSNStats

/// Small dense kernels for the estimation loop: one Cholesky factorisation gives both Σ⁻¹ and log|Σ|
/// (the general `Matrix` routines factor twice), and bilinear forms are taken without temporaries.
/// The loops run over unsafe buffers: the sizes are checked once on entry.
enum SPDKernel {
    /// Σ⁻¹ and log|Σ| of a symmetric positive-definite matrix from one Cholesky factorisation;
    /// nil when it is not positive definite (or not finite).
    static func inverseAndLogDet(_ s: Matrix, minimumPivot: Double = 0) -> (inverse: Matrix, logDet: Double)? {
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
                    guard d > minimumPivot, d.isFinite else { return false }
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
                return true
            }
        }
        guard ok else { return nil }
        // X = L⁻¹ row by row (X_i = (e_i − Σ_{k<i} L_ik X_k) / L_ii, rows contiguous), then
        // Σ⁻¹ = Xᵀ X accumulated row by row of X: every inner loop runs along a contiguous row.
        var x = [Double](repeating: 0, count: n * n)
        l.withUnsafeBufferPointer { l in
            x.withUnsafeMutableBufferPointer { x in
                for i in 0..<n {
                    let ri = i * n
                    x[ri + i] = 1
                    for k in 0..<i {
                        let f = l[ri + k]
                        if f == 0 { continue }
                        let rk = k * n
                        for j in 0...k { x[ri + j] -= f * x[rk + j] }
                    }
                    let d = 1 / l[ri + i]
                    for j in 0...i { x[ri + j] *= d }
                }
            }
        }
        x.withUnsafeBufferPointer { x in
            inv.values.withUnsafeMutableBufferPointer { out in
                for k in 0..<n {
                    let rk = k * n
                    for i in 0...k {
                        let f = x[rk + i]
                        if f == 0 { continue }
                        let ri = i * n
                        for j in 0...i { out[ri + j] += f * x[rk + j] }
                    }
                }
                for i in 0..<n { for j in 0..<i { out[j * n + i] = out[i * n + j] } }
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

extension SPDKernel {
    /// The inverse of a symmetric positive-definite matrix (an information matrix) by Cholesky, or nil when
    /// a pivot falls below 1e-13 of the largest entry (the threshold of the LU routines): then the caller
    /// falls back to LU, which reports singularity or inverts an indefinite matrix as before.
    static func inverseSPD(_ a: Matrix) -> Matrix? {
        let scale = a.values.reduce(0) { max($0, abs($1)) }
        let n = a.rows
        for i in 0..<n where !(a[i, i] > 1e-13 * scale) { return nil }
        guard let (inv, _) = inverseAndLogDet(a, minimumPivot: 1e-13 * scale) else { return nil }
        return inv
    }

    /// A⁻¹ of an information matrix: Cholesky when it is positive definite, LU (with its errors) otherwise.
    static func inverseInformation(_ a: Matrix) throws -> Matrix {
        if let inv = inverseSPD(a) { return inv }
        return try inverse(a)
    }
}
