import Foundation
import Testing
import MSNPLS

/// Every seminr 2.3.1 fixture (one test case per file): the largest absolute difference must stay below
/// 1e-12 (seminr's own tests allow 1e-5; the algorithm is deterministic, so we follow it to rounding:
/// the largest difference measured was 7.5e-15).
@Suite struct SeminrParityTests {
    static let files = [
        "corp_rep_simple.paths.csv", "corp_rep_ext_factorial_stop1.paths.csv",
        "mobi4_path.paths.csv", "mobi4_path.weights.csv", "mobi4_path.loadings.csv", "mobi4_path.scores.csv",
        "mobi4_path.rsq.csv", "mobi4_path.fsquare.csv", "mobi4_path.reliability.csv", "mobi4_path.htmt.csv",
        "mobi4_path.cross_loadings.csv", "mobi4_path.fornell_larcker.csv", "mobi4_path.vif_items.csv",
        "mobi4_path.vif_antecedents.csv", "mobi4_value.vif_antecedents.csv",
        "mobi4_factorial.paths.csv", "mobi4_factorial.weights.csv", "mobi4_factorial.scores.csv",
        "mobi2.fsquare.csv",
        "mobi4_plsc.paths.csv", "mobi4_plsc.loadings.csv", "mobi4_plsc.rsq.csv", "mobi4_plsc.rhoA.csv",
        "mobi4_mixed.reliability.csv", "mobi4_mixed.loadings.csv", "mobi4_mixed.weights.csv", "mobi4_mixed.vif_items.csv",
        "mobi_modes.weights.csv", "mobi_modes.loadings.csv",
    ]

    @Test(arguments: files)
    func matchesSeminr(_ file: String) throws {
        let d = try maxDifference(file)
        print("PARITY \(file) max_abs_diff=\(d)")
        #expect(d < 1e-12, "\(file): max abs difference \(d)")
    }

    @Test func everyFixtureFileIsTested() throws {
        let url = try #require(Bundle.module.url(forResource: "fixtures", withExtension: "csv", subdirectory: "Fixtures/seminr"))
        let listed = try String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isNewline).dropFirst()
            .map { String($0.split(separator: ",")[0]) }
        #expect(Set(listed) == Set(Self.files))
    }

    @Test func stopCriterionOneStopsAfterTwoPasses() throws {
        let fit = try fitFixture("corp_rep_ext_factorial_stop1")
        #expect(fit.iterations == 1)  // seminr counts passes from 0
        #expect(fit.converged)
    }

    @Test func meanReplacementKeepsEveryRow() throws {
        let fit = try fitFixture("corp_rep_simple")
        #expect(fit.data.n == 344)
    }
}
