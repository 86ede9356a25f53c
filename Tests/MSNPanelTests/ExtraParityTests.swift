import Foundation
import MSNTable
import Testing
@testable import MSNPanel

/// Parity beyond the shared references (Fixtures/wagepan-extra/make_extra.py, pyfixest 0.60.0 and
/// linearmodels 7.1): two-way clustering, HC1 with two-way effects, and an unbalanced panel with gaps
/// and singletons.
private func load(_ file: String) throws -> Table {
    let url = try #require(Bundle.module.url(forResource: file, withExtension: nil, subdirectory: "Fixtures/wagepan-extra"))
    return try CSVReader.read(path: url.path)
}

private let tv = ["expersq", "union", "married", "hours"]

/// The largest relative difference between our estimates/SEs and the file's, for the terms in the file.
private func worst(_ fit: PanelFit, _ file: String) throws -> Double {
    let t = try load(file)
    let terms = try texts(t.column(named: "term"))
    let est = try #require(t.column(named: "estimate")?.doubles()), se = try #require(t.column(named: "se")?.doubles())
    var w = 0.0
    for (i, term) in terms.enumerated() {
        let j = try #require(fit.terms.firstIndex(of: term), "\(term)")
        w = max(w, relativeError(fit.coefficients[j], est[i]), relativeError(fit.standardErrors[j], se[i]))
    }
    print("parity \(file): max relative error \(w)")
    return w
}

private func wages() throws -> Table {
    let url = try #require(Bundle.module.url(forResource: "wage_panel.csv", withExtension: nil, subdirectory: "Fixtures/wagepan"))
    return try CSVReader.read(path: url.path)
}

@Test func twoWayClustering() throws {
    let f = try PanelFit.fit(try wages(), PanelSpecification(response: "lwage", regressors: tv, absorb: ["nr", "year"], variance: .clustered(["nr", "year"])))
    #expect(try worst(f, "twfe_twoway_clustered.pyfixest.csv") < parityTolerance)
    #expect(f.tDegreesOfFreedom == 7 && f.counts.clusters == [545, 8])
}

@Test func twoWayRobust() throws {
    let f = try PanelFit.fit(try wages(), PanelSpecification(response: "lwage", regressors: tv, absorb: ["nr", "year"], variance: .robust))
    #expect(try worst(f, "twfe_hetero.pyfixest.csv") < parityTolerance)
}

@Test func unbalancedTwoWayWithSingletons() throws {
    let f = try PanelFit.fit(try load("wage_unbalanced.csv"),
                             PanelSpecification(response: "lwage", regressors: tv, absorb: ["nr", "year"], variance: .clustered(["nr"])))
    #expect(f.counts.rowsInput == 3730 && f.counts.singletons == 5 && f.counts.observations == 3725)
    #expect(try worst(f, "unbalanced_twfe_clustered.pyfixest.csv") < 1e-7)
}

@Test func unbalancedRandomEffects() throws {
    let f = try PanelFit.fit(try load("wage_unbalanced.csv"),
                             PanelSpecification(response: "lwage", regressors: tv + ["educ", "black", "hisp"], estimator: .random, id: "nr", time: "year"))
    #expect(try worst(f, "unbalanced_re.csv") < parityTolerance)
    let m = try load("unbalanced_re.fit.csv")
    let names = try texts(m.column(named: "measure")), values = try #require(m.column(named: "value")?.doubles())
    for (ours, theirs) in [("sigma2_u", "sigma2_u"), ("sigma2_e", "sigma2_e")] {
        let v = try #require(names.firstIndex(of: theirs).map { values[$0] })
        #expect(relativeError(try #require(f.measure(ours)), v) < parityTolerance, "\(ours)")
    }
}

@Test func unbalancedFirstDifferences() throws {
    let f = try PanelFit.fit(try load("wage_unbalanced.csv"),
                             PanelSpecification(response: "lwage", regressors: tv, estimator: .firstDifference, id: "nr", time: "year"))
    #expect(try worst(f, "unbalanced_fd.csv") < parityTolerance)
    let m = try load("unbalanced_fd.fit.csv")
    #expect(Double(f.counts.observations) == m.column(named: "value")?.doubles()?.first)
}
