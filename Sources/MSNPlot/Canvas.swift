import Foundation

/// One axis of an x–y chart: continuous (linear or log) or categorical bands.
enum Axis {
    case continuous(lo: Double, hi: Double, log: Bool)
    case band([String])
}

/// The common frame of x–y charts: margins sized from the labels, title, axes with nice ticks and
/// light grid lines, axis titles, a legend at the right and a caption at the bottom.
struct Canvas {
    var svg: SVGWriter
    let options: PlotOptions
    let theme: Theme
    let title: String
    /// Plot area, in pixels.
    let left: Double, right: Double, top: Double, bottom: Double
    let xAxis: Axis, yAxis: Axis
    let xLabel: String, yLabel: String
    let legend: [(label: String, color: String)]
    let legendTitle: String?
    let caption: String?
    let rotateX: Bool

    static let tickSize = 11.0
    static let labelSize = 12.0
    static let titleSize = 15.0

    init(options: PlotOptions, title: String, x: Axis, y: Axis, xLabel: String, yLabel: String,
         legend: [(label: String, color: String)] = [], legendTitle: String? = nil, caption: String? = nil, legendWidthHint: Double = 0) {
        self.options = options; self.theme = options.theme; self.title = title
        self.xAxis = x; self.yAxis = y; self.xLabel = xLabel; self.yLabel = yLabel
        self.legend = legend; self.legendTitle = legendTitle; self.caption = caption
        svg = SVGWriter(width: options.width, height: options.height, theme: options.theme)
        let W = Double(options.width), H = Double(options.height)
        let yLabels = Canvas.tickLabels(y, length: H)
        let yTickWidth = yLabels.map { TextMetrics.width($0, size: Canvas.tickSize) }.max() ?? 0
        var legendWidth = legend.isEmpty ? 0 : (legend.map { TextMetrics.width($0.label, size: Canvas.tickSize) }.max() ?? 0) + 34
        if let legendTitle, !legend.isEmpty { legendWidth = max(legendWidth, TextMetrics.width(legendTitle, size: Canvas.tickSize) + 16) }
        legendWidth = max(legendWidth, legendWidthHint)
        legendWidth = min(legendWidth, W * 0.3)
        left = 12 + (yLabel.isEmpty ? 0 : 20) + min(yTickWidth, W * 0.35) + 8
        right = W - 24 - legendWidth
        top = 40
        var rotate = false
        var xExtra = 0.0
        if case .band(let cats) = x, !cats.isEmpty {
            let step = (right - left) / Double(cats.count)
            let widest = cats.map { TextMetrics.width($0, size: Canvas.tickSize) }.max() ?? 0
            if widest > step * 0.95 { rotate = true; xExtra = min(widest, 110) * 0.7 }
        }
        rotateX = rotate
        bottom = H - 22 - (xLabel.isEmpty ? 0 : 18) - (caption == nil ? 0 : 16) - xExtra
    }

    /// Tick labels of an axis (for margin sizing).
    static func tickLabels(_ axis: Axis, length: Double) -> [String] {
        switch axis {
        case .band(let c): return c
        case .continuous(let lo, let hi, let log):
            return Ticks.labels(LinearScale(lo, hi, to: 0, 1, log: log).ticks(length < 300 ? 4 : 6))
        }
    }

    /// Pixel scale of the x axis (continuous only).
    var x: LinearScale {
        if case .continuous(let lo, let hi, let log) = xAxis { return LinearScale(lo, hi, to: left, right, log: log) }
        return LinearScale(0, 1, to: left, right)
    }
    /// Pixel scale of the y axis (continuous only).
    var y: LinearScale {
        if case .continuous(let lo, let hi, let log) = yAxis { return LinearScale(lo, hi, to: bottom, top, log: log) }
        return LinearScale(0, 1, to: bottom, top)
    }
    var xBand: BandScale { if case .band(let c) = xAxis { return BandScale(c, to: left, right) }; return BandScale([], to: left, right) }
    var yBand: BandScale { if case .band(let c) = yAxis { return BandScale(c, to: top, bottom) }; return BandScale([], to: top, bottom) }

