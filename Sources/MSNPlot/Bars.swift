import Foundation

/// Bar charts: vertical bars per category, and sorted horizontal bars (importance shares).
public enum BarChart {
    /// Vertical bars of `values` per category, from zero.
    public static func bar(categories: [String], values: [Double], xName: String, yName: String, options: PlotOptions = PlotOptions()) throws -> Figure {
        guard categories.count == values.count else { throw PlotError.invalid("categories and values differ in length") }
        let keep = values.indices.filter { values[$0].isFinite }
        guard !keep.isEmpty else { throw PlotError.noData("'\(yName)' has no numbers to draw") }
        let cats = keep.map { categories[$0] }, vals = keep.map { values[$0] }
        let yd = LinearScale.domain(vals, includeZero: true)
        let title = options.title ?? "\(yName) by \(xName)"
        var c = Canvas(options: options, title: title, x: .band(cats), y: .continuous(lo: yd.0, hi: yd.1, log: false),
                       xLabel: options.xLabel ?? xName, yLabel: options.yLabel ?? yName)
        c.drawBackground()
        let b = c.xBand
        let labels = Ticks.labels(vals.count > 1 ? vals : vals + [0])
        for (i, v) in vals.enumerated() {
            let y0 = c.y(0), y1 = c.y(v)
            c.svg.rect(b.start(i), min(y0, y1), b.bandwidth, abs(y1 - y0), fill: options.theme.color(0), opacity: 0.9)
            if vals.count <= 20, TextMetrics.width(Sketch.number(v), size: 11) < b.step {
                c.svg.text(Sketch.number(v), b.center(i), v >= 0 ? y1 - 4 : y1 + 13, size: 11, anchor: "middle", fill: options.theme.muted)
            }
        }
        _ = labels
        c.drawAxes()
        let desc = "Bar chart of \(yName) by \(xName): " + zip(cats, vals).prefix(30).map { "\($0) \(Sketch.number($1))" }.joined(separator: ", ") + "."
        return Figure(kind: "bar", title: title, width: options.width, height: options.height, svg: c.document(desc: desc),
                      sketch: Sketch.bars(title, labels: cats, values: vals))
    }

    /// Horizontal bars, largest first, the value written at each bar's end (as a percentage when `percent`).
    public static func horizontal(categories: [String], values: [Double], valueName: String, kind: String = "importance", title: String,
                                  percent: Bool, limit: Int = 20, options: PlotOptions = PlotOptions()) throws -> Figure {
        let order = values.indices.filter { values[$0].isFinite }.sorted { values[$0] > values[$1] || (values[$0] == values[$1] && $0 < $1) }.prefix(limit)
        guard !order.isEmpty else { throw PlotError.noData("nothing to draw") }
        let cats = order.map { categories[$0] }, vals = order.map { percent ? 100 * values[$0] : values[$0] }
        let valueName = percent ? valueName + " (%)" : valueName
        var o = options
        if o.height == PlotOptions().height { o.height = max(220, min(900, 70 + 26 * cats.count + 40)) }
        let top = vals.max() ?? 1
        let xd = (min(0, vals.min() ?? 0), top * 1.15)
        let t = options.title ?? title
        let fmt: (Double) -> String = { percent ? String(format: "%.1f%%", $0) : Sketch.number($0) }
        var c = Canvas(options: o, title: t, x: .continuous(lo: xd.0, hi: xd.1, log: false), y: .band(cats), xLabel: options.xLabel ?? valueName, yLabel: options.yLabel ?? "")
        c.drawBackground()
        let b = c.yBand
        for (i, v) in vals.enumerated() {
            c.svg.rect(c.x(min(0, v)), b.start(i), abs(c.x(v) - c.x(0)), b.bandwidth, fill: options.theme.color(0), opacity: 0.9)
            c.svg.text(fmt(v), c.x(max(0, v)) + 4, b.center(i) + 4, size: 11, fill: options.theme.muted)
        }
        c.drawAxes()
        let desc = "\(t): " + zip(cats, vals).map { "\($0) \(fmt($1))" }.joined(separator: ", ") + "."
        return Figure(kind: kind, title: t, width: o.width, height: o.height, svg: c.document(desc: desc), sketch: Sketch.bars(t, labels: cats, values: vals))
    }
}

