/// Per-group moments used by the group-comparison tests: size, mean and variance (n − 1).
public struct GroupMoments: Sendable, Equatable {
    /// Number of non-missing observations.
    public let n: Int
    /// Arithmetic mean.
    public let mean: Double
    /// Sample variance with divisor n − 1 (0 when n < 2).
    public let variance: Double

    /// Computes the moments of `values`, skipping NaN (missing) entries; uses a two-pass algorithm.
    public init(_ values: [Double]) {
        var n = 0
        var sum = 0.0
        for v in values where !v.isNaN { n += 1; sum += v }
        let mean = n > 0 ? sum / Double(n) : .nan
        var ss = 0.0
        for v in values where !v.isNaN { let d = v - mean; ss += d * d }
        self.n = n
        self.mean = mean
        self.variance = n > 1 ? ss / Double(n - 1) : 0
    }
}

/// Errors from the group-comparison tests, each saying what the researcher can change.
public enum GroupComparisonError: Error, CustomStringConvertible, Equatable {
    /// Fewer than two groups have data.
    case tooFewGroups(found: Int)
    /// A group has too few observations for the test.
    case groupTooSmall(group: Int, n: Int, needed: Int)
    /// Every observation is identical, so the test statistic is undefined.
    case noVariation
    /// A contingency table has a row or column with no observations.
    case emptyMargin(String)

    public var description: String {
        switch self {
        case .tooFewGroups(let found):
            return "a comparison needs at least two groups with data; found \(found)"
        case .groupTooSmall(let group, let n, let needed):
            return "group \(group + 1) has \(n) observation\(n == 1 ? "" : "s"); this test needs at least \(needed) per group"
        case .noVariation:
            return "every value is the same in every group, so there is nothing to compare"
        case .emptyMargin(let what):
            return "the contingency table has an empty \(what)"
        }
    }
}
