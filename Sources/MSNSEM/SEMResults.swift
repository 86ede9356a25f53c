import Foundation
import MSNStats

/// One row of `estimates`.
public struct EstimateRow: Sendable {
    public var lhs: String, op: String, rhs: String, label: String
    public var est: Double
    /// nil for fixed parameters (lavaan prints NA for z and p, 0 for se).
    public var se: Double, z: Double?, pvalue: Double?, ciLower: Double, ciUpper: Double
    public var stdLV: Double?, stdAll: Double?
}

/// One row of `modindices`.
public struct ModificationIndex: Sendable {
    public var lhs: String, op: String, rhs: String
    public var mi: Double, epc: Double, sepcAll: Double
}

/// Reliability and validity of one factor.
public struct FactorReliability: Sendable {
    public var factor: String
    public var indicators: Int
    public var alpha: Double
    public var compositeReliability: Double
    public var ave: Double
}

extension SEMFit {
    private func sdLV(_ v: String) -> Double {
        if let i = table.eta.firstIndex(of: v), table.latents.contains(v) { return etaCovariance[i, i].squareRoot() }
        return 1
    }

    private func sdAll(_ v: String) -> Double {
        if let i = table.eta.firstIndex(of: v), table.latents.contains(v) { return etaCovariance[i, i].squareRoot() }
        if let i = table.observed.firstIndex(of: v) { return sigma[i, i].squareRoot() }
        return 1
    }

    private func standardized(_ op: String, _ lhs: String, _ rhs: String, _ est: Double) -> (Double, Double) {
        switch op {
        case "=~": return (est * sdLV(lhs) / sdLV(rhs), est * sdAll(lhs) / sdAll(rhs))
        case "~": return (est * sdLV(rhs) / sdLV(lhs), est * sdAll(rhs) / sdAll(lhs))
        default:
            if lhs == rhs { return (est / (sdLV(lhs) * sdLV(rhs)), est / (sdAll(lhs) * sdAll(rhs))) }
            // Covariances between different variables are scaled by their residual variances, as lavaan does
            // (a residual correlation); latent-only for std.lv.
            let both = (residualVariance(lhs) * residualVariance(rhs)).squareRoot()
            let latent = table.latents.contains(lhs) && table.latents.contains(rhs)
            return (latent ? est / both : est, est / both)
        }
    }

    /// The value of `v ~~ v` (a residual variance for endogenous variables).
    private func residualVariance(_ v: String) -> Double {
        table.rows.first { $0.op == "~~" && $0.lhs == v && $0.rhs == v }?.value ?? 1
    }

    /// Label → value of every labelled free or fixed parameter at `x`.
    private func labelValues(_ x: [Double]) -> [String: Double] {
        var out: [String: Double] = [:]
        for r in table.rows where !r.label.isEmpty && r.op != ":=" { out[r.label] = r.free > 0 ? x[r.free - 1] : r.value }
        return out
    }

    /// lavaan's `parameterEstimates(fit, standardized = TRUE)`; defined parameters get delta-method SEs.
    public func estimateRows() throws -> [EstimateRow] {
        let zc = 1.959963984540054
        var out: [EstimateRow] = []
        for r in table.rows {
            if r.op == ":=" {
                let f = { (x: [Double]) throws -> Double in try DefinedExpression.evaluate(r.rhs, values: self.labelValues(x)) }
                let est = try f(estimates)
                var grad = [Double](repeating: 0, count: estimates.count)
                for k in 0..<estimates.count {
                    let h = 1e-6 * max(1, abs(estimates[k]))
                    var up = estimates, down = estimates
                    up[k] += h; down[k] -= h
                    grad[k] = (try f(up) - f(down)) / (2 * h)
                }
                var v = 0.0
                for a in 0..<grad.count { for b in 0..<grad.count { v += grad[a] * vcov[a, b] * grad[b] } }
                let se = max(0, v).squareRoot()
                let z = se > 0 ? est / se : nil
                out.append(EstimateRow(lhs: r.lhs, op: ":=", rhs: r.rhs, label: r.label, est: est, se: se, z: z,
                                       pvalue: z.map { Distributions.twoSidedNormalP($0) }, ciLower: est - zc * se, ciUpper: est + zc * se,
                                       stdLV: nil, stdAll: nil))
                continue
            }
            let se = self.se(r.free)
            let z: Double? = r.free > 0 && se > 0 ? r.value / se : nil
            let (sl, sa) = standardized(r.op, r.lhs, r.rhs, r.value)
            out.append(EstimateRow(lhs: r.lhs, op: r.op, rhs: r.rhs, label: r.label, est: r.value, se: se, z: z,
                                   pvalue: z.map { Distributions.twoSidedNormalP($0) },
                                   ciLower: r.value - zc * se, ciUpper: r.value + zc * se, stdLV: sl, stdAll: sa))
        }
        return out
    }

