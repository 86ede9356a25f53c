import Foundation
import Testing
@testable import MSNKernel
import MSNTable

/// `compare regions … with equivalence = Δ` against statsmodels' ttost_ind (Fixtures/compare/make_equivalence.py).
private struct EquivalenceFixture: Decodable {
    struct Pair: Decodable { let a: String; let b: String; let diff: Double; let p: Double; let t_lower: Double; let p_lower: Double; let t_upper: Double; let p_upper: Double; let df: Double }
    struct Variable: Decodable { let bound: Double; let pairs: [Pair] }
    let export_volume: Variable
    let sentiment: Variable
}

private let firms = repositoryRoot.appendingPathComponent("Tests/MSNKernelTests/Fixtures/compare/firms.csv").path

@Test func equivalenceTestsMatchStatsmodels() throws {
    let url = repositoryRoot.appendingPathComponent("Tests/MSNKernelTests/Fixtures/compare/equivalence.json")
    let f = try JSONDecoder().decode(EquivalenceFixture.self, from: Data(contentsOf: url))
    let s = makeSession()
    _ = s.execute("firms = load \"\(firms)\"")
    for (name, ref) in [("export_volume", f.export_volume), ("sentiment", f.sentiment)] {
        let r = s.execute("cmp = compare regions firms by region on \(name) with equivalence = \(ref.bound)")
        #expect(r.succeeded)
        let t = try s.table("cmp | part equivalence")
        #expect(t.rowCount == 3)
        for (i, p) in ref.pairs.enumerated() {
            #expect(t[i, "region_a"] == .string(p.a) && t[i, "region_b"] == .string(p.b))
            func close(_ col: String, _ v: Double) -> Bool { abs((t[i, col].doubleValue ?? .nan) - v) <= 1e-9 * max(1, abs(v)) }
            #expect(close("mean_diff", p.diff) && close("df", p.df))
            #expect(close("p_lower", p.p_lower) && close("p_upper", p.p_upper) && close("p_tost", p.p))
            #expect(t[i, "verdict"] == .string(p.p < 0.05 ? "equivalent" : "not shown equivalent"))
        }
    }
    // The sentence names the equivalent pairs; the p columns render APA-style.
    let r = s.execute("cmp")
    let text = Renderer.markdown(r.outputs, options: s.options)
    #expect(text.contains("Equivalence within ±1.00 (two one-sided Welch tests, α = .05, unadjusted): shown for sentiment A–B (p_tost = .003) and sentiment B–C (p_tost = .006); 1 other pair not shown equivalent."))
    #expect(!text.contains("e-0"))
    #expect(s.failure("compare regions firms by region on sentiment with equivalence = -1")?.message == "equivalence is the smallest difference of interest, a positive number in the variables' units")
}
