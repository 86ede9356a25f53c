import Foundation
import MSNTable

/// Random draws for the data-generating processes, on top of the portable `SeededGenerator`, so a
/// simulation gives the same table on every machine for the same seed.
struct SimulationDraws {
    private var rng: SeededGenerator

    /// Draws seeded with `seed`.
    init(seed: UInt64) { rng = SeededGenerator(seed: seed) }

    /// A uniform number in [0, 1).
    mutating func unit() -> Double { rng.nextUnit() }

    /// A normal deviate with the given mean and standard deviation.
    mutating func normal(_ mean: Double = 0, _ sd: Double = 1) -> Double { mean + sd * rng.nextNormal() }

    /// True with probability `p`.
    mutating func bernoulli(_ p: Double) -> Bool { rng.nextUnit() < p }

    /// `levels` repeated in exact proportion to `shares` (largest remainders), then shuffled: the
    /// counts are exact for every seed (e.g. Java 60% of 500 is always 300 firms).
    mutating func allocate(_ levels: [String], shares: [Double], count n: Int) -> [String] {
        let raw = shares.map { $0 * Double(n) }
        var counts = raw.map { Int($0.rounded(.down)) }
        let order = raw.indices.sorted { (raw[$0] - Double(counts[$0]), -$0) > (raw[$1] - Double(counts[$1]), -$1) }
        var k = 0
        while counts.reduce(0, +) < n { counts[order[k % order.count]] += 1; k += 1 }
        var out: [String] = []
        out.reserveCapacity(n)
        for (level, c) in zip(levels, counts) { out += Array(repeating: level, count: c) }
        rng.shuffle(&out)
        return out
    }

    /// Indices of about `fraction` of `n` rows, chosen independently (for missing values).
    mutating func rows(_ fraction: Double, of n: Int) -> [Int] {
        (0..<n).filter { _ in rng.nextUnit() < fraction }
    }

    /// A 1–5 Likert answer from a standardized latent response, cut at −1.5, −0.5, 0.5, 1.5.
    static func likert(_ z: Double) -> Int64 {
        z < -1.5 ? 1 : z < -0.5 ? 2 : z < 0.5 ? 3 : z < 1.5 ? 4 : 5
    }

    /// `x` rounded to `digits` decimals (simulated measurements are recorded at a fixed precision).
    static func round(_ x: Double, _ digits: Int) -> Double {
        let f = Foundation.pow(10, Double(digits))
        return (x * f).rounded() / f
    }

    /// The logistic function.
    static func logistic(_ z: Double) -> Double { 1 / (1 + Foundation.exp(-z)) }

    /// The intercept `a` that makes the mean of logistic(a + z) equal `target` (bisection; the mean is
    /// increasing in `a`), so an outcome's base rate is as designed whatever the seed.
    static func calibrateIntercept(_ z: [Double], target: Double) -> Double {
        var lo = -20.0, hi = 20.0
        for _ in 0..<100 {
            let mid = (lo + hi) / 2
            let mean = z.reduce(0) { $0 + logistic(mid + $1) } / Double(max(1, z.count))
            if mean < target { lo = mid } else { hi = mid }
        }
        return (lo + hi) / 2
    }
}

/// Builds a table column by column, with nulls where a value was set missing.
struct SimulatedTableBuilder {
    private(set) var pairs: [(String, Column)] = []

    mutating func int(_ name: String, _ values: [Int64], missing: Set<Int> = []) {
        pairs.append((name, .int(TypedColumn(optionals: values.indices.map { missing.contains($0) ? nil : values[$0] }))))
    }

    mutating func float(_ name: String, _ values: [Double], missing: Set<Int> = []) {
        pairs.append((name, .float(TypedColumn(optionals: values.indices.map { missing.contains($0) ? nil : values[$0] }))))
    }

    mutating func string(_ name: String, _ values: [String]) {
        pairs.append((name, .string(StringColumn(values.map { Optional($0) }))))
    }

    func table() throws -> Table { try Table(pairs) }
}

extension SimulationDraws {
    /// A uniform index in 0 ..< n.
    mutating func unitIndex(_ n: Int) -> Int { min(n - 1, Int(unit() * Double(n))) }
}
