import Foundation
import MSNTable
import Testing
@testable import MSNSEM

/// Parity with lavaan 0.6-14 for several groups, mean structures and FIML (Fixtures/lavaan-extra, made by
/// make_groups.R): estimates, SEs and standardized values within 1e-3 absolute; every fit measure within
/// 1e-3 (relative 1e-6 for the large ones: chisq, baseline chisq, log-likelihoods, AIC, BIC).
func extraFixture(_ file: String, folder: String = "lavaan-extra") throws -> Table {
    let url = try #require(Bundle.module.url(forResource: file, withExtension: nil, subdirectory: "Fixtures/\(folder)"))
    return try CSVReader.read(path: url.path)
}

func extraText(_ file: String) throws -> String {
    let url = try #require(Bundle.module.url(forResource: file, withExtension: nil, subdirectory: "Fixtures/lavaan-extra"))
    return try String(contentsOf: url, encoding: .utf8)
}

/// Numeric columns, their order, and the `school` column of a data table.
func semData(_ t: Table) -> (columns: [String: [Double]], order: [String], school: [String?]) {
    var cols: [String: [Double]] = [:]
    for (n, c) in zip(t.columnNames, t.columns) { if let d = c.doubles() { cols[n] = d } }
    let school: [String?] = (0..<t.rowCount).map { t[$0, "school"].isNull ? nil : t[$0, "school"].description }
    return (cols, t.columnNames, school)
}

func hsTable() throws -> Table {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    return try CSVReader.read(path: root.appendingPathComponent("Notebooks/data/HolzingerSwineford1939.csv").path)
}

/// Checks a fit against `<stem>.estimates.csv`, `.fit.csv` and `.r2.csv`.
func expectParity(_ fit: SEMFit, _ stem: String, folder: String = "lavaan-extra", skipMeasures: Set<String> = [],
                  sourceLocation: SourceLocation = #_sourceLocation) throws {
    let ref = try extraFixture("\(stem).estimates.csv", folder: folder)
    let rows = try fit.estimateRows()
    #expect(rows.count == ref.rowCount, "\(stem): \(rows.count) rows vs lavaan \(ref.rowCount)", sourceLocation: sourceLocation)
    for i in 0..<ref.rowCount {
        let lhs = ref[i, "lhs"].description, op = ref[i, "op"].description
        let rhs = ref[i, "rhs"].isNull ? "" : ref[i, "rhs"].description
        let group = Int(ref[i, "group"].doubleValue ?? 1)
        guard let r = rows.first(where: { $0.group == group && $0.op == op && (($0.lhs == lhs && $0.rhs == rhs) || (op == "~~" && $0.lhs == rhs && $0.rhs == lhs)) }) else {
            Issue.record("\(stem): missing \(lhs) \(op) \(rhs) in group \(group)", sourceLocation: sourceLocation); continue
        }
        let what = "\(stem) g\(group) \(lhs) \(op) \(rhs)"
        #expect(abs(r.est - (ref[i, "est"].doubleValue ?? .nan)) < 1e-3, "\(what) est \(r.est) vs \(ref[i, "est"])", sourceLocation: sourceLocation)
        #expect(abs(r.se - (ref[i, "se"].doubleValue ?? .nan)) < 1e-3, "\(what) se \(r.se) vs \(ref[i, "se"])", sourceLocation: sourceLocation)
        #expect(abs((r.stdLV ?? .nan) - (ref[i, "std.lv"].doubleValue ?? .nan)) < 1e-3, "\(what) std.lv \(r.stdLV ?? .nan)", sourceLocation: sourceLocation)
        #expect(abs((r.stdAll ?? .nan) - (ref[i, "std.all"].doubleValue ?? .nan)) < 1e-3, "\(what) std.all \(r.stdAll ?? .nan)", sourceLocation: sourceLocation)
    }
    let fm = Dictionary(uniqueKeysWithValues: fit.fitMeasures().map { ($0.name, $0.value) })
    let refFit = try extraFixture("\(stem).fit.csv", folder: folder)
    let large: Set<String> = ["chisq", "baseline.chisq", "logl", "unrestricted.logl", "aic", "bic", "bic2", "chisq.scaled", "baseline.chisq.scaled"]
    for i in 0..<refFit.rowCount {
        var name = refFit[i, "measure"].description
        let expected = refFit[i, "value"].doubleValue ?? .nan
        if name.hasPrefix("chisq.group"), let g = Int(name.dropFirst("chisq.group".count)) { name = "chisq.\(fit.groupLabel(g))" }
        if skipMeasures.contains(name) { continue }
        guard let got = fm[name] else { Issue.record("\(stem): no measure \(name)", sourceLocation: sourceLocation); continue }
        let tol = large.contains(name) || name.hasPrefix("chisq.") ? 1e-6 * abs(expected) + 1e-3 : 1e-3
        #expect(abs(got - expected) < tol, "\(stem) \(name): \(got) vs lavaan \(expected)", sourceLocation: sourceLocation)
    }
    let r2 = try extraFixture("\(stem).r2.csv", folder: folder)
    let mine = fit.rSquare()
    for i in 0..<r2.rowCount {
        let g = Int(r2[i, "group"].doubleValue ?? 1), v = r2[i, "variable"].description
        let got = mine.first { $0.group == g && $0.variable == v }?.r2 ?? .nan
        #expect(abs(got - (r2[i, "r2"].doubleValue ?? .nan)) < 1e-3, "\(stem) r2 \(v) g\(g)", sourceLocation: sourceLocation)
    }
}

