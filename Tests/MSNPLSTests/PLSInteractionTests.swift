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
        // seminr rescales the term's score by sd(item)·|λ|/|λ| = sd of the raw product (λ = 1 before), so the
        // reported loading is that sd and the path is the standardised one divided by it.
        let k = try #require(fit.constructNames.firstIndex(of: "Image:Expectation"))
        let sdProduct = fit.data.sds[j]
        #expect(abs(fit.loadings[k][0] - sdProduct) < 1e-12 && sdProduct > 1)
        var sum = 0.0
        for v in fit.scores[k] { sum += v * v }
        #expect(abs((sum / 249).squareRoot() - sdProduct) < 1e-10)
        #expect(fit.pathCoefficients.count == 3 && fit.rSquared[0].r2 >= stage1.rSquared[0].r2 - 1e-12)
        // Bootstrap refits repeat stage 1 and still give the interaction path.
        let boot = fit.bootstrap(draws: 6, seed: 1, threads: 2)
        #expect(boot.failed == 0 && boot.parameters.contains { $0.kind == "path" && $0.rhs == "Image:Expectation" })
    }

    @Test func productIndicatorsAreProductsOfStandardisedItems() throws {
        let data = try cachedData("mobi.csv")
        var o = PLSOptions()
        o.interactionMethod = .productIndicator
        let fit = try PLSFit.fit(model: Self.model, data: data, options: o)
        let k = try #require(fit.constructNames.firstIndex(of: "Image:Expectation"))
        #expect(fit.spec.constructs[k].items.count == 15 && fit.spec.constructs[k].items[0] == "IMAG1:CUEX1")
        func z(_ c: [Double]) -> [Double] {
            let m = c.reduce(0, +) / Double(c.count)
            let s = (c.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(c.count - 1)).squareRoot()
            return c.map { ($0 - m) / s }
        }
        let j = try #require(fit.data.items.firstIndex(of: "IMAG2:CUEX3"))
        let byHand = zip(z(data["IMAG2"]!), z(data["CUEX3"]!)).map { $0 * $1 }
        #expect(zip(fit.data.raw[j], byHand).map { abs($0 - $1) }.max()! < 1e-12)
        o.interactionMethod = .orthogonal
        let ortho = try PLSFit.fit(model: Self.model, data: data, options: o)
        let jo = try #require(ortho.data.items.firstIndex(of: "IMAG2:CUEX3"))
        // An orthogonalised product is uncorrelated with every item of Image and Expectation and has mean 0.
        for item in ["IMAG1", "IMAG5", "CUEX1", "CUEX3"] {
            let x = z(data[item]!)
            #expect(abs(zip(ortho.data.raw[jo], x).map { $0 * $1 }.reduce(0, +)) < 1e-9)
        }
        #expect(abs(ortho.data.raw[jo].reduce(0, +)) < 1e-9)
        #expect(ortho.pathCoefficients.count == 3)
    }
}