    /// Grid lines and the title; call before drawing marks.
    mutating func drawBackground() {
        svg.text(TextMetrics.fit(title, size: Canvas.titleSize, maxWidth: Double(options.width) - 24), 12, 24, size: Canvas.titleSize, weight: "bold")
        if case .continuous = yAxis {
            for t in y.ticks(bottom - top < 220 ? 4 : 6) { svg.line(left, y(t), right, y(t), stroke: theme.grid) }
        }
        if case .continuous = xAxis {
            for t in x.ticks(right - left < 300 ? 4 : 6) { svg.line(x(t), top, x(t), bottom, stroke: theme.grid) }
        }
    }

    /// Axes, tick labels, axis titles, legend and caption; call after drawing marks.
    mutating func drawAxes() {
        let fg = theme.foreground, muted = theme.muted
        svg.line(left, bottom, right, bottom, stroke: fg)
        svg.line(left, top, left, bottom, stroke: fg)
        switch xAxis {
        case .continuous:
            let ticks = x.ticks(right - left < 300 ? 4 : 6)
            for (t, l) in zip(ticks, Ticks.labels(ticks)) {
                svg.line(x(t), bottom, x(t), bottom + 4, stroke: fg)
                svg.text(l, x(t), bottom + 17, size: Canvas.tickSize, anchor: "middle", fill: muted)
            }
        case .band(let cats):
            let b = xBand
            for (i, c) in cats.enumerated() {
                if rotateX {
                    svg.text(TextMetrics.fit(c, size: Canvas.tickSize, maxWidth: 110), b.center(i) + 3, bottom + 12, size: Canvas.tickSize, anchor: "end", fill: muted, rotate: -40)
                } else {
                    svg.text(c, b.center(i), bottom + 17, size: Canvas.tickSize, anchor: "middle", fill: muted)
                }
            }
        }
        switch yAxis {
        case .continuous:
            let ticks = y.ticks(bottom - top < 220 ? 4 : 6)
            for (t, l) in zip(ticks, Ticks.labels(ticks)) {
                svg.line(left - 4, y(t), left, y(t), stroke: fg)
                svg.text(l, left - 7, y(t) + 4, size: Canvas.tickSize, anchor: "end", fill: muted)
            }
        case .band(let cats):
            let b = yBand
            for (i, c) in cats.enumerated() {
                svg.text(TextMetrics.fit(c, size: Canvas.tickSize, maxWidth: left - 16 - (yLabel.isEmpty ? 0 : 20)), left - 7, b.center(i) + 4, size: Canvas.tickSize, anchor: "end", fill: muted)
            }
        }
        let H = Double(options.height)
        if !xLabel.isEmpty {
            svg.text(TextMetrics.fit(xLabel, size: Canvas.labelSize, maxWidth: right - left), (left + right) / 2, H - 10 - (caption == nil ? 0 : 16), size: Canvas.labelSize, anchor: "middle")
        }
        if !yLabel.isEmpty {
            svg.text(TextMetrics.fit(yLabel, size: Canvas.labelSize, maxWidth: bottom - top), 18, (top + bottom) / 2, size: Canvas.labelSize, anchor: "middle", rotate: -90)
        }
        drawLegend()
        if let caption {
            svg.text(TextMetrics.fit(caption, size: 11, maxWidth: Double(options.width) - 24), 12, H - 8, size: 11, fill: muted)
        }
    }

    mutating func drawLegend() {
        guard !legend.isEmpty else { return }
        var yy = top + 4
        let x0 = right + 16
        let maxW = Double(options.width) - x0 - 30
        if let legendTitle {
            svg.text(TextMetrics.fit(legendTitle, size: Canvas.tickSize, maxWidth: maxW + 22), x0, yy + 8, size: Canvas.tickSize, weight: "bold")
            yy += 20
        }
        for item in legend.prefix(Int((bottom - yy) / 18)) {
            svg.rect(x0, yy, 12, 12, fill: item.color)
            svg.text(TextMetrics.fit(item.label, size: Canvas.tickSize, maxWidth: maxW), x0 + 18, yy + 10, size: Canvas.tickSize)
            yy += 18
        }
    }

    /// The finished SVG.
    func document(desc: String, defs: String = "") -> String { svg.document(title: title, desc: desc, defs: defs) }
}
