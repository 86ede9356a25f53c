import Foundation
import MSNTable
import Testing
@testable import MSNSEM

private func extra(_ file: String) throws -> Table {
    let url = try #require(Bundle.module.url(forResource: file, withExtension: nil, subdirectory: "Fixtures/lavaan-extra"))
    return try CSVReader.read(path: url.path)
}

@Test func bollenModelWithLabelsResidualCovariancesAndIndirectEffect() throws {
    let (cols, order) = try loadData("PoliticalDemocracy.csv")
    let url = try #require(Bundle.module.url(forResource: "bollen.model", withExtension: "txt", subdirectory: "Fixtures/lavaan-extra"))
    let fit = try SEMFit.fit(model: try String(contentsOf: url, encoding: .utf8), data: cols, columnOrder: order)
    let ref = try extra("bollen.estimates.csv")
    let rows = try fit.estimateRows()
    #expect(rows.count == ref.rowCount)
    for i in 0..<ref.rowCount {
        let lhs = ref[i, "lhs"].description, op = ref[i, "op"].description, rhs = ref[i, "rhs"].description
        guard let r = rows.first(where: { $0.lhs == lhs && $0.op == op && ($0.rhs == rhs || (op == "~~" && $0.lhs == rhs && $0.rhs == lhs)) })
            ?? rows.first(where: { $0.lhs == rhs && $0.op == op && $0.rhs == lhs }) else { Issue.record("missing \(lhs) \(op) \(rhs)"); continue }
        #expect(abs(r.est - (ref[i, "est"].doubleValue ?? .nan)) < 1e-3, "\(lhs) \(op) \(rhs) est")
        #expect(abs(r.se - (ref[i, "se"].doubleValue ?? .nan)) < 1e-3, "\(lhs) \(op) \(rhs) se")
        #expect(abs((r.stdAll ?? .nan) - (ref[i, "std.all"].doubleValue ?? .nan)) < 1e-3, "\(lhs) \(op) \(rhs) std.all")
    }
    // := rows standardized as lavaan's standardizedSolution does (Fixtures/lavaan-robust/bollen_defined_std.csv).
    let std = try CSVReader.read(path: try #require(Bundle.module.url(forResource: "bollen_defined_std", withExtension: "csv", subdirectory: "Fixtures/lavaan-robust")).path)
    for i in 0..<std.rowCount {
        let name = std[i, "lhs"].description
        let r = try #require(rows.first { $0.op == ":=" && $0.lhs == name })
        #expect(abs((r.stdLV ?? .nan) - (std[i, "std.lv"].doubleValue ?? .nan)) < 1e-4, "\(name) std.lv \(r.stdLV ?? .nan)")
        #expect(abs((r.stdAll ?? .nan) - (std[i, "est.std"].doubleValue ?? .nan)) < 1e-4, "\(name) std.all \(r.stdAll ?? .nan)")
    }
    // Equal labels give equal estimates.
    let a = rows.filter { $0.label == "a" }.map(\.est)
    #expect(a.count == 2 && a[0] == a[1])
    let fm = Dictionary(uniqueKeysWithValues: fit.fitMeasures().map { ($0.name, $0.value) })
    let refFit = try extra("bollen.fit.csv")
    for i in 0..<refFit.rowCount {
        let name = refFit[i, "measure"].description
        let expected = refFit[i, "value"].doubleValue ?? .nan
        let tol = ["chisq", "aic", "bic"].contains(name) ? 1e-6 * abs(expected) + 1e-3 : 1e-3
        #expect(abs((fm[name] ?? .nan) - expected) < tol, "\(name)")
    }
}

@Test func syntaxErrorsPointIntoTheBlock() {
    #expect(throws: SEMError.syntax(line: 2, column: 3, message: "expected an operator (=~, <~, ~, ~~ or :=)")) {
        try ModelSyntax.parse("visual =~ x1 + x2\n  textual x4 + x5")
    }
    #expect(throws: SEMError.syntax(line: 1, column: 15, message: "expected a variable name after =~")) {
        try ModelSyntax.parse("visual =~ x1 +")
    }
    let parsed = try? ModelSyntax.parse("f =~ 1*x1 + NA*x2 + lab*x3; f ~~ 0.5*f # comment")
    #expect(parsed?.count == 2)
    #expect(parsed?[0].terms[0].fixed == 1 && parsed?[0].terms[1].forcedFree == true && parsed?[0].terms[2].label == "lab")
}

@Test func identificationAndDataErrors() throws {
    let (cols, order) = try loadData("HolzingerSwineford1939.csv")
    #expect(throws: SEMError.underIdentified("latent 'f' has no scale: fix a loading (1*x) or its variance (f ~~ 1*f), or use std_lv = true")) {
        try SEMFit.fit(model: "f =~ NA*x1 + x2 + x3", data: cols, columnOrder: order)
    }
    #expect(throws: SEMError.underIdentified("7 free parameters but only 6 sample variances and covariances (df = -1)")) {
        try SEMFit.fit(model: "f =~ x1 + x2 + x3\nx1 ~~ x2", data: cols, columnOrder: order)
    }
    #expect(throws: SEMError.unknownVariable("x10", available: order + ["f"])) {
        try SEMFit.fit(model: "f =~ x1 + x2 + x10", data: cols, columnOrder: order)
    }
    var collinear = cols
    collinear["x2"] = cols["x1"]
    #expect(throws: SEMError.sampleNotPositiveDefinite("two or more observed variables are collinear, or a variable is constant")) {
        try SEMFit.fit(model: "f =~ x1 + x2 + x3", data: collinear, columnOrder: order)
    }
}

@Test func reliabilityByHand() throws {
    let (cols, order) = try loadData("HolzingerSwineford1939.csv")
    let fit = try SEMFit.fit(model: "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9", data: cols, columnOrder: order)
    let rel = fit.reliability()
    // Cronbach's alpha of x1–x3 from the sample covariance (R: psych::alpha gives 0.626 raw alpha).
    let s = fit.sample
    let total = (0..<3).reduce(0.0) { acc, a in acc + (0..<3).reduce(0.0) { $0 + s[a, $1] } }
    let alpha = 1.5 * (1 - (s[0, 0] + s[1, 1] + s[2, 2]) / total)
    #expect(abs(rel[0].alpha - alpha) < 1e-12 && abs(alpha - 0.626) < 0.001)
    // CR and AVE from lavaan's std.all loadings 0.772, 0.424, 0.581.
    let l = [0.7718804203523537, 0.42360099198784573, 0.5811323239281071]
    let sum = l.reduce(0, +)
    #expect(abs(rel[0].compositeReliability - sum * sum / (sum * sum + l.reduce(0) { $0 + 1 - $1 * $1 })) < 1e-4)
    #expect(abs(rel[0].ave - l.reduce(0) { $0 + $1 * $1 } / 3) < 1e-4)
    let (_, fl) = fit.fornellLarcker()
    #expect(abs(fl[0, 1] - 0.4585093003559739) < 1e-3 && abs(fl[0, 0] - rel[0].ave.squareRoot()) < 1e-12)
    let (_, h) = fit.htmt()
    #expect(h[0, 1] > 0 && h[0, 1] < 1 && abs(h[0, 1] - h[1, 0]) < 1e-12)
}
