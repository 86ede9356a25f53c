import Foundation
@testable import MSNKernel
import MSNTable
import Testing

/// `fit sem … with estimator = "MLR"`, `group_partial`, the latent-means part and `compare regions p`
/// through the language. Reference values: Tests/MSNSEMTests/Fixtures/lavaan-robust (make_robust.R).
private let load = "hs = load \"data/HolzingerSwineford1939.csv\""
private let cfa = """
    {
      visual  =~ x1 + x2 + x3
      textual =~ x4 + x5 + x6
      speed   =~ x7 + x8 + x9
    }
    """

@Test func mlrThroughTheLanguageGivesLavaansRobustNumbers() throws {
    let s = makeSession()
    _ = s.execute(load)
    #expect(s.execute("r = fit sem on hs \(cfa) with estimator = \"MLR\"").succeeded)
    // lavaan 0.6-14 MLR: visual =~ x2 se 0.1316 (sandwich), chisq.scaled 87.1316, scaling factor 0.97904, cfi.robust 0.92986.
    let e = try s.table("estimates r | filter lhs == \"visual\" and rhs == \"x2\"")
    let ref = try String(contentsOf: repositoryRoot.appendingPathComponent("Tests/MSNSEMTests/Fixtures/lavaan-robust/mlr_hs.estimates.csv"), encoding: .utf8)
    let x2 = try #require(ref.split(separator: "\n").first { $0.hasPrefix("\"visual\",\"=~\",\"x2\"") }).split(separator: ",")
    #expect(abs((e[0, "se"].doubleValue ?? 0) - (Double(x2[6]) ?? .nan)) < 1e-4)
    let fm = try s.table("fitmeasures r | filter measure in [\"chisq.scaled\", \"chisq.scaling.factor\", \"cfi.robust\"]")
    #expect(abs((fm[0, "value"].doubleValue ?? 0) - 87.131603366625) < 1e-3)
    #expect(abs((fm[1, "value"].doubleValue ?? 0) - 0.979042258766103) < 1e-4)
    #expect(abs((fm[2, "value"].doubleValue ?? 0) - 0.929863935696168) < 1e-4)
    guard case .model(_, let summary)? = s.execute("r").outputs.last else { Issue.record("model output"); return }
    #expect(summary.title.contains("MLR"))
    #expect(abs((summary.items.first { $0.label == "scaled chi-square" }?.value.number ?? 0) - 87.1316) < 1e-3)
    // Bad values are positioned errors with a hint.
    let bad = s.execute("fit sem on hs \(cfa) with estimator = \"WLSMV\"")
    #expect(!bad.succeeded)
    #expect(!s.execute("fit sem on hs \(cfa) with group_partial = [\"x7 ~ 1\"]").succeeded)
}

@Test func partialInvarianceAndLatentMeansInTheLadder() throws {
    let s = makeSession()
    _ = s.execute(load)
    _ = s.execute("c = fit sem on hs \(cfa)")
    let means = try s.table("compare regions c by school on hs | part means")
    // lavaan (mg_scalar): group 2's latent means are free; three factors, one non-reference group.
    #expect(means.rowCount == 3 && means[0, "reference"] == .string("Pasteur") && means[0, "group"] == .string("Grant-White"))
    let ladder = try s.table("compare regions c by school on hs with group_partial = [\"visual =~ x2\", \"x7 ~ 1\"] | part ladder")
    #expect(ladder[2, "equal"].description.contains("free: visual =~ x2, x7 ~ 1"))
    // The partial scalar step equals lavaan's cfa(…, group.partial = c("visual=~x2", "x7~1")).
    let ref = try String(contentsOf: repositoryRoot.appendingPathComponent("Tests/MSNSEMTests/Fixtures/lavaan-robust/partial_scalar.fit.csv"), encoding: .utf8)
    let chisq = Double(try #require(ref.split(separator: "\n").first { $0.hasPrefix("\"chisq\"") }).split(separator: ",")[1]) ?? .nan
    #expect(abs((ladder[2, "chisq"].doubleValue ?? 0) - chisq) < 1e-3)
}

@Test func comparePLSRegionsGivesMGAAndMICOM() throws {
    let s = makeSession()
    _ = s.execute("corp = load \"data/corp_rep_data.csv\"")
    #expect(s.execute("""
        p = fit pls on corp {
          COMP =~ comp_1 + comp_2 + comp_3
          LIKE =~ like_1 + like_2 + like_3
          CUSL =~ cusl_1 + cusl_2 + cusl_3
          CUSL ~ COMP + LIKE
        } with missing_value = -99
        """).succeeded)
    let r = s.execute("m = compare regions p by servicetype on corp with draws = 30, permutations = 30, seed = 4, threads = 2")
    #expect(r.succeeded)
    let mga = try s.table("m | part mga")
    #expect(mga.rowCount == 2 && mga.columnNames.contains("p_two_sided"))
    let micom = try s.table("m | part micom")
    #expect(micom.rowCount == 3)
    for i in 0..<micom.rowCount { #expect((micom[i, "c"].doubleValue ?? 0) > 0.9 && (micom[i, "c"].doubleValue ?? 2) <= 1 + 1e-12) }
    // Same seed, one thread: the same numbers.
    let again = try s.table("compare regions p by servicetype on corp with draws = 30, permutations = 30, seed = 4, threads = 1 | part mga")
    #expect(again[0, "p_mga"] == mga[0, "p_mga"] && again[1, "p_mga"] == mga[1, "p_mga"])
    #expect(!s.execute("compare regions p by servicetype on corp with folds = 3").succeeded)
}
