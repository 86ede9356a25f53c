import Foundation
import Testing
import MSNPLS
import MSNSEM

/// Interaction terms `A:B` (two-stage): the product item is the product of the stage-1 scores.
@Suite struct PLSInteractionTests {
    static let model = """
    Image =~ IMAG1 + IMAG2 + IMAG3 + IMAG4 + IMAG5
    Expectation =~ CUEX1 + CUEX2 + CUEX3
    Satisfaction =~ CUSA1 + CUSA2 + CUSA3
    Satisfaction ~ Image + Expectation + Image:Expectation
    """

    @Test func parsesAnInteractionAsASingleItemConstruct() throws {
        #expect(try ModelSyntax.parse("y ~ a + a:b")[0].terms.map(\.name) == ["a", "a:b"])
        let spec = try PLSSpecification.parse(Self.model)
        #expect(spec.interactions == [PLSInteraction(name: "Image:Expectation", a: "Image", b: "Expectation")])
        #expect(spec.constructs.map(\.name) == ["Image", "Expectation", "Image:Expectation", "Satisfaction"])
        #expect(spec.dataItems.count == 11)
        #expect(throws: PLSError.specification("the interaction Image:Expectation → Satisfaction needs the direct effect too: add Expectation to Satisfaction ~ …")) {
            _ = try PLSSpecification.parse("Image =~ IMAG1 + IMAG2\nExpectation =~ CUEX1\nSatisfaction =~ CUSA1\nSatisfaction ~ Image + Image:Expectation")
        }
    }

    @Test func theProductItemIsTheProductOfStageOneScores() throws {
        let data = try cachedData("mobi.csv")
        let fit = try PLSFit.fit(model: Self.model, data: data)
        let stage1 = try PLSFit.fit(model: "Image =~ IMAG1 + IMAG2 + IMAG3 + IMAG4 + IMAG5\nExpectation =~ CUEX1 + CUEX2 + CUEX3\nSatisfaction =~ CUSA1 + CUSA2 + CUSA3\nSatisfaction ~ Image + Expectation", data: data)
        let j = try #require(fit.data.items.firstIndex(of: "Image:Expectation"))
        var worst = 0.0
        for i in 0..<250 { worst = max(worst, abs(fit.data.raw[j][i] - stage1.scores[0][i] * stage1.scores[1][i])) }
        #expect(worst < 1e-12)
        // A single-item construct: its weight is 1/sd of the item, its loading 1.
        let k = try #require(fit.constructNames.firstIndex(of: "Image:Expectation"))
        #expect(abs(fit.loadings[k][0] - 1) < 1e-12)
        #expect(fit.pathCoefficients.count == 3 && fit.rSquared[0].r2 >= stage1.rSquared[0].r2 - 1e-12)
        // Bootstrap refits repeat stage 1 and still give the interaction path.
        let boot = fit.bootstrap(draws: 6, seed: 1, threads: 2)
        #expect(boot.failed == 0 && boot.parameters.contains { $0.kind == "path" && $0.rhs == "Image:Expectation" })
    }
}
