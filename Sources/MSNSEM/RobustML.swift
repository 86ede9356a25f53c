import MSNStats

/// The estimator of `fit sem`. Both maximise the normal likelihood (same estimates); they differ in the
/// standard errors and the test. An ordinal estimator (polychoric correlations, WLSMV) would be a third
/// case with its own discrepancy and its own `Likelihood`-like objective; the robust pieces below
/// (casewise scores, a sandwich, a scaled test) are written against the saturated moments so that such an
/// estimator can reuse the sandwich and the scaling with its own Jacobian and weight matrix.
public enum SEMEstimator: String, Sendable, CaseIterable {
    /// Normal-theory ML: information-matrix SEs and the likelihood-ratio χ² (lavaan's default).
    case ml = "ML"
    /// Robust ML (lavaan's `estimator = "MLR"`): Huber–White sandwich SEs and the Yuan–Bentler scaled χ²
    /// (lavaan's "yuan.bentler.mplus"), with scaled and robust CFI, TLI and RMSEA.
    case mlr = "MLR"
}

/// Which information matrix the standard errors (and, for MLR, the bread of the sandwich) use.
public enum SEMInformation: String, Sendable, CaseIterable {
    /// The expected (Fisher) information: lavaan's default for ML with complete data.
    case expected
    /// The observed information (the Hessian): lavaan's default under FIML and for MLR.
    case observed
}

/// The Yuan–Bentler (Mplus variant) scaling of the χ² of a model and of its independence baseline:
/// c = [tr(A₁⁻¹B₁) − tr(A₀⁻¹B₀)] / df, with A the information and B the mean outer product of the casewise
/// scores, for the unrestricted model (1, at the sample or EM moments) and the fitted one (0, at the
/// model-implied moments).
public struct RobustTest: Sendable {
    /// The scaling factor c (chisq.scaled = chisq / c).
    public let scalingFactor: Double
    /// The baseline model's scaling factor.
    public let baselineScalingFactor: Double
    /// tr(UΓ) = c · df.
    public var traceUGamma: Double
}

/// The sandwich pieces over all groups at given implied moments and Jacobians.
struct SandwichPieces {
    /// Σ_i s_i s_iᵀ / N for the model scores s_i = Δᵀ (saturated scores).
    var meat: Matrix
    /// Δᵀ H Δ / N (the per-case information of the model when it is linear in the saturated moments).
    var projectedInformation: Matrix

    init(table: ParameterTable, groups: [GroupData], sigma: [Matrix], mu: [[Double]], jacobians: [Matrix], observed: Bool) throws {
        let p = table.observed.count
        let sat = SaturatedMoments(p: p, means: table.meanStructure, exogenous: Set(table.exogenous.compactMap { table.observed.firstIndex(of: $0) }))
        let q = jacobians.first?.cols ?? 0
        meat = Matrix(rows: q, cols: q)
        projectedInformation = Matrix(rows: q, cols: q)
        var nTotal = 0.0
        for (gi, g) in groups.enumerated() {
            let m = table.meanStructure ? mu[gi] : g.mean
            let (scores, h) = try sat.scoresAndHessian(g, sigma: sigma[gi], mu: m, observed: observed)
            var outer = Matrix(rows: sat.count, cols: sat.count)
            for s in scores { for a in 0..<sat.count where s[a] != 0 { for b in 0..<sat.count { outer[a, b] += s[a] * s[b] } } }
            let dt = jacobians[gi].transposed
            meat = meat + dt * outer * jacobians[gi]
            projectedInformation = projectedInformation + dt * h * jacobians[gi]
            nTotal += Double(g.n)
        }
        meat = (1 / nTotal) * meat
        projectedInformation = (1 / nTotal) * projectedInformation
    }

    /// Σ_g tr(A₁⁻¹ B₁) of the unrestricted model at its own estimates (the sample moments, or the EM
    /// estimates under FIML): lavaan's trace for the Yuan–Bentler test, the same for a model and its baseline.
    static func traceH1(table: ParameterTable, groups: [GroupData], observed: Bool) throws -> Double {
        let sat = SaturatedMoments(p: table.observed.count, means: table.meanStructure,
                                   exogenous: Set(table.exogenous.compactMap { table.observed.firstIndex(of: $0) }))
        var total = 0.0
        for g in groups {
            let (scores, h) = try sat.scoresAndHessian(g, sigma: g.cov, mu: g.mean, observed: observed)
            var outer = Matrix(rows: sat.count, cols: sat.count)
            for s in scores { for a in 0..<sat.count where s[a] != 0 { for b in 0..<sat.count { outer[a, b] += s[a] * s[b] } } }
            total += try traceInverseProduct(h, outer)
        }
        return total
    }
}

