import Foundation
import MSNTable
import Testing
@testable import MSNSEM

/// Delta-method SEs of std.all against lavaan 0.6-14's standardizedSolution() (Fixtures/lavaan-std/make_std.R).
@Test func standardizedSEsMatchLavaan() throws {
    let (cols, order) = try loadData("HolzingerSwineford1939.csv")
    let model = "visual  =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed   =~ x7 + x8 + x9"
    let fit = try SEMFit.fit(model: model, data: cols, columnOrder: order)
    let url = try #require(Bundle.module.url(forResource: "hs_cfa.std_all", withExtension: "csv", subdirectory: "Fixtures/lavaan-std"))
    let ref = try CSVReader.read(path: url.path)
    let rows = try fit.estimateRows(), se = fit.standardizedAllSE()
    var compared = 0, worst = 0.0
    for i in 0..<ref.rowCount {
        guard case .string(let lhs) = ref[i, "lhs"], case .string(let op) = ref[i, "op"], case .string(let rhs) = ref[i, "rhs"],
              let k = rows.indices.first(where: { rows[$0].lhs == lhs && rows[$0].op == op && rows[$0].rhs == rhs }) else { continue }
        let expected = ref[i, "se"].doubleValue ?? 0
        let got = try #require(se[k])
        worst = max(worst, abs(got - expected))
        #expect(abs((rows[k].stdAll ?? 0) - (ref[i, "est.std"].doubleValue ?? 0)) < 1e-5)
        compared += 1
    }
    #expect(compared == 24)
    // lavaan differentiates analytically; central differences here agree to 2.6e-8 (measured).
    #expect(worst < 1e-6, "largest SE difference \(worst)")
}
