import Foundation
import Testing
import MSNStats

/// The bootstrap driver and its intervals, against hand-computed values.
@Suite struct BootstrapTests {
    @Test func type7QuantilesAsR() {
        // R: quantile(c(1, 2, 3, 4), c(0.025, 0.5, 0.975)) = 1.075, 2.5, 3.925
        #expect(abs(Bootstrap.quantile([1, 2, 3, 4], 0.025) - 1.075) < 1e-15)
        #expect(Bootstrap.quantile([1, 2, 3, 4], 0.5) == 2.5)
        #expect(abs(Bootstrap.quantile([1, 2, 3, 4], 0.975) - 3.925) < 1e-15)
    }

    @Test func bcaEqualsPercentileWithoutBiasOrSkew() {
        // Draws 1…101, estimate 51 (the median: z0 = 0), a symmetric jackknife (a = 0): BCa = percentile.
        let draws = (1...101).map { [Double($0)] }
        let jack = [[-1.0], [0], [1]]
        let iv = Bootstrap.intervals(estimates: [51], draws: draws, jackknife: jack)[0]
        #expect(abs(iv.percentileLower - 3.5) < 1e-12 && abs(iv.percentileUpper - 98.5) < 1e-12)
        #expect(abs((iv.bcaLower ?? .nan) - 3.5) < 1e-9 && abs((iv.bcaUpper ?? .nan) - 98.5) < 1e-9)
        #expect(iv.mean == 51)
        // sd of 1…101 with n−1: sqrt(101·102/12) = 29.3002…
        #expect(abs(iv.se - (101.0 * 102 / 12).squareRoot()) < 1e-12)
    }

    @Test func bcaShiftsTowardsTheBias() {
        // Estimate above most draws: z0 > 0, so both BCa limits move up from the percentile limits.
        let draws = (1...101).map { [Double($0)] }
        let iv = Bootstrap.intervals(estimates: [70], draws: draws, jackknife: [[-1.0], [0], [1]])[0]
        #expect((iv.bcaLower ?? 0) > iv.percentileLower && (iv.bcaUpper ?? 0) > iv.percentileUpper)
    }

    @Test func drawsAreTheSameForAnyThreadCount() {
        let stat: @Sendable ([Int]) -> Bootstrap.DrawOutcome = { rows in .value([Double(rows.reduce(0, +)), Double(rows[0])]) }
        let one = Bootstrap.run(n: 50, draws: 64, seed: 7, threads: 1, statistic: stat)
        let four = Bootstrap.run(n: 50, draws: 64, seed: 7, threads: 4, statistic: stat)
        func values(_ o: [Bootstrap.DrawOutcome]) -> [[Double]] { o.compactMap { if case .value(let v) = $0 { return v } else { return nil } } }
        #expect(values(one) == values(four) && values(one).count == 64)
        #expect(Bootstrap.indices(draw: 3, n: 50, seed: 7) != Bootstrap.indices(draw: 4, n: 50, seed: 7))
        #expect(Bootstrap.indices(draw: 3, n: 50, seed: 7) != Bootstrap.indices(draw: 3, n: 50, seed: 8))
    }
}
