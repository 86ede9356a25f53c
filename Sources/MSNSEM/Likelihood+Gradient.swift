import MSNStats

extension Likelihood {
    /// The gradient of G and, when `information` is set, its expected Hessian at an evaluation.
    ///
    /// Every piece of ∂Σ/∂θ_k is coef·(a bᵀ + b aᵀ) with a and b columns of the basis [I | L | Q]
    /// (`BasisPiece`), so with W = Σ_b⁻¹ and T = S_b + d dᵀ
    /// - the Σ part of the gradient, tr((W − W T W) ∂Σ) = 2 coef [aᵀW b − aᵀ(W T W) b], needs W, W C,
    ///   Cᵀ W C (C = [L | Q] on the block's rows), W T W C, Cᵀ W T W C and, for pairs of unit vectors
    ///   (residual (co)variances), single entries of W T W (`WeightedMoments`) — never W T W itself;
    /// - the information, 2[(aᵀW c)(bᵀW d) + (aᵀW d)(bᵀW c)] per pair of pieces, reads the same inner
    ///   products from one table G = [W, W C; (W C)ᵀ, Cᵀ W C] — no Gram matrix of spelled-out vectors.
    func gradient(_ e: Evaluation, information: Bool) -> (g: [Double], h: Matrix) {
        let q = table.freeCount
        var g = [Double](repeating: 0, count: q)
        var h = Matrix(rows: information ? q : 0, cols: information ? q : 0)
        let derivs = e.models.map { $0.basisDerivatives(table) }
        for (bi, b) in blocks.enumerated() {
            let mm = e.models[b.group - 1], bd = derivs[b.group - 1]
            let w = e.inverses[bi].values
            let pb = b.vars.count, p = bd.p, width = bd.width
            let full = pb == p
            // Local row of every observed variable in this block (−1: not observed here).
            var local = [Int](repeating: -1, count: p)
            for (r, v) in b.vars.enumerated() { local[v] = r }
            // Cᵀ (width × pb): the block's rows of [L | Q], transposed so that products run along pb.
            var ct = [Double](repeating: 0, count: width * pb)
            for (r, v) in b.vars.enumerated() { for j in 0..<width { ct[j * pb + r] = bd.columns[v * width + j] } }
            let d = table.meanStructure ? zip(b.mean, blockMu(mm.mu, b)).map { $0 - $1 } : [Double](repeating: 0, count: pb)
            let scale = Double(b.n) / nTotal
            let wd = DenseKernel.apply(w, d, m: pb, n: pb)
            let wct = DenseKernel.multiply(ct, w, m: width, k: pb, n: pb)              // (W C)ᵀ = Cᵀ W
            let cwc = DenseKernel.multiplyTransposed(ct, wct, m: width, k: pb, n: width)
            let wtw = WeightedMoments(w: w, cov: b.cov.values, factor: b.covFactor, wd: table.meanStructure ? wd : nil,
                                      ct: ct, wct: wct, p: pb, width: width)
            // The block's index of basis vector u in the table G (and in the W T W lookups): units by their
            // local row, the columns after the pb units; −1 when a unit vector vanishes on this block.
            let dim = pb + width
            func index(_ u: Int) -> Int { u < p ? local[u] : pb + u - p }
            var pieces: [(k: Int, coef: Double, a: Int, b: Int)] = []
            pieces.reserveCapacity(bd.pieces.count)
            for pc in bd.pieces {
                let ia = index(pc.a), ib = index(pc.b)
                if ia >= 0 && ib >= 0 { pieces.append((pc.k, pc.coef, ia, ib)) }
            }
            // Σ part of the gradient: 2 coef [aᵀW b − aᵀ W T W b].
            for pc in pieces {
                let (i, j) = pc.a <= pc.b ? (pc.a, pc.b) : (pc.b, pc.a)
                let gw: Double, gn: Double
                if j < pb {
                    gw = w[i * pb + j]
                    gn = wtw.unitEntry(i, j)
                } else if i < pb {
                    gw = wct[(j - pb) * pb + i]
                    gn = wtw.timesCT[(j - pb) * pb + i]
                } else {
                    gw = cwc[(i - pb) * width + j - pb]
                    gn = wtw.cTimesC[(i - pb) * width + j - pb]
                }
                g[pc.k] += scale * 2 * pc.coef * (gw - gn)
            }
            // μ part: −2 dᵀ W ∂μ.
            var muRestricted: [(Int, [Double])] = []
            for k in 0..<q where !bd.mu[k].isEmpty {
                let v = full ? bd.mu[k] : b.vars.map { bd.mu[k][$0] }
                muRestricted.append((k, v))
                g[k] -= scale * 2 * dot(wd, v)
            }
            guard information else { continue }
            var gTable = [Double](repeating: 0, count: dim * dim)
            for i in 0..<pb {
                for j in 0..<pb { gTable[i * dim + j] = w[i * pb + j] }
                for j in 0..<width { gTable[i * dim + pb + j] = wct[j * pb + i]; gTable[(pb + j) * dim + i] = wct[j * pb + i] }
            }
            for i in 0..<width { for j in 0..<width { gTable[(pb + i) * dim + pb + j] = cwc[i * width + j] } }
            gTable.withUnsafeBufferPointer { gp in
                h.values.withUnsafeMutableBufferPointer { hp in
                    for s in 0..<pieces.count {
                        let ps = pieces[s]
                        let ra = ps.a * dim, rb = ps.b * dim
                        let cs = 2 * ps.coef * scale
                        for t in s..<pieces.count {
                            let pt = pieces[t]
                            let v = (gp[ra + pt.a] * gp[rb + pt.b] + gp[ra + pt.b] * gp[rb + pt.a]) * cs * pt.coef
                            hp[ps.k * q + pt.k] += v
                            if s != t { hp[pt.k * q + ps.k] += v }
                        }
                    }
                }
            }
            for (a, (ka, va)) in muRestricted.enumerated() {
                let wv = DenseKernel.apply(w, va, m: pb, n: pb)
                for (kb, vb) in muRestricted[a...] {
                    let v = 2 * scale * dot(wv, vb)
                    h[ka, kb] += v
                    if ka != kb { h[kb, ka] += v }
                }
            }
        }
        return (g, h)
    }
}
