import Foundation
import MSNTable
import Testing
@testable import MSNStats

private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

private struct Reference: Decodable {
    struct Coef: Decodable { let term: String; let coef: Double; let se: Double; let stat: Double; let p: Double; let lo: Double; let hi: Double }
    struct OLS: Decodable { let coef: [Coef]; let r2: Double; let adj_r2: Double; let f: Double; let f_p: Double; let aic: Double }
    struct Logit: Decodable { let coef: [Coef]; let mcfadden: Double; let aic: Double; let llf: Double }
    struct Inter: Decodable { let coef: [Coef]; let r2: Double }
    let ols: OLS
    let logit: Logit
    let interaction: Inter
}

private func reference() throws -> Reference {
    let url = try #require(Bundle.module.url(forResource: "regression", withExtension: "json", subdirectory: "Fixtures/statsmodels"))
    return try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
}

private func design(_ t: Table, _ names: [String]) -> DesignMatrix {
    DesignMatrix(names: ["const"] + names, columns: [[Double](repeating: 1, count: t.rowCount)] + names.map { t.column(named: $0)?.doubles() ?? [] })
}

private func check(_ mine: [Coefficient], _ ref: [Reference.Coef]) {
    for (a, b) in zip(mine, ref) {
        #expect(a.term == b.term)
        for (x, y) in [(a.estimate, b.coef), (a.se, b.se), (a.statistic, b.stat), (a.ciLower, b.lo), (a.ciUpper, b.hi)] {
            #expect(abs(x - y) <= 1e-7 * max(1, abs(y)), "\(a.term): \(x) vs statsmodels \(y)")
        }
        #expect(abs(a.pValue - b.p) <= 1e-8, "\(a.term) p")
    }
}

@Test func olsMatchesStatsmodels() throws {
    let ref = try reference()
    let d = try CSVReader.read(path: root.appendingPathComponent("Notebooks/data/diabetes.csv").path)
    let fit = try LinearRegression(design: design(d, ["age", "sex", "bmi", "bp", "s1", "s5"]), response: d.column(named: "target")?.doubles() ?? [])
    check(fit.coefficients, ref.ols.coef)
    #expect(abs(fit.rSquared - ref.ols.r2) < 1e-10 && abs(fit.adjustedRSquared - ref.ols.adj_r2) < 1e-10)
    #expect(abs(fit.fStatistic - ref.ols.f) < 1e-7 && abs(fit.aic - ref.ols.aic) < 1e-7)
}

@Test func logisticMatchesStatsmodels() throws {
    let ref = try reference()
    let hs = try CSVReader.read(path: root.appendingPathComponent("Notebooks/data/HolzingerSwineford1939.csv").path)
    let y = (0..<hs.rowCount).map { hs[$0, "school"] == .string("Pasteur") ? 1.0 : 0.0 }
    let fit = try LogisticRegression(design: design(hs, ["x1", "x4", "x7", "ageyr"]), response: y)
    check(fit.coefficients, ref.logit.coef)
    #expect(abs(fit.mcFaddenR2 - ref.logit.mcfadden) < 1e-9 && abs(fit.aic - ref.logit.aic) < 1e-7)
    #expect(fit.separationWarning == nil)
}

@Test func separationAndRankDeficiencyAreReported() throws {
    let x = DesignMatrix(names: ["const", "x"], columns: [[1, 1, 1, 1, 1, 1], [1, 2, 3, 4, 5, 6]])
    let sep = try LogisticRegression(design: x, response: [0, 0, 0, 1, 1, 1])
    #expect(sep.separationWarning != nil)
    let collinear = DesignMatrix(names: ["const", "a", "b", "a_plus_b"], columns: [[1, 1, 1, 1, 1], [1, 2, 3, 4, 6], [2, 1, 0, 3, 1], [3, 3, 3, 7, 7]])
    #expect(throws: RegressionError.rankDeficient(["a_plus_b"])) { try LinearRegression(design: collinear, response: [1, 2, 3, 4, 5]) }
}
