import MSNStats

/// The χ² difference test between two nested steps, as lavaan's `lavTestLRT` does by default: the plain
/// likelihood-ratio difference under ML, and under MLR the Satorra–Bentler (2001) scaled difference
/// (lavaan's method "satorra.bentler.2001"): with T the unscaled χ², r the df and c the scaling factors of the
/// less (1) and more (0) constrained models, c_d = (r₀c₀ − r₁c₁)/(r₀ − r₁) and T_d = (T₀ − T₁)/c_d on
/// r₀ − r₁ df (c₁ = 1 for a saturated model; a negative c_d gives no test, as lavaan).
public enum ChisqDifferenceMethod: String, Sendable {
    /// The likelihood-ratio χ² difference (ML).
    case standard = "likelihood ratio"
    /// Satorra & Bentler (2001) scaled difference (MLR).
    case satorraBentler2001 = "satorra.bentler.2001"
}

/// The Satorra–Bentler (2001) scaled difference statistic.
public struct ScaledDifference: Sendable, Equatable {
    public let statistic: Double, df: Double, scalingFactor: Double
    public var pvalue: Double { df > 0 && statistic.isFinite ? Distributions.chiSquaredUpperTail(max(0, statistic), df: df) : .nan }

    /// T_d and c_d from the unscaled χ² (t), df (r) and scaling factors (c) of the less constrained model (1)
    /// and the more constrained one (0).
    public init(t1: Double, r1: Double, c1: Double, t0: Double, r0: Double, c0: Double) {
        let m = r0 - r1
        let c1 = r1 == 0 ? 1 : c1
        df = m
        guard m != 0 else { statistic = t0 - t1; scalingFactor = .nan; return }
        let cd = (r0 * c0 - r1 * c1) / m
        scalingFactor = cd < 0 ? .nan : cd
        statistic = (t0 - t1) / scalingFactor
    }
}

extension SEMInvariance {
    /// Step `b` (more constrained) against step `a`: the scaled difference when both fits are MLR,
    /// the plain χ² difference otherwise; ΔCFI and ΔRMSEA from the steps' (standard) measures.
    static func compare(_ a: InvarianceStep, _ b: InvarianceStep) -> InvarianceComparison {
        let dd = b.df - a.df
        if let ra = a.fit.robust, let rb = b.fit.robust {
            let d = ScaledDifference(t1: a.chisq, r1: a.df, c1: ra.scalingFactor, t0: b.chisq, r0: b.df, c0: rb.scalingFactor)
            var c = InvarianceComparison(from: a.name, to: b.name, deltaChisq: d.statistic, deltaDf: dd, pvalue: d.pvalue,
                                         deltaCFI: b.cfi - a.cfi, deltaRMSEA: b.rmsea - a.rmsea)
            c.method = .satorraBentler2001
            c.scalingFactor = d.scalingFactor
            return c
        }
        let dc = b.chisq - a.chisq
        let p = dd > 0 ? Distributions.chiSquaredUpperTail(max(0, dc), df: dd) : .nan
        return InvarianceComparison(from: a.name, to: b.name, deltaChisq: dc, deltaDf: dd, pvalue: p,
                                    deltaCFI: b.cfi - a.cfi, deltaRMSEA: b.rmsea - a.rmsea)
    }
}
