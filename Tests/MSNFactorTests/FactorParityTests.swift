import Foundation
import Testing
import MSNStats
@testable import MSNFactor

/// Reference solutions from R 4.2.2 (psych 2.2.9, stats::factanal/varimax, GPArotation 2022.10.2) on the
/// Holzinger–Swineford tests x1…x9: Fixtures/make_efa.R. Both sides are normalised the same way
/// (each factor's loadings sum positive, factors ordered by variance explained).
private struct EFAFixture: Decodable {
    struct Solution: Decodable { let loadings: [[Double]]; let phi: [[Double]]; let ss: [Double]; let communality: [Double] }
    struct Parallel: Decodable { let observed: [Double]; let simulated_mean: [Double]; let ncomp: Int }
    let n: Int
    let correlation: [[Double]]
    let solutions: [String: Solution]
    let ml_uniqueness: [Double]
    let ml_statistic: Double
    let ml_dof: Int
    let parallel: Parallel

    struct Key: CodingKey {
        var stringValue: String; var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        n = try c.decode(Int.self, forKey: Key(stringValue: "n"))
        correlation = try c.decode([[Double]].self, forKey: Key(stringValue: "correlation"))
        ml_uniqueness = try c.decode([Double].self, forKey: Key(stringValue: "ml_uniqueness"))
        ml_statistic = try c.decode(Double.self, forKey: Key(stringValue: "ml_statistic"))
        ml_dof = try c.decode(Int.self, forKey: Key(stringValue: "ml_dof"))
        parallel = try c.decode(Parallel.self, forKey: Key(stringValue: "parallel"))
        var s: [String: Solution] = [:]
        for m in ["pa", "ml"] { for r in ["none", "varimax", "promax", "oblimin"] {
            s["\(m)_\(r)"] = try c.decode(Solution.self, forKey: Key(stringValue: "\(m)_\(r)"))
        } }
        solutions = s
    }

    static func load() throws -> EFAFixture {
        let url = try #require(Bundle.module.url(forResource: "efa", withExtension: "json", subdirectory: "Fixtures"))
        return try JSONDecoder().decode(EFAFixture.self, from: Data(contentsOf: url))
    }
}

/// The nine tests as columns, read from the copied CSV.
private func hsData() throws -> CorrelationData {
    let url = try #require(Bundle.module.url(forResource: "HolzingerSwineford1939", withExtension: "csv", subdirectory: "Fixtures"))
    let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    let header = lines[0]
    let names = (1...9).map { "x\($0)" }
    let columns = names.map { n -> [Double] in
        let j = header.firstIndex(of: n) ?? 0
        return lines.dropFirst().map { Double($0[j]) ?? .nan }
    }
    return try CorrelationData(names: names, columns: columns)
}

private func maxDiff(_ m: Matrix, _ ref: [[Double]]) -> Double {
    var d = 0.0
    for i in 0..<ref.count { for j in 0..<ref[i].count { d = max(d, abs(m[i, j] - ref[i][j])) } }
    return d
}

@Test func correlationsMatchR() throws {
    let f = try EFAFixture.load(), data = try hsData()
    #expect(data.n == f.n)
    #expect(maxDiff(data.correlation, f.correlation) < 1e-14)
}

@Test(arguments: ["pa", "ml"], ["none", "varimax", "promax", "oblimin"])
func solutionsMatchR(method: String, rotation: String) throws {
    let f = try EFAFixture.load(), data = try hsData()
    let spec = FactorSpecification(factors: 3, method: .init(rawValue: method) ?? .ml, rotation: .init(rawValue: rotation) ?? .none)
    let fit = try FactorFit(spec, data: data)
    let ref = try #require(f.solutions["\(method)_\(rotation)"])
    let tol = method == "ml" ? 1e-7 : 1e-11   // measured: ML ≤ 1.7e-8 (factanal's own convergence), PA ≤ 3.4e-13
    #expect(maxDiff(fit.loadings, ref.loadings) < tol, "loadings \(method) \(rotation): \(maxDiff(fit.loadings, ref.loadings))")
    #expect(maxDiff(fit.phi, ref.phi) < tol, "phi \(method) \(rotation): \(maxDiff(fit.phi, ref.phi))")
    for (a, b) in zip(fit.communalities, ref.communality) { #expect(abs(a - b) < tol) }
    for (a, b) in zip(fit.variance, ref.ss) { #expect(abs(a - b) < tol) }
}

@Test func maximumLikelihoodTestMatchesFactanal() throws {
    let f = try EFAFixture.load()
    let fit = try FactorFit(FactorSpecification(factors: 3, method: .ml, rotation: .none), data: try hsData())
    for (a, b) in zip(fit.uniquenesses, f.ml_uniqueness) { #expect(abs(a - b) < 1e-6) }
    #expect(fit.degreesOfFreedom == f.ml_dof)
    #expect(abs((fit.chiSquare ?? 0) - f.ml_statistic) < 1e-5 * f.ml_statistic)
}

@Test func parallelAnalysisAgreesWithPsych() throws {
    let f = try EFAFixture.load(), data = try hsData()
    let pa = ParallelAnalysis(data, draws: 200, seed: 7)
    for (a, b) in zip(pa.observed, f.parallel.observed) { #expect(abs(a - b) < 1e-12) }
    // Different random numbers: the simulated means agree within Monte Carlo error.
    for (a, b) in zip(pa.simulatedMean, f.parallel.simulated_mean) { #expect(abs(a - b) < 0.03) }
    #expect(pa.retained == f.parallel.ncomp)
    // Deterministic for a seed.
    #expect(ParallelAnalysis(data, draws: 200, seed: 7).simulatedMean == pa.simulatedMean)
}

@Test func harmanShareIsTheFirstEigenvalueOverItems() throws {
    let f = try EFAFixture.load(), data = try hsData()
    let h = HarmanTest(data)
    #expect(abs(h.share - f.parallel.observed[0] / 9) < 1e-12)
    #expect(!h.exceedsHalf)
}

@Test func tooManyFactorsIsAnError() throws {
    #expect(FactorError.maximumFactors(9) == 5)
    #expect(throws: FactorError.tooManyFactors(factors: 6, variables: 9, maximum: 5)) {
        try FactorFit(FactorSpecification(factors: 6), data: try hsData())
    }
}