    /// lavaan's `fitMeasures` (ML): npar, chisq, df, pvalue, baseline, CFI, TLI, RMSEA with 90% CI and
    /// p-close, SRMR, log-likelihoods, AIC, BIC, BIC2, GFI, ntotal.
    public func fitMeasures() -> [(name: String, value: Double)] {
        let p = table.observed.count
        let nd = Double(n)
        let chisq = nd * fmin
        let df = Double(self.df)
        let pvalue = df > 0 ? Distributions.chiSquaredUpperTail(chisq, df: df) : .nan
        var logDiagS = 0.0
        for i in 0..<p { logDiagS += Foundation.log(sample[i, i]) }
        let logDetS = (try? sample.logDeterminantSPD()) ?? .nan
        let baseChisq = nd * (logDiagS - logDetS)
        let baseDf = Double(p * (p - 1) / 2)
        let cfiDen = max(chisq - df, baseChisq - baseDf, 0)
        let cfi = cfiDen > 0 ? 1 - max(chisq - df, 0) / cfiDen : 1
        let tli = df > 0 ? ((baseChisq / baseDf) - (chisq / df)) / ((baseChisq / baseDf) - 1) : 1
        let rmsea = df > 0 ? max(0, chisq / (nd * df) - 1 / nd).squareRoot() : 0
        let (lo, hi) = rmseaInterval(chisq: chisq, df: df, n: nd)
        let pclose = df > 0 ? 1 - Distributions.noncentralChiSquaredCDF(chisq, df: df, noncentrality: 0.05 * 0.05 * nd * df) : .nan
        var srmrSum = 0.0
        for i in 0..<p { for j in 0...i {
            let r = (sample[i, j] - sigma[i, j]) / (sample[i, i] * sample[j, j]).squareRoot()
            srmrSum += r * r
        } }
        let srmr = (srmrSum / Double(p * (p + 1) / 2)).squareRoot()
        let logDetSigma = (try? sigma.logDeterminantSPD()) ?? .nan
        let inv = (try? sigma.inverseSPD()) ?? Matrix(rows: p, cols: p)
        let sInv = sample * inv
        let log2pi = Foundation.log(2 * Double.pi)
        let logl = -nd / 2 * (logDetSigma + sInv.trace + Double(p) * log2pi)
        let unrestricted = -nd / 2 * (logDetS + Double(p) + Double(p) * log2pi)
        let k = Double(table.freeCount)
        let w = inv * sample
        var wMinusI = w
        for i in 0..<p { wMinusI[i, i] -= 1 }
        let num = (wMinusI * wMinusI).trace
        let den = (w * w).trace
        return [
            ("npar", k), ("chisq", chisq), ("df", df), ("pvalue", pvalue),
            ("baseline.chisq", baseChisq), ("baseline.df", baseDf), ("cfi", cfi), ("tli", tli),
            ("rmsea", rmsea), ("rmsea.ci.lower", lo), ("rmsea.ci.upper", hi), ("rmsea.pvalue", pclose), ("srmr", srmr),
            ("logl", logl), ("unrestricted.logl", unrestricted), ("aic", -2 * logl + 2 * k),
            ("bic", -2 * logl + k * Foundation.log(nd)), ("bic2", -2 * logl + k * Foundation.log((nd + 2) / 24)),
            ("gfi", 1 - num / den), ("ntotal", nd),
        ]
    }

