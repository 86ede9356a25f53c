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
        guard n == s.cols, let (u, logDet) = choleskyUpper(s.values, n: n, minimumPivot: minimumPivot) else { return nil }
        var inv = Matrix(rows: n, cols: n)
        inv.values = inverse(upperFactor: u, n: n)
        return (inv, logDet)
    }

    /// The upper Cholesky factor U (Σ = UᵀU, row-major, zeros below the diagonal) and log|Σ|, or nil when
    /// a pivot is not above `minimumPivot` (or not finite).
    static func choleskyUpper(_ a: [Double], n: Int, minimumPivot: Double = 0) -> (u: [Double], logDet: Double)? {
        guard a.count == n * n else { return nil }
        var u = a
        var logDet = 0.0
        let ok = u.withUnsafeMutableBufferPointer { up -> Bool in
            guard let pu = up.baseAddress else { return true }
            // Row i of U from the rows above it (left-looking): every update of row i has the same length
            // n − i, so four rows are folded in per pass; each entry still receives them in order.
            for i in 0..<n {
                let ri = pu + i &* n
                DenseKernel.accumulate(ri + i, pu + i, ldb: n, rows: 0..<i, n: n &- i) { -pu[$0 &* n &+ i] }
                let d = ri[i]
                guard d > minimumPivot, d.isFinite else { return false }
                let r = d.squareRoot()
                ri[i] = r
                logDet += 2 * Foundation.log(r)
                let inv = 1 / r
                for c in (i &+ 1)..<max(i &+ 1, n) { ri[c] *= inv }
            }
            for i in 1..<max(1, n) { for j in 0..<i { pu[i &* n &+ j] = 0 } }
            return true
        }
        return ok ? (u, logDet) : nil
    }

    /// (UᵀU)⁻¹ from the upper factor U: X = L⁻¹ (L = Uᵀ) row by row, then Xᵀ X accumulated row by row of X;
    /// every inner loop runs along a contiguous row.
    static func inverse(upperFactor u: [Double], n: Int) -> [Double] {
        var x = [Double](repeating: 0, count: n * n)
        var out = [Double](repeating: 0, count: n * n)
        u.withUnsafeBufferPointer { up in
            x.withUnsafeMutableBufferPointer { xp in
                guard let pu = up.baseAddress, let px = xp.baseAddress else { return }
                for i in 0..<n {
                    let xi = px + i &* n
                    xi[i] = 1
                    // x_i[0...k] −= L[i, k] x_k[0...k] for k < i (L[i, k] = U[k, i]), four k per pass over
                    // their common part; each entry receives the k in increasing order.
                    var k = 0
                    while k &+ 4 <= i {
                        let f0 = pu[k &* n &+ i], f1 = pu[(k &+ 1) &* n &+ i], f2 = pu[(k &+ 2) &* n &+ i], f3 = pu[(k &+ 3) &* n &+ i]
                        let x0 = px + k &* n, x1 = x0 + n, x2 = x1 + n, x3 = x2 + n
                        DenseKernel.axpy4(xi, x0, x1, x2, x3, -f0, -f1, -f2, -f3, k &+ 1)
                        let j1 = k &+ 1, j2 = k &+ 2, j3 = k &+ 3
                        xi[j1] = xi[j1] + -f1 * x1[j1] + -f2 * x2[j1] + -f3 * x3[j1]
                        xi[j2] = xi[j2] + -f2 * x2[j2] + -f3 * x3[j2]
                        xi[j3] = xi[j3] + -f3 * x3[j3]
                        k &+= 4
                    }
                    while k < i {
                        let f = pu[k &* n &+ i]
                        if f != 0 { DenseKernel.axpy(xi, px + k &* n, -f, k &+ 1) }
                        k &+= 1
                    }
                    let d = 1 / pu[i &* n &+ i]
                    for j in 0...i { xi[j] *= d }
                }
            }
        }
        x.withUnsafeBufferPointer { xp in
            out.withUnsafeMutableBufferPointer { op in
                guard let px = xp.baseAddress, let po = op.baseAddress else { return }
                // Row i of the lower triangle: Σ_{k ≥ i} x_k[i] x_k[0...i], four k per pass.
                for i in 0..<n {
                    DenseKernel.accumulate(po + i &* n, px, ldb: n, rows: i..<n, n: i &+ 1) { px[$0 &* n &+ i] }
                }
                for i in 0..<n { for j in 0..<i { po[j &* n &+ i] = po[i &* n &+ j] } }
            }
        }
        return out
    }

    /// Solves (UᵀU) x = b with the upper factor U: Uᵀ y = b forward (column-oriented), then U x = y back.
    static func solve(upperFactor u: [Double], n: Int, _ b: [Double]) -> [Double] {
        var y = b
        u.withUnsafeBufferPointer { up in
            y.withUnsafeMutableBufferPointer { yp in
                guard let pu = up.baseAddress, let py = yp.baseAddress else { return }
                for k in 0..<n {
                    let rk = pu + k &* n
                    py[k] /= rk[k]
                    let v = py[k]
                    if v != 0 { DenseKernel.axpy(py + (k &+ 1), rk + (k &+ 1), -v, n &- k &- 1) }
                }
                for i in stride(from: n - 1, through: 0, by: -1) {
                    let ri = pu + i &* n
                    let s = py[i] - DenseKernel.dot(ri + (i &+ 1), py + (i &+ 1), n &- i &- 1)
                    py[i] = s / ri[i]
                }
            }
        }
        return y
    }

    /// tr(A B) for square matrices of the same size with B symmetric: Σ a_ij b_ij (A B need not be formed).
    static func traceProduct(_ a: Matrix, _ b: Matrix) -> Double {
        a.values.withUnsafeBufferPointer { ap in
            b.values.withUnsafeBufferPointer { bp in
                guard let pa = ap.baseAddress, let pb = bp.baseAddress else { return 0 }
                return DenseKernel.dot(pa, pb, min(ap.count, bp.count))
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
