import Foundation
import Testing
@testable import MSNStats

/// NIST StRD linear least squares: every certified estimate, standard error, residual SD and R² is
/// reproduced to `minimum` log relative error (LRE, README in Fixtures/nist-strd). Polynomial designs are
/// built here from x with `pow`, as the engine's users would with `derive`.
private struct NISTCase {
    let names: [String]
    let design: DesignMatrix
    let y: [Double]
    let intercept: Bool
    let certified: [(estimate: String, sd: String)]
    let residualSD: String
    let rSquared: String
}

private func fixture(_ name: String) throws -> String {
    let url = try #require(Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: "Fixtures/nist-strd"))
    return try String(contentsOf: url, encoding: .utf8)
}

private func rows(_ text: String) -> [[String]] {
    text.split(whereSeparator: \.isNewline).dropFirst().map { $0.split(separator: ",").map(String.init) }
}

private func load(_ name: String) throws -> NISTCase {
    let data = try rows(fixture(name)).map { try $0.map { try #require(Double($0)) } }
    let cert = try rows(fixture("\(name).certified"))
    let summary = try #require(try rows(fixture("certified-summary")).first { $0[0] == name })
    let intercept = summary[4] == "yes"
    let y = data.map { $0[0] }
    var names: [String] = [], columns: [[Double]] = []
    if intercept { names.append("(Intercept)"); columns.append([Double](repeating: 1, count: y.count)) }
    if name == "Longley" {
        for j in 1...6 { names.append("x\(j)"); columns.append(data.map { $0[j] }) }
    } else {
        let degree = cert.count - (intercept ? 1 : 0)
        for p in 1...degree { names.append(p == 1 ? "x" : "I(x^\(p))"); columns.append(data.map { Foundation.pow($0[1], Double(p)) }) }
    }
    return NISTCase(names: names, design: DesignMatrix(names: names, columns: columns), y: y, intercept: intercept,
                    certified: cert.map { ($0[1], $0[2]) }, residualSD: summary[5], rSquared: summary[6])
}

/// −log10 of the relative error (absolute where the certified value is 0), capped at 15 digits.
func logRelativeError(_ estimate: Double, _ certifiedText: String) -> Double {
    guard estimate.isFinite, let c = Double(certifiedText) else { return 0 }
    let err = c == 0 ? abs(estimate) : abs(estimate - c) / abs(c)
    return err == 0 ? 15 : min(15, -Foundation.log10(err))
}

/// The LREs (minimum over estimates, minimum over SEs, residual SD, R²) of `LinearRegression` on `name`.
func nistLRE(_ name: String) throws -> (estimates: Double, ses: Double, residualSD: Double, rSquared: Double) {
    let c = try load(name)
    let fit = try LinearRegression(design: c.design, response: c.y, hasIntercept: c.intercept)
    let est = zip(fit.coefficients, c.certified).map { logRelativeError($0.estimate, $1.estimate) }.min() ?? 0
    let se = zip(fit.coefficients, c.certified).map { logRelativeError($0.se, $1.sd) }.min() ?? 0
    return (est, se, logRelativeError(fit.residualSD, c.residualSD), logRelativeError(fit.rSquared, c.rSquared))
}

private func check(_ name: String, minimum: Double) throws {
    let l = try nistLRE(name)
    print(String(format: "NIST LRE %@: estimates %.1f, SEs %.1f, residual SD %.1f, R² %.1f", name, l.estimates, l.ses, l.residualSD, l.rSquared))
    #expect(l.estimates >= minimum, "\(name) estimates LRE \(l.estimates)")
    #expect(l.ses >= minimum, "\(name) SE LRE \(l.ses)")
    #expect(l.residualSD >= minimum, "\(name) residual SD LRE \(l.residualSD)")
    #expect(l.rSquared >= minimum, "\(name) R² LRE \(l.rSquared)")
}

@Test func nistNorris() throws { try check("Norris", minimum: 9) }
@Test func nistPontius() throws { try check("Pontius", minimum: 9) }
@Test func nistNoInt1() throws { try check("NoInt1", minimum: 9) }
@Test func nistNoInt2() throws { try check("NoInt2", minimum: 9) }
@Test func nistLongley() throws { try check("Longley", minimum: 9) }
@Test func nistWampler1() throws { try check("Wampler1", minimum: 9) }
@Test func nistWampler2() throws { try check("Wampler2", minimum: 9) }
@Test func nistWampler3() throws { try check("Wampler3", minimum: 9) }
/// Filip's x¹⁰ design: rounding each power to a Double already limits any solver to about 7.6 digits
/// (an exact solve of the rounded design, README); 7 is the bar.
@Test func nistFilip() throws { try check("Filip", minimum: 7) }
@Test func nistWampler4() throws { try check("Wampler4", minimum: 7) }
@Test func nistWampler5() throws { try check("Wampler5", minimum: 7) }

/// Filip is ill-conditioned enough to warn; Norris is not.
@Test func nistConditionWarning() throws {
    let filip = try load("Filip"), norris = try load("Norris")
    let f = try LinearRegression(design: filip.design, response: filip.y)
    let n = try LinearRegression(design: norris.design, response: norris.y)
    print("condition numbers: Filip \(f.conditionNumber), Norris \(n.conditionNumber)")
    #expect(f.conditionNumber > LinearRegression.conditionWarningThreshold && f.warnings.count == 1)
    #expect(n.conditionNumber < 100 && n.warnings.isEmpty)
}
