import MSNStats

/// Savalei's FIML-corrected test statistics behind lavaan's robust CFI/TLI/RMSEA under `missing = "ml"`
/// with a scaled test (lavaan 0.6's `lav_fit_fiml_corrected`, version "V3"): the complete-data ML χ² of the
/// FIML estimates against the EM (H1) moments, and its scaling factor
/// ĉ = tr(U W⁻¹ W_c W⁻¹ U Γ) / df, with W the observed missing-data H1 information at the EM moments,
/// W_c the complete-data information there, Γ = W⁻¹ J W⁻¹ (J the casewise first-order information) and
/// U = W − WΔ(ΔᵀWΔ)⁻¹ΔᵀW; groups enter block-diagonally weighted by their share of N. The same for the
/// independence baseline.
struct FIMLCorrectedTest: Sendable {
    var chisq: Double, df: Double, cHat: Double
    var baselineChisq: Double, baselineDf: Double, baselineCHat: Double
    /// chisq / ĉ.
    var scaled: Double { chisq / cHat }
}

extension SEMFit {
    /// The FIML-corrected statistics of this model and its baseline (throws when an information matrix is singular).
    func fimlCorrectedTest(df: Double, baseDf: Double) throws -> FIMLCorrectedTest {
        let p = table.observed.count
        let exo = Set(table.exogenous.compactMap { table.observed.firstIndex(of: $0) })
        let sat = SaturatedMoments(p: p, means: table.meanStructure, exogenous: exo)
        let s = sat.count, gCount = groups.count, nd = Double(n)
        var wm = Matrix(rows: s * gCount, cols: s * gCount)
        var wmi = wm, wc = wm, gamma = wm
        for (gi, g) in groups.enumerated() {
            let fg = Double(g.n) / nd, ng = Double(g.n)
            let (scores, h) = try sat.scoresAndHessian(g, sigma: g.cov, mu: g.mean, observed: true)
            var j = Matrix(rows: s, cols: s)
            for sc in scores { for a in 0..<s where sc[a] != 0 { for b in 0..<s { j[a, b] += sc[a] * sc[b] } } }
            let w = (1 / ng) * h, first = (1 / ng) * j
            let wInv = try w.inverse()
            let complete = try completeInformation(sat, sigma: g.cov)
            let gam = wInv * first * wInv
            for a in 0..<s { for b in 0..<s {
                let r = gi * s + a, c = gi * s + b
                wm[r, c] = fg * w[a, b]; wmi[r, c] = wInv[a, b] / fg
                wc[r, c] = fg * complete[a, b]; gamma[r, c] = gam[a, b] / fg
            } }
        }
        func cHat(_ delta: Matrix, _ dfs: Double) throws -> Double {
            let wd = wm * delta
            let e = delta.transposed * wd
            let u = wm - wd * (try e.solve(wd.transposed))
            let core = u * wmi * wc * wmi * u * gamma
            return core.trace / dfs
        }
        let modelDelta = stack(models.map { m -> Matrix in
            let (terms, mu) = m.derivatives(table)
            return sat.jacobian(sigma: terms, mu: mu, q: table.freeCount)
        })
        let (bs, bm) = baselineMoments()
        return FIMLCorrectedTest(
            chisq: completeChisq(sigma: models.map(\.sigma), mu: models.map(\.mu)), df: df,
            cHat: try cHat(modelDelta, df),
            baselineChisq: completeChisq(sigma: bs, mu: bm), baselineDf: baseDf,
            baselineCHat: try cHat(stack(baselineJacobians(sat)), baseDf))
    }

