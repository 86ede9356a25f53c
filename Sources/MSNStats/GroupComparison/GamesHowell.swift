/// Games–Howell pairwise contrasts (unequal variances and sizes), as in R's `rstatix::games_howell_test`
/// and `pingouin.pairwise_gameshowell`.
public struct GamesHowell: Sendable {
    /// One pairwise contrast between group `first` and group `second`.
    public struct Contrast: Sendable, Equatable {
        /// Index of the first group.
        public let first: Int
        /// Index of the second group.
        public let second: Int
        /// Difference of means, first − second.
        public let difference: Double
        /// Welch's t statistic for the pair.
        public let t: Double
        /// Welch–Satterthwaite degrees of freedom.
        public let df: Double
        /// p-value from the studentized range distribution with k groups.
        public let pValue: Double
    }

    /// All k(k − 1)/2 contrasts, in the order (0,1), (0,2), …, (k−2,k−1).
    public let contrasts: [Contrast]

    /// Computes the contrasts (NaN entries are skipped; every group needs two observations).
    public init(groups: [[Double]]) throws {
        let moments = groups.map(GroupMoments.init)
        let k = moments.count
        guard k >= 2 else { throw GroupComparisonError.tooFewGroups(found: k) }
        for (i, m) in moments.enumerated() where m.n < 2 {
            throw GroupComparisonError.groupTooSmall(group: i, n: m.n, needed: 2)
        }
        var result: [Contrast] = []
        for i in 0..<k {
            for j in (i + 1)..<k {
                let a = moments[i].variance / Double(moments[i].n)
                let b = moments[j].variance / Double(moments[j].n)
                let diff = moments[i].mean - moments[j].mean
                let se = (a + b).squareRoot()
                let t = se > 0 ? diff / se : 0
                let df = (a + b) * (a + b) / (a * a / Double(moments[i].n - 1) + b * b / Double(moments[j].n - 1))
                let q = abs(t) * 2.0.squareRoot()
                let p = se > 0 ? 1 - StudentizedRange.cdf(q, groups: k, df: df) : 1
                result.append(Contrast(first: i, second: j, difference: diff, t: t, df: df, pValue: max(0, p)))
            }
        }
        contrasts = result
    }
}
