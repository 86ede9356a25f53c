import Foundation

/// SHAP summary (beeswarm) plots: one row per feature (top by mean |SHAP|), each row's points at their
/// SHAP value, stacked vertically where they crowd, coloured by the feature's value (low blue → high vermillion).
public enum Beeswarm {
    /// `shap[j][i]` and `values[j][i]`: feature j's SHAP value and raw value for row i.
    public static func draw(features: [String], shap: [[Double]], values: [[Double]], top: Int = 10, options: PlotOptions = PlotOptions()) throws -> Figure {
        guard !features.isEmpty, shap.count == features.count, let n = shap.first?.count, n > 0 else { throw PlotError.noData("no SHAP values to draw") }
        let meanAbs = shap.map { col in col.filter(\.isFinite).map(abs).reduce(0, +) / Double(max(1, col.count)) }
        let order = Array(features.indices.sorted { meanAbs[$0] > meanAbs[$1] || (meanAbs[$0] == meanAbs[$1] && $0 < $1) }.prefix(top))
        let names = order.map { features[$0] }
        var o = options
        if o.height == PlotOptions().height { o.height = max(260, min(900, 90 + 34 * order.count)) }
        let all = order.flatMap { shap[$0] }.filter(\.isFinite)
        let xd = LinearScale.domain(all + [0])
        let title = options.title ?? "SHAP values (top \(order.count) features by mean |SHAP|)"
        let legend = [("high", Ramp.lowHigh(1)), ("", Ramp.lowHigh(0.5)), ("low", Ramp.lowHigh(0))]
        let cap = n > 2000 ? "every \(Int(ceil(Double(n) / 2000)))th row drawn of \(n)" : nil
        var c = Canvas(options: o, title: title, x: .continuous(lo: xd.0, hi: xd.1, log: false), y: .band(names),
                       xLabel: options.xLabel ?? "SHAP value (impact on the model's margin)", yLabel: "", legend: legend, legendTitle: "feature value", caption: cap)
        c.drawBackground()
        c.svg.line(c.x(0), c.top, c.x(0), c.bottom, stroke: o.theme.muted)
        let band = c.yBand
        let step = max(1, Int(ceil(Double(n) / 2000)))
        for (row, j) in order.enumerated() {
            let v = values[j].filter(\.isFinite).sorted()
            let lo = PlotStats.quantile(v, 0.05), hi = PlotStats.quantile(v, 0.95)
            // Stack points that fall into the same 3-pixel column, alternating above and below the centre line.
            var used: [Int: Int] = [:]
            let maxOffset = band.bandwidth / 2 - 2
            for i in Swift.stride(from: 0, to: n, by: step) where shap[j][i].isFinite {
                let px = c.x(shap[j][i])
                let key = Int(px / 3)
                let k = used[key, default: 0]
                used[key] = k + 1
                let off = min(maxOffset, Double((k + 1) / 2) * 2.2) * (k % 2 == 0 ? 1 : -1)
                let t = values[j][i].isFinite ? (hi > lo ? (values[j][i] - lo) / (hi - lo) : 0.5) : .nan
                c.svg.circle(px, band.center(row) + off, r: 2.2, fill: t.isFinite ? Ramp.lowHigh(t) : o.theme.muted, opacity: 0.8)
            }
        }
        c.drawAxes()
        let desc = "SHAP beeswarm over \(n) rows. Mean |SHAP| per feature: " + order.map { "\(features[$0]) \(Sketch.number(meanAbs[$0]))" }.joined(separator: ", ") + "."
        return Figure(kind: "shap", title: title, width: o.width, height: o.height, svg: c.document(desc: desc),
                      sketch: Sketch.bars(title + " — mean |SHAP|", labels: names, values: order.map { meanAbs[$0] }), caption: cap)
    }
}

/// The measurement-invariance ladder: CFI and RMSEA of each step, side by side, with the usual cut-offs
/// (CFI .95 good, .90 acceptable; RMSEA .06 good, .08 acceptable; Hu & Bentler 1999).
public enum LadderChart {
    /// Two panels over the steps (configural, metric, scalar, strict…).
    public static func draw(steps: [String], cfi: [Double], rmsea: [Double], options: PlotOptions = PlotOptions()) throws -> Figure {
        guard !steps.isEmpty, cfi.count == steps.count, rmsea.count == steps.count else { throw PlotError.noData("the ladder has no steps") }
        let title = options.title ?? "Measurement invariance: fit at each step"
        var o = options
        o.width = options.width / 2; o.height = options.height - 30
        func panel(_ name: String, _ v: [Double], _ cuts: [(Double, String)], _ domain: (Double, Double)) -> [String] {
            var p = o
            p.title = name
            var c = Canvas(options: p, title: name, x: .band(steps), y: .continuous(lo: domain.0, hi: domain.1, log: false), xLabel: "", yLabel: name)
            c.drawBackground()
            for (cut, label) in cuts {
                c.svg.line(c.left, c.y(cut), c.right, c.y(cut), stroke: o.theme.muted, width: 1.2, dash: "6 4")
                c.svg.text(label, c.right - 2, c.y(cut) - 4, size: 11, anchor: "end", fill: o.theme.muted)
            }
            let b = c.xBand
            let pts = v.enumerated().filter { $0.element.isFinite }.map { (b.center($0.offset), c.y($0.element)) }
            c.svg.polyline(pts, stroke: o.theme.color(0), width: 2)
            for (k, x) in v.enumerated() where x.isFinite {
                c.svg.circle(b.center(k), c.y(x), r: 4.5, fill: o.theme.color(0))
                c.svg.text(String(format: "%.3f", x), b.center(k), c.y(x) + (name == "CFI" ? 18 : -9), size: 11, anchor: "middle")
            }
            c.drawAxes()
            return c.svg.body
        }
        let cfiLo = min(0.85, (cfi.filter(\.isFinite).min() ?? 0.9) - 0.02)
        let rmseaHi = max(0.1, (rmsea.filter(\.isFinite).max() ?? 0.08) + 0.02)
        let left = panel("CFI", cfi, [(0.95, "good ≥ .95"), (0.90, "acceptable ≥ .90")], LinearScale.domain([cfiLo, 1]))
        let right = panel("RMSEA", rmsea, [(0.06, "good ≤ .06"), (0.08, "acceptable ≤ .08")], LinearScale.domain([0, rmseaHi]))
        var w = SVGWriter(width: options.width, height: options.height, theme: options.theme)
        w.text(TextMetrics.fit(title, size: 15, maxWidth: Double(options.width) - 24), 12, 22, size: 15, weight: "bold")
        w.raw("<g transform=\"translate(0,30)\">\n" + left.joined(separator: "\n") + "\n</g>")
        w.raw("<g transform=\"translate(\(o.width),30)\">\n" + right.joined(separator: "\n") + "\n</g>")
        let desc = "Invariance ladder: " + steps.indices.map { "\(steps[$0]) CFI \(String(format: "%.3f", cfi[$0])), RMSEA \(String(format: "%.3f", rmsea[$0]))" }.joined(separator: "; ") + "."
        let sketch = ([title] + steps.indices.map { "  \(steps[$0].padding(toLength: 12, withPad: " ", startingAt: 0)) CFI \(String(format: "%.3f", cfi[$0]))  RMSEA \(String(format: "%.3f", rmsea[$0]))" }).joined(separator: "\n")
        return Figure(kind: "ladder", title: title, width: options.width, height: options.height, svg: w.document(title: title, desc: desc), sketch: sketch)
    }
}
