import Foundation
import MSNKernel
import MSNLanguage
import MSNTable
import Testing

@Test func fitBoostEvaluatePredictImportanceExplain() throws {
    let s = makeSession()
    _ = s.execute("train = load \"data/splits/breast_cancer.train.csv\"\ntest = load \"data/splits/breast_cancer.test.csv\"")
    let fit = s.execute("m = fit boost target ~ . on train with trees = 200, depth = 4, rate = 0.1")
    #expect(fit.succeeded)
    #expect(s.bindings().first { $0.name == "m" }?.shape == "200 trees, 30 features")
    // XGBoost 3.2 on the same split and settings: accuracy 0.947, AUC 0.993 (Tests/MSNBoostTests/Fixtures/xgboost).
    let e = try s.table("evaluate m on test")
    let metrics = Dictionary(uniqueKeysWithValues: (0..<e.rowCount).map { (e[$0, "metric"].description, e[$0, "value"].doubleValue ?? .nan) })
    #expect(abs((metrics["accuracy"] ?? 0) - 0.9473684210526315) <= 0.01 + 1e-9)
    #expect(abs((metrics["auc"] ?? 0) - 0.9930555555555556) <= 0.01)
    #expect((metrics["true_positive"] ?? 0) + (metrics["false_negative"] ?? 0) == 72)   // 72 benign rows in the test split
    let p = try s.table("predict m on test | select target, .pred, .prob")
    #expect(p.rowCount == 114 && p.columnNames == ["target", ".pred", ".prob"])
    let imp = try s.table("importance m")
    let gainTotal = (0..<imp.rowCount).reduce(0.0) { $0 + (imp[$1, "gain"].doubleValue ?? 0) }
    #expect(abs(gainTotal - 1) < 1e-9)
    // SHAP rows add up to the margin; base value is the same for every row.
    let x = try s.table("explain m on test | head 5")
    for i in 0..<5 {
        var total = 0.0
        for name in x.columnNames where name != "row" && name != "margin" { total += x[i, name].doubleValue ?? 0 }
        #expect(abs(total - (x[i, "margin"].doubleValue ?? 0)) < 1e-9)
    }
    #expect(try s.table("explain m | head 1")[0, "feature"] != .null)
}

@Test func boostTargetsAndErrors() throws {
    let s = makeSession()
    _ = s.execute("hs = load \"data/HolzingerSwineford1939.csv\"")
    // A two-level text target is binary; predictions come back as its levels.
    let p = try s.table("m = fit boost school ~ x1 + x2 + x3 + x7 on hs with trees = 20\npredict m on hs | distinct .pred")
    #expect(Set((0..<p.rowCount).map { p[$0, ".pred"] }).isSubset(of: [.string("Pasteur"), .string("Grant-White")]))
    #expect(s.failure("fit boost x1 ~ nope on hs")?.message == "unknown column 'nope' in the formula")
    #expect(s.failure("fit boost x1 ~ x2 * x3 on hs")?.message.hasPrefix("interaction terms (*) are for linear models") == true)
    #expect(s.failure("fit boost school ~ x1 on (hs | filter school == \"Pasteur\")")?.message
        == "the target 'school' has only one level (Pasteur); there is nothing to predict")
    #expect(s.failure("fit boost x1 ~ x2 on (hs | filter x1 > 100)")?.message == "fit boost: the table has no rows")
    #expect(s.failure("fit boost x1 ~ x2 on (hs | filter x1 > 100 or id == 1)")?.message == "the target 'x1' is constant; there is nothing to learn")
    #expect(s.failure("fit boost x1 ~ x2 on hs with trees = 0")?.message == "trees must be a whole number from 1 to 1,000,000,000")
    #expect(s.failure("evaluate hs on hs")?.message == "evaluate needs a fitted model (boost, linear or logistic), but it was given a table")
    let cv = try s.table("r = fit boost x9 ~ x7 + x8 on hs with trees = 20, folds = 3\nevaluate r")
    #expect(cv.rowCount == 3 && cv[0, "metric"] == .string("rmse"))
}

