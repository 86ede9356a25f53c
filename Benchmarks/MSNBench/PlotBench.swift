import Foundation
import MSNPlot

/// Scatter plots of 100,000 points (one colour: binned; three colours: thinned to 20,000), the SEM path
/// diagram, and a histogram: time per figure and SVG size.
enum PlotBench {
    static func run(runs: Int) throws {
        var state: UInt64 = 42
        func next() -> Double { state = state &* 6364136223846793005 &+ 1442695040888963407; return Double(state >> 11) / Double(1 << 53) }
        let n = 100_000
        let x = (0..<n).map { _ in next() * 10 }, y = x.map { 2 + 0.5 * $0 + next() * 3 }
        let groups = x.indices.map { ["Java", "Sumatra", "Bali"][$0 % 3] }
        var size = 0
        let tBinned = try Bench.median(runs) { size = try ScatterChart.scatter(x: x, y: y, xName: "x", yName: "y").svg.utf8.count }
        print("scatter_100k_binned_ms: \(String(format: "%.1f", tBinned)), svg_bytes: \(size)")
        var o = PlotOptions(); o.trend = true
        let tColoured = try Bench.median(runs) {
            size = try ScatterChart.scatter(x: x, y: y, xName: "x", yName: "y", color: .groups(groups, name: "region"), options: o).svg.utf8.count
        }
        print("scatter_100k_coloured_trend_ms: \(String(format: "%.1f", tColoured)), svg_bytes: \(size)")
        let tHist = try Bench.median(runs) { size = try DistributionCharts.histogram([Group("", x)], variable: "x").svg.utf8.count }
        print("histogram_100k_ms: \(String(format: "%.1f", tHist)), svg_bytes: \(size)")
    }
}
