import Foundation
import MSNStats
import MSNTable

extension SEMFit {
    /// The bootstrap of a multi-group fit, as lavaan's `se = "bootstrap"` with `group`: every draw resamples
    /// each group's rows within that group (n_g with replacement from the group's n_g rows), so group sizes
    /// stay fixed; one seeded stream per draw (the groups drawn one after another from it), so the draws do
    /// not depend on `threads`. The BCa jackknife leaves out one row at a time over all groups.
    func bootstrapGroups(fiml: Bool, draws: Int, seed: UInt64, threads: Int, level: Double, bca: Bool) throws -> SEMBootstrapResult {
        let base = try bootstrapVector()
        let columns = groups.first?.columns ?? []
        let rows = groups.map { $0.blocks.flatMap(\.rows).sorted() }
        let sizes = rows.map(\.count)
        let template = table, start = estimates, count = base.count
        @Sendable func refit(_ picked: [[Int]]) -> Bootstrap.DrawOutcome {
            do {
                let x = try SEMFit.estimatesOnly(template, columns: columns, groupRows: picked, start: start, fiml: fiml)
                let v = try SEMFit.vector(template, x)
                return v.count == count ? .value(v) : .failed
            } catch SEMError.notConverged { return .notConverged } catch { return .failed }
        }
        let outcomes = Bootstrap.runIndexed(count: draws, threads: threads) { d in
            let idx = SEMFit.stratifiedIndices(draw: d, sizes: sizes, seed: seed)
            return refit(zip(rows, idx).map { r, i in i.map { r[$0] } })
        }
        let (usable, failed, notConverged) = Bootstrap.tally(outcomes)
        let flat = rows.enumerated().flatMap { g, r in r.map { (g, $0) } }
        let jackOutcomes = bca ? Bootstrap.runIndexed(count: flat.count, threads: threads) { i in
            let (g, row) = flat[i]
            return refit(rows.enumerated().map { h, r in h == g ? r.filter { $0 != row } : r })
        } : []
        let jack = jackOutcomes.compactMap { if case .value(let v) = $0 { return v } else { return nil } }
        return SEMBootstrapResult(keys: base.map(\.0), estimates: base.map(\.1),
                                  intervals: Bootstrap.intervals(estimates: base.map(\.1), draws: usable, jackknife: jack, level: level),
                                  draws: draws, failed: failed, notConverged: notConverged, seed: seed)
    }

    /// Draw `d`'s within-group indices: for each group in turn, sizes[g] draws from 0..<sizes[g], all from
    /// the draw's own stream (seeded as `Bootstrap.indices`).
    static func stratifiedIndices(draw d: Int, sizes: [Int], seed: UInt64) -> [[Int]] {
        var g = SeededGenerator(seed: seed &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(d) &* 0xD1B5_4A32_D192_ED03 &+ 1)
        return sizes.map { n in (0..<n).map { _ in g.nextInt(below: n) } }
    }

    /// The ML estimates of `table`'s free parameters with group g's data on `groupRows[g]` of `columns`.
    static func estimatesOnly(_ template: ParameterTable, columns: [[Double]], groupRows: [[Int]], start: [Double], fiml: Bool) throws -> [Double] {
        var table = template
        let p = table.observed.count
        var groups: [GroupData] = []
        for (gi, rows) in groupRows.enumerated() {
            guard rows.count > p else { throw SEMError.tooFewRows(rows.count, needed: p + 1) }
            var g = GroupData(label: "", group: gi + 1, columns: columns, rows: rows)
            if fiml { try g.estimateH1() } else {
                guard (try? g.cov.logDeterminantSPD()) != nil else { throw SEMError.sampleNotPositiveDefinite("resample") }
            }
            groups.append(g)
        }
        table.fixExogenousMoments(groups)
        return try Likelihood(table: table, groups: groups).minimise(start: start).x
    }
}
