import Foundation
import MSNStats

extension SEMFit {
    private var likelihood: Likelihood { Likelihood(table: table, groups: groups) }

    /// −2 log L − N·G: the 2π terms of the normal densities, plus (under fixed.x) the exogenous
    /// covariates' own −2 log L, which lavaan leaves out of the log-likelihood (it conditions on them).
    private var logConstant: Double {
        let log2pi = Foundation.log(2 * Double.pi)
        var c = groups.flatMap(\.blocks).reduce(0.0) { $0 + Double($1.n * $1.vars.count) } * log2pi
        let exo = table.exogenous.compactMap { table.observed.firstIndex(of: $0) }
        if !exo.isEmpty {
            for g in groups {
                let sxx = Matrix(exo.map { i in exo.map { g.cov[i, $0] } })
                let logDet = (try? sxx.logDeterminantSPD()) ?? .nan
                c -= Double(g.n) * (Double(exo.count) * (log2pi + 1) + logDet)
            }
        }
        return c
    }

    /// The independence (baseline) model's implied moments per group: variances and means of every
    /// variable (available-case under FIML), the exogenous covariates' block kept as observed.
    func baselineMoments() -> (sigma: [Matrix], mu: [[Double]]) {
        let p = table.observed.count
        let exo = Set(table.exogenous.compactMap { table.observed.firstIndex(of: $0) })
        var sigmas: [Matrix] = [], mus: [[Double]] = []
        for g in groups {
            var s = Matrix(rows: p, cols: p)
            var mu = [Double](repeating: 0, count: p)
            for j in 0..<p {
                var n = 0.0, sum = 0.0, sq = 0.0
                for b in g.blocks { if let a = b.vars.firstIndex(of: j) {
                    let bn = Double(b.n)
                    n += bn; sum += bn * b.mean[a]; sq += bn * (b.cov[a, a] + b.mean[a] * b.mean[a])
                } }
                mu[j] = sum / n
                s[j, j] = sq / n - mu[j] * mu[j]
            }
            for i in exo { for j in exo { s[i, j] = g.cov[i, j] }; mu[i] = g.mean[i] }
            sigmas.append(s); mus.append(mu)
        }
        return (sigmas, mus)
    }

    /// Each group's contribution to the chi-square (lavaan's `stat.group`), in group order.
    public func groupChisq() -> [Double] {
        let nd = Double(n)
        return (1...table.groups).map { g in
            let lik = Likelihood(table: table, groups: groups, only: g)
            let model = lik.value(sigma: models.map(\.sigma), mu: models.map(\.mu)) ?? .nan
            let h1 = lik.value(sigma: groups.map(\.cov), mu: groups.map(\.mean)) ?? .nan
            return nd * (model - h1)
        }
    }

    /// lavaan's `fitMeasures` (ML): npar, chisq, df, pvalue, baseline, CFI, TLI, RMSEA with 90% CI and
    /// p-close (multiplied by √G for G groups), SRMR (Bentler's, with means under a mean structure, averaged
    /// over groups by size), log-likelihoods, AIC, BIC, BIC2, ntotal;
    /// GFI, AGFI and PGFI (lavaan's, with means and groups; under FIML FIMLGoodnessOfFit.swift); each group's chi-square as
    /// `chisq.<group>` for several groups.
    public func fitMeasures() -> [(name: String, value: Double)] {
        let p = table.observed.count
        let nd = Double(n), groupsD = Double(table.groups)
        let chisq = nd * fmin
        let df = Double(self.df)
        let pvalue = df > 0 ? Distributions.chiSquaredUpperTail(chisq, df: df) : .nan
        let h1 = likelihood.value(sigma: groups.map(\.cov), mu: groups.map(\.mean)) ?? .nan
        let (bs, bm) = baselineMoments()
        let baseChisq = nd * ((likelihood.value(sigma: bs, mu: bm) ?? .nan) - h1)
        let px = table.exogenous.count
        let baseDf = df + Double(table.freeCount) - groupsD * Double((p - px) * (table.meanStructure ? 2 : 1))
        let cfiDen = max(chisq - df, baseChisq - baseDf, 0)
        let cfi = cfiDen > 0 ? 1 - max(chisq - df, 0) / cfiDen : 1
        let tli = df > 0 ? ((baseChisq / baseDf) - (chisq / df)) / ((baseChisq / baseDf) - 1) : 1
        let rmsea = df > 0 ? max(0, chisq / (nd * df) - 1 / nd).squareRoot() * groupsD.squareRoot() : 0
        let (lo, hi) = rmseaInterval(chisq: chisq, df: df, n: nd)
        let pclose = df > 0 ? 1 - Distributions.noncentralChiSquaredCDF(chisq, df: df, noncentrality: 0.05 * 0.05 * nd * df / groupsD) : .nan
        var srmr = 0.0
        for (g, data) in groups.enumerated() {
            let s = data.cov, mm = models[g]
            var sum = 0.0
            for i in 0..<p { for j in 0...i {
                let r = (s[i, j] - mm.sigma[i, j]) / (s[i, i] * s[j, j]).squareRoot()
                sum += r * r
            } }
            var count = Double(p * (p + 1) / 2)
            if table.meanStructure {
                for i in 0..<p { let r = (data.mean[i] - mm.mu[i]) / s[i, i].squareRoot(); sum += r * r }
                count += Double(p)
            }
            srmr += Double(data.n) / nd * (sum / count).squareRoot()
        }
        let logl = -(nd * objective + logConstant) / 2
        let unrestricted = -(nd * h1 + logConstant) / 2
        let k = Double(table.freeCount)
        var out: [(String, Double)] = [
            ("npar", k), ("chisq", chisq), ("df", df), ("pvalue", pvalue),
            ("baseline.chisq", baseChisq), ("baseline.df", baseDf), ("cfi", cfi), ("tli", tli),
            ("rmsea", rmsea), ("rmsea.ci.lower", lo), ("rmsea.ci.upper", hi), ("rmsea.pvalue", pclose), ("srmr", srmr),
            ("logl", logl), ("unrestricted.logl", unrestricted), ("aic", -2 * logl + 2 * k),
            ("bic", -2 * logl + k * Foundation.log(nd)), ("bic2", -2 * logl + k * Foundation.log((nd + 2) / 24)),
        ]
        let gfi = missing == .listwise ? goodnessOfFit() : fimlGoodnessOfFit()
        let nel = groupsD * Double(p * (p + 1) / 2 + (table.meanStructure ? p : 0))
        out += [("gfi", gfi), ("agfi", df > 0 ? 1 - (nel / df) * (1 - gfi) : 1), ("pgfi", nel > 0 ? df / nel * gfi : .nan)]
        out += robustMeasures(chisq: chisq, df: df, baseChisq: baseChisq, baseDf: baseDf)
        out.append(("ntotal", nd))
        if table.groups > 1 { for (g, c) in groupChisq().enumerated() { out.append(("chisq.\(groups[g].label)", c)) } }
        return out
    }

