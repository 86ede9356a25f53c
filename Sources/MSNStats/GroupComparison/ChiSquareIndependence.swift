/// Pearson's χ² test of independence on a contingency table (no continuity correction, as R's
/// `chisq.test(correct = FALSE)` and SciPy's `chi2_contingency(correction = False)`), with Cramér's V.
public struct ChiSquareIndependence: Sendable {
    /// Pearson's χ² statistic.
    public let statistic: Double
    /// Degrees of freedom, (r − 1)(c − 1).
    public let df: Double
    /// Upper-tail p-value.
    public let pValue: Double
    /// Cramér's V = √(χ² / (n · (min(r, c) − 1))).
    public let cramersV: Double
    /// The smallest expected count; below 5 the χ² approximation is doubtful.
    public let minimumExpected: Double

    /// Runs the test on counts[row][column]. Rows or columns with no observations are errors.
    public init(counts: [[Double]]) throws {
        let r = counts.count
        guard r >= 2, let c = counts.first?.count, c >= 2 else { throw GroupComparisonError.tooFewGroups(found: min(counts.count, counts.first?.count ?? 0)) }
        let rowSums = counts.map { $0.reduce(0, +) }
        var colSums = [Double](repeating: 0, count: c)
        for row in counts { for j in 0..<c { colSums[j] += row[j] } }
        guard !rowSums.contains(0) else { throw GroupComparisonError.emptyMargin("row (a group with no observations)") }
        guard !colSums.contains(0) else { throw GroupComparisonError.emptyMargin("column (a level never observed)") }
        let n = rowSums.reduce(0, +)
        var chi = 0.0
        var minExpected = Double.infinity
        for i in 0..<r {
            for j in 0..<c {
                let e = rowSums[i] * colSums[j] / n
                minExpected = min(minExpected, e)
                let d = counts[i][j] - e
                chi += d * d / e
            }
        }
        statistic = chi
        df = Double((r - 1) * (c - 1))
        pValue = Distributions.chiSquaredUpperTail(chi, df: df)
        cramersV = (chi / (n * Double(min(r, c) - 1))).squareRoot()
        minimumExpected = minExpected
    }
}
