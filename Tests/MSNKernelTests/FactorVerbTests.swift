import Foundation
import Testing
@testable import MSNKernel
import MSNLanguage
import MSNTable

private let load = "hs = load \"data/HolzingerSwineford1939.csv\"\n"

@Test func fitEFAGivesLoadingsVarianceAndCorrelations() throws {
    let s = makeSession()
    let t = try s.table(load + "e = fit efa on hs { x1 … x9 } with factors = 3, method = \"ml\", rotation = \"oblimin\"\ne | part loadings")
    #expect(t.rowCount == 9 && t.columnNames == ["variable", "F1", "F2", "F3", "communality", "uniqueness"])
    // factanal's uniqueness of x5 (Fixtures of MSNFactorTests): 0.2428773.
    #expect(abs((t[4, "uniqueness"].doubleValue ?? 0) - 0.2428773) < 1e-6)
    let v = try s.table("e | part variance")
    #expect(v.rowCount == 3)
    let c = try s.table("e | part correlations")
    #expect(abs((c[0, "F2"].doubleValue ?? 0) - 0.325772108262377) < 1e-6)
    // Explicit column lists and separators give the same solution.
    let t2 = try s.table("fit efa on hs { x1, x2, x3, x4, x5, x6, x7, x8, x9 } with factors = 3 | part loadings")
    #expect(t2[4, "uniqueness"] == t[4, "uniqueness"])
}

@Test func fitEFAChoosesFactorsByParallelAnalysis() throws {
    let s = makeSession()
    let r = s.execute(load + "pa = fit efa on hs seed 3 { x1 … x9 } with method = \"pa\", rotation = \"varimax\", draws = 100\npa", origin: SourceOrigin(file: "t.msq"))
    let text = Renderer.text(r.outputs, options: s.options)
    #expect(text.contains("factors             3  (chosen by parallel analysis (100 draws, seed 3))"))
    #expect(!text.contains("correlations"))
    let p = try s.table("pa | part parallel")
    #expect(p.column(named: "retain")?.count == 9)
}

@Test func fitEFAErrors() throws {
    let s = makeSession()
    _ = try s.table(load + "hs | head 1")
    #expect(s.failure("fit efa on hs { x1 x2 }")?.message == "a factor analysis needs at least three variables")
    #expect(s.failure("fit efa on hs { x1 x2 zz }")?.message == "unknown column 'zz'")
    #expect(s.failure("fit efa on hs { x1 … x9 } with factors = 6")?.message == "6 factors cannot be identified from 9 variables (at most 5, so that the model has degrees of freedom left)")
    #expect(s.failure("fit efa on hs { x1 … x9 } with rotation = \"quartimax\"")?.message == "rotation must be one of \"oblimin\", \"varimax\", \"promax\", \"none\"")
    #expect(s.failure("fit efa on hs { school x1 x2 }")?.message == "column 'school' is not numeric")
}

@Test func methodBiasReportsHarmanAndAMethodFactor() throws {
    let s = makeSession()
    let r = s.execute(load + """
    s = fit sem on hs {
      visual  =~ x1 + x2 + x3
      textual =~ x4 + x5 + x6
      speed   =~ x7 + x8 + x9
    }
    mb = methodbias s on hs
    mb
    """, origin: SourceOrigin(file: "t.msq"))
    let text = Renderer.text(r.outputs, options: s.options)
    // First eigenvalue 3.21634418143771 of 9 (R, MSNFactorTests fixture): 35.7%.
    #expect(text.contains("Harman: first unrotated component    35.7%  (below 50%)"))
    #expect(text.contains("a share below 50% does not show that common-method bias is absent"))
    let t = try s.table("mb | part loadings")
    #expect(t.rowCount == 9)
    #expect(t[0, "std_all"].doubleValue.map { abs($0 - 0.77188) < 1e-4 } == true)
    #expect(t.column(named: "method_loading")?.nullCount == 0)
}
