import Foundation
@testable import MSNKernel
import MSNLanguage
import MSNTable
import Testing

private let hsModel = """
s = fit sem on hs {
  visual  =~ x1 + x2 + x3
  textual =~ x4 + x5 + x6
  speed   =~ x7 + x8 + x9
}
"""

@Test func fitSemThroughTheLanguageGivesLavaansNumbers() throws {
    let s = makeSession()
    _ = s.execute("hs = load \"data/HolzingerSwineford1939.csv\"")
    let r = s.execute(hsModel)
    #expect(r.succeeded)
    #expect(s.bindings().first { $0.name == "s" }?.kind == "model:sem")
    // lavaan 0.6-14: visual =~ x2 est 0.5535002937636618, se 0.0996651187683112 (Tests/MSNSEMTests/Fixtures/lavaan).
    let e = try s.table("estimates s | filter lhs == \"visual\" and rhs == \"x2\"")
    #expect(abs((e[0, "est"].doubleValue ?? 0) - 0.5535002937636618) < 1e-3)
    #expect(abs((e[0, "se"].doubleValue ?? 0) - 0.0996651187683112) < 1e-3)
    let fm = try s.table("fitmeasures s | filter measure == \"cfi\"")
    #expect(abs((fm[0, "value"].doubleValue ?? 0) - 0.930559651799336) < 1e-3)
    #expect(fm[0, "verdict"] == .string("acceptable (≥ .90)"))
    #expect(try s.table("modindices s | head 1")[0, "rhs"] == .string("x9"))
    #expect(try s.table("rsquare s").rowCount == 9)
    #expect(try s.table("reliability s").columnNames.prefix(5) == ["factor", "items", "alpha", "cr", "ave"])
    guard case .model(let kind, let summary)? = s.execute("s").outputs.last else { Issue.record("model output"); return }
    #expect(kind == "sem")
    #expect(abs((summary.items.first { $0.label == "chi-square" }?.value.number ?? 0) - 85.306) < 1e-3)
    #expect(summary.items.first { $0.label == "df" }?.value == .int(24))
    #expect(SummaryRendering.text(summary, options: SessionOptions()).contains("\n  chi-square       85.306\n  df               24\n  p                < .001\n  CFI              .931  (acceptable (≥ .90))\n"))
}

@Test func semErrorsPointIntoTheNotebook() {
    let s = makeSession()
    _ = s.execute("hs = load \"data/HolzingerSwineford1939.csv\"")
    let bad = s.failure("s = fit sem on hs {\n  visual =~ x1 + x2 + x33\n}")
    #expect(bad?.span == SourceSpan(file: "test.msq", line: 2, column: 23, length: 3))
    #expect(bad?.hint == "did you mean 'x3'?")
    let syntax = s.execute("s = fit sem on hs {\n  visual x1 + x2\n}", origin: SourceOrigin(file: "nb.msnb", firstLine: 40))
    guard case .error(let d, _)? = syntax.outputs.last else { Issue.record("error"); return }
    #expect(d.message == "in the model: expected an operator (=~, <~, ~, ~~ or :=)")
    #expect(d.span?.line == 41)
    #expect(s.failure("s = fit sem on hs {\n  f =~ school + x1 + x2\n}")?.message == "column 'school' is text; a model variable must be numeric")
    #expect(s.failure("m = fit boots y ~ x on hs")?.message == "model kind 'boots' is not available in this version")
    #expect(s.failure("estimates hs")?.message == "estimates needs a fitted SEM, but it was given a table")
    #expect(s.value(of: "s") == nil)
}

private let hsBlock = "{\n  visual  =~ x1 + x2 + x3\n  textual =~ x4 + x5 + x6\n  speed   =~ x7 + x8 + x9\n}"

@Test func fitSemWithGroupsAndFimlGivesLavaansNumbers() throws {
    let s = makeSession()
    _ = s.execute("hs = load \"data/HolzingerSwineford1939.csv\"")
    // lavaan 0.6-14, group = "school", group.equal = "loadings": chisq 124.043544179993, df 54
    // (Tests/MSNSEMTests/Fixtures/lavaan-extra/mg_metric.fit.csv).
    #expect(s.execute("m = fit sem on hs \(hsBlock) with group = school, group_equal = [\"loadings\"]").succeeded)
    let fm = try s.table("fitmeasures m | filter measure in [\"chisq\", \"df\", \"chisq.Pasteur\"]")
    #expect(abs((fm[0, "value"].doubleValue ?? 0) - 124.043544179993) < 1e-3 && fm[1, "value"].doubleValue == 54)
    #expect(fm.rowCount == 3)
    let e = try s.table("estimates m | filter lhs == \"visual\" and rhs == \"x2\"")
    #expect(e.rowCount == 2 && e[0, "group"] == .string("Pasteur") && e[1, "group"] == .string("Grant-White"))
    #expect(e[0, "est"] == e[1, "est"])
    #expect(try s.table("rsquare m").columnNames == ["group", "variable", "r2"])
    #expect(try s.table("reliability m").rowCount == 6)
    #expect(try s.table("modindices m").columnNames.contains("group"))
    guard case .model(_, let summary)? = s.execute("m").outputs.last else { Issue.record("model output"); return }
    #expect(summary.items.first { $0.label == "groups (school)" }?.value == .text("Pasteur 156, Grant-White 145"))
    #expect(summary.items.first { $0.label == "equal across groups" }?.value == .text("loadings"))
    // FIML: lavaan 0.6-14 missing = "fiml" chisq 76.8963166903168 (fiml.fit.csv).
    _ = s.execute("hm = load \"data/hs_missing.csv\"")
    #expect(s.execute("f = fit sem on hm \(hsBlock) with missing = \"fiml\"").succeeded)
    #expect(abs((try s.table("fitmeasures f | filter measure == \"chisq\"")[0, "value"].doubleValue ?? 0) - 76.8963166903168) < 1e-3)
    #expect(s.failure("modindices f")?.message.contains("fiml") == true)
}

@Test func semGroupOptionsExplainMistakes() {
    let s = makeSession()
    _ = s.execute("hs = load \"data/HolzingerSwineford1939.csv\"")
    let col = s.failure("m = fit sem on hs \(hsBlock) with group = schol")
    #expect(col?.message == "unknown column 'schol'" && col?.hint == "did you mean 'school'?")
    let eq = s.failure("m = fit sem on hs \(hsBlock) with group = school, group_equal = [\"loading\"]")
    #expect(eq?.message == "'loading' is not a group_equal keyword" && eq?.hint == "did you mean 'loadings'?")
    #expect(s.failure("m = fit sem on hs \(hsBlock) with group_equal = [\"loadings\"]")?.message == "group_equal needs several groups")
    let miss = s.failure("m = fit sem on hs \(hsBlock) with missing = \"fmil\"")
    #expect(miss?.message == "missing = \"fmil\" is not a method" && miss?.hint == "did you mean 'fiml'?")
    let one = s.failure("m = fit sem on (hs | filter school == \"Pasteur\") \(hsBlock) with group = school")
    #expect(one?.message == "the group column 'school' has a single level ('Pasteur'); groups need at least two levels")
    let small = s.failure("m = fit sem on (hs | filter school == \"Pasteur\" or id > 345) \(hsBlock) with group = school")
    #expect(small?.message == "group 'Grant-White' has only 5 usable rows; this model needs at least 10 per group")
    #expect(s.execute("m = fit sem on hs \(hsBlock) with group = school, group_equal = [\"lv_variances\"]").succeeded)
}
