import Foundation

/// Two one-sided Welch t tests of equivalence (Schuirmann 1987; Lakens 2017): is the difference of two
/// means inside (−bound, +bound)? Equivalence is shown when both one-sided tests reject, i.e. when the
/// larger of their p-values is below α — the same as the (1 − 2α) interval lying inside the bounds.
/// As statsmodels' `ttost_ind(usevar="unequal")`.
public struct WelchTOST: Sendable {
    /// Mean of a minus mean of b, its standard error and the Welch–Satterthwaite df.
    public let difference: Double, standardError: Double, df: Double
    /// The bound (the smallest difference of interest, in the data's units).
    public let bound: Double
    /// t and p of H0: difference ≤ −bound, and of H0: difference ≥ +bound.
    public let tLower: Double, pLower: Double, tUpper: Double, pUpper: Double

    /// The test of groups `a` and `b` (each at least 2 values, not both constant) against ±`bound`.
    public init(_ a: [Double], _ b: [Double], bound: Double) throws {
        let ma = GroupMoments(a), mb = GroupMoments(b)
        guard ma.n >= 2, mb.n >= 2 else { throw GroupComparisonError.groupTooSmall(group: ma.n < 2 ? 0 : 1, n: min(ma.n, mb.n), needed: 2) }
        let va = ma.variance / Double(ma.n), vb = mb.variance / Double(mb.n)
        guard va + vb > 0 else { throw GroupComparisonError.noVariation }
        difference = ma.mean - mb.mean
        standardError = (va + vb).squareRoot()
        df = (va + vb) * (va + vb) / (va * va / Double(ma.n - 1) + vb * vb / Double(mb.n - 1))
        self.bound = bound
        tLower = (difference + bound) / standardError
        pLower = Distributions.tCDF(-tLower, df: df)   // upper tail, without cancellation
        tUpper = (difference - bound) / standardError
        pUpper = Distributions.tCDF(tUpper, df: df)
    }

    /// The TOST p-value: the larger one-sided p.
    public var pValue: Double { max(pLower, pUpper) }

    /// The (1 − 2α) confidence interval of the difference (90% for α = .05).
    public func interval(alpha: Double = 0.05) -> (lower: Double, upper: Double) {
        let t = Distributions.tQuantile(1 - alpha, df: df)
        return (difference - t * standardError, difference + t * standardError)
    }
}
