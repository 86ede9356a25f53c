import Foundation
import MSNKernel
import MSNTable
import Testing

/// The language recovers the designs' known truths (docs/simulate.md) at a generous sample size.
@Test func simulateRecoversTheEcosystemRegimes() throws {
    let s = makeSession()
    let r = s.execute("""
        e = simulate ecosystem n = 40000 seed = 11
          | filter bloc == "China"
          | derive y = log(intl_sales), c = cbec / 10, i = influencer / 10, u = ugc / 10, m = social_media / 10
        ols = fit linear y ~ c * i + i * u + shopper * m + c * shopper on e
        ols
        """)
    guard r.succeeded, case .model(_, let summary)? = r.outputs.last, let t = summary.table else { Issue.record("no model: \(r.outputs)"); return }
    let est = Dictionary(uniqueKeysWithValues: (0..<t.rowCount).map { (t[$0, "term"].description, t[$0, "estimate"].doubleValue ?? .nan) })
    #expect(abs((est["c:i"] ?? 0) - 1.5) < 0.15)
    #expect(abs((est["c"] ?? 0) - 1.2) < 0.15)
    #expect(abs((est["shopper:m"] ?? 9) - 0.1) < 0.2)
    #expect(abs((est["(Intercept)"] ?? 0) - 4.0) < 0.1)
}

@Test func simulateRecoversTheMarketIntelligencePath() throws {
    let s = makeSession()
    let t = try s.table("""
        f = simulate exporters n = 20000 seed = 5
        sem = fit sem on f {
          mi =~ mi1 + mi2 + mi3
          tc =~ tc1 + tc2 + tc3
          gc =~ gc1 + gc2 + gc3
          tc ~ a*mi
          gc ~ c*mi + b*tc
        }
        estimates sem | filter op == "~"
        """)
    let std = Dictionary(uniqueKeysWithValues: (0..<t.rowCount).map { (t[$0, "label"].description, t[$0, "std_all"].doubleValue ?? .nan) })
    // Likert cuts attenuate little: the standardized paths come back near 0.5, 0.67 and 0.2.
    #expect(abs((std["a"] ?? 0) - 0.5) < 0.04)
    #expect(abs((std["c"] ?? 0) - 0.67) < 0.04)
    #expect(abs((std["b"] ?? 0) - 0.2) < 0.04)
}

@Test func simulateErrorsTeach() {
    let s = makeSession()
    #expect(s.failure("simulate exportrs")?.hint == "did you mean 'exporters'?")
    let unknown = s.failure("simulate exporters sed = 5")
    #expect(unknown?.message == "simulate has no setting 'sed'" && unknown?.hint == "did you mean 'seed'?")
    #expect(s.failure("simulate exporters n = 5")?.message == "n = 5 is too small for this design; use n ≥ 20")
    #expect(s.failure("simulate exporters n = 2.5")?.message == "n is a whole number of firms between 1 and 10,000,000")
    // The session's seed is the default, so `set seed` changes the draw; an explicit seed wins.
    let a = try? s.table("simulate exporters n = 50 seed = 3 | head 1")
    _ = s.execute("set seed = 3")
    let b = try? s.table("simulate exporters n = 50 | head 1")
    #expect(a?[0, "sentiment"] == b?[0, "sentiment"])
}

@Test func boostingRanksTheExportDriversAsDesigned() throws {
    let s = makeSession()
    let t = try s.table("""
        f = simulate exporters n = 20000 seed = 1
        m = fit boost exported ~ sentiment + fx_volatility + import_policy + reg_similarity + tech_use on f with trees = 100, depth = 3, rate = 0.1
        importance m
        """)
    #expect((0..<3).map { t[$0, "feature"].description } == ["sentiment", "fx_volatility", "import_policy"])
}

@Test func simulatePanelThroughTheLanguage() throws {
    let s = makeSession()
    #expect(try s.text("simulate exporters n = 40 seed = 1 panel = true | count") == "200")
    #expect(try s.text("simulate exporters n = 40 seed = 1 panel = false | count") == "40")
    #expect(s.failure("simulate ecosystem panel = true")?.message == "the ecosystem design has no panel form")
    #expect(s.failure("simulate exporters panel = 1")?.message == "panel is true or false")
}
