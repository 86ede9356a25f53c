import Foundation

/// Values of one group (the whole column when there is no `by`).
public struct Group: Sendable {
    /// The group's label ("" for no grouping).
    public var label: String
    /// Its values (NaN = missing, skipped).
    public var values: [Double]
    /// A group.
    public init(_ label: String, _ values: [Double]) { self.label = label; self.values = values }
}

/// Histograms, density curves and box plots; several groups are overlaid with a legend.
public enum DistributionCharts {
    static func finite(_ groups: [Group], variable: String, positive: Bool = false) throws -> [Group] {
        let out = groups.map { Group($0.label, $0.values.filter { $0.isFinite && (!positive || $0 > 0) }.sorted()) }.filter { !$0.values.isEmpty }
        guard !out.isEmpty else { throw PlotError.noData("'\(variable)' has no \(positive ? "positive " : "")numbers to draw") }
        return out
    }

    static func defaultTitle(_ what: String, _ variable: String, _ by: String?) -> String {
        "\(what) of \(variable)" + (by.map { " by \($0)" } ?? "")
    }

    /// A histogram with Freedman–Diaconis bins (or `options.bins`) shared by all groups.
    public static func histogram(_ groups: [Group], variable: String, by: String? = nil, options: PlotOptions = PlotOptions()) throws -> Figure {
        let gs = try finite(groups, variable: variable, positive: options.logX)
        let tf: (Double) -> Double = options.logX ? { log10($0) } : { $0 }
        let all = gs.flatMap { $0.values.map(tf) }.sorted()
        let bins = options.bins ?? PlotStats.freedmanDiaconisBins(all)
        guard bins >= 1 && bins <= 10_000 else { throw PlotError.invalid("bins must be between 1 and 10000") }
        var lo = all.first ?? 0, hi = all.last ?? 1
        if hi == lo { lo -= 0.5; hi += 0.5 }
        let edges = (0...bins).map { lo + (hi - lo) * Double($0) / Double(bins) }
        let counts = gs.map { PlotStats.histogram($0.values.map(tf), lo: lo, hi: hi, bins: bins) }
        let top = Double(counts.flatMap { $0 }.max() ?? 1)
        let inv: (Double) -> Double = options.logX ? { pow(10, $0) } : { $0 }
        let xd = options.logX ? LinearScale.domain([inv(lo), inv(hi)], log: true) : (lo, hi)
        let yd = LinearScale.domain([0, top], log: false, includeZero: true)
        let legend = gs.count > 1 ? gs.enumerated().map { ($0.element.label, options.theme.color($0.offset)) } : []
        let title = options.title ?? defaultTitle("Distribution", variable, by)
        var c = Canvas(options: options, title: title, x: .continuous(lo: xd.0, hi: xd.1, log: options.logX), y: .continuous(lo: yd.0, hi: yd.1, log: false),
                       xLabel: options.xLabel ?? variable, yLabel: options.yLabel ?? "count", legend: legend, legendTitle: by)
        c.drawBackground()
        for (g, cs) in counts.enumerated() {
            let color = gs.count > 1 ? options.theme.color(g) : options.theme.color(0)
            for k in 0..<bins where cs[k] > 0 {
                let x0 = c.x(inv(edges[k])), x1 = c.x(inv(edges[k + 1]))
                c.svg.rect(x0 + 0.5, c.y(Double(cs[k])), max(0.5, x1 - x0 - 1), c.y(0) - c.y(Double(cs[k])), fill: color, opacity: gs.count > 1 ? 0.45 : 0.85)
            }
        }
        c.drawAxes()
        let n = gs.reduce(0) { $0 + $1.values.count }
        let desc = "Histogram of \(variable)\(by.map { " by \($0)" } ?? ""): \(n) values in \(bins) bins of equal width from \(Sketch.number(inv(lo))) to \(Sketch.number(inv(hi)))" + (options.bins == nil ? " (Freedman–Diaconis rule)." : ".")
        let centers = (0..<bins).map { Sketch.number(inv((edges[$0] + edges[$0 + 1]) / 2)) }
        let sketchRows = bins <= 24 ? Array(0..<bins) : stride(from: 0, to: bins, by: Int(ceil(Double(bins) / 24))).map { $0 }
        let sketch = gs.count == 1
            ? Sketch.bars(title, labels: sketchRows.map { centers[$0] }, values: sketchRows.map { Double(counts[0][$0]) })
            : Sketch.points(title, series: gs.indices.map { g in (gs[g].label, (0..<bins).map { (edges[$0] + edges[$0 + 1]) / 2 }, counts[g].map(Double.init)) },
                            xRange: (lo, hi), yRange: (0, top))
        return Figure(kind: "histogram", title: title, width: options.width, height: options.height, svg: c.document(desc: desc), sketch: sketch)
    }

