import Foundation
import Testing
@testable import MSNPlot

// Scales, ticks, bin rules and curves, against values worked out by hand.

@Test func niceTicksUseOneTwoFiveSteps() {
    #expect(Ticks.nice(0, 9.25) == [0, 2, 4, 6, 8, 10])
    #expect(Ticks.nice(0.667, 8.5) == [0, 2, 4, 6, 8, 10])
    #expect(Ticks.nice(0, 0.37) == [0, 0.1, 0.2, 0.3, 0.4])
    #expect(Ticks.step(span: 10, count: 4) == 2.5)
    #expect(Ticks.labels([0, 2.5, 5, 7.5]) == ["0.0", "2.5", "5.0", "7.5"])
    #expect(Ticks.labels([2020, 2021, 2022]) == ["2020", "2021", "2022"])
    #expect(Ticks.labels([-0.2, 0, 0.2]) == ["-0.2", "0.0", "0.2"])
    #expect(Ticks.log10Ticks(3, 4000) == [1, 10, 100, 1000, 10000])
    // Less than two decades on a log axis: 1-2-5 steps.
    #expect(LinearScale(130, 2600, to: 0, 1, log: true).ticks() == [200, 500, 1000, 2000])
    #expect(LinearScale(3, 40000, to: 0, 1, log: true).ticks() == [10, 100, 1000, 10000])
}

@Test func scalesMapDomainsToPixels() {
    let s = LinearScale(0, 10, to: 100, 300)
    #expect(s(0) == 100 && s(5) == 200 && s(10) == 300)
    let l = LinearScale(1, 1000, to: 0, 300, log: true)
    #expect(abs(l(10) - 100) < 1e-9 && abs(l(100) - 200) < 1e-9)
    let b = BandScale(["a", "b", "c", "d"], to: 0, 400, padding: 0.2)
    #expect(b.step == 100 && b.bandwidth == 80 && b.start(1) == 110 && b.center(3) == 350)
}

@Test func freedmanDiaconisAndSturges() {
    // 1…100: IQR (type 7) = 75.25 − 25.75 = 49.5, width = 2 · 49.5 / 100^(1/3) = 21.33, range 99 → 5 bins.
    #expect(PlotStats.freedmanDiaconisBins((1...100).map(Double.init)) == 5)
    // IQR zero: Sturges, ⌈log2 n⌉ + 1 = 5 for n = 16.
    #expect(PlotStats.freedmanDiaconisBins([Double](repeating: 1, count: 14) + [0, 5]) == 5)
    #expect(PlotStats.histogram([0, 0.5, 1, 1.5, 2], lo: 0, hi: 2, bins: 2) == [2, 3])
}

@Test func silvermanBandwidthAndDensityArea() {
    // [1…5]: sd 1.5811, IQR/1.34 = 2/1.34 = 1.4925 → 0.9 · 1.4925 · 5^(−0.2) = 0.97357.
    let h = PlotStats.silverman([1, 2, 3, 4, 5])
    #expect(abs(h - 0.9 * (2 / 1.34) * pow(5, -0.2)) < 1e-12)
    #expect(abs(h - 0.97357) < 1e-4)
    let grid = (0..<2001).map { -10 + 26 * Double($0) / 2000 }
    let d = PlotStats.kde([1, 2, 3, 4, 5], grid: grid, bandwidth: h)
    let area = zip(d.dropFirst(), d).reduce(0) { $0 + ($1.0 + $1.1) / 2 * 0.013 }
    #expect(abs(area - 1) < 1e-6)
}

@Test func rocAndAUCOnAHandExample() {
    // Positives score 0.9 and 0.7, negatives 0.8 and 0.1: 3 of 4 pairs ordered → AUC 0.75.
    let r = PlotStats.roc(labels: [1, 0, 1, 0], scores: [0.9, 0.8, 0.7, 0.1])
    #expect(abs(r.auc - 0.75) < 1e-12)
    #expect(r.points.first! == (0, 0) && r.points.last! == (1, 1))
    // A tie between a positive and a negative counts half.
    #expect(abs(PlotStats.roc(labels: [1, 0], scores: [0.5, 0.5]).auc - 0.5) < 1e-12)
}

@Test func leastSquaresAndCorrelation() {
    let f = PlotStats.linearFit([1, 2, 3, 4], [3, 5, 7, 9])
    #expect(f.map { abs($0.intercept - 1) < 1e-12 && abs($0.slope - 2) < 1e-12 } == true)
    #expect(abs(PlotStats.correlation([1, 2, 3], [3, 2, 1]) + 1) < 1e-12)
    #expect(PlotStats.linearFit([2, 2], [1, 3]) == nil)
}

@Test func svgNumbersAndEscapingAreFixed() {
    #expect(SVGWriter.num(3.14159) == "3.14")
    #expect(SVGWriter.num(2.0) == "2")
    #expect(SVGWriter.num(-0.001) == "0")
    #expect(SVGWriter.num(12.5) == "12.5")
    #expect(SVGWriter.num(.nan) == "0")
    #expect(SVGWriter.escape("a < b & \"c\"") == "a &lt; b &amp; &quot;c&quot;")
}

@Test func textWidthsGrowWithTheText() {
    #expect(TextMetrics.width("mmmm", size: 12) > TextMetrics.width("iiii", size: 12))
    #expect(abs(TextMetrics.width("0", size: 10) - 5.6) < 1e-9)
    let fitted = TextMetrics.fit("a long title that will not fit", size: 12, maxWidth: 60)
    #expect(fitted.hasSuffix("…") && TextMetrics.width(fitted, size: 12) <= 60)
}

@Test func paletteIsOkabeIto() {
    #expect(Theme.light.palette.prefix(7) == ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442"])
    #expect(Theme.light.color(8) == "#0072B2")
    #expect(Ramp.mix("#000000", "#FFFFFF", 0.5) == "#808080")
    #expect(Ramp.ink(on: "#ffffff") == "#111111" && Ramp.ink(on: "#0b4f8a") == "#ffffff")
}

@Test func pathEdgeLabelsCarryStars() {
    #expect(PathModel.Edge("a", "b", estimate: 0.774, pvalue: 0.0001).label == "0.77***")
    #expect(PathModel.Edge("a", "b", estimate: 0.4, pvalue: 0.003).label == "0.40**")
    #expect(PathModel.Edge("a", "b", estimate: -0.2, pvalue: 0.04).label == "-0.20*")
    #expect(PathModel.Edge("a", "b", estimate: 0.1, pvalue: 0.2).label == "0.10")
    #expect(PathModel.Edge("a", "b", estimate: 0.77, pvalue: .nan).label == "0.77")
}
