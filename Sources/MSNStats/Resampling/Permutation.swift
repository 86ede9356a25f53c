import MSNTable

/// Permutation tests with one seeded random stream per permutation, run on the bootstrap driver's
/// threads, so every permutation (and every p-value) is identical for any number of threads.
public enum Permutation {
    /// Permutation `d` of 0..<n (Fisher–Yates from its own stream).
    public static func order(draw d: Int, n: Int, seed: UInt64) -> [Int] {
        var g = SeededGenerator(seed: seed &* 0xA24B_AED4_963E_E407 &+ UInt64(d) &* 0x9FB2_1C65_1E98_DF25 &+ 7)
        var p = Array(0..<n)
        if n > 1 { for i in stride(from: n - 1, to: 0, by: -1) { p.swapAt(i, g.nextInt(below: i + 1)) } }
        return p
    }

    /// Runs `statistic` on `count` permutations of 0..<n on `threads` threads; results in permutation order.
    public static func run(n: Int, count: Int, seed: UInt64, threads: Int,
                           statistic: @escaping @Sendable ([Int]) -> Bootstrap.DrawOutcome) -> [Bootstrap.DrawOutcome] {
        Bootstrap.runIndexed(count: count, threads: threads) { d in statistic(order(draw: d, n: n, seed: seed)) }
    }
}
