import Foundation
import Testing
@testable import MSNStats

/// Reference values from SciPy 1.17.1 / statsmodels 0.15.0: Fixtures/scipy/make_group_tests.py.
private struct GroupFixture: Decodable {
    struct Welch: Decodable { let F: Double; let df1: Double; let df2: Double; let p: Double; let eta2: Double }
    struct Kruskal: Decodable { let H: Double; let p: Double; let eps2: Double }
    struct Chi2: Decodable { let chi2: Double; let p: Double; let df: Int; let V: Double; let min_expected: Double }
    struct GH: Decodable { let i: Int; let j: Int; let diff: Double; let t: Double; let df: Double; let p: Double }
    struct PT: Decodable { let q: Double; let k: Int; let df: Double; let cdf: Double }
    let groups: [[Double]]
    let ties: [[Double]]
    let table: [[Double]]
    let pvals: [Double]
    let welch: Welch
    let kruskal: Kruskal
    let kruskal_ties: Kruskal
    let chi2: Chi2
    let holm: [Double]
    let games_howell: [GH]
    let ptukey: [PT]

    static func load() throws -> GroupFixture {
        let url = try #require(Bundle.module.url(forResource: "group_tests", withExtension: "json", subdirectory: "Fixtures/scipy"))
        return try JSONDecoder().decode(GroupFixture.self, from: Data(contentsOf: url))
    }
}

private func close(_ a: Double, _ b: Double, _ tol: Double) -> Bool { abs(a - b) <= tol * max(1, abs(b)) }

@Test func welchANOVAMatchesStatsmodels() throws {
    let f = try GroupFixture.load()
    let w = try WelchANOVA(groups: f.groups)
    #expect(close(w.statistic, f.welch.F, 1e-10))
    #expect(close(w.df2, f.welch.df2, 1e-10))
    #expect(w.df1 == 2)
    #expect(close(w.pValue, f.welch.p, 1e-8))
    #expect(close(w.etaSquared, f.welch.eta2, 1e-12))
}

@Test func kruskalWallisMatchesSciPy() throws {
    let f = try GroupFixture.load()
    for (data, ref) in [(f.groups, f.kruskal), (f.ties, f.kruskal_ties)] {
        let kw = try KruskalWallis(groups: data)
        #expect(close(kw.statistic, ref.H, 1e-10))
        #expect(close(kw.pValue, ref.p, 1e-8))
        #expect(close(kw.epsilonSquared, ref.eps2, 1e-10))
    }
}

@Test func chiSquareMatchesSciPy() throws {
    let f = try GroupFixture.load()
    let c = try ChiSquareIndependence(counts: f.table)
    #expect(close(c.statistic, f.chi2.chi2, 1e-10))
    #expect(c.df == Double(f.chi2.df))
    #expect(close(c.pValue, f.chi2.p, 1e-8))
    #expect(close(c.cramersV, f.chi2.V, 1e-10))
    #expect(close(c.minimumExpected, f.chi2.min_expected, 1e-12))
}

@Test func holmMatchesStatsmodels() throws {
    let f = try GroupFixture.load()
    let adjusted = HolmAdjustment.adjust(f.pvals)
    for (a, b) in zip(adjusted, f.holm) { #expect(close(a, b, 1e-12)) }
    // Hand check: sorted 0.005, 0.01, 0.03, 0.04, 0.2 → ×5, ×4, ×3, ×2, ×1 with running max.
    #expect(HolmAdjustment.adjust([0.01, 0.02]) == [0.02, 0.02])
    #expect(HolmAdjustment.adjust([0.5, .nan, 0.01])[2] == 0.02)
}

@Test func studentizedRangeMatchesSciPy() throws {
    let f = try GroupFixture.load()
    for p in f.ptukey {
        let value = StudentizedRange.cdf(p.q, groups: p.k, df: p.df)
        #expect(abs(value - p.cdf) < 1e-7, "q=\(p.q) k=\(p.k) df=\(p.df): \(value) vs \(p.cdf)")
    }
}

@Test func gamesHowellMatchesSciPy() throws {
    let f = try GroupFixture.load()
    let gh = try GamesHowell(groups: f.groups)
    #expect(gh.contrasts.count == f.games_howell.count)
    for (c, r) in zip(gh.contrasts, f.games_howell) {
        #expect(c.first == r.i && c.second == r.j)
        #expect(close(c.difference, r.diff, 1e-12))
        #expect(close(c.t, r.t, 1e-10))
        #expect(close(c.df, r.df, 1e-10))
        #expect(abs(c.pValue - r.p) < 1e-6)
    }
}

@Test func groupTestErrorsAreClear() {
    #expect(throws: GroupComparisonError.tooFewGroups(found: 1)) { try WelchANOVA(groups: [[1, 2, 3]]) }
    #expect(throws: GroupComparisonError.groupTooSmall(group: 1, n: 1, needed: 2)) { try WelchANOVA(groups: [[1, 2, 3], [4]]) }
    #expect(throws: GroupComparisonError.noVariation) { try KruskalWallis(groups: [[1, 1], [1, 1]]) }
    #expect(GroupComparisonError.groupTooSmall(group: 1, n: 1, needed: 2).description
        == "group 2 has 1 observation; this test needs at least 2 per group")
}
