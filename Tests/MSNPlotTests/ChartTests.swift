import Foundation
import MSNTable
import Testing
@testable import MSNPlot

private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
private let hs = try? CSVReader.read(path: root.appendingPathComponent("Notebooks/data/HolzingerSwineford1939.csv").path)

private func column(_ name: String) -> [Double] { hs?.column(named: name)?.doubles() ?? [] }
private func schools() -> [String] { hs?.column(named: "school").map { c in (0..<c.count).map { c[$0].description } } ?? [] }
private func bySchool(_ name: String) -> [Group] {
    let v = column(name), s = schools()
    return ["Grant-White", "Pasteur"].map { g in Group(g, v.indices.filter { s[$0] == g }.map { v[$0] }) }
}

/// The SVG is well-formed XML in the SVG namespace with a view box, title, description, ≥ 11 px text and no script.
private func checkSVG(_ f: Figure, title: String? = nil) {
    guard let p = SVGProbe.parse(f.svg) else { Issue.record("\(f.kind): not well-formed XML"); return }
    #expect(p.rootName == "svg" && p.namespace == "http://www.w3.org/2000/svg", "\(f.kind)")
    #expect(p.viewBox == "0 0 \(f.width) \(f.height)", "\(f.kind)")
    #expect(p.title == (title ?? f.title), "\(f.kind)")
    #expect(p.desc.count > 20, "\(f.kind): \(p.desc)")
    #expect(!p.fontSizes.isEmpty && p.fontSizes.allSatisfy { $0 >= 11 }, "\(f.kind)")
    #expect(p.scripts == 0 && !f.svg.contains("javascript") && f.svg.range(of: #" on[a-z]+="#, options: .regularExpression) == nil, "\(f.kind)")
    #expect(p.elementCount > 10, "\(f.kind)")
    #expect(!f.sketch.isEmpty)
}

@Test func distributionChartsOnHolzingerSwineford() throws {
    let h = try DistributionCharts.histogram([Group("", column("x1"))], variable: "x1")
    checkSVG(h, title: "Distribution of x1")
    // 301 values, IQR of x1 = 5.6667 − 4.1667 = 1.5 (numpy.percentile agrees) → width 2·1.5/301^(1/3) = 0.4476;
    // range 8.5 − 0.6667 = 7.833 → 17.5 → 18 bins.
    #expect(h.svg.contains("301 values in 18 bins"))
    let g = try DistributionCharts.histogram(bySchool("x1"), variable: "x1", by: "school")
    checkSVG(g)
    #expect(g.svg.contains(">Grant-White</text>") && g.svg.contains(">Pasteur</text>"))
    checkSVG(try DistributionCharts.density(bySchool("x1"), variable: "x1", by: "school"))
    let b = try DistributionCharts.box(bySchool("x7"), variable: "x7", by: "school")
    checkSVG(b)
    #expect(b.sketch.contains("Grant-White") && b.sketch.contains("median"))
    var o = PlotOptions(); o.bins = 7; o.theme = .dark
    let d = try DistributionCharts.histogram([Group("", column("x1"))], variable: "x1", options: o)
    #expect(d.svg.contains("in 7 bins") && d.svg.contains("fill=\"#1e1e1e\""))
}

@Test func scatterLineBarAndHeatmaps() throws {
    var o = PlotOptions(); o.trend = true
    let s = try ScatterChart.scatter(x: column("x1"), y: column("x4"), xName: "x1", yName: "x4", color: .groups(schools(), name: "school"), options: o)
    checkSVG(s)
    #expect(s.caption?.contains("least squares") == true)
    checkSVG(try LineChart.line([Series("a", x: [1, 2, 3], y: [2, 4, 3]), Series("b", x: [1, 2, 3], y: [1, 1, 2])], xName: "year", yName: "v", by: "region"))
    checkSVG(try BarChart.bar(categories: ["Bali", "Java", "Sumatra"], values: [0.2, 0.25, 0.18], xName: "region", yName: "share"))
    checkSVG(try BarChart.horizontal(categories: ["a", "b"], values: [0.7, 0.3], valueName: "gain", title: "importance", percent: true))
    let c = try Heatmap.correlation(["x1", "x2", "x3"].map { ($0, column($0)) })
    checkSVG(c)
    #expect(c.svg.contains(">1.00</text>"))
    checkSVG(try LineChart.roc([("m", [1, 0, 1, 0, 1], [0.9, 0.3, 0.6, 0.5, 0.2])]))
    checkSVG(try LadderChart.draw(steps: ["configural", "metric"], cfi: [0.99, 0.98], rmsea: [0.03, 0.04]))
    let bee = try Beeswarm.draw(features: ["a", "b"], shap: [[0.1, -0.2, 0.3], [0.01, 0.02, -0.01]], values: [[1, 2, 3], [3, 2, 1]])
    checkSVG(bee)
}

