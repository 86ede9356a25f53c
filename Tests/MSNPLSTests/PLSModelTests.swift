import Foundation
import Testing
import MSNPLS
import MSNSEM

/// The specification, the effects and prediction, checked by hand against the fitted numbers.
@Suite struct PLSModelTests {
    @Test func formativeOperatorIsParsedByTheSEMParser() throws {
        let s = try ModelSyntax.parse("TC <~ tc1 + tc2; GC ~ TC")
        #expect(s.map(\.op) == ["<~", "~"])
        #expect(s[0].terms.map(\.name) == ["tc1", "tc2"])
        // The covariance-based engine refuses a formative construct with a positioned error.
        #expect(throws: SEMError.syntax(line: 1, column: 1, message: "'<~' (a formative composite) is estimated by fit pls, not fit sem")) {
            _ = try SEMFit.fit(model: "TC <~ x1 + x2", data: ["x1": [1, 2, 3, 4], "x2": [2, 1, 4, 3]], columnOrder: ["x1", "x2"])
        }
    }

    @Test func constructOrderFollowsSeminr() throws {
        let spec = try PLSSpecification.parse(SeminrModels.corpExtended)
        #expect(spec.constructs.map(\.name) == ["QUAL", "PERF", "CSOR", "ATTR", "COMP", "LIKE", "CUSA", "CUSL"])
        #expect(spec.constructs.map(\.mode) == [.b, .b, .b, .b, .a, .a, .a, .a])
        let modes = try PLSSpecification.parse(SeminrModels.mobiModes, consistency: .only(["Image"]))
        #expect(modes.constructs.first { $0.name == "Value" }?.mode == .unit)
        #expect(modes.constructs.filter(\.reflective).map(\.name) == ["Image"])
    }

    @Test func specificationErrorsSayWhatToDo() {
        #expect(throws: PLSError.specification("'B' is in a path but has no measurement statement; write B =~ item1 + item2 (a single item is fine)")) {
            _ = try PLSSpecification.parse("A =~ a1 + a2\nB ~ A")
        }
        #expect(throws: PLSError.specification("construct 'C' is in no structural path; add a path or remove it")) {
            _ = try PLSSpecification.parse("A =~ a1\nB =~ b1\nC =~ c1\nB ~ A")
        }
        #expect(throws: PLSError.specification("the structural model has a cycle through 'A'; PLS needs a recursive model")) {
            _ = try PLSSpecification.parse("A =~ a1\nB =~ b1\nB ~ A\nA ~ B")
        }
        #expect(throws: PLSError.syntax(line: 2, column: 1, message: "'~~' is not part of a PLS model (use =~, <~ and ~)")) {
            _ = try PLSSpecification.parse("A =~ a1\nA ~~ A")
        }
        #expect(throws: PLSError.specification("'B' is a composite (<~ or unit weights); only =~ constructs can be made consistent")) {
            _ = try PLSSpecification.parse("A =~ a1 + a2\nB <~ b1 + b2\nB ~ A", consistency: .only(["B"]))
        }
        #expect(throws: PLSError.unknownVariable("IMAG9", available: ["IMAG1", "X"])) {
            _ = try PLSFit.fit(model: "I =~ IMAG1 + IMAG9\nJ =~ X\nJ ~ I", data: ["IMAG1": [1, 2, 3], "X": [3, 1, 2]])
        }
        #expect(throws: PLSError.zeroVariance("c")) {
            _ = try PLSFit.fit(model: "A =~ a + c\nB =~ b\nB ~ A", data: ["a": [1, 2, 3, 4], "b": [2, 1, 4, 3], "c": [5, 5, 5, 5]])
        }
    }

    /// corp_rep_simple: COMP→CUSA→CUSL and LIKE→CUSA→CUSL are the only indirect routes; each is the
    /// product of seminr's path coefficients, and total = direct + indirect.
    @Test func effectsAreProductsOfSeminrsPaths() throws {
        let fit = try fitFixture("corp_rep_simple")
        // seminr fixture corp_rep_simple_paths.csv
        let compCusa = 0.162051224909051, likeCusa = 0.423869606104923, cusaCusl = 0.504466308486452
        let compCusl = 0.00917454313254589
        let indirect = PLSEffects.specificIndirect(fit)
        #expect(indirect.map(\.route) == [["COMP", "CUSA", "CUSL"], ["LIKE", "CUSA", "CUSL"]])
        #expect(abs(indirect[0].effect - compCusa * cusaCusl) < 1e-12)
        #expect(abs(indirect[1].effect - likeCusa * cusaCusl) < 1e-12)
        let total = try #require(PLSEffects.total(fit).first { $0.from == "COMP" && $0.to == "CUSL" })
        #expect(abs(total.total - (compCusl + compCusa * cusaCusl)) < 1e-12)
        #expect(abs(total.indirect - compCusa * cusaCusl) < 1e-12)
    }

    @Test func predictOnTheFittedRowsGivesTheFittedScores() throws {
        let fit = try fitFixture("corp_rep_simple")
        let data = try cachedData("corp_rep_data.csv")
        let scores = try fit.scores(for: data, rows: 344)
        var worst = 0.0
        for k in scores.indices { for i in scores[k].indices { worst = max(worst, abs(scores[k][i] - fit.scores[k][i])) } }
        #expect(worst < 1e-12)
    }

    @Test func listwiseDeletionDropsTheElevenIncompleteRows() throws {
        var o = PLSOptions()
        o.missingValue = -99
        o.missing = .listwise
        let fit = try PLSFit.fit(model: SeminrModels.corpSimple, data: try cachedData("corp_rep_data.csv"), options: o)
        // 11 missing cells (cusa 1, cusl_1 3, cusl_2 4, cusl_3 3), in 10 distinct rows? Count them from the data.
        let data = try cachedData("corp_rep_data.csv")
        let items = ["comp_1", "comp_2", "comp_3", "like_1", "like_2", "like_3", "cusa", "cusl_1", "cusl_2", "cusl_3"]
        let complete = (0..<344).filter { r in items.allSatisfy { data[$0]![r] != -99 } }.count
        #expect(fit.data.n == complete && complete < 344)
    }
}
