import MSNStats

/// One piece coef·(a bᵀ + b aᵀ) of ∂Σ/∂θ_k whose vectors are columns of the basis [I_p | L | Q]
/// (L = Λ(I − B)⁻¹, Q = Λ Cov(η)): index u < p is the unit vector e_u, p + j column j of L and
/// p + k + j column j of Q. Every LISREL derivative has this form, so inner products under a weight W
/// are entries of W, W[L | Q] and [L | Q]ᵀ W [L | Q].
struct BasisPiece: Sendable {
    var k: Int
    var coef: Double
    var a: Int
    var b: Int
}

/// The derivatives of one group's Σ (as basis pieces) and μ.
struct BasisDerivatives {
    /// Observed variables.
    let p: Int
    /// Columns of the basis beyond the units (2 × the latent count).
    let width: Int
    /// [L | Q], p × width, row-major.
    let columns: [Double]
    let pieces: [BasisPiece]
    /// ∂μ/∂θ_k (length p), empty when μ does not depend on θ_k.
    let mu: [[Double]]

    /// Basis vector `u` spelled out (length p).
    func vector(_ u: Int) -> [Double] {
        var v = [Double](repeating: 0, count: p)
        if u < p { v[u] = 1 } else { for i in 0..<p { v[i] = columns[i * width + u - p] } }
        return v
    }
}

extension ModelMatrices {
    /// The derivative pieces of Σ over the basis [I_p | L | Q] and the derivatives of μ for this group's
    /// free rows; labels sum their rows.
    func basisDerivatives(_ table: ParameterTable) -> BasisDerivatives {
        let p = sigma.rows, k = table.eta.count
        let l = lambda * a          // p × k: ∂μ/∂α and the left factors
        let q = lambdaM             // p × k
        var columns = [Double](repeating: 0, count: p * 2 * k)
        for i in 0..<p { for j in 0..<k { columns[i * 2 * k + j] = l[i, j]; columns[i * 2 * k + k + j] = q[i, j] } }
        let lCol = { (j: Int) in p + j }, qCol = { (j: Int) in p + k + j }
        var pieces: [BasisPiece] = []
        var mu = [[Double]](repeating: [], count: table.freeCount)
        func addMu(_ f: Int, unit i: Int? = nil, lColumn j: Int? = nil, _ scale: Double) {
            if scale == 0 { return }
            if mu[f].isEmpty { mu[f] = [Double](repeating: 0, count: p) }
            if let i { mu[f][i] += scale }
            if let j { for r in 0..<p { mu[f][r] += scale * l[r, j] } }
        }
        for row in table.rows where row.free > 0 && row.group == group {
            guard let slot = row.slot else { continue }
            let f = row.free - 1
            switch slot {
            case .lambda(let i, let j):
                pieces.append(BasisPiece(k: f, coef: 1, a: i, b: qCol(j)))
                if table.meanStructure, k > 0 { addMu(f, unit: i, etaMean[j]) }
            case .beta(let i, let j):
                pieces.append(BasisPiece(k: f, coef: 1, a: lCol(i), b: qCol(j)))
                if table.meanStructure { addMu(f, lColumn: i, etaMean[j]) }
            case .psi(let i, let j):
                pieces.append(BasisPiece(k: f, coef: i == j ? 0.5 : 1, a: lCol(i), b: lCol(j)))
            case .theta(let i, let j):
                pieces.append(BasisPiece(k: f, coef: i == j ? 0.5 : 1, a: i, b: j))
            case .nu(let i):
                addMu(f, unit: i, 1)
            case .alpha(let j):
                addMu(f, lColumn: j, 1)
            }
        }
        return BasisDerivatives(p: p, width: 2 * k, columns: columns, pieces: pieces, mu: mu)
    }
}
