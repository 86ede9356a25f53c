/// Row-major dense kernels over contiguous `[Double]` buffers for the estimation loop. Inner loops run
/// along contiguous rows with wrapping index arithmetic, so the compiler vectorises them (checked index
/// arithmetic, as in `Matrix *`, keeps every loop scalar). Every result depends only on the inputs and
/// the sizes: the summation order is fixed, so results are identical from run to run and thread to thread.
enum DenseKernel {
    /// C = A B for A (m × k) and B (k × n); zero entries of A are skipped (sparse left factors).
    static func multiply(_ a: [Double], _ b: [Double], m: Int, k: Int, n: Int) -> [Double] {
        producing(m * n, from: a, b) { pa, pb, pc in
            for i in 0..<m {
                let ai = pa + i &* k
                accumulate(pc + i &* n, pb, ldb: n, rows: 0..<k, n: n) { ai[$0] }
            }
        }
    }

    /// C = A Bᵀ for A (m × k) and B (n × k): every entry a dot product of two contiguous rows.
    static func multiplyTransposed(_ a: [Double], _ b: [Double], m: Int, k: Int, n: Int) -> [Double] {
        producing(m * n, from: a, b) { pa, pb, pc in
            for i in 0..<m {
                let ai = pa + i &* k
                for j in 0..<n { pc[i &* n &+ j] = dot(ai, pb + j &* k, k) }
            }
        }
    }

    /// A new zeroed buffer of `count` entries, filled by `body` from raw pointers to `a`, `b` and itself
    /// (the pointer set-up every kernel over two inputs and one output shares).
    @inline(__always)
    static func producing(_ count: Int, from a: [Double], _ b: [Double],
                          _ body: (UnsafePointer<Double>, UnsafePointer<Double>, UnsafeMutablePointer<Double>) -> Void) -> [Double] {
        var c = [Double](repeating: 0, count: count)
        a.withUnsafeBufferPointer { ap in
            b.withUnsafeBufferPointer { bp in
                c.withUnsafeMutableBufferPointer { cp in
                    guard let pa = ap.baseAddress, let pb = bp.baseAddress, let pc = cp.baseAddress else { return }
                    body(pa, pb, pc)
                }
            }
        }
        return c
    }

    /// y = A x for A (m × n).
    static func apply(_ a: [Double], _ x: [Double], m: Int, n: Int) -> [Double] {
        var y = [Double](repeating: 0, count: m)
        a.withUnsafeBufferPointer { ap in
            x.withUnsafeBufferPointer { xp in
                guard let pa = ap.baseAddress, let px = xp.baseAddress else { return }
                for i in 0..<m { y[i] = dot(pa + i &* n, px, n) }
            }
        }
        return y
    }

    /// c[0..<n] += Σ x(r) · (b + r·ldb)[0..<n] over r in `rows` with x(r) ≠ 0, added in increasing r
    /// (the same result as one `axpy` per row), four rows per pass over c: a quarter of the loads and
    /// stores of c.
    @inline(__always) static func accumulate(_ c: UnsafeMutablePointer<Double>, _ b: UnsafePointer<Double>, ldb: Int,
                                             rows: Range<Int>, n: Int, _ x: (Int) -> Double) {
        var r0 = 0, r1 = 0, r2 = 0, x0 = 0.0, x1 = 0.0, x2 = 0.0, count = 0
        for r in rows {
            let v = x(r)
            if v == 0 { continue }
            switch count {
            case 0: r0 = r; x0 = v; count = 1
            case 1: r1 = r; x1 = v; count = 2
            case 2: r2 = r; x2 = v; count = 3
            default:
                axpy4(c, b + r0 &* ldb, b + r1 &* ldb, b + r2 &* ldb, b + r &* ldb, x0, x1, x2, v, n)
                count = 0
            }
        }
        if count > 0 { axpy(c, b + r0 &* ldb, x0, n) }
        if count > 1 { axpy(c, b + r1 &* ldb, x1, n) }
        if count > 2 { axpy(c, b + r2 &* ldb, x2, n) }
    }

    /// c[0..<n] += x0·b0 + x1·b1 + x2·b2 + x3·b3, added left to right (four `axpy` calls' result).
    @inline(__always) static func axpy4(_ c: UnsafeMutablePointer<Double>, _ b0: UnsafePointer<Double>, _ b1: UnsafePointer<Double>,
                                        _ b2: UnsafePointer<Double>, _ b3: UnsafePointer<Double>,
                                        _ x0: Double, _ x1: Double, _ x2: Double, _ x3: Double, _ n: Int) {
        for j in 0..<n { c[j] = c[j] + x0 * b0[j] + x1 * b1[j] + x2 * b2[j] + x3 * b3[j] }
    }

    /// c[0..<n] += x · b[0..<n].
    @inline(__always) static func axpy(_ c: UnsafeMutablePointer<Double>, _ b: UnsafePointer<Double>, _ x: Double, _ n: Int) {
        for j in 0..<n { c[j] += x * b[j] }
    }

    /// Σ a[j] b[j] over four interleaved partial sums (a fixed order, so the same result every time).
    @inline(__always) static func dot(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ n: Int) -> Double {
        var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
        var j = 0
        while j &+ 4 <= n {
            s0 += a[j] * b[j]; s1 += a[j &+ 1] * b[j &+ 1]
            s2 += a[j &+ 2] * b[j &+ 2]; s3 += a[j &+ 3] * b[j &+ 3]
            j &+= 4
        }
        while j < n { s0 += a[j] * b[j]; j &+= 1 }
        return (s0 + s1) + (s2 + s3)
    }
}
