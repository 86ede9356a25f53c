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

    /// Refits `model` on `draws` resamples of the rows the fit used (one seeded stream per draw, so the
    /// intervals do not depend on `threads`); percentile and BCa (jackknife acceleration) intervals.
    /// Draws that fail or do not converge are counted and left out. One group only. `bca = false` skips the
    /// n jackknife refits (no BCa limits).
    public func bootstrap(model: String, data: [String: [Double]], columnOrder: [String], options: SEMOptions,
                          draws: Int, seed: UInt64, threads: Int = Bootstrap.defaultThreads, level: Double = 0.95,
                          bca: Bool = true) throws -> SEMBootstrapResult {
        guard options.group == nil else { throw SEMError.unsupported("bootstrap intervals with several groups") }
        let base = try bootstrapVector()
        // The rows the fit used: complete on the model variables under listwise deletion, all under FIML.
        let vars = table.observed
        let total = data[vars.first ?? ""]?.count ?? 0
        let rows = (0..<total).filter { r in options.missing == .fiml ? vars.contains { !(data[$0]?[r].isNaN ?? true) } : vars.allSatisfy { !(data[$0]?[r].isNaN ?? true) } }
        let used = Dictionary(uniqueKeysWithValues: vars.map { v in (v, rows.map { data[v]?[$0] ?? .nan }) })
        let count = base.count
        @Sendable func refit(_ idx: [Int]) -> Bootstrap.DrawOutcome {
            let sample = used.mapValues { c in idx.map { c[$0] } }
            do {
                let f = try SEMFit.fit(model: model, data: sample, columnOrder: vars, options: options)
                let v = try f.bootstrapVector().map(\.1)
                return v.count == count ? .value(v) : .failed
            } catch SEMError.notConverged { return .notConverged } catch { return .failed }
        }
        let outcomes = Bootstrap.run(n: rows.count, draws: draws, seed: seed, threads: threads, statistic: refit)
        var usable: [[Double]] = []
        var failed = 0, notConverged = 0
        for o in outcomes {
            switch o {
            case .value(let v): usable.append(v)
            case .failed: failed += 1
            case .notConverged: notConverged += 1
            }
        }
        // Leave-one-out refits for the BCa acceleration (in draw order, so thread-independent too).
        let n = rows.count
        let jackOutcomes = bca ? Bootstrap.runIndexed(count: n, threads: threads) { i in refit((0..<n).filter { $0 != i }) } : []
        let jack = jackOutcomes.compactMap { if case .value(let v) = $0 { return v } else { return nil } }
        return SEMBootstrapResult(keys: base.map(\.0), estimates: base.map(\.1),
                                  intervals: Bootstrap.intervals(estimates: base.map(\.1), draws: usable, jackknife: jack, level: level),
                                  draws: draws, failed: failed, notConverged: notConverged, seed: seed)
    }
}
