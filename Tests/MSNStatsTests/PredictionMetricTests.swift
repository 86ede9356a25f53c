import Foundation
import Testing
@testable import MSNStats

/// Reference values from scikit-learn, statsmodels and R's pROC: Fixtures/prediction/make_prediction.py.
private struct PredictionFixture: Decodable {
    struct Counts: Decodable { let tp: Int; let fp: Int; let tn: Int; let fn: Int }
    struct Curve: Decodable { let observed: [Double]; let predicted: [Double] }
    struct DeLong: Decodable { let lower: Double; let auc: Double; let upper: Double; let se: Double }
    let n: Int, events: Int
    let brier: Double, average_precision: Double, auc: Double
    let calibration_intercept: Double, calibration_slope: Double, calibration_slope_intercept: Double
    let confusion_0_3: Counts, confusion_0_5: Counts
    let calibration_curve: Curve
    let delong: DeLong

    enum CodingKeys: String, CodingKey {
        case n, events, brier, average_precision, auc, calibration_intercept, calibration_slope, calibration_slope_intercept
        case confusion_0_3 = "confusion_0.3", confusion_0_5 = "confusion_0.5", calibration_curve, delong
    }

    static func load() throws -> (PredictionFixture, y: [Double], p: [Double]) {
        let dir = "Fixtures/prediction"
        let json = try #require(Bundle.module.url(forResource: "prediction", withExtension: "json", subdirectory: dir))
        let csv = try #require(Bundle.module.url(forResource: "predictions", withExtension: "csv", subdirectory: dir))
        let rows = try String(contentsOf: csv, encoding: .utf8).split(separator: "\n").dropFirst().map { $0.split(separator: ",") }
        let y = rows.compactMap { Double($0[0]) }, p = rows.compactMap { Double($0[1]) }
        return (try JSONDecoder().decode(PredictionFixture.self, from: Data(contentsOf: json)), y, p)
    }
}

private func close(_ a: Double, _ b: Double, _ tol: Double) -> Bool { abs(a - b) <= tol * max(1, abs(b)) }

@Test func brierAndAveragePrecisionMatchScikitLearn() throws {
    let (f, y, p) = try PredictionFixture.load()
    #expect(y.count == f.n && p.count == f.n)
    #expect(close(ProbabilityScores.brier(labels: y, probabilities: p), f.brier, 1e-14))
    #expect(close(ProbabilityScores.averagePrecision(labels: y, scores: p), f.average_precision, 1e-14))
}

@Test func confusionAtThresholdsMatchesScikitLearn() throws {
    let (f, y, p) = try PredictionFixture.load()
    for (t, ref) in [(0.3, f.confusion_0_3), (0.5, f.confusion_0_5)] {
        let c = ConfusionCounts(labels: y, probabilities: p, threshold: t)
        let counts: [Int] = [c.tp, c.fp, c.tn, c.fn], expected: [Int] = [ref.tp, ref.fp, ref.tn, ref.fn]
        #expect(counts == expected)
        #expect(c.sensitivity == Double(ref.tp) / Double(ref.tp + ref.fn))
        #expect(c.npv == Double(ref.tn) / Double(ref.tn + ref.fn))
    }
}

@Test func calibrationInterceptAndSlopeMatchStatsmodels() throws {
    let (f, y, p) = try PredictionFixture.load()
    let c = try #require(CalibrationFit(labels: y, probabilities: p))
    #expect(c.converged)
    #expect(close(c.intercept, f.calibration_intercept, 1e-9))
    #expect(close(c.slope, f.calibration_slope, 1e-9))
    // The binned table: scikit-learn's calibration_curve (uniform bins, empty bins left out).
    let bins = CalibrationFit.bins(labels: y, probabilities: p, count: 10)
    #expect(bins.count == f.calibration_curve.observed.count)
    for (b, (o, m)) in zip(bins, zip(f.calibration_curve.observed, f.calibration_curve.predicted)) {
        #expect(close(b.observedRate, o, 1e-14) && close(b.meanPredicted, m, 1e-13))
    }
}

@Test func deLongIntervalMatchesPROC() throws {
    let (f, y, p) = try PredictionFixture.load()
    let d = try #require(DeLongAUC(labels: y, scores: p))
    #expect(close(d.auc, f.auc, 1e-14) && close(d.auc, f.delong.auc, 1e-14))
    #expect(close(d.standardError, f.delong.se, 1e-12))
    #expect(close(d.lower, f.delong.lower, 1e-12) && close(d.upper, f.delong.upper, 1e-12))
    #expect(DeLongAUC(labels: [1, 1], scores: [0.2, 0.3]) == nil)
}

@Test func eventsPerVariableWarnsBelowTen() {
    // 12 events, 88 non-events, 3 coefficients: 4 events per variable.
    let y = [Double](repeating: 1, count: 12) + [Double](repeating: 0, count: 88)
    #expect(EventsPerVariable.ratio(labels: y, parameters: 3) == 4)
    #expect(EventsPerVariable.warning(labels: y, parameters: 3)?.hasPrefix("12 events of the rarer class for 3 coefficients: 4.0 events per variable") == true)
    #expect(EventsPerVariable.warning(labels: y, parameters: 1) == nil)
}
