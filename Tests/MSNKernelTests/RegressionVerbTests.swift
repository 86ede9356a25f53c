import Foundation
import MSNKernel
import MSNTable
import Testing

/// statsmodels 0.15.0 (Tests/MSNStatsTests/Fixtures/statsmodels/make_regression.py):
/// OLS x9 ~ x7 + x8 + x7:x8 + school_Pasteur on HS: x7:x8 coefficient and R².
@Test func fitLinearWithInteractionAndDummyMatchesStatsmodels() throws {
    let s = makeSession()
    _ = s.execute("hs = load \"data/HolzingerSwineford1939.csv\"")
    let r = s.execute("ols = fit linear x9 ~ x7 * x8 + school on hs\nols")
    #expect(r.succeeded)
    guard case .model(let kind, let summary, let table?)? = r.outputs.last else { Issue.record("model"); return }
    #expect(kind == "linear")
    let url = repositoryRoot.appendingPathComponent("Tests/MSNStatsTests/Fixtures/statsmodels/regression.json")
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
    let inter = json?["interaction"] as? [String: Any]
    let coefs = inter?["coef"] as? [[String: Any]] ?? []
    let expected = Dictionary(uniqueKeysWithValues: coefs.map { ($0["term"] as? String ?? "", $0["coef"] as? Double ?? .nan) })
    let mine = Dictionary(uniqueKeysWithValues: (0..<table.rowCount).map { (table[$0, "term"].description, table[$0, "estimate"].doubleValue ?? .nan) })
    #expect(abs((mine["x7:x8"] ?? 0) - (expected["x7:x8"] ?? .nan)) < 1e-9)
    #expect(abs((mine["school=Pasteur"] ?? 0) - (expected["school_Pasteur"] ?? .nan)) < 1e-9)
    #expect(abs((mine["(Intercept)"] ?? 0) - (expected["const"] ?? .nan)) < 1e-9)
    #expect(summary.contains(String(format: "R² %.4f", inter?["r2"] as? Double ?? 0)))
    let logit = s.execute("lg = fit logistic school ~ x1 + x4 + x7 + ageyr on hs\nevaluate lg on hs | filter metric == \"accuracy\"")
    #expect(logit.succeeded)
    #expect(s.failure("fit logistic x1 ~ x2 on hs")?.message.hasPrefix("fit logistic needs a 0/1 or two-level target") == true)
    let collinear = s.failure("fit linear x9 ~ x7 + x8 + both on (hs | derive both = x7 + x8)")
    #expect(collinear?.message == "the design is rank deficient: both is a linear combination of other columns; drop it")
    #expect(s.failure("importance ols")?.message.hasPrefix("importance needs a model from fit boost") == true)
}
