import Foundation
@testable import MSNKernel
import MSNLanguage
import MSNTable
import Testing

/// `interpret`, `set language`, `set locale` through a session.
private func paragraphs(_ s: Session, _ source: String) throws -> [String] {
    let r = s.execute(source, origin: SourceOrigin(file: "test.msq"))
    guard r.succeeded else { throw TestFailure(message: Renderer.text(r.outputs, options: s.options)) }
    for o in r.outputs.reversed() { if case .model("interpretation", let summary) = o { return summary.paragraphs } }
    throw TestFailure(message: "no interpretation in the output")
}

private let cancer = """
train = load "data/splits/breast_cancer.train.csv"
test = load "data/splits/breast_cancer.test.csv"
m = fit boost target ~ worst_area + worst_concave_points + mean_texture on train with trees = 20, depth = 3
"""

@Test func interpretBoostModelAndTablesThroughTheVerb() throws {
    let s = makeSession()
    let model = try paragraphs(s, cancer + "\ninterpret m")
    #expect(model.first == "Gradient-boosted trees (20 trees, 3 features) predict target.")
    #expect(model.contains { $0.hasPrefix("The strongest drivers, by share of the total gain, are ") })
    // The same sentences the template gives for the evaluate table the verb itself shows.
    let metrics = try s.table("evaluate m on test")
    let held = try paragraphs(s, "interpret m on test")
    for sentence in TableInterpretation.evaluate(metrics, InterpretContext()) { #expect(held.contains(sentence)) }
    #expect(try paragraphs(s, "evaluate m on test | interpret") == TableInterpretation.evaluate(metrics, InterpretContext()))
    #expect(try paragraphs(s, "importance m | interpret").first?.contains("of the model's total gain") == true)
    let owner = try paragraphs(s, "interpret m on (test | head 1) with for = \"owner\"")
    #expect(owner.count == 1 && owner[0].hasPrefix("For this firm the model gives "))
    let firm = try paragraphs(s, "interpret m on (test | head 1)")
    #expect(firm[0].hasPrefix("This firm's predicted chance of target = 1 is 0."))
}

@Test func interpretRegressionMatchesItsOwnCoefficientTable() throws {
    let s = makeSession()
    let p = try paragraphs(s, "hs = load \"data/HolzingerSwineford1939.csv\"\nr = fit linear x1 ~ x2 + ageyr on hs\ninterpret r")
    guard case .model(let m)? = s.value(of: "r"), let t = (m as? RegressionModelValue)?.coefficientTable else { Issue.record("no model"); return }
    #expect(p[0].hasPrefix("A linear regression of x1 on 2 terms (301 rows) explains "))
    #expect(p[1] == RegressionInterpretation.coefficients(t, kind: "linear", target: "x1", outcome: "x1", df: 298, InterpretContext()).joined(separator: " "))
}

@Test func languageTranslatesInterpretationsErrorsAndSummaries() throws {
    let s = makeSession()
    let id = try paragraphs(s, cancer + "\nset language \"id\"\ninterpret m")
    #expect(id.first == "Model gradient-boosted trees (20 pohon, 3 fitur) memprediksi target.")
    let d = s.failure("train | filter worst_arae > 1")
    #expect(d?.message == "kolom 'worst_arae' tidak dikenal")
    #expect(d?.hint == "mungkin maksud Anda 'worst_area'?")
    let r = s.execute("m", origin: SourceOrigin(file: "t"))
    guard case .model(_, let summary)? = r.outputs.first else { Issue.record("no summary"); return }
    #expect(summary.title == "boosted trees (histogram, gaya XGBoost) untuk memprediksi target")
    #expect(summary.items.contains { $0.label == "laju pembelajaran" })
    let failed = s.execute("train | filter worst_arae > 1", origin: SourceOrigin(file: "t"))
    let rendered = Renderer.text(failed.outputs, options: s.options)
    #expect(rendered.hasPrefix("galat: kolom 'worst_arae' tidak dikenal\n") && rendered.contains("^^^^^^^^^^ mungkin maksud Anda 'worst_area'?"))
    #expect(Renderer.text(s.execute("train | head 2 | select mean_texture").outputs, options: s.options).contains("  2 baris × 1 kolom"))
    #expect(s.failure("set language \"fr\"")?.message == "bahasa harus \"en\" atau \"id\"")
    _ = s.execute("set language \"en\"")
    #expect(s.failure("train | filter worst_arae > 1")?.message == "unknown column 'worst_arae'")
}

@Test func localeWritesDecimalCommasInRenderingsButNeverInExports() throws {
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("msnb-locale-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    let s = makeSession(writeTo: out)
    _ = s.execute("set locale \"id\"\nt = load \"data/HolzingerSwineford1939.csv\" | head 2 | select x1\nt | export \"t.csv\"", origin: SourceOrigin(file: "t"))
    let r = s.execute("t", origin: SourceOrigin(file: "t"))
    let text = Renderer.text(r.outputs, options: s.options)
    #expect(text.contains("3,33333"))
    #expect(!text.contains("3.33333"))
    #expect(Renderer.markdown(r.outputs, options: s.options).contains("3,33333"))
    #expect(HTMLRendering.html(r.outputs, options: s.options).contains("3,33333"))
    let csv = try String(contentsOf: out.appendingPathComponent("t.csv"), encoding: .utf8)
    #expect(csv.contains("3.3333333") && !csv.contains("3,33"))
}
