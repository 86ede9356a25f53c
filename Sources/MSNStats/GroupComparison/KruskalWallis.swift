/// The Kruskal–Wallis rank test with the tie correction, and epsilon² = H / (n − 1)
/// (Tomczak & Tomczak 2014). Matches SciPy's `kruskal` and R's `kruskal.test`.
public struct KruskalWallis: Sendable {
    /// The tie-corrected H statistic.
    public let statistic: Double
    /// Degrees of freedom (k − 1).
    public let df: Double
    /// Upper-tail p-value from χ²(df).
    public let pValue: Double
    /// Epsilon squared effect size.
    public let epsilonSquared: Double

    /// Runs the test on groups of values (NaN entries are skipped).
    public init(groups: [[Double]]) throws {
        let clean = groups.map { $0.filter { !$0.isNaN } }.filter { !$0.isEmpty }
        let k = clean.count
        guard k >= 2 else { throw GroupComparisonError.tooFewGroups(found: k) }
        var all: [(value: Double, group: Int)] = []
        for (g, values) in clean.enumerated() { for v in values { all.append((v, g)) } }
        all.sort { $0.value < $1.value }
        let n = all.count
        var rankSums = [Double](repeating: 0, count: k)
        var tieTerm = 0.0
        var i = 0
        while i < n {
            var j = i
            while j + 1 < n && all[j + 1].value == all[i].value { j += 1 }
            let rank = Double(i + j + 2) / 2   // average of ranks i+1 … j+1
            for t in i...j { rankSums[all[t].group] += rank }
            let ties = Double(j - i + 1)
            tieTerm += ties * ties * ties - ties
            i = j + 1
        }
        let nd = Double(n)
        var h = 0.0
        for (g, values) in clean.enumerated() { h += rankSums[g] * rankSums[g] / Double(values.count) }
        h = 12 / (nd * (nd + 1)) * h - 3 * (nd + 1)
        let correction = 1 - tieTerm / (nd * nd * nd - nd)
        guard correction > 0 else { throw GroupComparisonError.noVariation }
        h /= correction
        statistic = h
        df = Double(k - 1)
        pValue = Distributions.chiSquaredUpperTail(h, df: Double(k - 1))
        epsilonSquared = h / (nd - 1)
    }
}
