import Foundation

/// Intervals and exact tests for shares: Wilson's score interval, Fisher's exact test for a 2 × 2
/// table and its Freeman–Halton extension to 2 × c tables (small samples such as 15 interviews).
public enum Proportions {
    /// Wilson's score interval for `count` successes in `n` trials at `level`, as statsmodels'
    /// `proportion_confint(method = "wilson")`. nil when n is 0.
    public static func wilson(count: Int, n: Int, level: Double = 0.95) -> (lower: Double, upper: Double)? {
        guard n > 0, count >= 0, count <= n else { return nil }
        let z = Distributions.normalQuantile(1 - (1 - level) / 2)
        let nd = Double(n), p = Double(count) / nd, z2 = z * z
        let denom = 1 + z2 / nd
        let center = (p + z2 / (2 * nd)) / denom
        let half = z * (p * (1 - p) / nd + z2 / (4 * nd * nd)).squareRoot() / denom
        return (center - half, center + half)
    }

    /// Fisher's exact test of a 2 × 2 table [[a, b], [c, d]], two-sided as scipy's `fisher_exact`:
    /// the sample odds ratio ad / bc and the sum of the hypergeometric probabilities of every table
    /// with the same margins that is no more likely than the observed one (relative tolerance 1e-7).
    public static func fisherExact(_ a: Int, _ b: Int, _ c: Int, _ d: Int) -> (oddsRatio: Double, p: Double) {
        let odds = Double(a * d) / Double(b * c)   // inf or NaN for zero cells, as scipy
        return (odds, twoByC([[a, c], [b, d]]) ?? 1)
    }

    /// The Freeman–Halton exact test of a 2 × c table given as columns ([present, absent] of each
    /// group): the probability of every table with the same margins no more likely than the observed
    /// one (R's `fisher.test` rule: ≤ p_obs × (1 + 1e-7)). nil when there are more than `limit` tables to
    /// enumerate (then use a χ² test).
    public static func twoByC(_ columns: [[Int]], limit: Int = 20_000_000) -> Double? {
        let cols = columns.filter { $0[0] + $0[1] > 0 }
        let sizes = cols.map { $0[0] + $0[1] }
        let r1 = cols.reduce(0) { $0 + $1[0] }
        let n = sizes.reduce(0, +)
        guard cols.count >= 2, r1 > 0, r1 < n else { return 1 }
        var count = 1.0
        for s in sizes.dropLast() { count *= Double(min(s, r1) + 1); if count > Double(limit) { return nil } }
        // log P(table) = Σ log C(size_j, x_j) − log C(n, r1)
        let logTotal = logChoose(n, r1)
        let observed = zip(cols, sizes).reduce(0.0) { $0 + logChoose($1.1, $1.0[0]) } - logTotal
        let threshold = observed + log1p(1e-7)
        var suffix = [Int](repeating: 0, count: sizes.count + 1)
        for j in stride(from: sizes.count - 1, through: 0, by: -1) { suffix[j] = suffix[j + 1] + sizes[j] }
        var sum = 0.0
        func walk(_ j: Int, _ left: Int, _ logP: Double) {
            if j == sizes.count - 1 {
                guard left <= sizes[j] else { return }
                let lp = logP + logChoose(sizes[j], left) - logTotal
                if lp <= threshold { sum += exp(lp) }
                return
            }
            let lo = max(0, left - suffix[j + 1]), hi = min(sizes[j], left)
            guard lo <= hi else { return }
            for x in lo...hi { walk(j + 1, left - x, logP + logChoose(sizes[j], x)) }
        }
        walk(0, r1, 0)
        return min(1, sum)
    }

    /// log C(n, k).
    static func logChoose(_ n: Int, _ k: Int) -> Double {
        lgamma(Double(n + 1)) - lgamma(Double(k + 1)) - lgamma(Double(n - k + 1))
    }
}
