import Foundation

/// Welch's two-sample t test and interval for a difference in means (unequal variances), as scipy's
/// `ttest_ind(equal_var = False)`.
public struct WelchTwoSample: Sendable {
    /// mean(a) − mean(b).
    public let difference: Double
    /// Welch's t, its Welch–Satterthwaite degrees of freedom and two-sided p-value.
    public let t: Double, df: Double, p: Double
    /// The interval for the difference at the level asked for.
    public let lower: Double, upper: Double

    /// The test of `a` against `b` (NaN when either has fewer than two values or both have no spread).
    public init(_ a: [Double], _ b: [Double], level: Double = 0.95) {
        func meanVar(_ x: [Double]) -> (Double, Double) {
            let m = x.reduce(0, +) / Double(x.count)
            return (m, x.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(x.count - 1))
        }
        guard a.count >= 2, b.count >= 2 else {
            difference = a.isEmpty || b.isEmpty ? .nan : a.reduce(0, +) / Double(a.count) - b.reduce(0, +) / Double(b.count)
            t = .nan; df = .nan; p = .nan; lower = .nan; upper = .nan
            return
        }
        let (ma, va) = meanVar(a), (mb, vb) = meanVar(b)
        let sa = va / Double(a.count), sb = vb / Double(b.count)
        let se = (sa + sb).squareRoot()
        difference = ma - mb
        guard se > 0 else { t = .nan; df = .nan; p = .nan; lower = .nan; upper = .nan; return }
        t = difference / se
        df = (sa + sb) * (sa + sb) / (sa * sa / Double(a.count - 1) + sb * sb / Double(b.count - 1))
        p = Distributions.twoSidedTP(t, df: df)
        let q = Distributions.tQuantile(1 - (1 - level) / 2, df: df)
        lower = difference - q * se
        upper = difference + q * se
    }
}
