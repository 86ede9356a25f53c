import Foundation
import MSNKernel
import MSNTable
import Testing

private let fixtures = repositoryRoot.appendingPathComponent("Tests/MSNStatsTests/Fixtures")

private func reference(_ key: String) throws -> (params: [Double], bse: [Double]) {
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: fixtures.appendingPathComponent("robust/robust.json"))) as? [String: Any]
    let fit = try #require(json?[key] as? [String: Any])
    return (fit["params"] as? [Double] ?? [], fit["bse"] as? [Double] ?? [])
}

private func coefficients(_ s: Session, _ source: String) throws -> (estimates: [Double], ses: [Double], summary: String) {
    let r = s.execute(source)
    let model = r.outputs.first { if case .model = $0 { return true } else { return false } }
    guard r.succeeded, case .model(_, let m)? = model, let table = m.table else {
        throw TestFailure(message: Renderer.text(r.outputs, options: s.options))
    }
    return ((0..<table.rowCount).map { table[$0, "estimate"].doubleValue ?? .nan }, (0..<table.rowCount).map { table[$0, "se"].doubleValue ?? .nan }, m.items.map { "\($0.label): \($0.value.formatted)" }.joined(separator: "\n"))
}

/// `with weights = …, cluster = …` and `se = "hc3"` through the language, against statsmodels (robust.json).
@Test func fitLinearWithWeightsAndClustersMatchesStatsmodels() throws {
    let s = makeSession()
    _ = s.execute("wp = load \"\(fixtures.path)/robust/wage_panel.csv\" | head 800")
    let formula = "lwage ~ educ + exper + expersq + union + married + black + hisp on wp"
    for (options, key) in [("weights = hours, cluster = nr", "wls_cluster_nr"), ("se = \"hc3\"", "ols_hc3"), ("cluster = [nr, year]", "ols_cluster_nr_year")] {
        let mine = try coefficients(s, "m = fit linear \(formula) with \(options)\nm")
        let ref = try reference(key)
        for (a, b) in zip(mine.estimates + mine.ses, ref.params + ref.bse) { #expect(abs(a - b) <= 1e-8 * abs(b), "\(key)") }
    }
    let logit = try coefficients(s, "g = fit logistic union ~ educ + exper + married + black + hisp + lwage on wp with cluster = nr\ng")
    let ref = try reference("logit_cluster_nr")
    for (a, b) in zip(logit.estimates + logit.ses, ref.params + ref.bse) { #expect(abs(a - b) <= 1e-8 * abs(b)) }
    #expect(logit.summary.contains("inference: standard errors clustered (CR1, 100 clusters) by nr"))
    #expect(s.failure("fit linear \(formula) with se = \"hc9\"")?.message == "unknown se 'hc9'")
    #expect(s.failure("fit linear \(formula) with weights = nope")?.message == "unknown column 'nope'")
    #expect(s.failure("fit linear \(formula) with se = \"hc1\", cluster = nr")?.message == "give either se = … or cluster = …, not both")
}

/// Filip's degree-10 polynomial draws the ill-conditioning warning, which reaches the outputs.
@Test func illConditionedDesignWarnsAndSuggestsCentring() throws {
    let s = makeSession()
    let powers = (2...10).map { "x\($0) = x ^ \($0)" }.joined(separator: ", ")
    let r = s.execute("f = load \"\(fixtures.path)/nist-strd/Filip.csv\" | derive \(powers)\nm = fit linear y ~ x + \((2...10).map { "x\($0)" }.joined(separator: " + ")) on f")
    #expect(r.succeeded)
    let warnings = r.outputs.compactMap { o -> String? in if case .warning(let d, _) = o { return d.message } else { return nil } }
    #expect(warnings.contains { $0.hasPrefix("the design is ill-conditioned (condition number ≈ 9.7e+09") && $0.contains("centring") })
    let centred = s.execute("g = f | derive xc = x - mean(x)\nm2 = fit linear y ~ xc on g")
    #expect(centred.succeeded && !centred.outputs.contains { if case .warning = $0 { return true } else { return false } })
}

/// `m | part margins`: average marginal effects of a logistic model (statsmodels get_margeff), shown after the model.
@Test func logisticMarginsPartMatchesStatsmodels() throws {
    let s = makeSession()
    _ = s.execute("wp = load \"\(fixtures.path)/robust/wage_panel.csv\" | head 800\ng = fit logistic union ~ educ + exper + married + black + hisp + lwage on wp")
    let t = try s.table("g | part margins")
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: fixtures.appendingPathComponent("robust/robust.json"))) as? [String: Any]
    let me = try #require(json?["logit_margeff"] as? [String: Any])
    let dydx = me["dydx"] as? [Double] ?? [], se = me["se"] as? [Double] ?? []
    #expect(t.rowCount == 6 && t[0, "term"] == .string("educ"))
    for i in 0..<t.rowCount {
        #expect(abs((t[i, "dydx"].doubleValue ?? .nan) - dydx[i]) <= 1e-8 * abs(dydx[i]))
        #expect(abs((t[i, "se"].doubleValue ?? .nan) - se[i]) <= 1e-8 * abs(se[i]))
    }
    let shown = s.execute("g")
    #expect(shown.outputs.contains { if case .table(_, let caption) = $0 { return caption == "margins" } else { return false } })
}
