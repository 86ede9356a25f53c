import Foundation
import MSNTable
import Testing
@testable import MSNPanel

/// `fit did` and `fit event` against pyfixest 0.60.0 on a simulated staggered-adoption panel with a known,
/// dynamic and cohort-specific effect (Fixtures/did/make_did.py).
private func load(_ file: String) throws -> Table {
    let url = try #require(Bundle.module.url(forResource: file, withExtension: nil, subdirectory: "Fixtures/did"))
    return try CSVReader.read(path: url.path)
}

private func reference(_ file: String) throws -> [String: (Double, Double)] {
    let t = try load(file)
    let terms = try texts(t.column(named: "term"))
    let est = try #require(t.column(named: "estimate")?.doubles()), se = try #require(t.column(named: "se")?.doubles())
    return Dictionary(uniqueKeysWithValues: terms.enumerated().map { ($1, (est[$0], se[$0])) })
}

private func label(_ p: Int) -> String { p < 0 ? "t\(p)" : "t+\(p)" }

@Test func canonicalDiD() throws {
    let f = try PanelFit.fit(try load("staggered_panel.csv"),
                             PanelSpecification(response: "y", regressors: ["treated_post", "x"], absorb: ["firm_id", "year"], variance: .clustered(["firm_id"])))
    var worst = 0.0
    for (term, (est, se)) in try reference("did.pyfixest.csv") {
        let j = try #require(f.terms.firstIndex(of: term))
        worst = max(worst, relativeError(f.coefficients[j], est), relativeError(f.standardErrors[j], se))
    }
    print("parity did.pyfixest.csv: max relative error \(worst)")
    #expect(worst < 1e-7)
    #expect(f.counts.singletons == 1 && f.counts.rowsMissing == 15 && f.counts.observations == 2345)
}

@Test func twfeEventStudy() throws {
    let study = try EventStudy(try load("staggered_panel.csv"),
                               EventStudySpecification(response: "y", cohort: "adopt_year", unit: "firm_id", time: "year", controls: ["x"]))
    #expect(study.isStaggered && study.cohorts == [2018, 2020, 2022])
    let ref = try reference("event_twfe.pyfixest.csv")
    var worst = 0.0
    for (i, p) in study.periods.enumerated() {
        let (est, se) = try #require(ref[label(p)])
        worst = max(worst, relativeError(study.estimates[i], est), relativeError(study.standardErrors[i], se))
    }
    print("parity event_twfe.pyfixest.csv: max relative error \(worst)")
    #expect(study.periods == [-4, -3, -2, 0, 1, 2, 3, 4])
    #expect(worst < 1e-7)
}

@Test func sunAbrahamEventStudy() throws {
    var spec = EventStudySpecification(response: "y", cohort: "adopt_year", unit: "firm_id", time: "year", controls: ["x"])
    spec.method = .sunab
    let study = try EventStudy(try load("staggered_panel.csv"), spec)
    let ref = try reference("event_sunab.csv")
    var worst = 0.0
    for (i, p) in study.periods.enumerated() {
        let (est, se) = try #require(ref[label(p)])
        worst = max(worst, relativeError(study.estimates[i], est), relativeError(study.standardErrors[i], se))
    }
    print("parity event_sunab.csv: max relative error \(worst)")
    #expect(worst < 1e-7)
    // The truth at r = 0 averages 0.5 × (1, 1.5, 2) over the cohorts: the estimate lies within 2 SEs.
    let zero = try #require(study.periods.firstIndex(of: 0))
    #expect(abs(study.estimates[zero] - 0.5 * (80 * 1.0 + 60 * 1.5 + 50 * 2) / 190) < 2 * study.standardErrors[zero])
    let table = try study.table()
    #expect(table.rowCount == 9)
}
