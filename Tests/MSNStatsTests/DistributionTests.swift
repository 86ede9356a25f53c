import Foundation
import Testing
@testable import MSNStats

/// Reference values from SciPy 1.17.1: Fixtures/scipy/make_distributions.py.
private func fixture() throws -> [String: [[Double]]] {
    let url = try #require(Bundle.module.url(forResource: "distributions", withExtension: "json", subdirectory: "Fixtures/scipy"))
    return try JSONDecoder().decode([String: [[Double]]].self, from: Data(contentsOf: url))
}

private func close(_ a: Double, _ b: Double, rel: Double = 1e-9, abs absTol: Double = 1e-14) -> Bool {
    abs(a - b) <= max(absTol, rel * abs(b))
}

@Test func normalMatchesSciPy() throws {
    let f = try fixture()
    for r in f["normal_cdf"] ?? [] { #expect(close(Distributions.normalCDF(r[0]), r[1]), "\(r)") }
    for r in f["normal_quantile"] ?? [] { #expect(close(Distributions.normalQuantile(r[0]), r[1], rel: 1e-9), "\(r)") }
    #expect(abs(Distributions.twoSidedNormalP(1.959963984540054) - 0.05) < 1e-12)
}

@Test func chiSquaredTAndFMatchSciPy() throws {
    let f = try fixture()
    for r in f["chi2_cdf"] ?? [] { #expect(close(Distributions.chiSquaredCDF(r[0], df: r[1]), r[2]), "\(r)") }
    for r in f["chi2_sf"] ?? [] { #expect(close(Distributions.chiSquaredUpperTail(r[0], df: r[1]), r[2], rel: 1e-8), "\(r)") }
    for r in f["t_cdf"] ?? [] { #expect(close(Distributions.tCDF(r[0], df: r[1]), r[2]), "\(r)") }
    for r in f["f_sf"] ?? [] { #expect(close(Distributions.fUpperTail(r[0], df1: r[1], df2: r[2]), r[3], rel: 1e-8), "\(r)") }
    for r in f["ncx2_cdf"] ?? [] { #expect(close(Distributions.noncentralChiSquaredCDF(r[0], df: r[1], noncentrality: r[2]), r[3], rel: 1e-8), "\(r)") }
    for r in f["t_quantile"] ?? [] { #expect(close(Distributions.tQuantile(r[0], df: r[1]), r[2], rel: 1e-8), "\(r)") }
}

@Test func matrixRoutinesByHand() throws {
    let a = Matrix([[4, 2, 0.6], [2, 2, 0.4], [0.6, 0.4, 3]])
    let l = try a.cholesky()
    #expect(abs(l[0, 0] - 2) < 1e-15 && abs(l[1, 0] - 1) < 1e-15 && abs(l[1, 1] - 1) < 1e-15)
    let inv = try a.inverseSPD()
    let product = a * inv
    for i in 0..<3 { for j in 0..<3 { #expect(abs(product[i, j] - (i == j ? 1 : 0)) < 1e-12) } }
    let general = try a.inverse()
    for k in 0..<9 { #expect(abs(general.values[k] - inv.values[k]) < 1e-12) }
    // det = 4(2·3 − 0.16) − 2(2·3 − 0.24) + 0.6(0.8 − 1.2) = 23.36 − 11.52 − 0.24 = 11.6
    #expect(abs(a.determinant() - 11.6) < 1e-12)
    #expect(abs(try a.logDeterminantSPD() - Foundation.log(11.6)) < 1e-12)
    #expect(throws: LinearAlgebraError.notPositiveDefinite(pivot: 1)) { try Matrix([[1, 2], [2, 1]]).cholesky() }
    #expect(throws: LinearAlgebraError.singular(column: 1)) { try Matrix([[1, 2], [2, 4]]).inverse() }
    let (values, vectors) = Matrix([[2, 1], [1, 2]]).symmetricEigen()
    #expect(abs(values[0] - 3) < 1e-12 && abs(values[1] - 1) < 1e-12)
    #expect(abs(abs(vectors[0, 0]) - 0.5.squareRoot()) < 1e-12)
}
