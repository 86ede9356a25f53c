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