@Test func pathDiagramsForMeasurementAndStructuralModels() throws {
    let e = { (a: String, b: String, x: Double) in PathModel.Edge(a, b, estimate: x, pvalue: 0.001 / 2) }
    let cfa = PathModel(latents: ["visual", "textual"], loadings: [e("visual", "x1", 0.77), e("visual", "x2", 0.42), e("textual", "x4", 0.85), e("textual", "x5", 0.86)],
                        regressions: [], covariances: [e("visual", "textual", 0.46)], residuals: ["x1": 0.4, "x2": 0.82, "x4": 0.27, "x5": 0.27])
    let f = try PathDiagram.draw(cfa)
    checkSVG(f)
    #expect(f.svg.components(separatedBy: "<ellipse").count - 1 == 2)
    #expect(f.svg.contains(">0.77***</text>") && f.svg.contains(">0.46***</text>"))
    let sem = PathModel(latents: ["mi", "tc", "gc"], loadings: [e("mi", "mi1", 0.8), e("tc", "tc1", 0.7), e("gc", "gc1", 0.9)],
                        regressions: [e("mi", "tc", 0.5), e("mi", "gc", 0.66), e("tc", "gc", 0.27)], covariances: [], residuals: ["tc": 0.74, "gc": 0.31])
    let s = try PathDiagram.draw(sem)
    checkSVG(s)
    #expect(s.sketch.contains("mi ──▶ gc  0.66***"))
    #expect(throws: PlotError.self) { try PathDiagram.draw(PathModel(latents: [], loadings: [], regressions: [], covariances: [], residuals: [:])) }
}

@Test func chartsAreDeterministic() throws {
    let a = try ScatterChart.scatter(x: column("x1"), y: column("x2"), xName: "x1", yName: "x2")
    let b = try ScatterChart.scatter(x: column("x1"), y: column("x2"), xName: "x1", yName: "x2")
    #expect(a.svg == b.svg)
    #expect(!a.svg.contains("id=\"") || !a.svg.contains("random"))
}

@Test func bigScattersAreBinnedAndSmall() throws {
    var state: UInt64 = 7
    func next() -> Double { state = state &* 6364136223846793005 &+ 1442695040888963407; return Double(state >> 11) / Double(1 << 53) }
    let x = (0..<100_000).map { _ in next() }, y = x.map { $0 + next() * 0.3 }
    let f = try ScatterChart.scatter(x: x, y: y, xName: "x", yName: "y")
    #expect(f.caption?.contains("100000 points binned") == true)
    #expect(f.svg.utf8.count < 10_000_000)
    #expect(f.svg.utf8.count < 1_000_000)
    checkSVG(f)
    let g = try ScatterChart.scatter(x: x, y: y, xName: "x", yName: "y", color: .groups(x.map { $0 < 0.5 ? "low" : "high" }, name: "half"))
    #expect(g.caption?.contains("every 5th drawn") == true)
    #expect(g.svg.utf8.count < 10_000_000)
}

@Test func errorsSayWhatIsMissing() {
    #expect(throws: PlotError.noData("'x' has no numbers to draw")) { try DistributionCharts.histogram([Group("", [.nan])], variable: "x") }
    #expect(throws: PlotError.self) { try ScatterChart.scatter(x: [1], y: [1, 2], xName: "a", yName: "b") }
    #expect(throws: PlotError.self) { try LineChart.roc([("m", [1, 1], [0.2, 0.4])]) }
}

/// Golden SVG files (Fixtures/golden): small charts whose every byte is fixed. They were made by this
/// module and checked by eye in Chromium (see Fixtures/PROVENANCE.md); MSNB_UPDATE_GOLDEN=1 rewrites them.
@Test func goldenSVGs() throws {
    let cases: [(String, Figure)] = [
        ("histogram", try DistributionCharts.histogram([Group("", [1, 2, 2, 3, 3, 3, 4, 4, 5])], variable: "score")),
        ("bar", try BarChart.bar(categories: ["Bali", "Java", "Sumatra"], values: [0.2, 0.25, 0.18], xName: "region", yName: "share")),
        ("path", try PathDiagram.draw(PathModel(latents: ["f"], loadings: [PathModel.Edge("f", "y1", estimate: 0.8, pvalue: .nan), PathModel.Edge("f", "y2", estimate: 0.6, pvalue: 0.002)],
                                                regressions: [], covariances: [], residuals: ["y1": 0.36, "y2": 0.64]))),
    ]
    let dir = root.appendingPathComponent("Tests/MSNPlotTests/Fixtures/golden")
    for (name, f) in cases {
        let url = dir.appendingPathComponent("\(name).svg")
        if ProcessInfo.processInfo.environment["MSNB_UPDATE_GOLDEN"] == "1" { try f.svg.write(to: url, atomically: true, encoding: .utf8) }
        let golden = try String(contentsOf: url, encoding: .utf8)
        #expect(f.svg == golden, "\(name).svg differs from the golden file")
    }
}
