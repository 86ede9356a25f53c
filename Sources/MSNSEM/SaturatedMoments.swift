import MSNStats

/// The unrestricted (H1) parameters of one group — the means (with a mean structure) and the distinct
/// covariances σ_ij (i ≤ j), leaving out the exogenous covariates' own moments (fixed.x) — and, at given
/// implied moments, the casewise scores and the per-case information of the normal log-likelihood.
/// The robust (MLR) standard errors and the scaled χ² are built from these (lavaan's "structured" H1
/// information: everything is evaluated at the model-implied Σ and μ).
struct SaturatedMoments {
    /// Element u: (i, −1) for the mean of variable i, (i, j) for σ_ij with i ≤ j.
    let elements: [(i: Int, j: Int)]

    init(p: Int, means: Bool, exogenous: Set<Int>) {
        var e: [(Int, Int)] = []
        if means { for i in 0..<p where !exogenous.contains(i) { e.append((i, -1)) } }
        for j in 0..<p { for i in 0...j where !(exogenous.contains(i) && exogenous.contains(j)) { e.append((i, j)) } }
        elements = e
    }

    var count: Int { elements.count }

    /// ∂(saturated moments)/∂θ of one group: the Jacobian Δ (count × q) from the model's derivative pieces.
    func jacobian(sigma terms: [SigmaTerm], mu: [[Double]], q: Int) -> Matrix {
        var d = Matrix(rows: count, cols: q)
        for (u, e) in elements.enumerated() {
            if e.j < 0 {
                for k in 0..<q where !mu[k].isEmpty { d[u, k] += mu[k][e.i] }
                continue
            }
            for t in terms { d[u, t.k] += t.coef * (t.a[e.i] * t.b[e.j] + t.b[e.i] * t.a[e.j]) }
        }
        return d
    }

    /// For the rows of `groups`' blocks at implied moments (σ, μ per group; μ is the sample mean without a
    /// mean structure): every row's score vector (∂ log L_i / ∂ moments) and each group's summed Hessian of
    /// −log L (observed, or its expectation).
    func scoresAndHessian(_ g: GroupData, sigma: Matrix, mu: [Double], observed: Bool) throws -> (scores: [[Double]], hessian: Matrix) {
        var scores: [[Double]] = []
        var h = Matrix(rows: count, cols: count)
        for b in g.blocks {
            let v = b.vars, pb = v.count
            var local = [Int](repeating: -1, count: sigma.rows)
            for (a, i) in v.enumerated() { local[i] = a }
            // Elements that involve only this block's variables, in local indices.
            var present: [(u: Int, k: Int, l: Int)] = []
            for (u, e) in elements.enumerated() {
                let k = local[e.i], l = e.j < 0 ? -1 : local[e.j]
                if k >= 0 && (e.j < 0 || l >= 0) { present.append((u, k, l)) }
            }
            let s = Matrix(v.map { i in v.map { sigma[i, $0] } })
            guard let w = try? s.inverseSPD() else { throw SEMError.notPositiveDefinite }
            let muB = v.map { mu[$0] }
            // Scores: mean i → (W r)_i; σ_kl → (W r)_k (W r)_l − W_kl (k ≠ l), half that on the diagonal.
            for r in b.rows {
                let resid = (0..<pb).map { g.columns[v[$0]][r] - muB[$0] }
                let wr = w.apply(resid)
                var sc = [Double](repeating: 0, count: count)
                for (u, k, l) in present {
                    if l < 0 { sc[u] = wr[k] } else if k == l { sc[u] = 0.5 * (wr[k] * wr[k] - w[k, k]) } else { sc[u] = wr[k] * wr[l] - w[k, l] }
                }
                scores.append(sc)
            }
            // Hessian of f = ½[log|Σ| + tr(W T)], T = S_b + d dᵀ, d = ȳ_b − μ, in the directions E_kl.
            let nb = Double(b.n)
            let d = zip(b.mean, muB).map { $0 - $1 }
            var t = b.cov
            for i in 0..<pb { for j in 0..<pb { t[i, j] += d[i] * d[j] } }
            let vt = w * t   // V = W T
            func trWith(_ x: Matrix, _ k: Int, _ l: Int) -> Double { k == l ? x[k, k] : x[k, l] + x[l, k] }
            var aE: [Matrix] = [], vaE: [Matrix] = []
            for (_, k, l) in present {
                var a = Matrix(rows: pb, cols: pb)
                if l >= 0 {
                    for i in 0..<pb { for j in 0..<pb { a[i, j] = k == l ? w[i, k] * w[k, j] : w[i, k] * w[l, j] + w[i, l] * w[k, j] } }
                }
                aE.append(a)
                vaE.append(observed && l >= 0 ? vt * a : a)
            }
            let wd = w.apply(d)
            for (x, ex) in present.enumerated() {
                for (y, ey) in present.enumerated() where y >= x {
                    var value: Double
                    switch (ex.l < 0, ey.l < 0) {
                    case (true, true): value = w[ex.k, ey.k]
                    case (true, false), (false, true):
                        guard observed else { value = 0; break }
                        let (m, s) = ex.l < 0 ? (ex, ey) : (ey, ex)   // (A_s d)_m
                        value = s.k == s.l ? w[m.k, s.k] * wd[s.k] : w[m.k, s.k] * wd[s.l] + w[m.k, s.l] * wd[s.k]
                    case (false, false):
                        if observed {
                            value = 0.5 * (-trWith(aE[y], ex.k, ex.l) + trWith(vaE[y], ex.k, ex.l) + trWith(vaE[x], ey.k, ey.l))
                        } else {
                            value = 0.5 * trWith(aE[y], ex.k, ex.l)
                        }
                    }
                    h[ex.u, ey.u] += nb * value
                    if x != y { h[ey.u, ex.u] += nb * value }
                }
            }
        }
        return (scores, h)
    }
}

/// tr(A⁻¹ B) for symmetric A (rows and columns with a zero diagonal in A are left out, as lavaan does).
func traceInverseProduct(_ a: Matrix, _ b: Matrix) throws -> Double {
    let keep = (0..<a.rows).filter { a[$0, $0] != 0 }
    let ak = Matrix(keep.map { i in keep.map { a[i, $0] } }), bk = Matrix(keep.map { i in keep.map { b[i, $0] } })
    return try ak.solve(bk).trace
}
