import Foundation
import MSNTable

/// Case-resampling bootstrap with one seeded random stream per draw, so the draws (and every interval)
/// are identical for any number of threads.
public enum Bootstrap {
    /// The outcome of one draw: the statistic, or why it was not usable.
    public enum DrawOutcome: Sendable {
        case value([Double])
        /// The refit failed (an error, a singular system).
        case failed
        /// The refit stopped without converging.
        case notConverged
    }

    /// The usable statistics of `outcomes`, in draw order, and how many draws failed or did not converge.
    public static func tally(_ outcomes: [DrawOutcome]) -> (usable: [[Double]], failed: Int, notConverged: Int) {
        var usable: [[Double]] = []
        var failed = 0, notConverged = 0
        for o in outcomes {
            switch o {
            case .value(let v): usable.append(v)
            case .failed: failed += 1
            case .notConverged: notConverged += 1
            }
        }
        return (usable, failed, notConverged)
    }

    /// The row indices of draw `d` (n draws with replacement from 0..<n), from its own stream.
    public static func indices(draw d: Int, n: Int, seed: UInt64) -> [Int] {
        var g = SeededGenerator(seed: seed &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(d) &* 0xD1B5_4A32_D192_ED03 &+ 1)
        return (0..<n).map { _ in g.nextInt(below: n) }
    }

    /// Runs `draws` draws on `threads` threads; `statistic` refits on the given row indices.
    /// The result keeps the draw order, so it does not depend on `threads`.
    public static func run(n: Int, draws: Int, seed: UInt64, threads: Int,
                           statistic: @escaping @Sendable ([Int]) -> DrawOutcome) -> [DrawOutcome] {
        runIndexed(count: draws, threads: threads) { d in statistic(indices(draw: d, n: n, seed: seed)) }
    }

    /// Runs `job(0..<count)` on `threads` threads and returns the outcomes in index order.
    public static func runIndexed(count: Int, threads: Int, job: @escaping @Sendable (Int) -> DrawOutcome) -> [DrawOutcome] {
        let box = OutcomeBox(count: count)
        let workers = max(1, min(threads, count))
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            var local: [(Int, DrawOutcome)] = []
            var d = w
            while d < count {
                local.append((d, job(d)))
                d += workers
            }
            box.store(local)
        }
        return box.outcomes
    }

    /// The number of threads to use by default: the machine's active processors.
    public static var defaultThreads: Int { ProcessInfo.processInfo.activeProcessorCount }
}

/// Collects the draws of every worker under a lock.
private final class OutcomeBox: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var outcomes: [Bootstrap.DrawOutcome]
    init(count: Int) { outcomes = Array(repeating: .failed, count: count) }
    func store(_ items: [(Int, Bootstrap.DrawOutcome)]) {
        lock.lock(); defer { lock.unlock() }
        for (i, o) in items { outcomes[i] = o }
    }
}

/// Bootstrap summaries of one parameter.
public struct BootstrapInterval: Sendable, Equatable {
    /// Mean and standard deviation (n−1) of the usable draws.
    public var mean: Double, se: Double
    /// Percentile interval.
    public var percentileLower: Double, percentileUpper: Double
    /// Bias-corrected and accelerated interval (nil when the acceleration is undefined).
    public var bcaLower: Double?, bcaUpper: Double?
}

extension Bootstrap {
    /// Percentile and BCa intervals at `level` for each parameter. `draws[d][p]` are the usable draws;
    /// `jackknife[i][p]` the leave-one-out estimates (for the acceleration; empty → BCa without it is not given).
    public static func intervals(estimates: [Double], draws: [[Double]], jackknife: [[Double]], level: Double = 0.95) -> [BootstrapInterval] {
        let alpha = (1 - level) / 2
        return estimates.indices.map { p in
            let x = draws.map { $0[p] }.filter { $0.isFinite }.sorted()
            guard x.count >= 2 else {
                return BootstrapInterval(mean: .nan, se: .nan, percentileLower: .nan, percentileUpper: .nan, bcaLower: nil, bcaUpper: nil)
            }
            let mean = x.reduce(0, +) / Double(x.count)
            let se = (x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(x.count - 1)).squareRoot()
            var out = BootstrapInterval(mean: mean, se: se, percentileLower: quantile(x, alpha), percentileUpper: quantile(x, 1 - alpha),
                                        bcaLower: nil, bcaUpper: nil)
            // Bias correction: the share of draws below the estimate (ties count half).
            let below = Double(x.filter { $0 < estimates[p] }.count) + 0.5 * Double(x.filter { $0 == estimates[p] }.count)
            let share = below / Double(x.count)
            let jack = jackknife.map { $0[p] }.filter { $0.isFinite }
            guard share > 0, share < 1, jack.count >= 3 else { return out }
            let z0 = Distributions.normalQuantile(share)
            let jm = jack.reduce(0, +) / Double(jack.count)
            var num = 0.0, den = 0.0
            for v in jack { let d = jm - v; num += d * d * d; den += d * d }
            let a = den > 0 ? num / (6 * Foundation.pow(den, 1.5)) : 0
            func adjusted(_ q: Double) -> Double? {
                let zq = Distributions.normalQuantile(q)
                let t = z0 + zq
                let denom = 1 - a * t
                guard denom > 0 else { return nil }
                return Distributions.normalCDF(z0 + t / denom)
            }
            if let lo = adjusted(alpha), let hi = adjusted(1 - alpha) {
                out.bcaLower = quantile(x, lo); out.bcaUpper = quantile(x, hi)
            }
            return out
        }
    }

    /// R's type-7 quantile of sorted values.
    public static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        let h = Double(sorted.count - 1) * min(max(q, 0), 1)
        let lo = Int(h.rounded(.down)), hi = min(lo + 1, sorted.count - 1)
        return sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
    }
}
