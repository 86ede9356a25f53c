import Foundation
import MSNTable
import Testing
@testable import MSNPanel

/// Parity with linearmodels 7.1 and pyfixest 0.60.0 on the Vella–Verbeek wage panel (Fixtures/wagepan,
/// made by make_reference.py; see its README for every option and small-sample correction).
/// Estimates and standard errors within 1e-8 relative (the brief asks for 1e-6).
private func fixture(_ file: String) throws -> Table {
    let url = try #require(Bundle.module.url(forResource: file, withExtension: nil, subdirectory: "Fixtures/wagepan"))
    return try CSVReader.read(path: url.path)
}

private let wages: Table = { (try? fixture("wage_panel.csv")) ?? Table(rowCount: 0) }()
private let tv = ["expersq", "union", "married", "hours"]
private let ti = ["educ", "black", "hisp"]
let parityTolerance = 1e-8

/// A column's cells as text (numbers printed, nulls empty).
func texts(_ c: Column?) throws -> [String] {
    let c = try #require(c)
    if case .string(let s) = c { return s.strings.map { $0 ?? "" } }
    if let d = c.doubles() { return d.map { String($0) } }
    return []
}

/// term → (estimate, se) from a reference coefficient file.
private func reference(_ file: String) throws -> [String: (Double, Double)] {
    let t = try fixture(file)
    let terms = try texts(t.column(named: "term"))
    let est = try #require(t.column(named: "estimate")?.doubles()), se = try #require(t.column(named: "se")?.doubles())
    var out: [String: (Double, Double)] = [:]
    for i in 0..<t.rowCount { out[terms[i]] = (est[i], se[i]) }
    return out
}

/// measure → value (numeric rows only) from a reference fit file.
func referenceMeasures(_ file: String) throws -> [String: Double] {
    let t = try fixture(file)
    let names = try texts(t.column(named: "measure"))
    let values = try texts(t.column(named: "value"))
    var out: [String: Double] = [:]
    for i in 0..<t.rowCount { if let v = Double(values[i]) { out[names[i]] = v } }
    return out
}

func relativeError(_ a: Double, _ b: Double) -> Double { abs(a - b) / max(abs(b), 1e-300) }

/// Checks every reference term (or `only` those) and returns the largest relative error of estimates and SEs.
@discardableResult
private func expectParity(_ fit: PanelFit, _ file: String, only: [String]? = nil) throws -> Double {
    let ref = try reference(file)
    var worst = 0.0
    for term in only ?? Array(ref.keys) {
        let (est, se) = try #require(ref[term], "\(term) not in \(file)")
        let i = try #require(fit.terms.firstIndex(of: term), "\(term) not estimated")
        let e = max(relativeError(fit.coefficients[i], est), relativeError(fit.standardErrors[i], se))
        #expect(e < parityTolerance, "\(file) \(term): estimate \(fit.coefficients[i]) vs \(est), se \(fit.standardErrors[i]) vs \(se)")
        worst = max(worst, e)
    }
    print("parity \(file): max relative error \(worst)")
    return worst
}

private func fit(_ regressors: [String], absorb: [String] = [], _ estimator: PanelEstimator = .within,
                 _ variance: PanelVariance = .iid) throws -> PanelFit {
    try PanelFit.fit(wages, PanelSpecification(response: "lwage", regressors: regressors, absorb: absorb, estimator: estimator,
                                               variance: variance, id: "nr", time: "year"))
}

@Test func pooledOLS() throws {
    let f = try fit(tv + ti, .pooled)
    try expectParity(f, "pooled_ols.csv")
    try expectParity(f, "pooled_ols.pyfixest.csv")
    #expect(f.counts.observations == 4360 && f.counts.entities == 545 && f.counts.periods == 8)
    let m = try referenceMeasures("pooled_ols.fit.csv")
    #expect(relativeError(try #require(f.measure("r2")), try #require(m["rsquared"])) < parityTolerance)
    #expect(relativeError(try #require(f.measure("f")), try #require(m["f_statistic"])) < parityTolerance)
}

