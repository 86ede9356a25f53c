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
    guard case .model(let kind, let summary)? = r.outputs.last, let table = summary.table else { Issue.record("model"); return }
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
    #expect(abs((summary.items.first { $0.label == "R²" }?.value.number ?? 0) - (inter?["r2"] as? Double ?? .nan)) < 1e-12)
    let logit = s.execute("lg = fit logistic school ~ x1 + x4 + x7 + ageyr on hs\nevaluate lg on hs | filter metric == \"accuracy\"")
    #expect(logit.succeeded)
    #expect(s.failure("fit logistic x1 ~ x2 on hs")?.message.hasPrefix("fit logistic needs a 0/1 or two-level target") == true)
    let collinear = s.failure("fit linear x9 ~ x7 + x8 + both on (hs | derive both = x7 + x8)")
    #expect(collinear?.message == "the design is rank deficient: both is a linear combination of other columns; drop it")
    #expect(s.failure("importance ols")?.message.hasPrefix("importance needs a model from fit boost") == true)
}

/// A linear probability model is scored like a classifier too. By hand: y = 0,1,0,1,1 on x = 1…5 gives
/// ŷ = 0.2x (0.2, 0.4, 0.6, 0.8, 1.0): 3 of 5 right at 0.5, and 5 of 6 positive–negative pairs ordered (AUC 5/6).
@Test func linearProbabilityModelGetsAccuracyAndAUC() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("msnb-lpm-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    try "x,y\n1,0\n2,1\n3,0\n4,1\n5,1\n".write(to: dir.appendingPathComponent("lpm.csv"), atomically: true, encoding: .utf8)
    let s = makeSession()
    let t = try s.table("d = load \"\(dir.path)/lpm.csv\"\nlpm = fit linear y ~ x on d\nevaluate lpm on d")
    let v = Dictionary(uniqueKeysWithValues: (0..<t.rowCount).map { (t[$0, "metric"].description, t[$0, "value"].doubleValue ?? .nan) })
    #expect(abs((v["accuracy"] ?? 0) - 0.6) < 1e-12)
    #expect(abs((v["auc"] ?? 0) - 5.0 / 6.0) < 1e-12)
    #expect(abs((v["rmse"] ?? 0) - (0.8 / 5).squareRoot()) < 1e-12)   // residuals −0.2, 0.6, −0.6, 0.2, 0
    let plain = try s.table("hs = load \"data/HolzingerSwineford1939.csv\"\nols = fit linear x9 ~ x7 on hs\nevaluate ols on hs")
    #expect(plain.rowCount == 3)
}