/// Scoring a subset: text targets map through the model's own levels (a subset may lack one), and
/// metrics that need both classes are null with a warning, never NaN.
@Test func evaluateOnASubsetWithOneClass() throws {
    let s = makeSession()
    let r = s.execute("""
        hs = load "data/HolzingerSwineford1939.csv"
        m = fit boost school ~ x1 + x2 + x3 + x4 on hs with trees = 10
        evaluate m on (hs | filter school == "Pasteur")
        """, origin: SourceOrigin(file: "t.msq"))
    #expect(r.succeeded)
    guard case .table(let t, _)? = r.outputs.last else { Issue.record("no table"); return }
    let v = Dictionary(uniqueKeysWithValues: (0..<t.rowCount).map { (t[$0, "metric"].description, t[$0, "value"]) })
    #expect(v["auc"] == .null && v["balanced_accuracy"] == .null)
    // Pasteur is level 1 of ["Grant-White", "Pasteur"]: every row is a positive, so accuracy = recall.
    #expect(v["accuracy"] == v["recall"] && v["false_positive"] == .float(0) && v["true_negative"] == .float(0))
    #expect(r.outputs.contains { if case .warning(let d, _) = $0 { return d.message.hasPrefix("balanced_accuracy, auc, specificity, calibration_intercept, calibration_slope cannot be computed on these 156 rows") } else { return false } })
    #expect(s.failure("evaluate m on (hs | derive school = \"Other\")")?.message == "the target 'school' has the level 'Other', which the model never saw")
}

/// `explain … with interactions = true`: per row, the long table's values sum to the margin that plain
/// `explain` reports, and the pairs are symmetric.
@Test func explainInteractionsSumToTheMargin() throws {
    let s = makeSession()
    _ = s.execute("bc = load \"data/splits/breast_cancer.train.csv\"\nm = fit boost target ~ mean_radius + worst_area + worst_concave_points + mean_texture on bc with trees = 10, depth = 3")
    let test = "(load \"data/splits/breast_cancer.test.csv\" | head 3)"
    let plain = try s.table("explain m on \(test)")
    let long = try s.table("explain m on \(test) with interactions = true")
    #expect(long.rowCount == 3 * (4 * 4 + 1))
    for r in 1...3 {
        let mine = (0..<long.rowCount).filter { long[$0, "row"] == .int(Int64(r)) }.reduce(0.0) { $0 + (long[$1, "value"].doubleValue ?? .nan) }
        let margin = plain[r - 1, "margin"].doubleValue ?? .nan
        #expect(abs(mine - margin) < 1e-9, "row \(r): \(mine) vs \(margin)")
    }
    func value(_ a: String, _ b: String) -> Double {
        (0..<long.rowCount).first { long[$0, "row"] == .int(1) && long[$0, "feature"] == .string(a) && long[$0, "with"] == .string(b) }
            .flatMap { long[$0, "value"].doubleValue } ?? .nan
    }
    #expect(abs(value("worst_area", "mean_radius") - value("mean_radius", "worst_area")) < 1e-12)
    #expect(s.failure("explain m with interactions = true")?.message == "explain … with interactions = true needs the rows to explain")
}

/// `synergy` on the simulated ecosystem, whose designed interactions are known (docs/simulate.md):
/// cbec × influencer (1.5 in China, pooled the strongest) ranks among the top pairs.
@Test func synergyRanksADesignedPairOnTop() throws {
    let s = makeSession()
    _ = s.execute("eco = simulate ecosystem n = 200 seed = 7 | derive log_sales = log(intl_sales)\nd = fit boost log_sales ~ cbec + influencer + ugc + social_media + shopper on eco with trees = 30, depth = 3")
    let pairs = try s.table("synergy d on eco seed 1 | part pairs")
    #expect(pairs.rowCount == 10)
    let top = (0..<3).map { "\(pairs[$0, "feature"].description)×\(pairs[$0, "with"].description)" }
    #expect(top.contains("cbec×influencer"), "top pairs: \(top)")
    let tests = try s.table("synergy d on eco seed 1 | part tests")
    #expect(tests.rowCount == 3 && (tests[0, "pvalue"].doubleValue ?? 2) <= 1)
}

/// At n = 1,000 the ranking recovers the whole design: the four pairs with a product term in the
/// simulation (cbec × influencer, influencer × ugc, shopper × social_media, cbec × shopper) are the
/// four strongest of the ten, ahead of every pair the simulation gives no interaction.
@Test func synergyRanksEveryDesignedPairAboveTheRest() throws {
    let s = makeSession()
    _ = s.execute("eco = simulate ecosystem n = 1000 seed = 11 | derive log_sales = log(intl_sales)\nd = fit boost log_sales ~ cbec + influencer + ugc + social_media + shopper on eco with trees = 40, depth = 3")
    let pairs = try s.table("synergy d on eco seed 1 | part pairs")
    let top = Set((0..<4).map { [pairs[$0, "feature"].description, pairs[$0, "with"].description].sorted().joined(separator: "×") })
    #expect(top == ["cbec×influencer", "influencer×ugc", "shopper×social_media", "cbec×shopper"], "top four: \(top)")
}