    /// The 90% confidence interval of RMSEA from the noncentral χ² (lavaan's method, N observations).
    func rmseaInterval(chisq: Double, df: Double, n: Double) -> (Double, Double) {
        guard df > 0 else { return (0, 0) }
        func solve(_ target: Double) -> Double {
            // Find λ with P(χ²(df, λ) ≤ chisq) = target; the CDF decreases in λ.
            if Distributions.noncentralChiSquaredCDF(chisq, df: df, noncentrality: 0) < target { return 0 }
            var lo = 0.0, hi = max(1.0, chisq)
            while Distributions.noncentralChiSquaredCDF(chisq, df: df, noncentrality: hi) > target { hi *= 2 }
            for _ in 0..<100 {
                let mid = (lo + hi) / 2
                if Distributions.noncentralChiSquaredCDF(chisq, df: df, noncentrality: mid) > target { lo = mid } else { hi = mid }
            }
            return (lo + hi) / 2
        }
        let lambdaLow = solve(0.95), lambdaHigh = solve(0.05)
        return ((lambdaLow / (n * df)).squareRoot(), (lambdaHigh / (n * df)).squareRoot())
    }

    /// R² of every indicator and every endogenous variable.
    public func rSquare() -> [(variable: String, r2: Double)] {
        var out: [(String, Double)] = []
        for (i, o) in table.observed.enumerated() where !table.eta.contains(o) {
            let theta = table.rows.first { $0.op == "~~" && $0.lhs == o && $0.rhs == o }?.value ?? 0
            out.append((o, 1 - theta / sigma[i, i]))
        }
        let dependents = Set(table.rows.filter { $0.op == "~" }.map(\.lhs))
        for (i, e) in table.eta.enumerated() where dependents.contains(e) {
            let psi = table.rows.first { $0.op == "~~" && $0.lhs == e && $0.rhs == e }?.value ?? 0
            out.append((e, 1 - psi / etaCovariance[i, i]))
        }
        return out
    }

    /// Modification indices for cross-loadings and residual covariances not in the model, sorted by MI.
    public func modificationIndices() throws -> [ModificationIndex] {
        var extended = table
        var candidates: [(String, String, String)] = []
        let obsIndex = Dictionary(uniqueKeysWithValues: table.observed.enumerated().map { ($1, $0) })
        let etaIndex = Dictionary(uniqueKeysWithValues: table.eta.enumerated().map { ($1, $0) })
        func has(_ l: String, _ op: String, _ r: String) -> Bool {
            table.rows.contains { $0.op == op && (($0.lhs == l && $0.rhs == r) || (op == "~~" && $0.lhs == r && $0.rhs == l)) }
        }
        func addCandidate(_ l: String, _ op: String, _ r: String, _ slot: MatrixSlot) {
            extended.freeCount += 1
            extended.rows.append(Parameter(lhs: l, op: op, rhs: r, label: "", free: extended.freeCount, value: 0, user: false, exo: false, slot: slot))
            candidates.append((l, op, r))
        }
        for f in table.latents { for o in table.observed where etaIndex[o] == nil && !has(f, "=~", o) {
            addCandidate(f, "=~", o, .lambda(obsIndex[o]!, etaIndex[f]!))
        } }
        let indicators = table.observed.filter { etaIndex[$0] == nil }
        for (a, x) in indicators.enumerated() { for y in indicators.dropFirst(a + 1) where !has(x, "~~", y) {
            addCandidate(x, "~~", y, .theta(obsIndex[x]!, obsIndex[y]!))
        } }
        let xExt = estimates + [Double](repeating: 0, count: candidates.count)
        let est = try MLEstimator(table: extended, sample: sample)
        let (g, h, _) = try est.gradientAndInformation(xExt)
        let q = table.freeCount
        let hff = Matrix((0..<q).map { i in (0..<q).map { h[i, $0] } })
        let hffInv = try hff.inverse()
        var out: [ModificationIndex] = []
        for (c, cand) in candidates.enumerated() {
            let j = q + c
            var v = h[j, j]
            for a in 0..<q { for b in 0..<q { v -= h[j, a] * hffInv[a, b] * h[b, j] } }
            guard v > 1e-12 else { continue }
            let mi = Double(n) / 2 * g[j] * g[j] / v
            let epc = -g[j] / v
            let sepc = standardized(cand.1, cand.0, cand.2, epc).1
            out.append(ModificationIndex(lhs: cand.0, op: cand.1, rhs: cand.2, mi: mi, epc: epc, sepcAll: sepc))
        }
        return out.sorted { $0.mi > $1.mi }
    }

