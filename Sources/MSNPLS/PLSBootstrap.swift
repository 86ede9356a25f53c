import Foundation
import MSNStats

/// One bootstrapped quantity: a path, loading, weight, total or specific indirect effect.
public struct PLSParameter: Sendable, Equatable {
    /// `path`, `loading`, `weight`, `total`, `indirect` (a specific indirect effect) or `total_indirect`.
    public var kind: String
    public var lhs: String, op: String, rhs: String
}

/// Bootstrap results of a PLS fit: intervals per parameter, draws used and lost.
public struct PLSBootstrapResult: Sendable {
    public var parameters: [PLSParameter]
    public var estimates: [Double]
    public var intervals: [BootstrapInterval]
    public var draws: Int, failed: Int, notConverged: Int
    public var seed: UInt64
}

extension PLSFit {
    /// Every reported parameter of the fit, in a fixed order, with its value.
    public func parameterVector() -> [(PLSParameter, Double)] {
        var out: [(PLSParameter, Double)] = []
        for (p, path) in spec.paths.enumerated() {
            out.append((PLSParameter(kind: "path", lhs: path.to, op: "~", rhs: path.from), pathCoefficients[p]))
        }
        for (k, c) in spec.constructs.enumerated() {
            for (t, item) in c.items.enumerated() { out.append((PLSParameter(kind: "loading", lhs: c.name, op: "=~", rhs: item), loadings[k][t])) }
        }
        for (k, c) in spec.constructs.enumerated() {
            for (t, item) in c.items.enumerated() { out.append((PLSParameter(kind: "weight", lhs: c.name, op: "<~", rhs: item), weights[k][t])) }
        }
        // Which pairs have an indirect route depends on the model only, so every draw has the same parameters.
        let specific = PLSEffects.specificIndirect(self)
        let routed = Set(specific.map { "\($0.from)|\($0.to)" })
        for e in PLSEffects.total(self) {
            if routed.contains("\(e.from)|\(e.to)") {
                out.append((PLSParameter(kind: "total_indirect", lhs: e.to, op: "<-", rhs: e.from), e.indirect))
            }
            out.append((PLSParameter(kind: "total", lhs: e.to, op: "<-", rhs: e.from), e.total))
        }
        for e in specific {
            out.append((PLSParameter(kind: "indirect", lhs: e.to, op: "<-", rhs: e.route.dropLast().joined(separator: " -> ")), e.effect))
        }
        return out
    }

    /// The same model refitted on `rows` of the prepared data (a bootstrap or jackknife sample).
    /// With interaction terms, stage 1 is estimated again on the sample.
    func refit(rows: [Int]) throws -> PLSFit {
        let interactionNames = Set(spec.interactions.map(\.name))
        let products = Set(spec.constructs.filter { interactionNames.contains($0.name) }.flatMap(\.items))
        let keep = data.items.indices.filter { !products.contains(data.items[$0]) }
        let base = try PLSData(items: keep.map { data.items[$0] }, raw: keep.map { j in rows.map { data.raw[j][$0] } }, rows: rows.map { data.rows[$0] })
        return try PLSFit.fit(spec: spec, base: base, options: options)
    }

    /// Case-resampling bootstrap: `draws` refits on resampled rows (one seeded stream per draw), percentile
    /// and BCa intervals (jackknife acceleration). Failed and non-converged draws are counted and left out.
    public func bootstrap(draws: Int, seed: UInt64, threads: Int = Bootstrap.defaultThreads, level: Double = 0.95) -> PLSBootstrapResult {
        let base = parameterVector()
        let count = base.count
        let me = self
        let outcomes = Bootstrap.run(n: data.n, draws: draws, seed: seed, threads: threads) { rows in
            guard let f = try? me.refit(rows: rows) else { return .failed }
            guard f.converged else { return .notConverged }
            let v = f.parameterVector().map(\.1)
            return v.count == count ? .value(v) : .failed
        }
        let (usable, failed, notConverged) = Bootstrap.tally(outcomes)
        let jack = jackknife(threads: threads)
        return PLSBootstrapResult(parameters: base.map(\.0), estimates: base.map(\.1),
                                  intervals: Bootstrap.intervals(estimates: base.map(\.1), draws: usable, jackknife: jack, level: level),
                                  draws: draws, failed: failed, notConverged: notConverged, seed: seed)
    }

    /// Leave-one-out estimates for the BCa acceleration (in row order, so thread-independent).
    func jackknife(threads: Int) -> [[Double]] {
        let n = data.n
        let count = parameterVector().count
        let me = self
        let outcomes = Bootstrap.runIndexed(count: n, threads: threads) { i in
            guard let f = try? me.refit(rows: (0..<n).filter { $0 != i }), f.converged else { return .failed }
            let v = f.parameterVector().map(\.1)
            return v.count == count ? .value(v) : .failed
        }
        return outcomes.compactMap { if case .value(let v) = $0 { return v } else { return nil } }
    }
}
