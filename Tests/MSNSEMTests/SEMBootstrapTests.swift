import Foundation
import MSNStats
import Testing
@testable import MSNSEM

/// `se = "bootstrap"` for SEM: thread-independent draws, every free parameter and `:=` definition.
@Suite struct SEMBootstrapTests {
    static let model = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\ntextual ~ a*visual\nx7 ~ b*textual\nab := a*b"

    /// The first 80 HS rows keep the debug-build test fast.
    func data() throws -> ([String: [Double]], [String]) {
        let (cols, order) = try loadData("HolzingerSwineford1939.csv")
        return (cols.mapValues { Array($0.prefix(80)) }, order)
    }

    @Test func drawsAreIdenticalForAnyThreadCountAndCoverDefinitions() throws {
        let (cols, order) = try data()
        let fit = try SEMFit.fit(model: Self.model, data: cols, columnOrder: order)
        let one = try fit.bootstrap(model: Self.model, data: cols, columnOrder: order, options: SEMOptions(), draws: 16, seed: 9, threads: 1, bca: false)
        let two = try fit.bootstrap(model: Self.model, data: cols, columnOrder: order, options: SEMOptions(), draws: 16, seed: 9, threads: 2, bca: false)
        #expect(one.intervals == two.intervals)
        #expect(one.keys.count == fit.table.freeCount + 1)
        let ab = try #require(one.keys.firstIndex { $0.op == ":=" && $0.lhs == "ab" })
        let a = try #require(fit.table.rows.first { $0.label == "a" && $0.op == "~" }?.value)
        let b = try #require(fit.table.rows.first { $0.label == "b" && $0.op == "~" }?.value)
        #expect(abs(one.estimates[ab] - a * b) < 1e-12)
        #expect(one.intervals[ab].percentileLower < one.intervals[ab].percentileUpper)
        #expect(one.intervals[ab].bcaLower == nil)
    }

    @Test func theLeanRefitOnTheFullSampleReproducesTheFit() throws {
        let (cols, order) = try data()
        let fit = try SEMFit.fit(model: Self.model, data: cols, columnOrder: order)
        _ = order
        let columns = fit.table.observed.map { cols[$0] ?? [] }
        // Start away from the solution: the optimizer must find the same estimates as the full fit.
        let x = try SEMFit.estimatesOnly(fit.table, columns: columns, rows: Array(0..<80), start: fit.estimates.map { $0 * 0.9 }, fiml: false)
        #expect(zip(x, fit.estimates).map { abs($0 - $1) }.max()! < 1e-5)
        #expect(try SEMFit.vector(fit.table, fit.estimates) == (try fit.bootstrapVector().map(\.1)))
    }

    // Several groups are bootstrapped within each group: SEMBootstrapGroupsTests.
}
