import Foundation
import MSNTable
import Testing
@testable import MSNStats

/// Parity with statsmodels 0.15 (Fixtures/robust/make_robust.py) on the Vella–Verbeek wage panel (first 100 men):
/// OLS/WLS and logistic GLM with classical, HC0–HC3 and one- and two-way clustered standard errors.
private struct Fit: Decodable { let params: [Double]; let bse: [Double]; let terms: [String] }
private struct MarginalEffects: Decodable { let terms: [String]; let dydx: [Double]; let se: [Double] }

private func reference() throws -> [String: Fit] {
    let url = try #require(Bundle.module.url(forResource: "robust", withExtension: "json", subdirectory: "Fixtures/robust"))
    let raw = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] ?? [:]
    var out: [String: Fit] = [:]
    for (k, v) in raw where k != "logit_margeff" {
        guard let dict = v as? [String: Any], dict["params"] != nil else { continue }
        out[k] = try JSONDecoder().decode(Fit.self, from: JSONSerialization.data(withJSONObject: dict))
    }
    return out
}

private func wagePanel() throws -> Table {
    let url = try #require(Bundle.module.url(forResource: "wage_panel", withExtension: "csv", subdirectory: "Fixtures/robust"))
    let t = try CSVReader.read(path: url.path)
    return try Table(t.columnNames.map { name in (name, Column.float(TypedColumn(Array((t.column(named: name)?.doubles() ?? []).prefix(800))))) })
}

private func design(_ t: Table, _ names: [String]) -> DesignMatrix {
    DesignMatrix(names: ["(Intercept)"] + names, columns: [[Double](repeating: 1, count: t.rowCount)] + names.map { t.column(named: $0)?.doubles() ?? [] })
}

private func codes(_ t: Table, _ name: String) -> [Int] { (t.column(named: name)?.doubles() ?? []).map { Int($0) } }

/// The largest relative difference over estimates and SEs.
private func worst(_ c: [Coefficient], _ ref: Fit) -> Double {
    zip(c, zip(ref.params, ref.bse)).map { a, r in max(abs(a.estimate - r.0) / abs(r.0), abs(a.se - r.1) / abs(r.1)) }.max() ?? .infinity
}

private let linearTerms = ["educ", "exper", "expersq", "union", "married", "black", "hisp"]
private let logisticTerms = ["educ", "exper", "married", "black", "hisp", "lwage"]

@Test func linearWeightsAndRobustErrorsMatchStatsmodels() throws {
    let ref = try reference(), t = try wagePanel()
    let x = design(t, linearTerms), y = t.column(named: "lwage")?.doubles() ?? []
    let hours = t.column(named: "hours")?.doubles() ?? []
    let kinds: [(String, CovarianceKind)] = [("nonrobust", .classical), ("hc0", .hc0), ("hc1", .hc1), ("hc2", .hc2), ("hc3", .hc3),
                                             ("cluster_nr", .cluster([codes(t, "nr")])), ("cluster_nr_year", .cluster([codes(t, "nr"), codes(t, "year")]))]
    for (prefix, weights) in [("ols", nil), ("wls", hours)] {
        for (suffix, kind) in kinds {
            // Double precision keeps this debug-build test fast; the double-double path is checked once below.
            let fit = try LinearRegression(design: x, response: y, weights: weights, covariance: kind, precision: .double)
            let r = try #require(ref["\(prefix)_\(suffix)"])
            let d = worst(fit.coefficients, r)
            print(String(format: "parity %@_%@: max relative difference %.1e", prefix, suffix, d))
            #expect(d < 1e-8, "\(prefix)_\(suffix)")
        }
    }
    let extended = try LinearRegression(design: x, response: y, weights: hours, covariance: .hc3)
    #expect(worst(extended.coefficients, try #require(ref["wls_hc3"])) < 1e-8)
}

@Test func logisticWeightsAndRobustErrorsMatchStatsmodels() throws {
    let ref = try reference(), t = try wagePanel()
    let x = design(t, logisticTerms), y = t.column(named: "union")?.doubles() ?? []
    let hours = t.column(named: "hours")?.doubles() ?? []
    let kinds: [(String, CovarianceKind)] = [("nonrobust", .classical), ("hc0", .hc0),
                                             ("cluster_nr", .cluster([codes(t, "nr")])), ("cluster_nr_year", .cluster([codes(t, "nr"), codes(t, "year")]))]
    for (prefix, weights) in [("logit", nil), ("wlogit", hours)] {
        for (suffix, kind) in kinds {
            let fit = try LogisticRegression(design: x, response: y, weights: weights, covariance: kind, precision: .double)
            let r = try #require(ref["\(prefix)_\(suffix)"])
            let d = worst(fit.coefficients, r)
            print(String(format: "parity %@_%@: max relative difference %.1e", prefix, suffix, d))
            #expect(d < 1e-8, "\(prefix)_\(suffix)")
        }
    }
    // statsmodels' GLM "HC1" applies no factor; msnb's HC1 is HC0 · √(n/(n − k)), as for OLS.
    let hc1 = try LogisticRegression(design: x, response: y, covariance: .hc1, precision: .double)
    let hc0 = try #require(ref["logit_hc0"])
    let factor = (Double(t.rowCount) / Double(t.rowCount - 7)).squareRoot()
    for (c, se) in zip(hc1.coefficients, hc0.bse) { #expect(abs(c.se - se * factor) / (se * factor) < 1e-8) }
}

/// Average marginal effects with delta-method SEs = statsmodels `Logit(...).get_margeff(at="overall")`.
@Test func averageMarginalEffectsMatchStatsmodels() throws {
    let url = try #require(Bundle.module.url(forResource: "robust", withExtension: "json", subdirectory: "Fixtures/robust"))
    let raw = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
    let me = try JSONDecoder().decode(MarginalEffects.self, from: JSONSerialization.data(withJSONObject: try #require(raw?["logit_margeff"])))
    let t = try wagePanel()
    let fit = try LogisticRegression(design: design(t, logisticTerms), response: t.column(named: "union")?.doubles() ?? [], precision: .double)
    #expect(fit.marginalEffects.map(\.term) == me.terms)
    for (a, (dydx, se)) in zip(fit.marginalEffects, zip(me.dydx, me.se)) {
        #expect(abs(a.estimate - dydx) <= 1e-8 * abs(dydx) && abs(a.se - se) <= 1e-8 * abs(se), "\(a.term): \(a.estimate) \(a.se) vs \(dydx) \(se)")
    }
}