    /// lavaan's GFI: per group 1 − eᵀVe / oᵀVo with o the sample (or, under FIML, EM) means and covariances,
    /// e = o minus the implied ones, and V the normal-theory weight at the implied moments
    /// (Σ̂⁻¹ for means, ½ tr(Σ̂⁻¹ A Σ̂⁻¹ B) for covariances); groups weighted by size. Not given under FIML,
    /// where lavaan weights by a missing-data information msnb does not reproduce.
    func goodnessOfFit() -> Double {
        let p = table.observed.count
        var total = 0.0
        for (g, data) in groups.enumerated() {
            let mm = models[g]
            guard let w = SPDKernel.inverseAndLogDet(mm.sigma)?.inverse else { return .nan }
            var resid = data.cov
            for i in 0..<(p * p) { resid.values[i] -= mm.sigma.values[i] }
            // One product A = W E: tr(A A) = Σ_ij a_ij a_ji, and W S = A + W Σ̂ = A + I, so
            // tr((W S)²) = tr(A A) + 2 tr(A) + p (the large, well-conditioned term: no cancellation in t1).
            let we = DenseKernel.multiply(w.values, resid.values, m: p, k: p, n: p)
            var square = 0.0, trace = 0.0
            for i in 0..<p {
                trace += we[i * p + i]
                for j in 0..<p { square += we[i * p + j] * we[j * p + i] }
            }
            var t1 = 0.5 * square, t2 = 0.5 * (square + 2 * trace + Double(p))
            if table.meanStructure {
                let d = zip(data.mean, mm.mu).map { $0 - $1 }
                t1 += dot(d, w.apply(d))
                t2 += dot(data.mean, w.apply(data.mean))
            }
            total += Double(data.n) / Double(n) * (1 - t1 / t2)
        }
        return total
    }

    /// The 90% confidence interval of RMSEA from the noncentral χ² (lavaan's method, N observations, √G).
    func rmseaInterval(chisq: Double, df: Double, n: Double) -> (Double, Double) {
        guard df > 0 else { return (0, 0) }
        func solve(_ target: Double) -> Double {
            // Find λ with P(χ²(df, λ) ≤ chisq) = target; the CDF decreases in λ. The bracket shrinks by
            // regula falsi with the Illinois correction (superlinear: about 8 CDFs instead of 35 halvings)
            // to the same relative width 1e-9; a step outside the bracket falls back to halving.
            func f(_ lambda: Double) -> Double { Distributions.noncentralChiSquaredCDF(chisq, df: df, noncentrality: lambda) - target }
            var lo = 0.0, flo = f(0)
            if flo < 0 { return 0 }
            var hi = max(1.0, chisq), fhi = f(hi)
            while fhi > 0 { lo = hi; flo = fhi; hi *= 2; fhi = f(hi) }
            var kept = 0   // +1: lo was kept last step, −1: hi was kept
            for _ in 0..<200 where hi - lo > 1e-9 * max(1, hi) {
                var mid = (lo * fhi - hi * flo) / (fhi - flo)
                if !(mid > lo && mid < hi) { mid = (lo + hi) / 2 }
                let fm = f(mid)
                if fm == 0 { return mid }
                if fm > 0 {
                    lo = mid; flo = fm
                    if kept == -1 { fhi /= 2 }
                    kept = -1
                } else {
                    hi = mid; fhi = fm
                    if kept == 1 { flo /= 2 }
                    kept = 1
                }
            }
            return (lo + hi) / 2
        }
        let g = Double(table.groups).squareRoot()
        let lambdaLow = solve(0.95), lambdaHigh = solve(0.05)
        return ((lambdaLow / (n * df)).squareRoot() * g, (lambdaHigh / (n * df)).squareRoot() * g)
    }
}