    /// Gaussian kernel density curves (Silverman bandwidth per group).
    public static func density(_ groups: [Group], variable: String, by: String? = nil, options: PlotOptions = PlotOptions()) throws -> Figure {
        let gs = try finite(groups, variable: variable)
        let bands = gs.map { PlotStats.silverman($0.values) }
        let lo = zip(gs, bands).map { ($0.values.first ?? 0) - 3 * $1 }.min() ?? 0
        let hi = zip(gs, bands).map { ($0.values.last ?? 1) + 3 * $1 }.max() ?? 1
        let grid = (0..<200).map { lo + (hi - lo) * Double($0) / 199 }
        let curves = zip(gs, bands).map { PlotStats.kde($0.values, grid: grid, bandwidth: $1) }
        let top = curves.flatMap { $0 }.max() ?? 1
        let yd = LinearScale.domain([0, top], includeZero: true)
        let xd = LinearScale.domain([lo, hi])
        let title = options.title ?? defaultTitle("Density", variable, by)
        let legend = gs.count > 1 ? gs.enumerated().map { ($0.element.label, options.theme.color($0.offset)) } : []
        var c = Canvas(options: options, title: title, x: .continuous(lo: xd.0, hi: xd.1, log: false), y: .continuous(lo: yd.0, hi: yd.1, log: false),
                       xLabel: options.xLabel ?? variable, yLabel: options.yLabel ?? "density", legend: legend, legendTitle: by)
        c.drawBackground()
        for (g, curve) in curves.enumerated() {
            let pts = zip(grid, curve).map { (c.x($0), c.y($1)) }
            let color = options.theme.color(g)
            let d = "M" + pts.map { "\(SVGWriter.num($0.0)),\(SVGWriter.num($0.1))" }.joined(separator: "L") + "L\(SVGWriter.num(c.x(hi))),\(SVGWriter.num(c.y(0)))L\(SVGWriter.num(c.x(lo))),\(SVGWriter.num(c.y(0)))Z"
            c.svg.path(d, fill: color, opacity: 0.18)
            c.svg.polyline(pts, stroke: color, width: 2)
        }
        c.drawAxes()
        let desc = "Kernel density of \(variable)\(by.map { " by \($0)" } ?? "") (Gaussian kernel, Silverman bandwidth " + bands.map { Sketch.number($0) }.joined(separator: ", ") + ")."
        let step = 4
        let sketch = Sketch.points(title, series: gs.indices.map { g in (gs[g].label, stride(from: 0, to: 200, by: step).map { grid[$0] }, stride(from: 0, to: 200, by: step).map { curves[g][$0] }) },
                                   xRange: (lo, hi), yRange: (0, top))
        return Figure(kind: "density", title: title, width: options.width, height: options.height, svg: c.document(desc: desc), sketch: sketch)
    }

