/// The parts of W T W (W = Σ_b⁻¹, T = S_b + d dᵀ) that the gradient reads — (W T W) C, Cᵀ (W T W) C and
/// entries for pairs of unit vectors — without forming the p × p matrix. W T W = W S W + (W d)(W d)ᵀ; with
/// the Cholesky factor S = UᵀU of the block's covariance, W S W = Zᵀ Z for Z = U W (a triangular times a
/// full matrix: half of a p × p product), otherwise W S W = (W S) W from one full product.
struct WeightedMoments {
    let p: Int
    let width: Int
    /// (W T W) C, p × width.
    let timesC: [Double]
    /// Cᵀ (W T W) C, width × width.
    let cTimesC: [Double]
    /// Z = U W (with a factor) or W S (without).
    private let z: [Double]
    private let hasFactor: Bool
    private let w: [Double]
    /// The diagonal of W S W.
    private let diagonal: [Double]
    private let wd: [Double]?

    /// From W, S, its upper Cholesky factor U (or nil), W d (nil without a mean structure) and C, W C.
    init(w: [Double], cov: [Double], factor: [Double]?, wd: [Double]?, c: [Double], wc: [Double], p: Int, width: Int) {
        self.p = p
        self.width = width
        self.w = w
        self.wd = wd
        var timesC: [Double], cTimesC: [Double]
        var diagonal = [Double](repeating: 0, count: p)
        if let u = factor {
            // Row j of Z = U W is Σ_{r ≥ j} U_jr W_r (rows of W, four per pass).
            var z = [Double](repeating: 0, count: p * p)
            u.withUnsafeBufferPointer { up in
                w.withUnsafeBufferPointer { wp in
                    z.withUnsafeMutableBufferPointer { zp in
                        guard let pu = up.baseAddress, let pw = wp.baseAddress, let pz = zp.baseAddress else { return }
                        for j in 0..<p {
                            DenseKernel.accumulate(pz + j &* p, pw, ldb: p, rows: j..<p, n: p) { pu[j &* p &+ $0] }
                        }
                        // diag(Zᵀ Z): the squared columns, summed row by row of Z.
                        diagonal.withUnsafeMutableBufferPointer { dp in
                            guard let pd = dp.baseAddress else { return }
                            for r in 0..<p {
                                let zr = pz + r &* p
                                for i in 0..<p { pd[i] += zr[i] * zr[i] }
                            }
                        }
                    }
                }
            }
            let zc = DenseKernel.multiply(z, c, m: p, k: p, n: width)
            timesC = DenseKernel.transposeMultiply(z, zc, k: p, m: p, n: width)
            cTimesC = DenseKernel.transposeMultiply(zc, zc, k: p, m: width, n: width)
            self.z = z
            hasFactor = true
        } else {
            let ws = DenseKernel.multiply(w, cov, m: p, k: p, n: p)
            timesC = DenseKernel.multiply(ws, wc, m: p, k: p, n: width)
            cTimesC = DenseKernel.transposeMultiply(c, timesC, k: p, m: width, n: width)
            for i in 0..<p { for r in 0..<p { diagonal[i] += ws[i * p + r] * w[r * p + i] } }
            z = ws
            hasFactor = false
        }
        if let wd {
            // The mean part (W d)(W d)ᵀ: rank one.
            var ctwd = [Double](repeating: 0, count: width)
            for r in 0..<p where wd[r] != 0 { for j in 0..<width { ctwd[j] += c[r * width + j] * wd[r] } }
            for i in 0..<p {
                diagonal[i] += wd[i] * wd[i]
                for j in 0..<width { timesC[i * width + j] += wd[i] * ctwd[j] }
            }
            for i in 0..<width { for j in 0..<width { cTimesC[i * width + j] += ctwd[i] * ctwd[j] } }
        }
        self.timesC = timesC
        self.cTimesC = cTimesC
        self.diagonal = diagonal
    }

    /// (W T W)_ij.
    func unitEntry(_ i: Int, _ j: Int) -> Double {
        if i == j { return diagonal[i] }
        var s = 0.0
        if hasFactor { for r in 0..<p { s += z[r * p + i] * z[r * p + j] } }
        else { for r in 0..<p { s += z[i * p + r] * w[r * p + j] } }
        if let wd { s += wd[i] * wd[j] }
        return s
    }
}
