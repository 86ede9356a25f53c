import Foundation
import MSNStats
import MSNTable

/// Horn's (1965) parallel analysis with principal components: the data's eigenvalues beside those of
/// uncorrelated normal data of the same size; components are retained while the observed eigenvalue
/// exceeds the simulated mean (as `psych::fa.parallel(fa = "pc")`) — the 95th percentile is shown too.
/// Each draw has its own seeded generator, so results do not depend on the thread count.
public struct ParallelAnalysis: Sendable {
    /// Observed eigenvalues of the correlation matrix, largest first.
    public let observed: [Double]
    /// Mean and 95th percentile of the simulated eigenvalues, position by position.
    public let simulatedMean: [Double], simulated95: [Double]
    /// Number of draws and the seed.
    public let draws: Int, seed: UInt64

    /// Components to retain: leading positions whose observed eigenvalue exceeds the simulated mean.
    public var retained: Int { zip(observed, simulatedMean).prefix { $0 > $1 }.count }

    /// Parallel analysis of `data` with `draws` simulated data sets.
    public init(_ data: CorrelationData, draws: Int = 500, seed: UInt64 = 1) {
        let p = data.names.count, n = data.n
        observed = data.correlation.symmetricEigen().values
        var sims = [[Double]](repeating: [], count: draws)
        let box = ResultBox(draws)
        DispatchQueue.concurrentPerform(iterations: draws) { b in
            var rng = SeededGenerator(seed: seed &+ UInt64(b) &* 0x9E37_79B9_7F4A_7C15)
            let columns = (0..<p).map { _ in (0..<n).map { _ in rng.nextNormal() } }
            let values = (try? CorrelationData(names: (0..<p).map { "v\($0)" }, columns: columns))?.correlation.symmetricEigen().values
            box.set(b, values ?? [Double](repeating: .nan, count: p))
        }
        sims = box.values
        simulatedMean = (0..<p).map { j in sims.reduce(0) { $0 + $1[j] } / Double(max(1, draws)) }
        simulated95 = (0..<p).map { j in
            let s = sims.map { $0[j] }.sorted()
            return s.isEmpty ? .nan : s[min(s.count - 1, Int((0.95 * Double(s.count - 1)).rounded()))]
        }
        self.draws = draws
        self.seed = seed
    }

    /// One row per component: observed, simulated mean and 95th percentile, and whether it is retained.
    public func table() throws -> Table {
        let keep = retained
        return try Table([
            ("component", .int(TypedColumn((1...observed.count).map(Int64.init)))),
            ("observed", .float(TypedColumn(observed))), ("simulated_mean", .float(TypedColumn(simulatedMean))),
            ("simulated_95", .float(TypedColumn(simulated95))),
            ("retain", .bool(TypedColumn(observed.indices.map { $0 < keep }))),
        ])
    }

    /// Per-draw results filled in by parallel workers.
    private final class ResultBox: @unchecked Sendable {
        private(set) var values: [[Double]]
        private let lock = NSLock()
        init(_ n: Int) { values = [[Double]](repeating: [], count: n) }
        func set(_ i: Int, _ v: [Double]) { lock.lock(); values[i] = v; lock.unlock() }
    }
}
