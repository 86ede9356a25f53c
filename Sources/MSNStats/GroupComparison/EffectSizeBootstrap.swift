import Foundation

/// Percentile bootstrap intervals for the effect sizes of a group comparison (eta² of Welch's ANOVA,
/// epsilon² of Kruskal–Wallis, Cramér's V of the chi-square test). Rows are resampled *within* each
/// group (stratified), so every draw keeps the group sizes; draw d of group k has its own seeded stream,
/// so the intervals are the same on any number of threads. Effect sizes are biased upward near zero, and
/// a percentile interval then excludes zero even when there is no difference: read it beside the test.
public enum EffectSizeBootstrap {
    /// A 95% percentile interval (NaN bounds when fewer than two draws were usable).
    public struct Interval: Sendable, Equatable {
        public var lower: Double, upper: Double
    }

    /// Intervals for eta² (Welch) and epsilon² (Kruskal–Wallis) of numeric groups.
    public static func numeric(groups: [[Double]], draws: Int, seed: UInt64, threads: Int = Bootstrap.defaultThreads,
                               level: Double = 0.95) -> (eta2: Interval, epsilon2: Interval) {
        let outcomes = Bootstrap.runIndexed(count: draws, threads: threads) { d in
            let g = resample(groups, draw: d, seed: seed)
            guard let w = try? WelchANOVA(groups: g), let k = try? KruskalWallis(groups: g) else { return .failed }
            return .value([w.etaSquared, k.epsilonSquared])
        }
        let values = usable(outcomes)
        return (interval(values.map { $0[0] }, level), interval(values.map { $0[1] }, level))
    }

    /// The interval for Cramér's V of categorical groups (level codes per group, `levels` distinct codes).
    public static func cramersV(groups: [[Int]], levels: Int, draws: Int, seed: UInt64, threads: Int = Bootstrap.defaultThreads,
                                level: Double = 0.95) -> Interval {
        let outcomes = Bootstrap.runIndexed(count: draws, threads: threads) { d in
            let g = resample(groups, draw: d, seed: seed)
            var counts = [[Double]](repeating: [Double](repeating: 0, count: levels), count: g.count)
            for (k, codes) in g.enumerated() { for c in codes { counts[k][c] += 1 } }
            // A level that vanished from a draw is dropped, as the test on that sample would see it.
            let present = (0..<levels).filter { j in counts.contains { $0[j] > 0 } }
            guard present.count >= 2, let c = try? ChiSquareIndependence(counts: counts.map { row in present.map { row[$0] } }) else { return .failed }
            return .value([c.cramersV])
        }
        return interval(usable(outcomes).map { $0[0] }, level)
    }

    /// Group k of draw d: its own stream from (seed, d, k).
    static func resample<T>(_ groups: [[T]], draw d: Int, seed: UInt64) -> [[T]] {
        groups.enumerated().map { k, g in
            Bootstrap.indices(draw: d, n: g.count, seed: seed &+ UInt64(k + 1) &* 0x632B_E59B_D9B4_E019).map { g[$0] }
        }
    }

    private static func usable(_ outcomes: [Bootstrap.DrawOutcome]) -> [[Double]] {
        outcomes.compactMap { if case .value(let v) = $0 { return v } else { return nil } }
    }

    private static func interval(_ x: [Double], _ level: Double) -> Interval {
        let s = x.filter { $0.isFinite }.sorted()
        guard s.count >= 2 else { return Interval(lower: .nan, upper: .nan) }
        let a = (1 - level) / 2
        return Interval(lower: Bootstrap.quantile(s, a), upper: Bootstrap.quantile(s, 1 - a))
    }
}
