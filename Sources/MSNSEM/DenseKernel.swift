/// Row-major dense kernels over contiguous `[Double]` buffers for the estimation loop. Inner loops run
/// along contiguous rows with wrapping index arithmetic, so the compiler vectorises them (checked index
/// arithmetic, as in `Matrix *`, keeps every loop scalar). Every result depends only on the inputs and
/// the sizes: the summation order is fixed, so results are identical from run to run and thread to thread.
enum DenseKernel {
    /// C = A B for A (m × k) and B (k × n); zero entries of A are skipped (sparse left factors).
    static func multiply(_ a: [Double], _ b: [Double], m: Int, k: Int, n: Int) -> [Double] {
        var c = [Double](repeating: 0, count: m * n)
        a.withUnsafeBufferPointer { ap in
            b.withUnsafeBufferPointer { bp in
                c.withUnsafeMutableBufferPointer { cp in
                    guard let pa = ap.baseAddress, let pb = bp.baseAddress, let pc = cp.baseAddress else { return }
                    for i in 0..<m {
                        let ci = pc + i &* n, ai = pa + i &* k
                        for r in 0..<k {
                            let x = ai[r]
                            if x == 0 { continue }
                            axpy(ci, pb + r &* n, x, n)
                        }
                    }
                }
            }
        }
        return c
    }

    /// C = Aᵀ B for A (k × m) and B (k × n): an m × n result; zero entries of A are skipped.
    static func transposeMultiply(_ a: [Double], _ b: [Double], k: Int, m: Int, n: Int) -> [Double] {
        var c = [Double](repeating: 0, count: m * n)
        a.withUnsafeBufferPointer { ap in
            b.withUnsafeBufferPointer { bp in
                c.withUnsafeMutableBufferPointer { cp in
                    guard let pa = ap.baseAddress, let pb = bp.baseAddress, let pc = cp.baseAddress else { return }
                    for r in 0..<k {
                        let ar = pa + r &* m, br = pb + r &* n
                        for i in 0..<m {
                            let x = ar[i]
                            if x == 0 { continue }
                            axpy(pc + i &* n, br, x, n)
                        }
                    }
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
