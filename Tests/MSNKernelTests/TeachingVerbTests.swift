import Foundation
import MSNKernel
import MSNLanguage
import MSNTable
import Testing

/// Issue 22: `expect`, `coefficients`, `replicate`.

private func hsSession() throws -> Session {
    let s = makeSession()
    _ = try s.text("hs = load \"data/HolzingerSwineford1939.csv\"\n1")
    return s
}

@Test func expectHoldsAndShowsTheValues() throws {
    let s = try hsSession()
    // mean(x1) of Holzinger–Swineford is 4.935770 (lavaan's HolzingerSwineford1939: 1485.667/301).
    let line = try s.text("hs | expect mean(x1) > 4.9")
    #expect(line == "✓ mean(x1) > 4.9  (mean(x1) = 4.93577)")
    #expect(try s.text("expect nrow(hs) == 301 and ncol(hs) == 15") == "✓ nrow(hs) == 301 and ncol(hs) == 15  (nrow(hs) = 301; ncol(hs) = 15)")
    #expect(try s.text("hs | expect all(ageyr >= 11)").hasPrefix("✓ all(ageyr >= 11)"))
    #expect(try s.text("expect mean(x1) < 5 on hs").hasPrefix("✓"))
}

@Test func aFailedExpectIsAnErrorNamingBothSides() throws {
    let s = try hsSession()
    let d = s.failure("hs | expect mean(x1) > 5 with message = \"x1 averages about 4.94\"")
    #expect(d?.message == "expectation failed: mean(x1) > 5 — x1 averages about 4.94 (mean(x1) = 4.93577)")
    #expect(d?.span?.line == 1 && d?.span?.column == 13)
    let n = s.failure("expect nrow(hs) == 300")
    #expect(n?.message == "expectation failed: nrow(hs) == 300 (nrow(hs) = 301)")
    // all(): the failing rows with the left side's values. ageyr ranges 11–16, so 3 rows of age 11 fail > 11… count them.
    let young = try s.text("hs | filter ageyr < 12 | count")
    let a = s.failure("hs | expect all(ageyr >= 12)")
    #expect(a?.message.hasPrefix("expectation failed: all(ageyr >= 12) (\(young) of 301 rows fail: row ") == true)
    #expect(a?.message.contains("ageyr = 11") == true)
    // A column where one value is needed, and a table where a condition is needed, are positioned errors.
    #expect(s.failure("hs | expect x1 > 4")?.message.contains("gives 301 values") == true)
    #expect(s.failure("expect hs")?.kind == .type)
    // Bindings survive a failed expect in the same cell.
    #expect(s.failure("k = 1\nexpect k == 2") != nil)
    #expect(s.value(of: "hs") != nil)
}

@Test func expectWithOptionsAndShapes() throws {
    let s = try hsSession()
    #expect(s.failure("expect nrow(hs) == 301 with note = \"x\"")?.message == "expect has no option 'note'")
    #expect(try s.text("expect \"a\" < \"b\"").hasPrefix("✓"))
    #expect(s.failure("expect 1")?.message.contains("true or false") == true)
}

@Test func coefficientsOfRegressionModels() throws {
    let s = try hsSession()
    let t = try s.table("ols = fit linear x9 ~ x7 + x8 on hs\ncoefficients ols")
    #expect(t.columnNames == ["term", "estimate", "se", "t", "pvalue", "ci_lower", "ci_upper"])
    #expect(t.column(named: "term")?[1] == .string("x7"))
    // The same numbers the summary table shows.
    guard case .model(let m)? = s.value(of: "ols"), let summaryTable = m.summary.table else { Issue.record("no model"); return }
    #expect(summaryTable.column(named: "estimate")?[2] == t.column(named: "estimate")?[2])
    let l = try s.table("logit = fit logistic school ~ x1 + x4 on hs\ncoefficients logit | filter term == \"x1\"")
    let est = l.column(named: "estimate")?[0].doubleValue ?? .nan
    let or = l.column(named: "odds_ratio")?[0].doubleValue ?? .nan
    #expect(abs(or - exp(est)) < 1e-12 && l.columnNames.contains("z"))
    // Exportable: the table goes through export like any other.
    #expect(try s.text("ols | coefficients | count") == "3" || (try s.table("ols | coefficients | count")).rowCount == 1)
}

@Test func coefficientsOfOtherModels() throws {
    let s = try hsSession()
    let sem = try s.table("""
    cfa = fit sem on hs {
      visual =~ x1 + x2 + x3
      textual =~ x4 + x5 + x6
    }
    coefficients cfa | filter op == "=~"
    """)
    #expect(sem.rowCount == 6 && sem.columnNames.contains("std_all"))
    let imp = try s.table("b = fit boost x9 ~ x1 + x2 + x3 on hs with trees = 5, depth = 2\ncoefficients b")
    #expect(imp.columnNames.prefix(2) == ["feature", "gain"])
    let gains = imp.column(named: "gain")?.doubles() ?? []
    #expect(abs(gains.reduce(0, +) - 1) < 1e-9)
    #expect(s.failure("coefficients hs")?.message.contains("needs a fitted model") == true)
}