extension SEMFit {
    /// Replaces the SEs by the sandwich A⁻¹BA⁻¹/N and computes the scaled test. `information` is the
    /// Hessian (observed or expected) of the discrepancy G = −2 log L / N, so A = information / 2.
    mutating func makeRobust(information: Matrix, observed: Bool) throws {
        let aInv = 2 * (try information.inverse())
        let jac = models.map { m -> Matrix in
            let (terms, mu) = m.derivatives(table)
            return SaturatedMoments(p: table.observed.count, means: table.meanStructure,
                                    exogenous: Set(table.exogenous.compactMap { table.observed.firstIndex(of: $0) }))
                .jacobian(sigma: terms, mu: mu, q: table.freeCount)
        }
        let model = try SandwichPieces(table: table, groups: groups, sigma: models.map(\.sigma), mu: models.map(\.mu), jacobians: jac, observed: observed)
        vcov = (1 / Double(n)) * (aInv * model.meat * aInv)
        let traceH1 = try SandwichPieces.traceH1(table: table, groups: groups, observed: observed)
        let traceModel = traceH1 - (aInv * model.meat).trace
        let c = df > 0 ? traceModel / Double(df) : .nan
        // The independence baseline: free variances (and means with a mean structure) of the non-exogenous variables.
        let (bs, bm) = baselineMoments()
        let p = table.observed.count
        let exo = Set(table.exogenous.compactMap { table.observed.firstIndex(of: $0) })
        let sat = SaturatedMoments(p: p, means: table.meanStructure, exogenous: exo)
        let free = (0..<p).filter { !exo.contains($0) }
        let perGroup = free.count * (table.meanStructure ? 2 : 1)
        let qb = perGroup * groups.count
        let baseJac = groups.indices.map { g -> Matrix in
            var d = Matrix(rows: sat.count, cols: qb)
            for (u, e) in sat.elements.enumerated() {
                guard let f = free.firstIndex(of: e.i) else { continue }
                if e.j < 0 { d[u, g * perGroup + free.count + f] = 1 } else if e.i == e.j { d[u, g * perGroup + f] = 1 }
            }
            return d
        }
        let base = try SandwichPieces(table: table, groups: groups, sigma: bs, mu: bm, jacobians: baseJac, observed: observed)
        let baseDf = Double(groups.count * table.momentsPerGroup - qb)
        let traceBase = traceH1 - (try base.projectedInformation.solve(base.meat)).trace
        robust = RobustTest(scalingFactor: c, baselineScalingFactor: traceBase / baseDf, traceUGamma: traceModel)
    }

    /// lavaan's scaled and robust fit measures for MLR: the scaled χ² and baseline, CFI/TLI/RMSEA from the
    /// scaled statistics, and the robust CFI/TLI/RMSEA (Brosseau-Savalei & Savalei) for complete data.
    func robustMeasures(chisq: Double, df: Double, baseChisq: Double, baseDf: Double) -> [(String, Double)] {
        guard let r = robust else { return [] }
        let c = r.scalingFactor, cb = r.baselineScalingFactor
        let nd = Double(n), g = Double(table.groups).squareRoot()
        let scaled = chisq / c, baseScaled = baseChisq / cb
        func cfi(_ x: Double, _ xb: Double, _ c: Double, _ cb: Double) -> Double {
            let t1 = max(x - c * df, 0), t2 = max(x - c * df, xb - cb * baseDf, 0)
            return t1 == 0 && t2 == 0 ? 1 : 1 - t1 / t2
        }
        func tli(_ x: Double, _ xb: Double, _ c: Double, _ cb: Double) -> Double {
            let t1 = (x - c * df) * baseDf, t2 = (xb - cb * baseDf) * df
            return df > 0 && t2 != 0 ? 1 - t1 / t2 : 1
        }
        var out: [(String, Double)] = [
            ("chisq.scaled", scaled), ("df.scaled", df),
            ("pvalue.scaled", df > 0 ? Distributions.chiSquaredUpperTail(scaled, df: df) : .nan), ("chisq.scaling.factor", c),
            ("baseline.chisq.scaled", baseScaled), ("baseline.chisq.scaling.factor", cb),
            ("cfi.scaled", cfi(scaled, baseScaled, 1, 1)), ("tli.scaled", tli(scaled, baseScaled, 1, 1)),
            ("rmsea.scaled", df > 0 ? max(0, chisq / (nd * df * c) - 1 / nd).squareRoot() * g : 0),
        ]
        // Under FIML the robust indices come from Savalei's corrected statistics (RobustFIML.swift).
        guard missing == .listwise else { return out + fimlRobustMeasures(df: df, baseDf: baseDf) }
        let (lo, hi) = rmseaInterval(chisq: scaled, df: df, n: nd)
        out += [
            ("cfi.robust", cfi(chisq, baseChisq, c, cb)), ("tli.robust", tli(chisq, baseChisq, c, cb)),
            ("rmsea.robust", df > 0 ? max(0, chisq / (nd * df) - c / nd).squareRoot() * g : 0),
            ("rmsea.ci.lower.robust", lo * c.squareRoot()), ("rmsea.ci.upper.robust", hi * c.squareRoot()),
        ]
        return out
    }
}
