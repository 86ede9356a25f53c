import Foundation
import MSNStats
import Testing
@testable import MSNSEM

/// `se = "bootstrap"` with groups: resampled within each group (as lavaan), thread-independent, every
/// group's parameters bootstrapped. (The SEs against lavaan's multi-group bootstrap are checked by
/// `MSNBench bootstrap-lavaan --groups`, figure in docs/performance.md.)
@Suite struct SEMBootstrapGroupsTests {
    static let model = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6"

    @Test func withinGroupIndicesStayInTheirGroupAndDependOnlyOnTheDraw() {
        let a = SEMFit.stratifiedIndices(draw: 3, sizes: [5, 40, 7], seed: 11)
        #expect(a.map(\.count) == [5, 40, 7])
        #expect(zip(a, [5, 40, 7]).allSatisfy { idx, n in idx.allSatisfy { (0..<n).contains($0) } })
        #expect(a == SEMFit.stratifiedIndices(draw: 3, sizes: [5, 40, 7], seed: 11))
        #expect(a != SEMFit.stratifiedIndices(draw: 4, sizes: [5, 40, 7], seed: 11))
        // 40 draws from 40 rows repeat some rows (a resample, not a permutation).
        #expect(Set(a[1]).count < 40)
    }

    @Test func groupedBootstrapIsThreadIndependentAndKeepsGroupSizes() throws {
        // HS by school (156 and 145 rows); on much smaller groups some resamples do not converge.
        let (cols, order, school) = semData(try hsTable())
        var o = SEMOptions()
        o.group = school
        o.groupEqual = ["loadings"]
        let fit = try SEMFit.fit(model: Self.model, data: cols, columnOrder: order, options: o)
        let one = try fit.bootstrap(model: Self.model, data: cols, columnOrder: order, options: o, draws: 6, seed: 5, threads: 1, bca: false)
        let two = try fit.bootstrap(model: Self.model, data: cols, columnOrder: order, options: o, draws: 6, seed: 5, threads: 2, bca: false)
        #expect(one.intervals == two.intervals)
        // One key per free row of each group (an equal loading appears once in each group).
        #expect(one.keys.count == fit.table.rows.filter { $0.free > 0 }.count && one.keys.count > fit.table.freeCount)
        #expect(one.keys.contains { $0.group == 2 && $0.op == "~1" })
        #expect(one.failed + one.notConverged == 0 && one.intervals.allSatisfy { $0.se > 0 })
        // A resample that keeps each group's rows refits to the full-sample estimates (the same group sizes).
        let rows = fit.groups.map { $0.blocks.flatMap(\.rows).sorted() }
        #expect(rows.map(\.count) == [156, 145])
        let columns = fit.table.observed.map { cols[$0] ?? [] }
        let x = try SEMFit.estimatesOnly(fit.table, columns: columns, groupRows: rows, start: fit.estimates, fiml: false)
        #expect(zip(x, fit.estimates).map { abs($0 - $1) }.max() ?? 1 < 1e-5)
    }
}
