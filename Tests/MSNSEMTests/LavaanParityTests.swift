import Foundation
import MSNTable
import Testing
@testable import MSNSEM

/// Parity with lavaan 0.6-14 (Fixtures/lavaan, made by make_reference.R; see its README):
/// estimates and standard errors within 1e-3 absolute, every fit measure within 1e-3
/// (relative for the large ones: chisq, baseline chisq, log-likelihoods, AIC, BIC).
private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

func loadData(_ name: String) throws -> (columns: [String: [Double]], order: [String]) {
    let t = try CSVReader.read(path: root.appendingPathComponent("Notebooks/data/\(name)").path)
    var cols: [String: [Double]] = [:]
    for (n, c) in zip(t.columnNames, t.columns) { if let d = c.doubles() { cols[n] = d } }
    return (cols, t.columnNames)
}

func fixture(_ file: String) throws -> Table {
    let url = try #require(Bundle.module.url(forResource: file, withExtension: nil, subdirectory: "Fixtures/lavaan"))
    return try CSVReader.read(path: url.path)
}

private func fitHS(stdLV: Bool) throws -> SEMFit {
    let (cols, order) = try loadData("HolzingerSwineford1939.csv")
    let url = try #require(Bundle.module.url(forResource: "hs_cfa.model", withExtension: "txt", subdirectory: "Fixtures/lavaan"))
    var o = SEMOptions()
    o.stdLV = stdLV
    return try SEMFit.fit(model: try String(contentsOf: url, encoding: .utf8), data: cols, columnOrder: order, options: o)
}

private func num(_ c: CellValue) -> Double? { c.doubleValue }

@Test(arguments: [false, true])
func estimatesMatchLavaan(stdLV: Bool) throws {
    let fit = try fitHS(stdLV: stdLV)
    let ref = try fixture(stdLV ? "hs_cfa_std_lv.estimates.csv" : "hs_cfa.estimates.csv")
    let rows = try fit.estimateRows()
    #expect(rows.count == ref.rowCount)
    for i in 0..<ref.rowCount {
        let lhs = ref[i, "lhs"].description, op = ref[i, "op"].description, rhs = ref[i, "rhs"].description
        guard let r = rows.first(where: { $0.lhs == lhs && $0.op == op && $0.rhs == rhs }) else {
            Issue.record("missing \(lhs) \(op) \(rhs)"); continue
        }
        #expect(abs(r.est - (num(ref[i, "est"]) ?? .nan)) < 1e-3, "\(lhs) \(op) \(rhs) est \(r.est)")
        #expect(abs(r.se - (num(ref[i, "se"]) ?? .nan)) < 1e-3, "\(lhs) \(op) \(rhs) se \(r.se)")
        if let z = num(ref[i, "z"]) { #expect(abs((r.z ?? .nan) - z) < 1e-2 * max(1, abs(z)) / 10 + 1e-3, "z") }
        if let p = num(ref[i, "pvalue"]) { #expect(abs((r.pvalue ?? .nan) - p) < 1e-3, "p") }
        #expect(abs(r.ciLower - (num(ref[i, "ci.lower"]) ?? .nan)) < 1e-3)
        #expect(abs((r.stdLV ?? .nan) - (num(ref[i, "std.lv"]) ?? .nan)) < 1e-3, "\(lhs) \(op) \(rhs) std.lv")
        #expect(abs((r.stdAll ?? .nan) - (num(ref[i, "std.all"]) ?? .nan)) < 1e-3, "\(lhs) \(op) \(rhs) std.all")
    }
}

@Test(arguments: [false, true])
func fitMeasuresMatchLavaan(stdLV: Bool) throws {
    let fit = try fitHS(stdLV: stdLV)
    let ref = try fixture(stdLV ? "hs_cfa_std_lv.fit.csv" : "hs_cfa.fit.csv")
    let mine = Dictionary(uniqueKeysWithValues: fit.fitMeasures().map { ($0.name, $0.value) })
    let large: Set<String> = ["chisq", "baseline.chisq", "logl", "unrestricted.logl", "aic", "bic", "bic2"]
    for i in 0..<ref.rowCount {
        let name = ref[i, "measure"].description
        guard let expected = num(ref[i, "value"]), let got = mine[name] else { Issue.record("missing measure \(name)"); continue }
        let tolerance = large.contains(name) ? 1e-6 * abs(expected) + 1e-3 : 1e-3
        #expect(abs(got - expected) < tolerance, "\(name): \(got) vs lavaan \(expected)")
    }
}

@Test func rSquareAndModIndicesMatchLavaan() throws {
    let fit = try fitHS(stdLV: false)
    let r2 = try fixture("hs_cfa.r2.csv")
    let mine = Dictionary(uniqueKeysWithValues: fit.rSquare().map { ($0.variable, $0.r2) })
    for i in 0..<r2.rowCount { #expect(abs((mine[r2[i, "variable"].description] ?? .nan) - (num(r2[i, "r2"]) ?? .nan)) < 1e-3) }
    let mi = try fixture("hs_cfa.mi.csv")
    let ours = try fit.modificationIndices()
    for i in 0..<mi.rowCount {
        let lhs = mi[i, "lhs"].description, op = mi[i, "op"].description, rhs = mi[i, "rhs"].description
        guard let m = ours.first(where: { $0.lhs == lhs && $0.op == op && $0.rhs == rhs }) else { Issue.record("missing MI \(lhs) \(op) \(rhs)"); continue }
        #expect(abs(m.mi - (num(mi[i, "mi"]) ?? .nan)) < 1e-2, "\(lhs) \(op) \(rhs) mi \(m.mi)")
        #expect(abs(m.epc - (num(mi[i, "epc"]) ?? .nan)) < 1e-3, "\(lhs) \(op) \(rhs) epc")
        #expect(abs(m.sepcAll - (num(mi[i, "sepc.all"]) ?? .nan)) < 1e-3, "\(lhs) \(op) \(rhs) sepc.all")
    }
    #expect(ours.first.map { "\($0.lhs) \($0.op) \($0.rhs)" } == "visual =~ x9")
}