    /// lavaan's cfi/tli/rmsea `.robust` (and the RMSEA's 90% CI) under FIML from the corrected statistics.
    func fimlRobustMeasures(df: Double, baseDf: Double) -> [(String, Double)] {
        guard robust != nil, df > 0, let t = try? fimlCorrectedTest(df: df, baseDf: baseDf),
              t.cHat.isFinite, t.baselineCHat.isFinite else { return [] }
        let nd = Double(n), g = Double(table.groups).squareRoot()
        let t1 = max(t.chisq - t.cHat * df, 0), t2 = max(t.chisq - t.cHat * df, t.baselineChisq - t.baselineCHat * baseDf, 0)
        let cfi = t1 == 0 && t2 == 0 ? 1 : 1 - t1 / t2
        let tliDen = (t.baselineChisq - t.baselineCHat * baseDf) * df
        let tli = tliDen != 0 ? 1 - (t.chisq - t.cHat * df) * baseDf / tliDen : 1
        let rmsea = max(0, t.chisq / (nd * df) - t.cHat / nd).squareRoot() * g
        let (lo, hi) = rmseaInterval(chisq: t.scaled, df: df, n: nd)
        return [("cfi.robust", cfi), ("tli.robust", tli), ("rmsea.robust", rmsea),
                ("rmsea.ci.lower.robust", lo * t.cHat.squareRoot()), ("rmsea.ci.upper.robust", hi * t.cHat.squareRoot())]
    }

    /// Σ_g N_g · F_ML of implied moments (σ, μ) against the H1 (EM under FIML) moments, as complete data.
    func completeChisq(sigma: [Matrix], mu: [[Double]]) -> Double {
        let p = table.observed.count
        var total = 0.0
        for (gi, g) in groups.enumerated() {
            guard let w = try? sigma[gi].inverseSPD(), let ld = try? sigma[gi].logDeterminantSPD(),
                  let ls = try? g.cov.logDeterminantSPD() else { return .nan }
            let d = zip(g.mean, mu[gi]).map { $0 - $1 }
            let f = ld - ls + (w * g.cov).trace - Double(p) + (table.meanStructure ? dot(d, w.apply(d)) : 0)
            total += Double(g.n) * f
        }
        return total
    }

    /// The independence baseline's Jacobian per group (free variances, then means with a mean structure).
    func baselineJacobians(_ sat: SaturatedMoments) -> [Matrix] {
        let p = table.observed.count
        let exo = Set(table.exogenous.compactMap { table.observed.firstIndex(of: $0) })
        let free = (0..<p).filter { !exo.contains($0) }
        let perGroup = free.count * (table.meanStructure ? 2 : 1)
        let qb = perGroup * groups.count
        return groups.indices.map { g -> Matrix in
            var d = Matrix(rows: sat.count, cols: qb)
            for (u, e) in sat.elements.enumerated() {
                guard let f = free.firstIndex(of: e.i) else { continue }
                if e.j < 0 { d[u, g * perGroup + free.count + f] = 1 } else if e.i == e.j { d[u, g * perGroup + f] = 1 }
            }
            return d
        }
    }

    /// The per-case complete-data (expected = observed at H1) information of the saturated moments at Σ:
    /// Σ⁻¹ for the means, ½ tr(Σ⁻¹ E_ij Σ⁻¹ E_kl) for the covariances.
    private func completeInformation(_ sat: SaturatedMoments, sigma: Matrix) throws -> Matrix {
        let w = try sigma.inverseSPD()
        let s = sat.count
        var out = Matrix(rows: s, cols: s)
        for (x, a) in sat.elements.enumerated() {
            for (y, b) in sat.elements.enumerated() where y >= x {
                var v = 0.0
                if a.j < 0 && b.j < 0 { v = w[a.i, b.i] } else if a.j >= 0 && b.j >= 0 {
                    // ½ tr(W E_ij W E_kl) with E_ij = e_i e_jᵀ + e_j e_iᵀ (once on the diagonal).
                    func term(_ i: Int, _ j: Int, _ k: Int, _ l: Int) -> Double { w[j, k] * w[l, i] }
                    var t = term(a.i, a.j, b.i, b.j)
                    if b.i != b.j { t += term(a.i, a.j, b.j, b.i) }
                    if a.i != a.j { t += term(a.j, a.i, b.i, b.j); if b.i != b.j { t += term(a.j, a.i, b.j, b.i) } }
                    v = 0.5 * t
                }
                out[x, y] = v; out[y, x] = v
            }
        }
        return out
    }

    private func stack(_ blocks: [Matrix]) -> Matrix {
        let cols = blocks.first?.cols ?? 0
        var out = Matrix(rows: blocks.reduce(0) { $0 + $1.rows }, cols: cols)
        var r0 = 0
        for b in blocks { for i in 0..<b.rows { for j in 0..<cols { out[r0 + i, j] = b[i, j] } }; r0 += b.rows }
        return out
    }
}