func fitBySchool(_ model: String, _ equal: [String], data: Table? = nil, stdLV: Bool = false, missing: MissingMethod = .listwise) throws -> SEMFit {
    let (cols, order, school) = semData(try data ?? hsTable())
    var o = SEMOptions()
    o.group = school
    o.groupEqual = equal
    o.stdLV = stdLV
    o.missing = missing
    return try SEMFit.fit(model: model, data: cols, columnOrder: order, options: o)
}

@Test(arguments: [("configural", [String]()), ("metric", ["loadings"]), ("scalar", ["loadings", "intercepts"]),
                  ("strict", ["loadings", "intercepts", "residuals"])])
func invarianceStepsMatchLavaan(step: String, equal: [String]) throws {
    let fit = try fitBySchool(try extraText("hs3.model.txt"), equal)
    #expect(fit.groups.map(\.label) == ["Pasteur", "Grant-White"])
    try expectParity(fit, "mg_\(step)")
}

@Test func everyGroupEqualKeywordMatchesLavaan() throws {
    let model = try extraText("hs_paths.model.txt")
    try expectParity(try fitBySchool(model, []), "mg_paths_configural")
    try expectParity(try fitBySchool(model, ["loadings", "intercepts", "means", "lv.variances", "lv.covariances", "regressions", "residual.covariances"]), "mg_paths_equal")
    // std.lv with equal loadings frees the second group's latent variances, as lavaan does.
    try expectParity(try fitBySchool(try extraText("hs3.model.txt"), ["loadings"], stdLV: true), "mg_metric_std_lv")
}

@Test func meanStructureMatchesLavaan() throws {
    let (cols, order, _) = semData(try hsTable())
    try expectParity(try SEMFit.fit(model: try extraText("means.model.txt"), data: cols, columnOrder: order), "means")
    try expectParity(try SEMFit.fit(model: try extraText("exo.model.txt"), data: cols, columnOrder: order), "exo")
}

@Test func fimlMatchesLavaan() throws {
    let data = try extraFixture("hs_missing.csv")
    let (cols, order, _) = semData(data)
    var o = SEMOptions()
    o.missing = .fiml
    let fit = try SEMFit.fit(model: try extraText("hs3.model.txt"), data: cols, columnOrder: order, options: o)
    #expect(fit.n == 301 && fit.droppedRows == 0 && fit.groups[0].patterns > 10)
    try expectParity(fit, "fiml")
    try expectParity(try fitBySchool(try extraText("hs3.model.txt"), ["loadings"], data: data, missing: .fiml), "fiml_mg")
    // Listwise on the same data drops the incomplete rows and says so.
    let listwise = try SEMFit.fit(model: try extraText("hs3.model.txt"), data: cols, columnOrder: order)
    #expect(listwise.n < 301 && listwise.droppedRows == 301 - listwise.n && listwise.warnings.contains { $0.contains("listwise") })
}

@Test func fimlWithAnExogenousCovariateMatchesLavaan() throws {
    let (cols, order, _) = semData(try extraFixture("hs_missing.csv"))
    var o = SEMOptions()
    o.missing = .fiml
    try expectParity(try SEMFit.fit(model: try extraText("exo.model.txt"), data: cols, columnOrder: order, options: o), "exo_fiml")
}