    /// Tukey box plots: box from the first to the third quartile, median line, whiskers to the most
    /// extreme values within 1.5 IQR, points beyond them drawn one by one.
    public static func box(_ groups: [Group], variable: String, by: String? = nil, options: PlotOptions = PlotOptions()) throws -> Figure {
        let gs = try finite(groups, variable: variable)
        let stats = gs.map { g -> (q1: Double, med: Double, q3: Double, lo: Double, hi: Double, out: [Double]) in
            let v = g.values
            let q1 = PlotStats.quantile(v, 0.25), q3 = PlotStats.quantile(v, 0.75), iqr = q3 - q1
            let inside = v.filter { $0 >= q1 - 1.5 * iqr && $0 <= q3 + 1.5 * iqr }
            return (q1, PlotStats.quantile(v, 0.5), q3, inside.first ?? q1, inside.last ?? q3, v.filter { $0 < q1 - 1.5 * iqr || $0 > q3 + 1.5 * iqr })
        }
        let yd = LinearScale.domain(gs.flatMap { [$0.values.first ?? 0, $0.values.last ?? 1] })
        let title = options.title ?? defaultTitle("Spread", variable, by)
        let labels = gs.map { $0.label.isEmpty ? variable : $0.label }
        var c = Canvas(options: options, title: title, x: .band(labels), y: .continuous(lo: yd.0, hi: yd.1, log: false),
                       xLabel: options.xLabel ?? (by ?? ""), yLabel: options.yLabel ?? variable)
        c.drawBackground()
        let band = c.xBand
        let fg = options.theme.foreground
        for (i, s) in stats.enumerated() {
            let color = gs.count > 1 ? options.theme.color(i) : options.theme.color(0)
            let w = min(band.bandwidth, 90), x0 = band.center(i) - w / 2, cx = band.center(i)
            c.svg.line(cx, c.y(s.lo), cx, c.y(s.q1), stroke: fg)
            c.svg.line(cx, c.y(s.q3), cx, c.y(s.hi), stroke: fg)
            c.svg.line(cx - w / 4, c.y(s.lo), cx + w / 4, c.y(s.lo), stroke: fg)
            c.svg.line(cx - w / 4, c.y(s.hi), cx + w / 4, c.y(s.hi), stroke: fg)
            c.svg.rect(x0, c.y(s.q3), w, c.y(s.q1) - c.y(s.q3), fill: color, stroke: fg, opacity: 0.55)
            c.svg.line(x0, c.y(s.med), x0 + w, c.y(s.med), stroke: fg, width: 2.5)
            for o in s.out { c.svg.circle(cx, c.y(o), r: 2.5, fill: "none", stroke: fg) }
        }
        c.drawAxes()
        let desc = "Box plots of \(variable)\(by.map { " by \($0)" } ?? ""): " + zip(labels, stats).map { "\($0) median \(Sketch.number($1.med)), quartiles \(Sketch.number($1.q1))–\(Sketch.number($1.q3))" }.joined(separator: "; ") + "."
        let lo = yd.0, hi = yd.1
        let width = 48
        func col(_ v: Double) -> Int { max(0, min(width - 1, Int(((v - lo) / max(1e-300, hi - lo) * Double(width - 1)).rounded()))) }
        let lw = min(16, labels.map(\.count).max() ?? 0)
        var lines = [title]
        for (l, s) in zip(labels, stats) {
            var row = [Character](repeating: " ", count: width)
            for k in col(s.lo)...col(s.hi) { row[k] = "─" }
            for k in col(s.q1)...col(s.q3) { row[k] = "█" }
            row[col(s.lo)] = "├"; row[col(s.hi)] = "┤"; row[col(s.med)] = "┃"
            for o in s.out { row[col(o)] = "·" }
            lines.append("  " + String(l.prefix(lw)).padding(toLength: lw, withPad: " ", startingAt: 0) + " " + String(row) + "  median \(Sketch.number(s.med))")
        }
        lines.append("  " + String(repeating: " ", count: lw + 1) + Sketch.number(lo) + String(repeating: " ", count: max(1, width - Sketch.number(lo).count - Sketch.number(hi).count)) + Sketch.number(hi))
        return Figure(kind: "box", title: title, width: options.width, height: options.height, svg: c.document(desc: desc), sketch: lines.joined(separator: "\n"))
    }
}
