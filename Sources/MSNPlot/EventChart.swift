import Foundation

/// An event-study chart: each period's coefficient relative to adoption with its 95% interval, a dashed
/// zero line, and a dotted line where treatment starts (between the reference period and period 0),
/// as fixest's `iplot` and Stata's `coefplot` draw them.
public enum EventChart {
    /// The chart of `periods` (relative to adoption) with `estimates` and interval ends; `reference` is the
    /// omitted period (drawn as a hollow point at zero).
    public static func draw(periods: [Int], estimates: [Double], lower: [Double], upper: [Double], reference: Int,
                            response: String, options: PlotOptions = PlotOptions()) throws -> Figure {
        let keep = periods.indices.filter { estimates[$0].isFinite && lower[$0].isFinite && upper[$0].isFinite }
        guard let first = keep.map({ periods[$0] }).min(), let last = keep.map({ periods[$0] }).max() else {
            throw PlotError.noData("the event study has no period with a finite estimate")
        }
        let title = options.title ?? "Effect on \(response) by period relative to adoption (95% intervals)"
        let yDomain = LinearScale.domain(keep.flatMap { [lower[$0], upper[$0]] } + [0])
        let xDomain = (Double(first) - 0.5, Double(last) + 0.5)
        var c = Canvas(options: options, title: title, x: .continuous(lo: xDomain.0, hi: xDomain.1, log: false),
                       y: .continuous(lo: yDomain.0, hi: yDomain.1, log: false),
                       xLabel: options.xLabel ?? "period relative to adoption", yLabel: options.yLabel ?? "effect on \(response)")
        c.drawBackground()
        let theme = options.theme
        c.svg.line(c.x(xDomain.0), c.y(0), c.x(xDomain.1), c.y(0), stroke: theme.muted, width: 1, dash: "5 4")
        let start = Double(reference) + 0.5
        if start > xDomain.0 && start < xDomain.1 {
            c.svg.line(c.x(start), c.y(yDomain.0), c.x(start), c.y(yDomain.1), stroke: theme.muted, width: 1, dash: "2 3")
        }
        let color = theme.color(0)
        for i in keep {
            let x = c.x(Double(periods[i]))
            if periods[i] == reference {
                c.svg.circle(x, c.y(0), r: 4, fill: "none", stroke: color)
                continue
            }
            c.svg.line(x, c.y(lower[i]), x, c.y(upper[i]), stroke: color, width: 1.5)
            c.svg.circle(x, c.y(estimates[i]), r: 4, fill: color)
        }
        c.drawAxes()
        let points = keep.map { (Double(periods[$0]), estimates[$0]) }
        let sketch = Sketch.points(title, series: [("estimate", points.map(\.0), points.map(\.1))], xRange: xDomain, yRange: yDomain)
        let desc = "Event-study coefficients of \(response) for periods \(first) to \(last) relative to adoption, with 95% intervals; period \(reference) is the reference (zero)."
        return Figure(kind: "event", title: title, width: options.width, height: options.height, svg: c.document(desc: desc), sketch: sketch)
    }
}
