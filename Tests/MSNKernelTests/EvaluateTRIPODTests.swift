import Foundation
import Testing
@testable import MSNKernel
import MSNStats
import MSNTable

private let setup = """
hs = load "data/HolzingerSwineford1939.csv"
logit = fit logistic school ~ x1 + x4 + x7 + ageyr on hs
"""

private func value(_ t: Table, _ metric: String) -> Double? {
    guard let i = (0..<t.rowCount).first(where: { t[$0, "metric"] == .string(metric) }) else { return nil }
    return t[i, "value"].doubleValue
}

@Test func evaluateAtAThresholdCountsAndRates() throws {
    let s = makeSession()
    let t = try s.table(setup + "\nevaluate logit on hs with threshold = 0.3")
    let p = try #require(try s.table("predict logit on hs").column(named: ".prob")?.doubles())
    let y = try #require(try s.table("hs | derive y = if_else(school == \"Pasteur\", 1, 0) | select y").column(named: "y")?.doubles())
    // Which level is class 1 follows the model's levels (alphabetical: Grant-White = 0, Pasteur = 1).
    let c = ConfusionCounts(labels: y, probabilities: p, threshold: 0.3)
    #expect(value(t, "threshold") == 0.3)
    #expect(value(t, "true_positive") == Double(c.tp) && value(t, "false_negative") == Double(c.fn))
    #expect(value(t, "sensitivity") == c.sensitivity && value(t, "npv") == c.npv)
    #expect(c.tp + c.fn == 156 && c.tp > 0)
    // The AUC has a DeLong interval beside it; in-sample, a logistic model is calibrated: intercept 0, slope 1.
    let i = try #require((0..<t.rowCount).first { t[$0, "metric"] == .string("auc") })
    let lo = try #require(t[i, "ci_lower"].doubleValue), hi = try #require(t[i, "ci_upper"].doubleValue)
    let d = try #require(DeLongAUC(labels: y, scores: p))
    #expect(abs(lo - d.lower) < 1e-15 && abs(hi - d.upper) < 1e-15 && lo < d.auc && d.auc < hi)
    #expect(abs(value(t, "calibration_intercept") ?? 1) < 1e-8)
    #expect(abs((value(t, "calibration_slope") ?? 0) - 1) < 1e-8)
    #expect(abs((value(t, "brier") ?? 0) - ProbabilityScores.brier(labels: y, probabilities: p)) < 1e-15)
}

@Test func thresholdAndCalibrationTables() throws {
    let s = makeSession()
    let t = try s.table(setup + "\nevaluate logit on hs with thresholds = [0.2, 0.4, 0.6]")
    #expect(t.rowCount == 3 && t.columnNames.contains("net_benefit"))
    let tp = try #require(t.column(named: "true_positive")?.doubles()), fp = try #require(t.column(named: "false_positive")?.doubles())
    #expect(tp[0] >= tp[1] && tp[1] >= tp[2])
    // Net benefit by hand at 0.4: TP/n − FP/n · 0.4/0.6.
    let nb = try #require(t.column(named: "net_benefit")?.doubles())
    #expect(abs(nb[1] - (tp[1] / 301 - fp[1] / 301 * 0.4 / 0.6)) < 1e-15)
    let c = try s.table("evaluate logit on hs with calibration = 5")
    let n = try #require(c.column(named: "n")?.doubles())
    #expect(n.reduce(0, +) == 301)
    let events = try #require(c.column(named: "events")?.doubles())
    #expect(events.reduce(0, +) == 156)
}

@Test func evaluateOptionErrors() throws {
    let s = makeSession()
    _ = try s.table(setup + "\nlin = fit linear x9 ~ x7 on hs\nevaluate logit on hs")
    #expect(s.failure("evaluate logit on hs with threshold = 1.5")?.message == "threshold must be a number between 0 and 1")
    #expect(s.failure("evaluate lin on hs with threshold = 0.3")?.message == "threshold applies to models of a binary outcome; this model's target is numeric")
    #expect(s.failure("evaluate logit on hs with calibration = 1")?.message == "calibration must be true or a number of bins from 2 to 100")
}

@Test func logisticFitWarnsAboutFewEventsPerVariable() throws {
    let s = makeSession()
    let r = s.execute("hs = load \"data/HolzingerSwineford1939.csv\"\nsmall = hs | sample 40 by school seed 1\nfit logistic school ~ x1 + x2 + x3 + x4 + x5 + x6 on small", origin: .init(file: "t.msq"))
    let text = Renderer.text(r.outputs, options: s.options)
    #expect(text.contains("events per variable, below the rule of thumb of 10"))
}

@Test func optimismCorrectionByBootstrapRefits() throws {
    let s = makeSession()
    let t = try s.table(setup + "\nevaluate logit on hs with optimism = 20 seed 5")
    let apparent = try #require(t.column(named: "apparent")?.doubles()), corrected = try #require(t.column(named: "corrected")?.doubles())
    let optimism = try #require(t.column(named: "optimism")?.doubles())
    let plain = try s.table("evaluate logit on hs")
    // The apparent AUC is evaluate's AUC (up to summation order); in-sample the slope is 1.
    #expect(abs(apparent[0] - (value(plain, "auc") ?? 0)) < 1e-12)
    #expect(abs(apparent[3] - 1) < 1e-8)
    // Refits do better on their own resample than on the original rows: positive AUC optimism, slope below 1.
    #expect(optimism[0] > 0 && corrected[0] < apparent[0])
    #expect(corrected[3] < 1)
    for k in 0..<4 { #expect(abs(corrected[k] - (apparent[k] - optimism[k])) < 1e-15) }
    // The same seed gives the same table.
    let again = try s.table("evaluate logit on hs with optimism = 20 seed 5")
    #expect(again.column(named: "corrected")?.doubles() == corrected)
}
