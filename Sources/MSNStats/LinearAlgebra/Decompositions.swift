import Foundation

/// Why a matrix routine could not finish.
public enum LinearAlgebraError: Error, Equatable, CustomStringConvertible {
    /// The matrix is not positive definite (Cholesky failed at this pivot).
    case notPositiveDefinite(pivot: Int)
    /// The matrix is singular (LU found a zero pivot in this column).
    case singular(column: Int)
    /// The matrix is not square.
    case notSquare

    public var description: String {
        switch self {
        case .notPositiveDefinite(let p): return "the matrix is not positive definite (pivot \(p + 1))"
        case .singular(let c): return "the matrix is singular (column \(c + 1) depends on the others)"
        case .notSquare: return "the matrix is not square"
        }
    }
}

extension Matrix {
    /// The lower-triangular L with L·Lᵀ = self, for a symmetric positive-definite matrix.
    public func cholesky() throws -> Matrix {
        guard rows == cols else { throw LinearAlgebraError.notSquare }
        let n = rows
        var l = Matrix(rows: n, cols: n)
        for j in 0..<n {
            var d = self[j, j]
            for k in 0..<j { d -= l[j, k] * l[j, k] }
            guard d > 0, d.isFinite else { throw LinearAlgebraError.notPositiveDefinite(pivot: j) }
            let ljj = d.squareRoot()
            l[j, j] = ljj
            for i in (j + 1)..<max(j + 1, n) {
                var s = self[i, j]
                for k in 0..<j { s -= l[i, k] * l[j, k] }
                l[i, j] = s / ljj
            }
        }
        return l
    }

    /// log |det| of a symmetric positive-definite matrix, via Cholesky.
    public func logDeterminantSPD() throws -> Double {
        let l = try cholesky()
        return 2 * (0..<rows).reduce(0) { $0 + Foundation.log(l[$1, $1]) }
    }

    /// The inverse of a symmetric positive-definite matrix, via Cholesky.
    public func inverseSPD() throws -> Matrix {
        let l = try cholesky()
        let n = rows
        // Invert L (lower triangular), then A⁻¹ = L⁻ᵀ L⁻¹.
        var li = Matrix(rows: n, cols: n)
        for i in 0..<n {
            li[i, i] = 1 / l[i, i]
            for j in 0..<i {
                var s = 0.0
                for k in j..<i { s -= l[i, k] * li[k, j] }
                li[i, j] = s / l[i, i]
            }
        }
        var inv = Matrix(rows: n, cols: n)
        for i in 0..<n {
            for j in 0...i {
                var s = 0.0
                for k in i..<n { s += li[k, i] * li[k, j] }
                inv[i, j] = s
                inv[j, i] = s
            }
        }
        return inv
    }

    /// LU decomposition with partial pivoting: (LU packed, row permutation, sign of the permutation).
    func lu() throws -> (Matrix, [Int], Double) {
        guard rows == cols else { throw LinearAlgebraError.notSquare }
        let n = rows
        var a = self
        var perm = Array(0..<n)
        var sign = 1.0
        let scale = values.map(abs).max() ?? 1
        for k in 0..<n {
            var p = k
            var best = abs(a[k, k])
            for i in (k + 1)..<max(k + 1, n) where abs(a[i, k]) > best { best = abs(a[i, k]); p = i }
            guard best > 1e-13 * max(scale, 1e-300) else { throw LinearAlgebraError.singular(column: k) }
            if p != k {
                for j in 0..<n { let t = a[k, j]; a[k, j] = a[p, j]; a[p, j] = t }
                perm.swapAt(k, p)
                sign = -sign
            }
            for i in (k + 1)..<max(k + 1, n) {
                a[i, k] /= a[k, k]
                let f = a[i, k]
                if f == 0 { continue }
                for j in (k + 1)..<n { a[i, j] -= f * a[k, j] }
            }
        }
        return (a, perm, sign)
    }

    /// Solves self · X = B (general square matrix, LU with partial pivoting).
    public func solve(_ b: Matrix) throws -> Matrix {
        let (a, perm, _) = try lu()
        let n = rows
        var x = Matrix(rows: n, cols: b.cols)
        for c in 0..<b.cols {
            var y = [Double](repeating: 0, count: n)
            for i in 0..<n {
                var s = b[perm[i], c]
                for k in 0..<i { s -= a[i, k] * y[k] }
                y[i] = s
            }
            for i in stride(from: n - 1, through: 0, by: -1) {
                var s = y[i]
                for k in (i + 1)..<n { s -= a[i, k] * x[k, c] }
                x[i, c] = s / a[i, i]
            }
        }
        return x
    }

    /// The inverse of a general square matrix.
    public func inverse() throws -> Matrix { try solve(Matrix.identity(rows)) }

    /// The determinant of a general square matrix (0 when singular).
    public func determinant() -> Double {
        guard let (a, _, sign) = try? lu() else { return 0 }
        return (0..<rows).reduce(sign) { $0 * a[$1, $1] }
    }

    /// Eigenvalues and eigenvectors (columns) of a symmetric matrix by cyclic Jacobi rotations;
    /// eigenvalues in descending order.
    public func symmetricEigen() -> (values: [Double], vectors: Matrix) {
        let n = rows
        var a = self
        var v = Matrix.identity(n)
        for _ in 0..<100 {
            var off = 0.0
            for i in 0..<n { for j in (i + 1)..<max(i + 1, n) { off += a[i, j] * a[i, j] } }
            if off < 1e-24 { break }
            for p in 0..<n {
                for q in (p + 1)..<max(p + 1, n) where abs(a[p, q]) > 1e-300 {
                    let theta = (a[q, q] - a[p, p]) / (2 * a[p, q])
                    let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
                    let c = 1 / (t * t + 1).squareRoot(), s = t * c
                    for k in 0..<n {
                        let akp = a[k, p], akq = a[k, q]
                        a[k, p] = c * akp - s * akq
                        a[k, q] = s * akp + c * akq
                    }
                    for k in 0..<n {
                        let apk = a[p, k], aqk = a[q, k]
                        a[p, k] = c * apk - s * aqk
                        a[q, k] = s * apk + c * aqk
                    }
                    for k in 0..<n {
                        let vkp = v[k, p], vkq = v[k, q]
                        v[k, p] = c * vkp - s * vkq
                        v[k, q] = s * vkp + c * vkq
                    }
                }
            }
        }
        let order = (0..<n).sorted { a[$0, $0] > a[$1, $1] }
        var vectors = Matrix(rows: n, cols: n)
        for (newJ, oldJ) in order.enumerated() { for i in 0..<n { vectors[i, newJ] = v[i, oldJ] } }
        return (order.map { a[$0, $0] }, vectors)
    }
}
