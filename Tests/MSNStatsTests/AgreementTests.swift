import Foundation
import Testing
@testable import MSNStats

/// Reference values: Fixtures/agreement/make_agreement.py (statsmodels 0.15.0, SciPy 1.17.1,
/// krippendorff 0.9.0, R 4.2.2 fisher.test).
private struct AgreementFixture: Decodable {
    struct Case: Decodable {
        let name: String
        let ratings: [[Double?]]
        let cohen: Double, fleiss: Double
        let alpha_nominal: Double, alpha_ordinal: Double, alpha_interval: Double
    }
    struct Wilson: Decodable { let count: Int; let n: Int; let lower: Double; let upper: Double }
    struct Fisher: Decodable { let table: [[Int]]; let odds_ratio: Double?; let p: Double }
    let agreement: [Case]
    let wilson: [Wilson]
    let fisher: [Fisher]
    let freeman_halton: [Fisher]
    struct Welch: Decodable { let a: [Double]; let b: [Double]; let t: Double; let df: Double; let p: Double; let lower: Double; let upper: Double }
    let welch: [Welch]

    static func load() throws -> AgreementFixture {
        let url = try #require(Bundle.module.url(forResource: "agreement", withExtension: "json", subdirectory: "Fixtures/agreement"))
        return try JSONDecoder().decode(AgreementFixture.self, from: Data(contentsOf: url))
    }
}

@Test func agreementCoefficientsMatchStatsmodelsAndKrippendorff() throws {
    let f = try AgreementFixture.load()
    #expect(f.agreement.count == 4)
    for c in f.agreement {
        #expect(abs(InterRater.cohenKappa(c.ratings) - c.cohen) < 1e-9, "\(c.name) Cohen")
        #expect(abs(InterRater.fleissKappa(c.ratings) - c.fleiss) < 1e-9, "\(c.name) Fleiss")
        #expect(abs(InterRater.krippendorffAlpha(c.ratings, level: .nominal) - c.alpha_nominal) < 1e-9, "\(c.name) α nominal")
        #expect(abs(InterRater.krippendorffAlpha(c.ratings, level: .ordinal) - c.alpha_ordinal) < 1e-9, "\(c.name) α ordinal")
        #expect(abs(InterRater.krippendorffAlpha(c.ratings, level: .interval) - c.alpha_interval) < 1e-9, "\(c.name) α interval")
    }
}

@Test func cohenKappaByHand() {
    // 10 units: both 1 on 4, both 0 on 4, disagree on 2 (one each way). p_o = 0.8, p_e = 0.5 → κ = 0.6.
    let r: [[Double?]] = [[1, 1], [1, 1], [1, 1], [1, 1], [0, 0], [0, 0], [0, 0], [0, 0], [1, 0], [0, 1]]
    #expect(abs(InterRater.cohenKappa(r) - 0.6) < 1e-15)
    #expect(abs(InterRater.percentAgreement(r) - 0.8) < 1e-15)
    // Every code the same: κ is undefined, reported as NaN (the kernel says so in words).
    #expect(InterRater.cohenKappa([[1, 1], [1, 1]]).isNaN)
}

@Test func wilsonIntervalsMatchStatsmodels() throws {
    for w in try AgreementFixture.load().wilson {
        let ci = try #require(Proportions.wilson(count: w.count, n: w.n))
        #expect(abs(ci.lower - w.lower) < 1e-9 && abs(ci.upper - w.upper) < 1e-9, "\(w.count)/\(w.n)")
    }
    #expect(Proportions.wilson(count: 1, n: 0) == nil)
}

@Test func fisherExactMatchesScipyAndR() throws {
    let f = try AgreementFixture.load()
    for c in f.fisher {
        let t = c.table
        let r = Proportions.fisherExact(t[0][0], t[0][1], t[1][0], t[1][1])
        #expect(abs(r.p - c.p) < 1e-9, "\(t)")
        if let or = c.odds_ratio, or.isFinite { #expect(abs(r.oddsRatio - or) < 1e-9 * max(1, or)) }
    }
    for c in f.freeman_halton {
        // R's matrix is 2 rows (present, absent) × groups; twoByC takes the groups as columns.
        let columns = c.table[0].indices.map { [c.table[0][$0], c.table[1][$0]] }
        let p = try #require(Proportions.twoByC(columns))
        #expect(abs(p - c.p) < 1e-9, "\(c.table)")
    }
}

@Test func agreementBootstrapIsTheSameOnAnyNumberOfThreads() {
    // Two themes, 12 respondents, two coders.
    let first: [Double] = [0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1], second: [Double] = [1, 1, 0, 0, 0, 1, 1, 1, 0, 0, 0, 1]
    let third: [Double] = [1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0], fourth: [Double] = [1, 0, 0, 0, 1, 1, 0, 0, 1, 0, 0, 0]
    let a: [[Double?]] = (0..<12).map { [first[$0], second[$0]] }
    let b: [[Double?]] = (0..<12).map { [third[$0], fourth[$0]] }
    let study = AgreementStudy(codes: [a, b], level: .nominal)
    let one = study.bootstrap(draws: 200, seed: 9, threads: 1)
    let four = study.bootstrap(draws: 200, seed: 9, threads: 4)
    #expect(one.intervals == four.intervals)
    #expect(one.intervals.count == 4 + 2 * 2)
    let k = study.pooled.cohen
    #expect(one.intervals[1].percentileLower <= k && k <= one.intervals[1].percentileUpper)
}

@Test func welchTwoSampleMatchesScipy() throws {
    for w in try AgreementFixture.load().welch {
        let r = WelchTwoSample(w.a, w.b)
        #expect(abs(r.t - w.t) < 1e-9 && abs(r.df - w.df) < 1e-9 && abs(r.p - w.p) < 1e-9)
        #expect(abs(r.lower - w.lower) < 1e-9 && abs(r.upper - w.upper) < 1e-9)
    }
    #expect(WelchTwoSample([1], [2, 3]).p.isNaN)
}
