import Foundation
import Testing
@testable import MSNKernel
import MSNTable

/// `evaluate … with optimism` against R's rms 6.5-0 `validate` (Fixtures/optimism/make_optimism.R: the
/// bootstrap with B = 20000 and the mean of 2000 repetitions of 10-fold cross-validation, so that the
/// reference's Monte-Carlo error is negligible). msnb's own estimates use fewer refits, so they must agree
/// within four of the Monte-Carlo standard errors msnb reports beside them (mc_se).
private let setup = """
hs = load "data/HolzingerSwineford1939.csv"
logit = fit logistic school ~ x1 + x4 + x7 + ageyr on hs
"""

private struct Reference {
    let apparent: [String: Double], boot: [String: Double], cv: [String: Double]

    init() throws {
        let url = repositoryRoot.appendingPathComponent("Tests/MSNKernelTests/Fixtures/optimism/rms_validate.csv")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").dropFirst()
        var a: [String: Double] = [:], b: [String: Double] = [:], c: [String: Double] = [:]
        for line in lines {
            let f = line.split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
            guard f.count == 4, let x = Double(f[1]), let y = Double(f[2]), let z = Double(f[3]) else { continue }
            a[f[0]] = x; b[f[0]] = y; c[f[0]] = z
        }
        apparent = a; boot = b; cv = c
    }
}

private func row(_ t: Table, _ metric: String, _ column: String) -> Double? {
    guard let i = (0..<t.rowCount).first(where: { t[$0, "metric"] == .string(metric) }) else { return nil }
    return t[i, column].doubleValue
}

@Test func bootstrapOptimismAgreesWithRmsValidate() throws {
    let ref = try Reference()
    let t = try makeSession().table(setup + "\nevaluate logit on hs with optimism = 100 seed 11")
    for m in ["auc", "brier", "calibration_slope"] {
        #expect(abs((row(t, m, "apparent") ?? .nan) - (ref.apparent[m] ?? .nan)) < 1e-6, "apparent \(m)")
        let se = try #require(row(t, m, "mc_se"))
        #expect(se > 0 && se < 0.05, "mc_se \(m)")
        #expect(abs((row(t, m, "optimism") ?? .nan) - (ref.boot[m] ?? .nan)) < 4 * se, "optimism \(m)")
    }
    #expect(row(t, "auc", "draws") == 100)
}

@Test func crossValidatedOptimismAgreesWithRmsValidate() throws {
    let ref = try Reference()
    let s = makeSession()
    let t = try s.table(setup + "\nevaluate logit on hs with optimism = \"cv\", folds = 10, repeats = 10 seed 11")
    for m in ["auc", "brier", "calibration_slope"] {
        let se = try #require(row(t, m, "mc_se"))
        #expect(se > 0 && se < 0.05, "mc_se \(m)")
        #expect(abs((row(t, m, "optimism") ?? .nan) - (ref.cv[m] ?? .nan)) < 4 * se, "optimism \(m)")
    }
    #expect(row(t, "auc", "draws") == 100)
    // Corrected = apparent − optimism, and the same seed gives the same table.
    let a = try #require(row(t, "auc", "apparent")), o = try #require(row(t, "auc", "optimism"))
    #expect(row(t, "auc", "corrected") == a - o)
    let small = "evaluate logit on hs with optimism = \"cv\", folds = 5, repeats = 2 seed 4"
    #expect(try s.table(small).column(named: "corrected")?.doubles() == (try s.table(small).column(named: "corrected")?.doubles()))
}

@Test func crossValidationOptionsAreChecked() throws {
    let s = makeSession()
    _ = s.execute(setup, origin: SourceOrigin(file: "test.msq"))
    for (source, message) in [
        ("evaluate logit on hs with optimism = \"loo\"", "optimism is a number of bootstrap refits or \"cv\""),
        ("evaluate logit on hs with optimism = \"cv\", folds = 1", "folds is a whole number from 2 to 100"),
        ("evaluate logit on hs with optimism = 50, folds = 5", "folds applies to optimism = \"cv\""),
    ] {
        #expect(s.failure(source)?.message.contains(message) == true, "\(source)")
    }
}

@Test func foldsAreBalancedAndCoverEveryRow() {
    var rng = SeededGenerator(seed: 3)
    let fold = EvaluateOptimism.foldAssignment(rows: 23, folds: 5, &rng)
    let sizes = (0..<5).map { k in fold.filter { $0 == k }.count }
    #expect(sizes.sorted() == [4, 4, 5, 5, 5])
}
