/// Welch's heteroscedastic one-way ANOVA (Welch 1951), with eta² from the classic sums of squares.
///
/// F* = [Σ wᵢ(x̄ᵢ − x̄_w)² / (k − 1)] / [1 + 2(k − 2)/(k² − 1) · Λ], wᵢ = nᵢ/sᵢ²,
/// Λ = Σ (1 − wᵢ/W)² / (nᵢ − 1), df₁ = k − 1, df₂ = (k² − 1) / (3Λ).
/// Matches R's `oneway.test(var.equal = FALSE)` and statsmodels' `anova_oneway(use_var = "unequal")`.
public struct WelchANOVA: Sendable {
    /// The F statistic.
    public let statistic: Double
    /// Numerator degrees of freedom (k − 1).
    public let df1: Double
    /// Welch's denominator degrees of freedom.
    public let df2: Double
    /// Upper-tail p-value from F(df1, df2).
    public let pValue: Double
    /// Eta squared: between-group sum of squares over the total sum of squares.
    public let etaSquared: Double

    /// Runs the test on groups of values (NaN entries are skipped).
    public init(groups: [[Double]]) throws {
        let moments = groups.map(GroupMoments.init).filter { $0.n > 0 }
        let k = moments.count
        guard k >= 2 else { throw GroupComparisonError.tooFewGroups(found: k) }
        for (i, m) in moments.enumerated() where m.n < 2 {
            throw GroupComparisonError.groupTooSmall(group: i, n: m.n, needed: 2)
        }
        guard moments.allSatisfy({ $0.variance > 0 }) else { throw GroupComparisonError.noVariation }
        let w = moments.map { Double($0.n) / $0.variance }
        let sumW = w.reduce(0, +)
        var weightedMean = 0.0
        for (wi, m) in zip(w, moments) { weightedMean += wi * m.mean }
        weightedMean /= sumW
        var between = 0.0
        var lambda = 0.0
        for (wi, m) in zip(w, moments) {
            between += wi * (m.mean - weightedMean) * (m.mean - weightedMean)
            let r = 1 - wi / sumW
            lambda += r * r / Double(m.n - 1)
        }
        let kd = Double(k)
        let f = (between / (kd - 1)) / (1 + 2 * (kd - 2) / (kd * kd - 1) * lambda)
        let df2 = (kd * kd - 1) / (3 * lambda)
        statistic = f
        df1 = kd - 1
        self.df2 = df2
        pValue = Distributions.fUpperTail(f, df1: kd - 1, df2: df2)
        // Classic eta²: SS_between / SS_total over all observations.
        let n = moments.reduce(0) { $0 + $1.n }
        let grand = moments.reduce(0.0) { $0 + Double($1.n) * $1.mean } / Double(n)
        var ssBetween = 0.0
        var ssWithin = 0.0
        for m in moments {
            ssBetween += Double(m.n) * (m.mean - grand) * (m.mean - grand)
            ssWithin += Double(m.n - 1) * m.variance
        }
        etaSquared = ssBetween / (ssBetween + ssWithin)
    }
}
