import Foundation
import Testing
import MSNPLS
import MSNStats

/// Bootstrapping a PLS fit: identical for any thread count, and lost draws are counted.
@Suite struct PLSBootstrapTests {
    /// The mobi2 model on the first 80 rows (fast in a debug build).
    func smallFit() throws -> PLSFit {
        let data = try cachedData("mobi.csv").mapValues { Array($0.prefix(80)) }
        return try PLSFit.fit(model: "Image =~ IMAG1 + IMAG2 + IMAG3\nValue =~ PERV1 + PERV2\nSatisfaction =~ CUSA1 + CUSA2 + CUSA3\nValue ~ Image\nSatisfaction ~ Image + Value", data: data)
    }

    @Test func resultsDoNotDependOnTheThreadCount() throws {
        let fit = try smallFit()
        let a = fit.bootstrap(draws: 30, seed: 11, threads: 1)
        let b = fit.bootstrap(draws: 30, seed: 11, threads: 3)
        #expect(a.intervals == b.intervals)
        #expect(a.failed == 0 && a.notConverged == 0)
        // Every path, loading, weight, total and the one specific indirect effect Image → Value → Satisfaction.
        #expect(a.parameters.filter { $0.kind == "indirect" }.map(\.rhs) == ["Image -> Value"])
        let path = try #require(a.parameters.firstIndex { $0.kind == "path" && $0.lhs == "Satisfaction" && $0.rhs == "Image" })
        let iv = a.intervals[path]
        #expect(iv.percentileLower < a.estimates[path] && a.estimates[path] < iv.percentileUpper)
        #expect(iv.se > 0.01 && iv.se < 0.3)
        // A different seed gives different draws.
        #expect(fit.bootstrap(draws: 30, seed: 12, threads: 2).intervals != a.intervals)
    }

    @Test func failedDrawsAreCountedNotDropped() throws {
        // y2 is non-zero in one row of 20: a resample without that row has a constant item and cannot be fitted.
        var x1: [Double] = [], x2: [Double] = [], y1: [Double] = [], y2: [Double] = []
        for i in 0..<20 {
            let v = Double(i)
            x1.append(v); x2.append(Double((i * 7) % 11)); y1.append(v * 0.5 + Double(i % 3)); y2.append(i == 5 ? 1 : 0)
        }
        let fit = try PLSFit.fit(model: "X =~ x1 + x2\nY =~ y1 + y2\nY ~ X", data: ["x1": x1, "x2": x2, "y1": y1, "y2": y2])
        let boot = fit.bootstrap(draws: 40, seed: 3, threads: 2)
        // P(row 5 never drawn in 20 draws) = (19/20)^20 ≈ 0.36, so about 14 of 40 fail; count them by hand.
        let expected = (0..<40).filter { !Bootstrap.indices(draw: $0, n: 20, seed: 3).contains(5) }.count
        #expect(boot.failed == expected && expected > 0)
    }
}
