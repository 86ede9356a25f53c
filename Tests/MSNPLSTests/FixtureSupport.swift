import Foundation
import Testing
import MSNPLS

/// A small CSV reader for the fixtures (no quoted fields there).
func fixtureRows(_ file: String) throws -> (header: [String], rows: [[String]]) {
    let url = try #require(Bundle.module.url(forResource: file, withExtension: nil, subdirectory: "Fixtures/seminr"))
    let lines = try String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isNewline).map(String.init)
    let split = { (l: String) in l.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\" ")) } }
    return (split(lines[0]), lines.dropFirst().map(split))
}

/// A fixture data file as numeric columns by name.
func fixtureData(_ file: String) throws -> [String: [Double]] {
    let (header, rows) = try fixtureRows(file)
    var out: [String: [Double]] = [:]
    for (j, name) in header.enumerated() { out[name] = rows.map { Double($0[j]) ?? .nan } }
    return out
}

/// The two data sets, read once.
private let mobiData = try? fixtureData("mobi.csv")
private let corpData = try? fixtureData("corp_rep_data.csv")

/// A fixture data set by file name (read once per test run).
func cachedData(_ file: String) throws -> [String: [Double]] {
    try #require(file == "mobi.csv" ? mobiData : corpData, "cannot read \(file)")
}

/// Fits the model a fixture stem names.
func fitFixture(_ stem: String) throws -> PLSFit {
    let setup = try #require(SeminrModels.setup(stem), "no model for \(stem)")
    return try PLSFit.fit(model: setup.model, data: try cachedData(setup.data), options: setup.options)
}

/// Our values of one fixture kind, keyed like the fixture's key columns, by value column name.
func ourValues(_ kind: String, _ fit: PLSFit) throws -> [String: [String: Double]] {
    var out: [String: [String: Double]] = [:]
    func put(_ key: [String], _ column: String, _ v: Double) { out[key.joined(separator: "|"), default: [:]][column] = v }
    let names = fit.constructNames
    switch kind {
    case "paths": for (p, path) in fit.spec.paths.enumerated() { put([path.from, path.to], "estimate", fit.pathCoefficients[p]) }
    case "weights", "loadings":
        for (k, c) in fit.spec.constructs.enumerated() {
            for (t, item) in c.items.enumerated() { put([c.name, item], "estimate", kind == "weights" ? fit.weights[k][t] : fit.loadings[k][t]) }
        }
    case "rsq": for r in fit.rSquared { put([r.construct], "rsq", r.r2); put([r.construct], "adj_rsq", r.adjusted) }
    case "fsquare": for f in try PLSQuality.fSquare(fit) { put([f.from, f.to], "f2", f.f2) }
    case "reliability", "rhoA":
        for r in PLSQuality.reliability(fit) {
            put([r.construct], "alpha", r.alpha); put([r.construct], "rhoC", r.rhoC)
            put([r.construct], "AVE", r.ave); put([r.construct], "rhoA", r.rhoA)
        }
    case "htmt": for h in PLSQuality.htmt(fit) { put([h.a, h.b], "htmt", h.value) }
    case "cross_loadings": for c in PLSQuality.crossLoadings(fit) { put([c.item, c.construct], "value", c.value) }
    case "fornell_larcker": for f in PLSQuality.fornellLarcker(fit) { put([f.a, f.b], "value", f.value) }
    case "vif_items": for v in try PLSQuality.itemVIF(fit) { put([v.construct, v.item], "vif", v.vif) }
    case "vif_antecedents": for v in try PLSQuality.antecedentVIF(fit) { put([v.to, v.from], "vif", v.vif) }
    case "scores":
        for (k, name) in names.enumerated() { for (i, v) in fit.scores[k].enumerated() { put([String(i)], name, v) } }
    default: Issue.record("unknown fixture kind \(kind)")
    }
    return out
}

/// The largest absolute difference between a fixture file and our values (every fixture value must be matched).
func maxDifference(_ file: String) throws -> Double {
    let parts = file.split(separator: ".").map(String.init)
    let (stem, kind) = (parts[0], parts[1])
    let fit = try fitFixture(stem)
    let ours = try ourValues(kind, fit)
    let (header, rows) = try fixtureRows(file)
    var worst = 0.0
    if kind == "scores" {
        for (i, row) in rows.enumerated() {
            for (j, name) in header.enumerated() {
                let v = try #require(ours[String(i)]?[name], "no score \(name) row \(i)")
                worst = max(worst, abs(v - (Double(row[j]) ?? .nan)))
            }
        }
        return worst
    }
    let keyCount = header.firstIndex { ["estimate", "rsq", "f2", "alpha", "AVE", "rhoA", "htmt", "value", "vif"].contains($0) } ?? 1
    for row in rows {
        let key = row[..<keyCount].joined(separator: "|")
        for j in keyCount..<header.count {
            let v = try #require(ours[key]?[header[j]], "\(file): no value for \(key) \(header[j])")
            let ref = try #require(Double(row[j]))
            worst = max(worst, abs(v - ref))
        }
    }
    return worst
}
