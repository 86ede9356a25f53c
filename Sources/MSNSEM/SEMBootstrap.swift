import Foundation
import MSNStats

/// Bootstrap intervals of a fitted SEM (lavaan's `se = "bootstrap"`, ordinary case resampling).
public struct SEMBootstrapResult: Sendable {
    /// The bootstrapped parameters: every free parameter and every `:=` definition (lhs, op, rhs, group).
    public var keys: [SEMParameterKey]
    public var estimates: [Double]
    public var intervals: [BootstrapInterval]
    public var draws: Int, failed: Int, notConverged: Int
    public var seed: UInt64
}

/// Identifies a row of `estimates`.
public struct SEMParameterKey: Sendable, Hashable {
    public var lhs: String, op: String, rhs: String, group: Int
    public init(lhs: String, op: String, rhs: String, group: Int) { self.lhs = lhs; self.op = op; self.rhs = rhs; self.group = group }
}

extension SEMFit {
    /// The free parameters and `:=` definitions at the estimates, in parameter-table order.
    func bootstrapVector() throws -> [(SEMParameterKey, Double)] {
        var out: [(SEMParameterKey, Double)] = []
        let labels = labelValues(estimates)
        for r in table.rows {
            if r.op == ":=" {
                out.append((SEMParameterKey(lhs: r.lhs, op: r.op, rhs: r.rhs, group: 0), try DefinedExpression.evaluate(r.rhs, values: labels)))
            } else if r.free > 0 {
                out.append((SEMParameterKey(lhs: r.lhs, op: r.op, rhs: r.rhs, group: r.group), r.value))
            }
        }
        return out
    }

    /// Refits the model on `draws` resamples of the rows the fit used (one seeded stream per draw, so the
    /// intervals do not depend on `threads`); percentile and BCa (jackknife acceleration) intervals.
    /// Each refit reuses the parameter table, starts from the full-sample estimates and computes only the
    /// estimates (no information matrix). Draws that fail or do not converge are counted and left out.
    /// Several groups: resampled within each group. `bca = false` skips the n jackknife refits (no BCa limits).
    public func bootstrap(model: String, data: [String: [Double]], columnOrder: [String], options: SEMOptions,
                          draws: Int, seed: UInt64, threads: Int = Bootstrap.defaultThreads, level: Double = 0.95,
                          bca: Bool = true) throws -> SEMBootstrapResult {
        if groups.count > 1 {   // resampled within each group (SEMBootstrap+Groups.swift)
            return try bootstrapGroups(fiml: options.missing == .fiml, draws: draws, seed: seed, threads: threads, level: level, bca: bca)
        }
        let base = try bootstrapVector()
        let vars = table.observed
        let columns = vars.map { data[$0] ?? [] }
        let total = columns.first?.count ?? 0
        let exo = table.exogenous.compactMap { vars.firstIndex(of: $0) }
        // The rows the fit used: complete on the model variables under listwise deletion; under FIML every
        // row with an observed value and its covariates.
        let rows = (0..<total).filter { r in
            options.missing == .fiml ? exo.allSatisfy { !columns[$0][r].isNaN } && columns.contains { !$0[r].isNaN }
                : columns.allSatisfy { !$0[r].isNaN }
        }
        let template = table, start = estimates, fiml = options.missing == .fiml, count = base.count
        @Sendable func refit(_ idx: [Int]) -> Bootstrap.DrawOutcome {
            do {
                let x = try SEMFit.estimatesOnly(template, columns: columns, rows: idx.map { rows[$0] }, start: start, fiml: fiml)
                let v = try SEMFit.vector(template, x)
                return v.count == count ? .value(v) : .failed
            } catch SEMError.notConverged { return .notConverged } catch { return .failed }
        }
        let outcomes = Bootstrap.run(n: rows.count, draws: draws, seed: seed, threads: threads, statistic: refit)
        let (usable, failed, notConverged) = Bootstrap.tally(outcomes)
        // Leave-one-out refits for the BCa acceleration (in row order, so thread-independent too).
        let n = rows.count
        let jackOutcomes = bca ? Bootstrap.runIndexed(count: n, threads: threads) { i in refit((0..<n).filter { $0 != i }) } : []
        let jack = jackOutcomes.compactMap { if case .value(let v) = $0 { return v } else { return nil } }
        return SEMBootstrapResult(keys: base.map(\.0), estimates: base.map(\.1),
                                  intervals: Bootstrap.intervals(estimates: base.map(\.1), draws: usable, jackknife: jack, level: level),
                                  draws: draws, failed: failed, notConverged: notConverged, seed: seed)
    }

    /// The ML estimates of `table`'s free parameters on `rows` of `columns` (one group), from `start`.
    static func estimatesOnly(_ template: ParameterTable, columns: [[Double]], rows: [Int], start: [Double], fiml: Bool) throws -> [Double] {
        var table = template
        let p = table.observed.count
        guard rows.count > p else { throw SEMError.tooFewRows(rows.count, needed: p + 1) }
        var g = GroupData(label: "", group: 1, columns: columns, rows: rows)
        if fiml { try g.estimateH1() } else {
            guard (try? g.cov.logDeterminantSPD()) != nil else { throw SEMError.sampleNotPositiveDefinite("resample") }
        }
        table.fixExogenousMoments([g])
        return try Likelihood(table: table, groups: [g]).minimise(start: start).x
    }

    /// Free parameters `x` followed by every `:=` definition evaluated at `x`.
    static func vector(_ table: ParameterTable, _ x: [Double]) throws -> [Double] {
        var labels: [String: Double] = [:]
        for r in table.rows where !r.label.isEmpty && r.op != ":=" && labels[r.label] == nil { labels[r.label] = r.free > 0 ? x[r.free - 1] : r.value }
        var out: [Double] = []
        for r in table.rows {
            if r.op == ":=" { out.append(try DefinedExpression.evaluate(r.rhs, values: labels)) } else if r.free > 0 { out.append(x[r.free - 1]) }
        }
        return out
    }
}
