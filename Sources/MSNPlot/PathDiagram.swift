import Foundation

/// SEM path diagrams: latents as ellipses, indicators as boxes, one-headed arrows for loadings and
/// regressions, curved two-headed arrows for covariances and residual variances, every edge labelled
/// with its standardized estimate and significance stars.
public enum PathDiagram {
    /// Draws the model; the size follows the layout (the view box scales it).
    public static func draw(_ m: PathModel, options: PlotOptions = PlotOptions()) throws -> Figure {
        guard !m.loadings.isEmpty || !m.regressions.isEmpty else { throw PlotError.noData("the model has no loadings or paths to draw") }
        let (nodes, lw, lh) = PathLayout.place(m)
        let theme = options.theme
        let title = options.title ?? "Path diagram (standardized estimates)"
        let width = Int(max(lw, TextMetrics.width(title, size: 15) + 40).rounded(.up)), height = Int((lh + 40).rounded(.up))
        var w = SVGWriter(width: width, height: height, theme: theme)
        let fg = theme.foreground
        let marker = "msnb-arrow-\(theme.rawValue)"
        let defs = "<marker id=\"\(marker)\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0L10,5L0,10z\" fill=\"\(fg)\"/></marker>"
        let one = "marker-end=\"url(#\(marker))\"", two = "marker-start=\"url(#\(marker))\" marker-end=\"url(#\(marker))\""
        var labels: [(String, Double, Double, String)] = []
        let n = SVGWriter.num
        w.text(TextMetrics.fit(title, size: 15, maxWidth: Double(width) - 24), 12, 24, size: 15, weight: "bold")
        let shift = 36.0
        w.raw("<g transform=\"translate(0,\(n(shift)))\">")
        func straight(_ e: PathModel.Edge, at t: Double, color: String) {
            guard let a = nodes[e.from], let b = nodes[e.to] else { return }
            let p = a.boundary(towards: b.x, b.y), q = b.boundary(towards: a.x, a.y)
            w.path("M\(n(p.0)),\(n(p.1))L\(n(q.0)),\(n(q.1))", stroke: color, width: 1.4, markers: one)
            labels.append((e.label, p.0 + (q.0 - p.0) * t, p.1 + (q.1 - p.1) * t, "middle"))
        }
        var loadingIndex: [String: Int] = [:]
        for e in m.loadings {
            let k = loadingIndex[e.from, default: 0]
            loadingIndex[e.from] = k + 1
            if m.formative.contains(e.from) {
                straight(PathModel.Edge(e.to, e.from, estimate: e.estimate, pvalue: e.pvalue), at: k % 2 == 0 ? 0.4 : 0.6, color: fg)
            } else {
                straight(e, at: k % 2 == 0 ? 0.6 : 0.4, color: fg)
            }
        }
        for e in m.regressions { straight(e, at: 0.5, color: theme.color(0)) }
        for e in m.covariances {
            guard let a = nodes[e.from], let b = nodes[e.to] else { continue }
            let dx = b.x - a.x, dy = b.y - a.y, len = max(1, (dx * dx + dy * dy).squareRoot())
            var perp = (-dy / len, dx / len)
            let out = (a.out.0 + b.out.0, a.out.1 + b.out.1)
            let dot = perp.0 * out.0 + perp.1 * out.1
            if dot < -1e-9 || (abs(dot) <= 1e-9 && perp.0 < 0) { perp = (-perp.0, -perp.1) }
            let bulge = 22 + 0.22 * len
            let c = ((a.x + b.x) / 2 + perp.0 * bulge, (a.y + b.y) / 2 + perp.1 * bulge)
            let p = a.boundary(towards: c.0, c.1), q = b.boundary(towards: c.0, c.1)
            w.path("M\(n(p.0)),\(n(p.1))Q\(n(c.0)),\(n(c.1)) \(n(q.0)),\(n(q.1))", stroke: theme.muted, width: 1.2, markers: two)
            labels.append((e.label, 0.25 * p.0 + 0.5 * c.0 + 0.25 * q.0, 0.25 * p.1 + 0.5 * c.1 + 0.25 * q.1, "middle"))
        }
        for (v, r) in m.residuals.sorted(by: { $0.key < $1.key }) {
            guard let node = nodes[v] else { continue }
            let (ox, oy) = node.out
            let ext = node.latent ? (abs(ox) * node.w / 2 + abs(oy) * node.h / 2) : (abs(ox) * node.w / 2 + abs(oy) * node.h / 2)
            let p = (node.x + ox * ext, node.y + oy * ext), perp = (-oy, ox)
            let s = (p.0 + perp.0 * 8, p.1 + perp.1 * 8), e = (p.0 - perp.0 * 8, p.1 - perp.1 * 8)
            let c1 = (s.0 + ox * 30 + perp.0 * 8, s.1 + oy * 30 + perp.1 * 8), c2 = (e.0 + ox * 30 - perp.0 * 8, e.1 + oy * 30 - perp.1 * 8)
            w.path("M\(n(s.0)),\(n(s.1))C\(n(c1.0)),\(n(c1.1)) \(n(c2.0)),\(n(c2.1)) \(n(e.0)),\(n(e.1))", stroke: theme.muted, width: 1.1, markers: two)
            let label = String(format: "%.2f", r)
            if ox < -0.5 { labels.append((label, p.0 - 30, p.1 + 4, "end")) }
            else if ox > 0.5 { labels.append((label, p.0 + 30, p.1 + 4, "start")) }
            else { labels.append((label, p.0, p.1 + oy * 36 + (oy > 0 ? 6 : 0), "middle")) }
        }
        for node in nodes.values.sorted(by: { $0.name < $1.name }) {
            if node.latent {
                w.ellipse(node.x, node.y, rx: node.w / 2, ry: node.h / 2, fill: theme.panel, stroke: fg)
            } else {
                w.rect(node.x - node.w / 2, node.y - node.h / 2, node.w, node.h, fill: theme.panel, stroke: fg)
            }
            w.text(node.name, node.x, node.y + 4, size: 12, anchor: "middle", weight: node.latent ? "bold" : nil)
        }
        for (text, x, y, anchor) in labels {
            let tw = TextMetrics.width(text, size: 11)
            let x0 = anchor == "middle" ? x - tw / 2 : anchor == "end" ? x - tw : x
            w.rect(x0 - 2, y - 8, tw + 4, 15, fill: theme.background, opacity: 0.9)
            w.text(text, x, y + 4, size: 11, anchor: anchor)
        }
        w.raw("</g>")
        let desc = "Path diagram with standardized estimates (* p < .05, ** p < .01, *** p < .001). Loadings: "
            + m.loadings.map { "\($0.from) → \($0.to) \($0.label)" }.joined(separator: ", ")
            + (m.regressions.isEmpty ? "" : ". Paths: " + m.regressions.map { "\($0.from) → \($0.to) \($0.label)" }.joined(separator: ", "))
            + (m.covariances.isEmpty ? "" : ". Covariances: " + m.covariances.map { "\($0.from) ↔ \($0.to) \($0.label)" }.joined(separator: ", ")) + "."
        var lines = [title]
        for l in m.latents {
            lines.append("  (\(l)) → " + m.loadings.filter { $0.from == l }.map { "[\($0.to)] \($0.label)" }.joined(separator: ", "))
        }
        for e in m.regressions { lines.append("  \(e.from) ──▶ \(e.to)  \(e.label)") }
        for e in m.covariances { lines.append("  \(e.from) ◀─▶ \(e.to)  \(e.label)") }
        return Figure(kind: "path", title: title, width: width, height: height, svg: w.document(title: title, desc: desc, defs: defs), sketch: lines.joined(separator: "\n"))
    }
}