/// Heatmaps of a matrix (correlations, a transfer table), each cell labelled with its value.
public enum Heatmap {
    /// A heatmap; `diverging` colours −1…1 blue–vermillion around a neutral 0, else low…high sequentially.
    public static func draw(rows: [String], columns: [String], values: [[Double]], kind: String, title: String, desc: String,
                            diverging: Bool, xName: String = "", yName: String = "", options: PlotOptions = PlotOptions()) throws -> Figure {
        guard !rows.isEmpty, !columns.isEmpty, values.count == rows.count, values.allSatisfy({ $0.count == columns.count }) else {
            throw PlotError.noData("a heatmap needs at least one row and one column")
        }
        let finite = values.flatMap { $0 }.filter(\.isFinite)
        let lo = finite.min() ?? 0, hi = finite.max() ?? 1
        var o = options
        if o.width == PlotOptions().width && o.height == PlotOptions().height {
            let side = min(640, max(380, 60 * Double(max(rows.count, columns.count)) + 180))
            o.width = Int(max(side + 40, TextMetrics.width(options.title ?? title, size: 15) + 30)); o.height = Int(side)
        }
        let caption = diverging ? "colour: −1 blue, 0 neutral, +1 vermillion" : "colour: \(Sketch.number(lo)) light to \(Sketch.number(hi)) dark"
        var c = Canvas(options: o, title: options.title ?? title, x: .band(columns), y: .band(rows), xLabel: options.xLabel ?? xName, yLabel: options.yLabel ?? yName, caption: caption)
        c.drawBackground()
        let bx = BandScale(columns, to: c.left, c.right, padding: 0.04), by = BandScale(rows, to: c.top, c.bottom, padding: 0.04)
        for (i, row) in values.enumerated() {
            for (j, v) in row.enumerated() {
                let fill = !v.isFinite ? o.theme.panel : diverging ? Ramp.diverging(max(-1, min(1, v)), theme: o.theme)
                    : Ramp.sequential(hi > lo ? (v - lo) / (hi - lo) : 0.5, theme: o.theme)
                c.svg.rect(bx.start(j), by.start(i), bx.bandwidth, by.bandwidth, fill: fill)
                let label = v.isFinite ? String(format: "%.2f", v) : "–"
                if TextMetrics.width(label, size: 11) < bx.bandwidth - 2 && by.bandwidth >= 13 {
                    c.svg.text(label, bx.center(j), by.center(i) + 4, size: 11, anchor: "middle", fill: Ramp.ink(on: fill))
                }
            }
        }
        c.drawAxes()
        return Figure(kind: kind, title: options.title ?? title, width: o.width, height: o.height, svg: c.document(desc: desc),
                      sketch: Sketch.matrix(options.title ?? title, rows: rows, columns: columns, values: values))
    }

    /// The correlation matrix of named numeric columns (pairwise complete rows).
    public static func correlation(_ columns: [(name: String, values: [Double])], options: PlotOptions = PlotOptions()) throws -> Figure {
        guard columns.count >= 2 else { throw PlotError.invalid("a correlation heatmap needs at least two numeric columns") }
        let names = columns.map(\.name)
        let m = columns.map { a in columns.map { b in PlotStats.correlation(a.values, b.values) } }
        return try draw(rows: names, columns: names, values: m, kind: "corr", title: "Correlations (Pearson)",
                        desc: "Pearson correlations of \(names.joined(separator: ", ")) over pairwise complete rows.", diverging: true, options: options)
    }
}
