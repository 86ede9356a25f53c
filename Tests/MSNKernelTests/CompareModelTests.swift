import Foundation
import MSNKernel
import MSNLanguage
import MSNTable
import Testing

/// `compare regions` form 2 on Fixtures/compare/regions.csv (made by make_regions.py): in region A the
/// targets follow x1 only, in region B x2 only. NumPy references in regions.json.
private struct RegionsFixture: Decodable {
    let coef: [String: [String: Double]]
    let transfer_rmse: [String: Double]
    let loo_rmse: [String: Double]

    static func load() throws -> RegionsFixture {
        let url = repositoryRoot.appendingPathComponent("Tests/MSNKernelTests/Fixtures/compare/regions.json")
        return try JSONDecoder().decode(RegionsFixture.self, from: Data(contentsOf: url))
    }
}

private let regionsPath = repositoryRoot.appendingPathComponent("Tests/MSNKernelTests/Fixtures/compare/regions.csv").path

private func regionsSession() -> Session {
    let s = makeSession()
    _ = s.execute("t = load \"\(regionsPath)\"")
    return s
}

private func close(_ a: Double?, _ b: Double?, _ tol: Double = 1e-9) -> Bool {
    guard let a, let b else { return false }
    return abs(a - b) <= tol * max(1, abs(b))
}

extension Session {
    /// One metric of `evaluate`.
    fileprivate func metric(_ source: String, _ name: String) throws -> Double? {
        try table("\(source) | filter metric == \"\(name)\"")[0, "value"].doubleValue
    }
}

@Test func compareLinearModelAcrossRegionsMatchesNumPy() throws {
    let f = try RegionsFixture.load()
    let s = regionsSession()
    // folds = 40 = each region's rows: leave-one-out, which NumPy gets from the PRESS residuals.
    let r = s.execute("lin = fit linear y ~ x1 + x2 on t\ncmp = compare regions lin by region on t with folds = 40")
    #expect(r.succeeded, "\(Renderer.text(r.outputs, options: s.options))")
    let transfer = try s.table("cmp | part transfer")
    #expect(transfer.columnNames == ["trained_on", "A", "B"])
    #expect(close(transfer[0, "A"].doubleValue, f.loo_rmse["A"]))
    #expect(close(transfer[1, "B"].doubleValue, f.loo_rmse["B"]))
    #expect(close(transfer[0, "B"].doubleValue, f.transfer_rmse["A->B"]))
    #expect(close(transfer[1, "A"].doubleValue, f.transfer_rmse["B->A"]))
    let drivers = try s.table("cmp | part drivers")
    #expect(drivers.columnNames == ["term", "pooled", "A", "B"])
    for (i, term) in ["(Intercept)", "x1", "x2"].enumerated() {
        #expect(drivers[i, "term"] == .string(term))
        #expect(close(drivers[i, "A"].doubleValue, f.coef["A"]?[term]))
        #expect(close(drivers[i, "B"].doubleValue, f.coef["B"]?[term]))
    }
    // The pooled model in each region is exactly `evaluate` on that region's rows.
    let pooled = try s.table("cmp | part pooled")
    #expect(pooled[0, "metric"] == .string("rmse") && pooled[0, "n"] == .int(40))
    #expect(pooled[0, "pooled"].doubleValue == (try s.metric("evaluate lin on (t | filter region == \"A\")", "rmse")))
    #expect(pooled[1, "pooled"].doubleValue == (try s.metric("evaluate lin on (t | filter region == \"B\")", "rmse")))
    #expect(pooled[1, "within_cv"] == transfer[1, "B"])
    guard case .model(let m)? = s.value(of: "cmp") else { Issue.record("no report"); return }
    let text = m.summary.paragraphs.joined(separator: " ").replacingOccurrences(of: "\n", with: " ")
    #expect(text.contains("Strongest driver by |t|: A x1 (coefficient 2.01); B x2 (coefficient -1.45)."))
    #expect(text.contains("scored by RMSE (lower is better)"))
}

