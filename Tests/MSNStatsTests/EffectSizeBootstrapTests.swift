import MSNStats
import Testing

/// Stratified bootstrap intervals for eta², epsilon² and Cramér's V.
@Test func effectSizeIntervalsAreSeededAndThreadIndependent() throws {
    let groups: [[Double]] = [(0..<40).map { Double($0 % 7) }, (0..<30).map { Double($0 % 5) + 2 }, (0..<20).map { Double($0 % 3) + 4 }]
    let one = EffectSizeBootstrap.numeric(groups: groups, draws: 300, seed: 9, threads: 1)
    let two = EffectSizeBootstrap.numeric(groups: groups, draws: 300, seed: 9, threads: 2)
    #expect(one == two)
    // The intervals bracket the sample's own effect sizes (which lie well inside the bootstrap spread here).
    let eta = try WelchANOVA(groups: groups).etaSquared, eps = try KruskalWallis(groups: groups).epsilonSquared
    #expect(one.eta2.lower < eta && eta < one.eta2.upper)
    #expect(one.epsilon2.lower < eps && eps < one.epsilon2.upper)
    #expect(one.eta2.lower >= 0 && one.eta2.upper <= 1)
}

@Test func effectSizeIntervalsSeparateLargeFromNoDifference() {
    // Means 0 and 10 with sd ≈ 1: eta² ≈ 25/26 ≈ 0.96, so every resample's eta² is far above 0.8.
    let far: [[Double]] = [(0..<30).map { Double($0 % 3) - 1 }, (0..<30).map { Double($0 % 3) + 9 }]
    #expect(EffectSizeBootstrap.numeric(groups: far, draws: 200, seed: 1).eta2.lower > 0.8)
    // Two groups with the same level shares: Cramér's V is 0 in the sample, and its interval starts at 0.
    let same: [[Int]] = [[0, 1, 0, 1, 0, 1, 0, 1], [1, 0, 1, 0, 1, 0, 1, 0]]
    let v = EffectSizeBootstrap.cramersV(groups: same, levels: 2, draws: 200, seed: 3)
    #expect(v.lower == 0 && v.upper > 0 && v.upper <= 1)
    // Level 0 only in group 1, level 1 only in group 2: V = 1 in every draw.
    let apart: [[Int]] = [[0, 0, 0, 0], [1, 1, 1, 1]]
    let w = EffectSizeBootstrap.cramersV(groups: apart, levels: 2, draws: 50, seed: 3)
    #expect(w.lower == 1 && w.upper == 1)
}