@Test func replicateStacksTablesWithARepColumn() throws {
    let s = makeSession()
    let t = try s.table("""
    replicate 6 seed = 3 {
      d = simulate exporters n = 60
      d | summarize share = mean(exported), r = first(rep)
    }
    """)
    #expect(t.columnNames == ["rep", "share", "r"])
    #expect(t.column(named: "rep")?.doubles() == [1, 2, 3, 4, 5, 6])
    #expect(t.column(named: "r")?.doubles() == [1, 2, 3, 4, 5, 6])
    let shares = t.column(named: "share")?.doubles() ?? []
    #expect(Set(shares).count > 1)   // each replicate draws its own data
    // The same seed gives the same table with 1 or 2 threads; another seed gives another.
    let one = try s.table("replicate 6 seed = 3 with threads = 1 { d = simulate exporters n = 60; d | summarize share = mean(exported), r = first(rep) }")
    let two = try s.table("replicate 6 seed = 3 with threads = 2 { d = simulate exporters n = 60; d | summarize share = mean(exported), r = first(rep) }")
    #expect(one.column(named: "share")?.doubles() == shares && two.column(named: "share")?.doubles() == shares)
    let other = try s.table("replicate 6 seed = 4 { d = simulate exporters n = 60; d | summarize share = mean(exported) }")
    #expect(other.column(named: "share")?.doubles() != shares)
    // Bindings made inside the block stay inside it.
    #expect(s.value(of: "d") == nil)
}

@Test func replicateErrorsArePositioned() throws {
    let s = makeSession()
    let d = s.failure("replicate 3 seed = 1 {\n  d = simulate exporters n = 50\n  d | filter nope > 1\n}")
    #expect(d?.message.hasPrefix("in replicate 1: unknown column 'nope'") == true)
    #expect(d?.span?.line == 3 && d?.span?.column == 14)
    #expect(s.failure("replicate 3 { d = simulate exporters n = 50 }")?.message.contains("must end with the table") == true)
    #expect(s.failure("replicate 0 { 1 }")?.message.contains("from 1 to 100,000") == true)
    #expect(s.failure("replicate 2 { 1 }")?.message.contains("must end with a table") == true)
}

@Test func expectMayStartWithAParenthesisAndComparesOneCellTables() throws {
    let s = try hsSession()
    // `expect (…)` after a space is the verb, not a call of a function named expect.
    let line = try s.text("expect (hs | summarize m = mean(x1)) > 4.9")
    #expect(line == "✓ (hs | summarize …) > 4.9  ((hs | summarize …) = 4.93577)")
    #expect(s.failure("expect(1 == 1)")?.message.contains("unknown function 'expect'") == true)
    // A bound one-cell table counts as its value; a bigger table is a positioned type error.
    _ = try s.text("m1 = hs | summarize m = mean(x1)\n1")
    #expect(try s.text("expect abs(m1 - 4.93577) < 1e-5").hasPrefix("✓"))
    #expect(s.failure("expect hs == 1")?.message == "hs is a table, not a single value")
}

@Test func coefficientsOfAPanelModel() throws {
    let s = makeSession()
    let t = try s.table("""
    ex = simulate exporters n = 60 seed = 3 panel = true
    fe = fit panel export_volume ~ tech_use + sentiment | firm_id + year on ex
    coefficients fe
    """)
    guard case .model(let m)? = s.value(of: "fe"), let summaryTable = m.summary.table else { Issue.record("no panel model"); return }
    #expect(t.columnNames == summaryTable.columnNames && t.rowCount == summaryTable.rowCount)
    let terms = (0..<t.rowCount).map { t.columns[0][$0].description }
    #expect(terms.contains("tech_use") && terms.contains("sentiment"))
}

@Test func replicateIsCancellableAndKeepsBindings() throws {
    let s = makeSession()
    _ = try s.text("kept = 1\nkept")
    let token = s.cancellation
    DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(300)) { token.cancel() }
    let d = s.failure("replicate 100000 seed = 1 { d = simulate exporters n = 2000; d | summarize m = mean(exported) }")
    #expect(d?.kind == .interrupted)
    #expect(try s.text("kept") == "1")
}

@Test func coefficientsOfAPLSModelAreItsEstimates() throws {
    let s = makeSession()
    let source = """
    mobi = load "data/mobi.csv"
    p = fit pls on mobi {
      Image =~ IMAG1 + IMAG2 + IMAG3
      Satisfaction =~ CUSA1 + CUSA2 + CUSA3
      Satisfaction ~ Image
    }
    """
    let viaCoefficients = try s.table(source + "\ncoefficients p | filter op == \"~\"")
    let viaEstimates = try s.table("estimates p | filter op == \"~\"")
    #expect(viaCoefficients.rowCount == 1 && viaCoefficients.columnNames == viaEstimates.columnNames)
    #expect(viaCoefficients.columns.last?[0] == viaEstimates.columns.last?[0])
}
