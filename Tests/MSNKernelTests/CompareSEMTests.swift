import Foundation
import MSNKernel
import MSNTable
import Testing

/// Form 3 of `compare regions` against lavaan 0.6-14: `cfa(…, group = "school", group.equal = …)` and
/// `lavTestLRT` (Tests/MSNSEMTests/Fixtures/lavaan-extra/make_groups.R wrote these CSVs).
private let lavaanDir = repositoryRoot.appendingPathComponent("Tests/MSNSEMTests/Fixtures/lavaan-extra")

private func csvRows(_ name: String) throws -> [[String]] {
    let text = try String(contentsOf: lavaanDir.appendingPathComponent(name), encoding: .utf8)
    return text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map { $0.replacingOccurrences(of: "\"", with: "") } }
}

private func fitMeasure(_ file: String, _ name: String) throws -> Double {
    Double(try csvRows(file).first { $0.first == name }?[1] ?? "") ?? .nan
}

private let hsModel = """
    hs = load "data/HolzingerSwineford1939.csv"
    s = fit sem on hs {
      visual  =~ x1 + x2 + x3
      textual =~ x4 + x5 + x6
      speed   =~ x7 + x8 + x9
    }
    """

@Test func invarianceLadderMatchesLavaanByHand() throws {
    let s = makeSession()
    let ladder = try s.table(hsModel + "\ncompare regions s by school on hs | part ladder")
    let lrt = try csvRows("mg_ladder.lrt.csv").dropFirst()   // step, df, aic, bic, chisq, chisq_diff, df_diff, p
    #expect(ladder.rowCount == 4)
    for (i, row) in lrt.enumerated() {
        #expect(ladder[i, "step"].description == row[0])
        for (mine, theirs) in [("df", 1), ("aic", 2), ("bic", 3), ("chisq", 4), ("d_chisq", 5), ("d_df", 6), ("p_diff", 7)] {
            guard let expected = Double(row[theirs]) else { #expect(ladder[i, mine] == .null); continue }
            #expect(abs((ladder[i, mine].doubleValue ?? .nan) - expected) < 1e-3, "\(row[0]) \(mine)")
        }
    }
    for (i, file) in ["mg_configural.fit.csv", "mg_metric.fit.csv", "mg_scalar.fit.csv", "mg_strict.fit.csv"].enumerated() {
        for m in ["cfi", "tli", "rmsea", "srmr"] {
            #expect(abs((ladder[i, m].doubleValue ?? .nan) - (try fitMeasure(file, m))) < 1e-3, "\(file) \(m)")
        }
    }
    // ΔCFI = −0.038 breaks scalar invariance under both rules; strict passes ΔCFI (−0.009) but not Δχ² (p = .043).
    #expect((0..<4).map { ladder[$0, "holds_chisq"] } == [.null, .bool(true), .bool(false), .bool(false)])
    #expect((0..<4).map { ladder[$0, "holds_cfi"] } == [.null, .bool(true), .bool(false), .bool(true)])
    let text = s.execute("compare regions s by school on hs", origin: SourceOrigin(file: "t.msq"))
    guard case .model(_, let summary)? = text.outputs.first else { Issue.record("no report"); return }
    #expect(summary.paragraphs.joined(separator: " ").contains("Both rules support metric invariance."))
}

@Test func structuralPathsComparedWithLavaansEstimates() throws {
    let model = try String(contentsOf: lavaanDir.appendingPathComponent("hs_paths.model.txt"), encoding: .utf8)
    let s = makeSession()
    let paths = try s.table("hs = load \"data/HolzingerSwineford1939.csv\"\ns = fit sem on hs {\(model)}\ncompare regions s by school on hs | part paths")
    let est = try csvRows("mg_paths_configural.estimates.csv").filter { $0[1] == "~" }   // lhs, op, rhs, group, label, est, se
    for rhs in ["visual", "textual"] {
        let a = est.first { $0[2] == rhs && $0[3] == "1" } ?? [], b = est.first { $0[2] == rhs && $0[3] == "2" } ?? []
        let (ea, sa, eb, sb) = (Double(a[5]) ?? .nan, Double(a[6]) ?? .nan, Double(b[5]) ?? .nan, Double(b[6]) ?? .nan)
        let z = (ea - eb) / (sa * sa + sb * sb).squareRoot()
        let row = (0..<paths.rowCount).first { paths[$0, "rhs"].description == rhs } ?? -1
        #expect(paths[row, "group_a"].description == "Pasteur" && paths[row, "group_b"].description == "Grant-White")
        #expect(abs((paths[row, "est_a"].doubleValue ?? .nan) - ea) < 1e-3 && abs((paths[row, "se_b"].doubleValue ?? .nan) - sb) < 1e-3)
        #expect(abs((paths[row, "z"].doubleValue ?? .nan) - z) < 1e-2)
    }
}

@Test func invarianceErrorsTeach() {
    let s = makeSession()
    _ = s.execute(hsModel)
    #expect(s.failure("compare regions s by school")?.message == "compare regions needs the rows to refit the model on, after 'on'")
    let small = s.failure("compare regions s by school on (hs | filter school == \"Pasteur\" or id > 345)")
    #expect(small?.message == "region 'Grant-White' has 5 complete rows; the model needs at least 10 in each region")
    #expect(small?.hint == "drop or merge small regions first, e.g. | filter school != \"Grant-White\"")
    #expect(s.failure("compare regions s by school on (hs | filter school == \"Pasteur\")")?.message
            == "the grouping column 'school' has a single level ('Pasteur'); there is nothing to compare")
    _ = s.execute("g = fit sem on hs { visual =~ x1 + x2 + x3 } with group = school")
    #expect(s.failure("compare regions g by school on hs")?.message.hasPrefix("this model is already fitted in groups") == true)
    #expect(s.failure("compare regions s by schol on hs")?.hint == "did you mean 'school'?")
}