    /// Cronbach's alpha, composite reliability and AVE per factor (standardized loadings).
    public func reliability() -> [FactorReliability] {
        table.latents.compactMap { f in
            let loadings = table.rows.filter { $0.op == "=~" && $0.lhs == f && table.observed.contains($0.rhs) }
            let items = loadings.compactMap { table.observed.firstIndex(of: $0.rhs) }
            guard items.count >= 2 else { return nil }
            let k = Double(items.count)
            var total = 0.0, diag = 0.0
            for a in items { diag += sample[a, a]; for b in items { total += sample[a, b] } }
            let alpha = k / (k - 1) * (1 - diag / total)
            let std = loadings.map { standardized("=~", f, $0.rhs, $0.value).1 }
            let sum = std.reduce(0, +)
            let errors = std.reduce(0) { $0 + (1 - $1 * $1) }
            let cr = sum * sum / (sum * sum + errors)
            let ave = std.reduce(0) { $0 + $1 * $1 } / k
            return FactorReliability(factor: f, indicators: items.count, alpha: alpha, compositeReliability: cr, ave: ave)
        }
    }

    /// Latent correlations with √AVE on the diagonal (the Fornell–Larcker criterion).
    public func fornellLarcker() -> (factors: [String], matrix: Matrix) {
        let rel = Dictionary(uniqueKeysWithValues: reliability().map { ($0.factor, $0.ave) })
        let fs = table.latents
        var m = Matrix(rows: fs.count, cols: fs.count)
        for (a, x) in fs.enumerated() {
            for (b, y) in fs.enumerated() {
                guard let i = table.eta.firstIndex(of: x), let j = table.eta.firstIndex(of: y) else { continue }
                m[a, b] = a == b ? (rel[x] ?? .nan).squareRoot() : etaCovariance[i, j] / (etaCovariance[i, i] * etaCovariance[j, j]).squareRoot()
            }
        }
        return (fs, m)
    }

    /// Heterotrait–monotrait ratios of the sample correlations (Henseler, Ringle & Sarstedt 2015).
    public func htmt() -> (factors: [String], matrix: Matrix) {
        let fs = table.latents
        let items = fs.map { f in table.rows.filter { $0.op == "=~" && $0.lhs == f }.compactMap { table.observed.firstIndex(of: $0.rhs) } }
        func r(_ a: Int, _ b: Int) -> Double { sample[a, b] / (sample[a, a] * sample[b, b]).squareRoot() }
        func mono(_ s: [Int]) -> Double {
            var sum = 0.0, c = 0.0
            for (x, a) in s.enumerated() { for b in s.dropFirst(x + 1) { sum += r(a, b); c += 1 } }
            return c > 0 ? sum / c : .nan
        }
        var m = Matrix(rows: fs.count, cols: fs.count, value: .nan)
        for a in 0..<fs.count { for b in 0..<fs.count where a != b {
            var sum = 0.0, c = 0.0
            for x in items[a] { for y in items[b] { sum += r(x, y); c += 1 } }
            m[a, b] = (sum / c) / (mono(items[a]) * mono(items[b])).squareRoot()
        } }
        return (fs, m)
    }
}
