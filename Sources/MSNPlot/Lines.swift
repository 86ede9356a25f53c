import Foundation

/// One named series of (x, y) points.
public struct Series: Sendable {
    /// The series' name (legend entry).
    public var label: String
    /// x values.
    public var x: [Double]
    /// y values.
    public var y: [Double]
    /// A series.
    public init(_ label: String, x: [Double], y: [Double]) { self.label = label; self.x = x; self.y = y }
}

/// Line charts (by group) and ROC curves.
public enum LineChart {
    /// Lines through each series' points in x order, with points marked when there are few.
    public static func line(_ series: [Series], xName: String, yName: String, by: String? = nil, options: PlotOptions = PlotOptions()) throws -> Figure {
        let clean = series.map { s -> Series in
            let idx = s.x.indices.filter { s.x[$0].isFinite && s.y[$0].isFinite }.sorted { s.x[$0] < s.x[$1] }
            return Series(s.label, x: idx.map { s.x[$0] }, y: idx.map { s.y[$0] })
        }.filter { !$0.x.isEmpty }
        guard !clean.isEmpty else { throw PlotError.noData("no row has numbers in both '\(xName)' and '\(yName)'") }
        let title = options.title ?? "\(yName) over \(xName)" + (by.map { " by \($0)" } ?? "")
        return draw(clean, title: title, kind: "line", xName: xName, yName: yName, legendTitle: by, xDomain: LinearScale.domain(clean.flatMap(\.x)),
                    yDomain: LinearScale.domain(clean.flatMap(\.y)), options: options, desc: "Line chart of \(yName) over \(xName)" + (by.map { " by \($0)" } ?? "") + ", \(clean.count) series.")
    }

    /// ROC curves of several models, the AUC in the legend, the diagonal dashed.
    public static func roc(_ curves: [(label: String, labels: [Double], scores: [Double])], options: PlotOptions = PlotOptions()) throws -> Figure {
        var series: [Series] = []
        var aucs: [Double] = []
        for c in curves {
            let r = PlotStats.roc(labels: c.labels, scores: c.scores)
            guard r.auc.isFinite else { throw PlotError.noData("the ROC curve of \(c.label) needs both classes among the scored rows") }
            series.append(Series("\(c.label) (AUC \(String(format: "%.3f", r.auc)))", x: r.points.map(\.0), y: r.points.map(\.1)))
            aucs.append(r.auc)
        }
        guard !series.isEmpty else { throw PlotError.noData("no model to draw") }
        var o = options
        if o.height == PlotOptions().height && o.width == PlotOptions().width { o.width = 560; o.height = 440 }
        let title = options.title ?? "ROC curve" + (curves.count > 1 ? "s" : "") + " of " + curves.map(\.label).joined(separator: ", ")
        return draw(series, title: title, kind: "roc", xName: "false-positive rate (1 − specificity)", yName: "true-positive rate (sensitivity)", legendTitle: nil,
                    xDomain: (0, 1), yDomain: (0, 1), options: o, diagonal: true,
                    desc: "ROC curves: " + zip(curves, aucs).map { "\($0.label) AUC \(String(format: "%.3f", $1))" }.joined(separator: ", ") + ". The dashed diagonal is guessing (AUC 0.5).")
    }

    static func draw(_ series: [Series], title: String, kind: String, xName: String, yName: String, legendTitle: String?,
                     xDomain: (Double, Double), yDomain: (Double, Double), options: PlotOptions, diagonal: Bool = false, desc: String) -> Figure {
        let legend = series.count > 1 || kind == "roc" ? series.enumerated().map { ($1.label, options.theme.color($0)) } : []
        var c = Canvas(options: options, title: title, x: .continuous(lo: xDomain.0, hi: xDomain.1, log: false), y: .continuous(lo: yDomain.0, hi: yDomain.1, log: false),
                       xLabel: options.xLabel ?? xName, yLabel: options.yLabel ?? yName, legend: legend, legendTitle: legendTitle)
        c.drawBackground()
        if diagonal { c.svg.line(c.x(0), c.y(0), c.x(1), c.y(1), stroke: options.theme.muted, width: 1, dash: "5 4") }
        for (k, s) in series.enumerated() {
            let pts = zip(s.x, s.y).map { (c.x($0), c.y($1)) }
            let color = options.theme.color(k)
            c.svg.polyline(pts, stroke: color, width: 2)
            if pts.count <= 40 && kind != "roc" { for p in pts { c.svg.circle(p.0, p.1, r: 3, fill: color) } }
        }
        c.drawAxes()
        let sketch = Sketch.points(title, series: series.map { s in
            let step = max(1, s.x.count / 60)
            return (s.label, Swift.stride(from: 0, to: s.x.count, by: step).map { s.x[$0] }, Swift.stride(from: 0, to: s.y.count, by: step).map { s.y[$0] })
        }, xRange: xDomain, yRange: yDomain)
        return Figure(kind: kind, title: title, width: options.width, height: options.height, svg: c.document(desc: desc), sketch: sketch)
    }
}