@Test func compareBoostModelShowsWhichDriversMatterWhere() throws {
    let s = regionsSession()
    let r = s.execute("b = fit boost exported ~ x1 + x2 + sector on t with trees = 30, depth = 2, weights = \"balanced\"\ncmp = compare regions b by region on t")
    #expect(r.succeeded, "\(Renderer.text(r.outputs, options: s.options))")
    let drivers = try s.table("cmp | part drivers")
    #expect(drivers.columnNames == ["feature", "pooled", "A", "B"])
    let row = { (name: String) in (0..<drivers.rowCount).first { drivers[$0, "feature"] == .string(name) } ?? 0 }
    #expect((drivers[row("x1"), "A"].doubleValue ?? 0) > 0.8)
    #expect((drivers[row("x2"), "B"].doubleValue ?? 0) > 0.8)
    // Each region's refit is `fit boost` with the same settings (balanced weights included) on its rows.
    _ = s.execute("ba = fit boost exported ~ x1 + x2 + sector on (t | filter region == \"A\") with trees = 30, depth = 2, weights = \"balanced\"")
    let a = try s.table("importance ba")
    for i in 0..<a.rowCount { #expect(drivers[row(a[i, "feature"].description), "A"] == a[i, "gain"]) }
    let pooled = try s.table("cmp | part pooled")
    #expect(pooled[0, "pooled"].doubleValue == (try s.metric("evaluate b on (t | filter region == \"A\")", "auc")))
    #expect(pooled[1, "pooled"].doubleValue == (try s.metric("evaluate b on (t | filter region == \"B\")", "auc")))
    let transfer = try s.table("cmp | part transfer")
    #expect(transfer[0, "B"].doubleValue == (try s.metric("evaluate ba on (t | filter region == \"B\")", "auc")))
    // Drivers differ, so a model transfers worse than the region's own cross-validated one.
    for (b, region) in ["A", "B"].enumerated() {
        #expect((transfer[b, region].doubleValue ?? 0) > (transfer[1 - b, region].doubleValue ?? 1) + 0.3)
    }
    // Seeded: the same call gives the same tables.
    let again = try s.table("compare regions b by region on t | part transfer")
    #expect(again[0, "A"] == transfer[0, "A"] && again[1, "B"] == transfer[1, "B"])
    let other = try s.table("compare regions b by region on t seed 7 | part transfer")
    #expect(other[0, "B"] == transfer[0, "B"])
}

@Test func compareLogisticAndMulticlassModels() throws {
    let s = regionsSession()
    let r = s.execute("lg = fit logistic exported ~ x1 + x2 on t\ncmp = compare regions lg by region on t with folds = 4")
    #expect(r.succeeded, "\(Renderer.text(r.outputs, options: s.options))")
    let drivers = try s.table("cmp | part drivers")
    _ = s.execute("lb = fit logistic exported ~ x1 + x2 on (t | filter region == \"B\")")
    guard case .model(let lb)? = s.value(of: "lb"), let coefficients = lb.summary.table else { Issue.record("lb"); return }
    for i in 0..<3 { #expect(drivers[i, "B"] == coefficients[i, "estimate"]) }
    let pooled = try s.table("cmp | part pooled")
    #expect(pooled[1, "pooled"].doubleValue == (try s.metric("evaluate lg on (t | filter region == \"B\")", "auc")))
    // Multiclass: accuracy.
    _ = s.execute("wine = load \"data/wine.csv\" | derive area = if(alcohol > 13, \"north\", \"south\")")
    let w = s.execute("wb = fit boost target ~ . - area on wine with trees = 10, depth = 2\nwcmp = compare regions wb by area on wine with folds = 3")
    #expect(w.succeeded, "\(Renderer.text(w.outputs, options: s.options))")
    let wp = try s.table("wcmp | part pooled")
    #expect(wp[0, "metric"] == .string("accuracy"))
    #expect(wp[0, "pooled"].doubleValue == (try s.metric("evaluate wb on (wine | filter area == \"north\")", "accuracy")))
}

@Test func compareModelsExplainsWhatIsWrong() throws {
    let s = regionsSession()
    _ = s.execute("lin = fit linear y ~ x1 + x2 + sector on t\nb = fit boost exported ~ x1 + x2 on t with trees = 5")
    let few = s.failure("compare regions lin by region on (t | filter region == \"A\" or x1 > 1.2)")
    #expect(few?.message.hasPrefix("region 'B' has ") == true)
    #expect(few?.message.hasSuffix(" usable rows; refitting the model needs at least 10") == true)
    #expect(few?.hint == "leave it out (| filter region != \"B\")")
    #expect(s.failure("compare regions b by region on t with folds = 50")?.message == "region 'A' has 40 usable rows; 50-fold cross-validation needs at least 50")
    let level = s.failure("compare regions lin by region on (t | filter region == \"A\" or sector == \"retail\")")
    #expect(level?.message == "region 'B' has no rows with sector = 'tech', a level the model uses; the region's model could not estimate it")
    let oneClass = s.failure("compare regions b by region on (t | filter region == \"A\" or exported == 1 or x1 > 1.5)")
    #expect(oneClass?.message.hasPrefix("region 'B' has ") == true && oneClass?.message.contains("with exported = 0; a classifier needs at least 2 of each class") == true)
    _ = s.execute("lr = fit linear y ~ x1 + region on t")
    #expect(s.failure("compare regions lr by region on t")?.message == "'region' is in the model; a model that uses the region cannot be refitted within regions")
    #expect(s.failure("compare regions lin by region")?.message == "compare regions needs the rows to refit the model on, after 'on'")
    #expect(s.failure("compare regions lin by region on t with folds = 1")?.message == "folds must be a whole number from 2 to 1,000,000,000")
    #expect(s.failure("compare regions lin by sectr on t")?.hint == "did you mean 'sector'?")
    let missing = s.failure("compare regions lin by region on (t | select region, x1, y, sector)")
    #expect(missing?.message == "the table has no column 'x2', which the model uses")
    _ = s.execute("cmp = compare regions b by region on t")
    #expect(s.failure("compare regions cmp by region on t")?.message == "a comparison model cannot be compared across regions")
}
