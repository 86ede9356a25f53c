import Foundation
import MSNKernel
import MSNLanguage
import MSNTable
import Testing

private let corp = """
p = fit pls on corp {
  COMP =~ comp_1 + comp_2 + comp_3
  LIKE =~ like_1 + like_2 + like_3
  CUSA =~ cusa
  CUSL =~ cusl_1 + cusl_2 + cusl_3
  CUSA ~ COMP + LIKE
  CUSL ~ COMP + LIKE + CUSA
} with scheme = "path", missing = "mean", missing_value = -99
"""

@Test func fitPlsThroughTheLanguageGivesSeminrsNumbers() throws {
    let s = makeSession()
    _ = s.execute("corp = load \"data/corp_rep_data.csv\"")
    let r = s.execute(corp)
    #expect(r.succeeded, "\(Renderer.text(r.outputs, options: s.options))")
    #expect(s.bindings().first { $0.name == "p" }?.kind == "model:pls")
    // seminr 2.3.1 test_clean_data.R, corp_rep_simple_paths.csv: CUSA → CUSL 0.504466308486452.
    let e = try s.table("estimates p | filter op == \"~\" and lhs == \"CUSL\" and rhs == \"CUSA\"")
    #expect(abs((e[0, "est"].doubleValue ?? 0) - 0.504466308486452) < 1e-12)
    #expect(try s.table("rsquare p").columnNames == ["construct", "r2", "adj_r2"])
    #expect(try s.table("reliability p").columnNames.prefix(6) == ["construct", "mode", "alpha", "rho_a", "rho_c", "ave"])
    #expect(try s.table("fsquare p").rowCount == 5)
    #expect(try s.table("vif p | filter kind == \"inner\"").rowCount == 5)
    #expect(try s.table("crossloadings p").rowCount == 10)
    #expect(try s.table("effects p | filter effect == \"specific indirect\"").rowCount == 2)
    let scores = try s.table("predict p on corp")
    #expect(scores.columnNames.suffix(4) == ["COMP", "LIKE", "CUSA", "CUSL"] && scores.rowCount == 344)
    guard case .model(let kind, let summary)? = s.execute("p").outputs.last else { Issue.record("model output"); return }
    #expect(kind == "pls" && summary.items.first { $0.label == "observations" }?.value == .int(344))
}

@Test func plsErrorsPointIntoTheModel() {
    let s = makeSession()
    _ = s.execute("corp = load \"data/corp_rep_data.csv\"")
    let bad = s.failure("p = fit pls on corp {\n  COMP =~ comp_1 + comp_9\n  LIKE =~ like_1\n  LIKE ~ COMP\n}")
    #expect(bad?.span == SourceSpan(file: "test.msq", line: 2, column: 20, length: 6))
    #expect(bad?.hint == "did you mean 'comp_1'?")
    #expect(s.failure("p = fit pls on corp { A =~ comp_1\nB =~ like_1\nB ~ A } with scheme = \"paths\"")?.hint == "did you mean 'path'?")
    #expect(s.failure("p = fit pls on corp { A =~ comp_1\nB =~ like_1\nB ~ A } with draws = 100")?.message == "draws and seed need se = \"bootstrap\"")
    #expect(s.failure("fsquare corp")?.message == "fsquare needs a fitted PLS model")
}

@Test func plsBootstrapReportsIntervalsAndDraws() throws {
    let s = makeSession()
    _ = s.execute("mobi = load \"data/mobi.csv\" | head 60")
    let r = s.execute("p = fit pls on mobi { Image =~ IMAG1 + IMAG2\nSatisfaction =~ CUSA1 + CUSA2\nSatisfaction ~ Image } with se = \"bootstrap\", draws = 20, seed = 5, threads = 2")
    #expect(r.succeeded, "\(Renderer.text(r.outputs, options: s.options))")
    let e = try s.table("estimates p | filter op == \"~\"")
    #expect(e.columnNames.suffix(6) == ["boot_mean", "se", "ci_lower", "ci_upper", "bca_lower", "bca_upper"])
    let lower = e[0, "ci_lower"].doubleValue ?? .nan, upper = e[0, "ci_upper"].doubleValue ?? .nan, est = e[0, "est"].doubleValue ?? .nan
    #expect(lower < est && est < upper)
    guard case .model(_, let summary)? = s.execute("p").outputs.last else { Issue.record("model output"); return }
    let boot = summary.items.first { $0.label == "bootstrap draws" }
    #expect(boot?.value == .int(20) && boot?.note?.hasPrefix("seed 5; 20 used") == true && summary.warnings.isEmpty)
}

@Test func semBootstrapAddsIntervalColumns() throws {
    let s = makeSession()
    _ = s.execute("hs = load \"data/HolzingerSwineford1939.csv\" | head 50")
    let r = s.execute("b = fit sem on hs { visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\ntextual ~ a*visual } with se = \"bootstrap\", draws = 10, seed = 2")
    #expect(r.succeeded, "\(Renderer.text(r.outputs, options: s.options))")
    let e = try s.table("estimates b | filter op == \"~\"")
    #expect(e.columnNames.suffix(6) == ["boot_mean", "boot_se", "boot_lower", "boot_upper", "bca_lower", "bca_upper"])
    #expect((e[0, "boot_lower"].doubleValue ?? .nan) < (e[0, "est"].doubleValue ?? .nan))
    guard case .model(_, let summary)? = s.execute("b").outputs.last else { Issue.record("model output"); return }
    #expect(summary.items.first { $0.label == "bootstrap draws" }?.value == .int(10))
    #expect(summary.items.first { $0.label == "bootstrap draws" }?.note?.hasPrefix("seed 2;") == true)
}
