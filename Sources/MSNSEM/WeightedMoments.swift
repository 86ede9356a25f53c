/// The parts of W T W (W = Σ_b⁻¹, T = S_b + d dᵀ) that the gradient reads — (W T W) C, Cᵀ (W T W) C and
/// entries for pairs of unit vectors — without forming the p × p matrix. W T W = W S W + (W d)(W d)ᵀ; with
/// the Cholesky factor S = UᵀU of the block's covariance, W S W = Zᵀ Z for Z = U W (a triangular times a
/// full matrix: half of a p × p product), otherwise W S W = (W S) W from one full product. Products with
/// C are kept transposed (width × p, contiguous rows of length p), so every loop runs along p.
struct WeightedMoments {
    let p: Int
    let width: Int
    /// ((W T W) C)ᵀ, width × p.
    let timesCT: [Double]
    /// Cᵀ (W T W) C, width × width.
    let cTimesC: [Double]
    /// Z = U W (with a factor) or W S (without).
    private let z: [Double]
    private let hasFactor: Bool
    private let w: [Double]
    /// The diagonal of W T W.
    private let diagonal: [Double]
    private let wd: [Double]?

    /// From W, S, its upper Cholesky factor U (or nil), W d (nil without a mean structure), Cᵀ and (W C)ᵀ.
    init(w: [Double], cov: [Double], factor: [Double]?, wd: [Double]?, ct: [Double], wct: [Double], p: Int, width: Int) {
        self.p = p
        self.width = width
        self.w = w
        self.wd = wd
        var timesCT: [Double], cTimesC: [Double]
        var diagonal = [Double](repeating: 0, count: p)
        if let u = factor {
            // Row j of Z = U W is Σ_{r ≥ j} U_jr W_r (rows of W, four per pass).
            let z = DenseKernel.producing(p * p, from: u, w) { pu, pw, pz in
                for j in 0..<p {
                    DenseKernel.accumulate(pz + j &* p, pw, ldb: p, rows: j..<p, n: p) { pu[j &* p &+ $0] }
                }
            }
            // diag(Zᵀ Z): the squared columns, summed row by row of Z.
            for r in 0..<p { for i in 0..<p { diagonal[i] += z[r * p + i] * z[r * p + i] } }
            let zct = DenseKernel.multiplyTransposed(ct, z, m: width, k: p, n: p)        // (Z C)ᵀ
            timesCT = DenseKernel.multiply(zct, z, m: width, k: p, n: p)                  // (Zᵀ Z C)ᵀ
            cTimesC = DenseKernel.multiplyTransposed(zct, zct, m: width, k: p, n: width)
            self.z = z
            hasFactor = true
        } else {
            let ws = DenseKernel.multiply(w, cov, m: p, k: p, n: p)
            timesCT = DenseKernel.multiplyTransposed(wct, ws, m: width, k: p, n: p)       // (W S W C)ᵀ
            cTimesC = DenseKernel.multiplyTransposed(ct, timesCT, m: width, k: p, n: width)
            for i in 0..<p { for r in 0..<p { diagonal[i] += ws[i * p + r] * w[r * p + i] } }
            z = ws
            hasFactor = false
        }
        if let wd {
            // The mean part (W d)(W d)ᵀ: rank one.
            let ctwd = DenseKernel.apply(ct, wd, m: width, n: p)
            for i in 0..<p { diagonal[i] += wd[i] * wd[i] }
            for j in 0..<width { for i in 0..<p { timesCT[j * p + i] += ctwd[j] * wd[i] } }
            for i in 0..<width { for j in 0..<width { cTimesC[i * width + j] += ctwd[i] * ctwd[j] } }
        }
        self.timesCT = timesCT
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
