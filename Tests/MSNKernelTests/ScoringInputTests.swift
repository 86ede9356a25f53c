import Foundation
import MSNKernel
import MSNLanguage
import MSNTable
import Testing

/// Issue 16 (scoring hard data) and issue 17 (native categorical splits) at the kernel API.

private func session(files: [String: String]) throws -> Session {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("msnb-score-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
    return Session(configuration: SessionConfiguration(directory: dir, loadPrelude: false))
}

private let trainCSV = "x,y\n" + (0..<40).map { i in "\(Double(i) / 4),\(Double(i % 7) + Double(i) / 2)" }.joined(separator: "\n") + "\n"

@Test func predictAndEvaluateRefuseInfinitiesAtTheTable() throws {
    let s = try session(files: ["train.csv": trainCSV, "score.csv": "x,y\n1,2\ninf,5\nNaN,4\n-inf,3\n2,6\n"])
    let r = s.execute("tr = load \"train.csv\"\nsc = load \"score.csv\"\nm = fit boost y ~ x on tr with trees = 5\nl = fit linear y ~ x on tr",
                      origin: SourceOrigin(file: "test.msq"))
    #expect(r.succeeded)
    for (verb, model) in [("predict", "m"), ("evaluate", "m"), ("predict", "l"), ("evaluate", "l"), ("explain", "m")] {
        let d = try #require(s.failure("\(verb) \(model) on sc"), "\(verb) \(model)")
        #expect(d.message == "\(verb): column 'x' has 2 infinite values (inf or -inf; the first in row 2); a model can only score finite numbers")
        #expect(d.span?.line == 1 && d.span?.column == verb.count + model.count + 6)   // at `sc`
        #expect(d.hint?.contains("filter abs(x) < 1e308") == true)
    }
    // Without the infinities: NaN (read as null) takes the trees' missing-value branch, and a linear
    // model predicts null for that row; evaluate leaves the unscored row out with a warning.
    let boosted = try s.table("sc | filter x is null or abs(x) < 1e308 | predict m")
    #expect(boosted.rowCount == 3 && boosted.column(named: ".pred")?.nullCount == 0)
    let linear = try s.table("sc | filter x is null or abs(x) < 1e308 | predict l")
    #expect(linear.column(named: ".pred")?[1] == .null && linear.column(named: ".pred")?.nullCount == 1)
    let e = s.execute("sc | filter x is null or abs(x) < 1e308 | evaluate l", origin: SourceOrigin(file: "test.msq"))
    #expect(e.succeeded)
    let warnings = e.outputs.compactMap { o -> String? in if case .warning(let d, _) = o { return d.message } else { return nil } }
    #expect(warnings.contains("1 row with a missing predictor could not be scored and is left out of the metrics"))
}

private let regionCSV: String = {
    // y depends on the region through a non-monotone effect per level, and on x.
    let regions = ["aceh", "bali", "java", "papua", "sulawesi"], effect = [3.0, -2.0, 4.0, -3.0, 0.5]
    var rows = ["region,x,y"]
    for i in 0..<200 {
        let r = (i * 7) % 5, x = Double((i * 13) % 17) / 4
        rows.append("\(regions[r]),\(x),\(effect[r] + x)")
    }
    return rows.joined(separator: "\n") + "\n"
}()

@Test func textPredictorsSplitNativelyByDefault() throws {
    let s = try session(files: ["r.csv": regionCSV, "new.csv": "region,x,y\nbali,1,0\nkalimantan,1,1\n,2,3\n"])
    #expect(s.execute("t = load \"r.csv\"\nm = fit boost y ~ region + x on t with trees = 30, depth = 2", origin: SourceOrigin(file: "test.msq")).succeeded)
    let imp = try s.table("importance m")
    #expect(Set((0..<imp.rowCount).map { imp.column(named: "feature")?[$0] }) == [.string("region"), .string("x")])
    // Native splits separate the five regions well in 30 shallow trees.
    let ev = try s.table("evaluate m on t")
    let rmse = try #require(ev.column(named: "value")?.doubles()?[(0..<ev.rowCount).first { ev.column(named: "metric")?[$0] == .string("rmse") } ?? 0])
    #expect(rmse < 0.5, "rmse \(rmse)")
    // An unseen region and a missing one still score.
    let p = try s.table("predict m on (load \"new.csv\")")
    #expect(p.column(named: ".pred")?.nullCount == 0)
    // SHAP interactions are reported per original column.
    let inter = try s.table("explain m on (t | head 2) with interactions = true")
    #expect(inter.column(named: "feature")?[0] == .string("region"))
    // One-hot on request: one indicator per level.
    #expect(s.execute("o = fit boost y ~ region + x on t with trees = 5, categorical = \"onehot\"", origin: SourceOrigin(file: "test.msq")).succeeded)
    let oneHot = try s.table("importance o")
    #expect(oneHot.rowCount <= 6 && (0..<oneHot.rowCount).contains { oneHot.column(named: "feature")?[$0] == .string("region=java") || oneHot.column(named: "feature")?[$0] == .string("region=aceh") })
    let bad = try #require(s.failure("fit boost y ~ region on t with categorical = \"ordinal\""))
    #expect(bad.message == "categorical is \"native\" or \"onehot\"")
}
