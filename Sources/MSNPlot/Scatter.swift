import Foundation

/// How a scatter's points are coloured.
public enum PointColor: Sendable {
    /// One colour.
    case none
    /// A category per point (a legend names them).
    case groups([String], name: String)
    /// A number per point, shown on a blue → vermillion ramp (low → high).
    case values([Double], name: String)
}

/// Scatter plots (with an optional least-squares line) and SHAP dependence plots.
public enum ScatterChart {
    /// Above this many points a scatter is binned (one colour) or thinned (coloured) deterministically.
    public static let pointLimit = 20_000

    /// A scatter of y against x.
    public static func scatter(x xs: [Double], y ys: [Double], xName: String, yName: String, color: PointColor = .none,
                               kind: String = "scatter", title defaultTitle: String? = nil, options: PlotOptions = PlotOptions()) throws -> Figure {
        guard xs.count == ys.count else { throw PlotError.invalid("x and y have different lengths (\(xs.count) and \(ys.count))") }
        let keep = xs.indices.filter { xs[$0].isFinite && ys[$0].isFinite && (!options.logX || xs[$0] > 0) && (!options.logY || ys[$0] > 0) }
        guard !keep.isEmpty else { throw PlotError.noData("no row has numbers in both '\(xName)' and '\(yName)'") }
        let px = keep.map { xs[$0] }, py = keep.map { ys[$0] }
        let xd = LinearScale.domain(px, log: options.logX), yd = LinearScale.domain(py, log: options.logY)
        let title = options.title ?? defaultTitle ?? "\(yName) against \(xName)"
        var legend: [(label: String, color: String)] = []
        var groupIndex: [Int] = []
        var levels: [String] = []
        var legendTitle: String? = nil
        var rampValues: [Double] = []
        var rampRange = (0.0, 1.0)
        switch color {
        case .none: break
        case .groups(let g, let name):
            var seen: [String: Int] = [:]
            for i in keep { let l = g[i]; if seen[l] == nil { seen[l] = levels.count; levels.append(l) } }
            let order = levels.sorted()
            let rank = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
            levels = order
            groupIndex = keep.map { rank[g[$0]] ?? 0 }
            legend = levels.enumerated().map { ($1, options.theme.color($0)) }
            legendTitle = name
        case .values(let v, let name):
            rampValues = keep.map { v[$0] }
            let finite = rampValues.filter(\.isFinite).sorted()
            rampRange = (PlotStats.quantile(finite, 0.05), PlotStats.quantile(finite, 0.95))
            legend = [("high", Ramp.lowHigh(1)), ("", Ramp.lowHigh(0.5)), ("low", Ramp.lowHigh(0))]
            legendTitle = name
        }
        let n = keep.count
        let binned = n > pointLimit && groupIndex.isEmpty && rampValues.isEmpty
        let stride = n > pointLimit ? Int(ceil(Double(n) / Double(pointLimit))) : 1
        var caption: String? = nil
        if binned { caption = "\(n) points binned into 100 × 60 cells; shade = number of points (log scale)" }
        else if stride > 1 { caption = "\(n) points: every \(stride)th drawn (\((n + stride - 1) / stride) points)" }
        var fit: (intercept: Double, slope: Double)? = nil
        if options.trend {
            fit = options.logX || options.logY ? nil : PlotStats.linearFit(px, py)
            if let f = fit { caption = (caption.map { $0 + "; " } ?? "") + "line: least squares, \(yName) = \(Sketch.number(f.intercept)) + \(Sketch.number(f.slope)) × \(xName)" }
        }
        var c = Canvas(options: options, title: title, x: .continuous(lo: xd.0, hi: xd.1, log: options.logX), y: .continuous(lo: yd.0, hi: yd.1, log: options.logY),
                       xLabel: options.xLabel ?? xName, yLabel: options.yLabel ?? yName, legend: legend, legendTitle: legendTitle, caption: caption)
        c.drawBackground()
        let radius = n > 2000 ? 1.8 : n > 300 ? 2.6 : 3.4
        let opacity = n > 2000 ? 0.45 : 0.75
        if binned {
            let cols = 100, rows = 60
            var counts = [Int](repeating: 0, count: cols * rows)
            let cw = (c.right - c.left) / Double(cols), ch = (c.bottom - c.top) / Double(rows)
            for i in 0..<n {
                let a = min(cols - 1, max(0, Int((c.x(px[i]) - c.left) / cw))), b = min(rows - 1, max(0, Int((c.y(py[i]) - c.top) / ch)))
                counts[b * cols + a] += 1
            }
            let top = log(Double(counts.max() ?? 1) + 1)
            for b in 0..<rows { for a in 0..<cols where counts[b * cols + a] > 0 {
                let t = 0.15 + 0.85 * log(Double(counts[b * cols + a]) + 1) / top
                c.svg.rect(c.left + Double(a) * cw, c.top + Double(b) * ch, cw + 0.2, ch + 0.2, fill: options.theme.color(0), opacity: t)
            } }
        } else {
            for k in Swift.stride(from: 0, to: n, by: stride) {
                let fill: String
                if !groupIndex.isEmpty { fill = options.theme.color(groupIndex[k]) }
                else if !rampValues.isEmpty { fill = rampValues[k].isFinite ? Ramp.lowHigh((rampValues[k] - rampRange.0) / max(1e-300, rampRange.1 - rampRange.0)) : options.theme.muted }
                else { fill = options.theme.color(0) }
                c.svg.circle(c.x(px[k]), c.y(py[k]), r: radius, fill: fill, opacity: opacity)
            }
        }
        if let f = fit {
            let x0 = px.min() ?? xd.0, x1 = px.max() ?? xd.1
            c.svg.line(c.x(x0), c.y(f.intercept + f.slope * x0), c.x(x1), c.y(f.intercept + f.slope * x1), stroke: options.theme.foreground, width: 2)
        }
        c.drawAxes()
        let r = PlotStats.correlation(px, py)
        let desc = "Scatter plot of \(yName) against \(xName), \(n) points" + (legendTitle.map { ", coloured by \($0)" } ?? "") + "; Pearson r = \(Sketch.number(r))." + (caption.map { " " + $0 + "." } ?? "")
        let series: [(label: String, xs: [Double], ys: [Double])]
        if groupIndex.isEmpty { series = [("", px, py)] }
        else { series = levels.indices.map { g in (levels[g], keep.indices.filter { groupIndex[$0] == g }.map { px[$0] }, keep.indices.filter { groupIndex[$0] == g }.map { py[$0] }) } }
        let sketch = Sketch.points(title, series: series, xRange: xd, yRange: yd)
        return Figure(kind: kind, title: title, width: options.width, height: options.height, svg: c.document(desc: desc), sketch: sketch, caption: caption)
    }
}