@Test func fixedEffectsUnadjusted() throws {
    let f = try fit(tv, absorb: ["nr"])
    try expectParity(f, "fe_unadjusted.csv")
    try expectParity(f, "fe_unadjusted.pyfixest.csv")
    let m = try referenceMeasures("fe_unadjusted.fit.csv")
    for (ours, theirs) in [("r2_within", "rsquared_within"), ("r2_overall", "rsquared_overall"), ("r2_lsdv", "rsquared_inclusive"),
                           ("f", "f_statistic"), ("f_wald", "f_statistic_robust"), ("ssr", "resid_ss")] {
        #expect(relativeError(try #require(f.measure(ours)), try #require(m[theirs])) < parityTolerance, "\(ours)")
    }
    #expect(f.tDegreesOfFreedom == 3811 && f.counts.singletons == 0)
}

@Test func fixedEffectsRobust() throws {
    try expectParity(try fit(tv, absorb: ["nr"], .within, .robust), "fe_robust.csv")
    try expectParity(try fit(tv, absorb: ["nr"], .within, .robust), "fe_robust.pyfixest.csv")
}

@Test func fixedEffectsClustered() throws {
    let f = try fit(tv, absorb: ["nr"], .within, .clustered(["nr"]))
    try expectParity(f, "fe_clustered.csv")
    try expectParity(f, "fe_clustered.pyfixest.csv")
    #expect(f.tDegreesOfFreedom == 544 && f.counts.clusters == [545])
    let m = try referenceMeasures("fe_clustered.fit.csv")
    #expect(relativeError(try #require(f.measure("f_wald")), try #require(m["f_statistic_robust"])) < parityTolerance)
}

@Test func twoWayFixedEffectsClustered() throws {
    let f = try fit(tv, absorb: ["nr", "year"], .within, .clustered(["nr"]))
    try expectParity(f, "twfe_clustered.pyfixest.csv")
    // linearmodels with year dummies: same slopes and SEs (the intercept belongs to another parameterisation).
    try expectParity(f, "twfe_clustered.csv", only: tv)
    let m = try referenceMeasures("twfe_clustered.pyfixest.fit.csv")
    #expect(relativeError(try #require(f.measure("r2_within")), try #require(m["r2_within"])) < parityTolerance)
    #expect(relativeError(try #require(f.measure("r2_lsdv")), try #require(m["r2"])) < parityTolerance)
}

@Test func randomEffects() throws {
    let f = try fit(tv + ti, .random)
    try expectParity(f, "re.csv")
    let m = try referenceMeasures("re.fit.csv")
    for (ours, theirs) in [("sigma2_u", "sigma2_effects"), ("sigma2_e", "sigma2_idiosyncratic"), ("theta", "theta"), ("rho", "rho"),
                           ("r2", "rsquared"), ("r2_within", "rsquared_within"), ("r2_between", "rsquared_between"),
                           ("r2_overall", "rsquared_overall")] {
        #expect(relativeError(try #require(f.measure(ours)), try #require(m[theirs])) < parityTolerance, "\(ours)")
    }
}

@Test func randomEffectsClustered() throws {
    try expectParity(try fit(tv + ti, .random, .clustered(["nr"])), "re_clustered.csv")
}

@Test func firstDifferences() throws {
    let f = try fit(tv, .firstDifference)
    try expectParity(f, "fd.csv")
    try expectParity(f, "fd.pyfixest.csv")
    #expect(f.counts.observations == 3815)
    let m = try referenceMeasures("fd.fit.csv")
    #expect(relativeError(try #require(f.measure("r2")), try #require(m["rsquared"])) < parityTolerance)
}

@Test func firstDifferencesClustered() throws {
    let f = try fit(tv, .firstDifference, .clustered(["nr"]))
    try expectParity(f, "fd_clustered.csv")
    try expectParity(f, "fd_clustered.pyfixest.csv")
}

@Test func betweenEstimator() throws {
    let f = try fit(tv + ti, .between)
    try expectParity(f, "between.csv")
    try expectParity(f, "between.pyfixest.csv")
    #expect(f.counts.observations == 545)
}

@Test func hausman() throws {
    let h = try HausmanTest(consistent: try fit(tv, absorb: ["nr"]), efficient: try fit(tv + ti, .random))
    let m = try referenceMeasures("hausman.csv")
    #expect(h.degreesOfFreedom == 4)
    #expect(relativeError(h.statistic, try #require(m["statistic"])) < 1e-7)
    #expect(relativeError(h.pValue, try #require(m["p"])) < 1e-6)
}
