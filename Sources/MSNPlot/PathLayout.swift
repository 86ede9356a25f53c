import Foundation

/// A node of the path diagram, placed.
struct PathNode {
    var name: String
    var latent: Bool
    var x: Double, y: Double
    var w: Double, h: Double
    /// The side facing away from the model (where residual loops go), a unit vector.
    var out: (Double, Double)

    /// The point where a line from the centre towards (tx, ty) leaves the node's outline.
    func boundary(towards tx: Double, _ ty: Double) -> (Double, Double) {
        let dx = tx - x, dy = ty - y
        let len = (dx * dx + dy * dy).squareRoot()
        guard len > 0 else { return (x, y) }
        if latent {
            let a = w / 2, b = h / 2
            let t = 1 / ((dx * dx) / (a * a) + (dy * dy) / (b * b)).squareRoot()
            return (x + dx * t, y + dy * t)
        }
        let t = min(dx == 0 ? .infinity : (w / 2) / abs(dx), dy == 0 ? .infinity : (h / 2) / abs(dy))
        return (x + dx * t, y + dy * t)
    }
}

/// Places latents and indicators. Measurement-only models go top to bottom as in semPlot's tree layout
/// (latents in a row, their indicators in a row below). Models with structural paths go left to right as
/// in lavaanPlot/AMOS: latents in columns by their depth along the regressions, the first column's
/// indicators on the far left, the last column's on the far right, middle columns' above them.
enum PathLayout {
    static let boxH = 26.0, gap = 14.0, ellipseH = 46.0

    static func boxWidth(_ s: String) -> Double { max(44, TextMetrics.width(s, size: 12) + 16) }
    static func ellipseWidth(_ s: String) -> Double { max(90, TextMetrics.width(s, size: 12) + 34) }

    static func rowWidth(_ items: [String]) -> Double {
        let boxes: Double = items.map(boxWidth).reduce(0, +)
        return boxes + Double(max(0, items.count - 1)) * gap
    }

    static func place(_ m: PathModel) -> (nodes: [String: PathNode], width: Double, height: Double) {
        var indicators: [String: [String]] = [:]
        var seen = Set<String>()
        for e in m.loadings where !seen.contains(e.to) { indicators[e.from, default: []].append(e.to); seen.insert(e.to) }
        // Observed variables in regressions that measure nothing are drawn as boxes among the latents.
        var structural = m.latents
        for e in m.regressions { for v in [e.from, e.to] where !structural.contains(v) && !seen.contains(v) { structural.append(v) } }
        var depth = Dictionary(uniqueKeysWithValues: structural.map { ($0, 0) })
        for _ in 0..<structural.count {
            for e in m.regressions { if let d = depth[e.from], d + 1 > depth[e.to] ?? 0 { depth[e.to] = min(d + 1, structural.count) } }
        }
        let maxDepth = depth.values.max() ?? 0
        var nodes: [String: PathNode] = [:]
        if maxDepth == 0 {
            // Top to bottom: covariance arcs above the latents, indicators below, residual loops under them.
            var x = 20.0
            let latentY = 40.0 + 30 + Double(min(4, max(0, structural.count - 1))) * 18, boxY = latentY + 120
            for l in structural {
                let items = indicators[l] ?? []
                let start = x
                for v in items {
                    let w = boxWidth(v)
                    nodes[v] = PathNode(name: v, latent: false, x: x + w / 2, y: boxY, w: w, h: boxH, out: (0, 1))
                    x += w + gap
                }
                let span = items.isEmpty ? ellipseWidth(l) : x - gap - start
                if items.isEmpty { x += span + gap }
                nodes[l] = PathNode(name: l, latent: m.latents.contains(l), x: start + max(span, ellipseWidth(l)) / 2, y: latentY,
                                    w: m.latents.contains(l) ? ellipseWidth(l) : boxWidth(l), h: m.latents.contains(l) ? ellipseH : boxH, out: (0, -1))
                if span < ellipseWidth(l) { x = start + ellipseWidth(l) + gap }
                x += 36
            }
            return (nodes, x - 36 + 20, boxY + boxH / 2 + 62)
        }
        // Left to right.
        let columns = (0...maxDepth).map { d in structural.filter { depth[$0] == d } }
        let leftBoxes = columns[0].flatMap { indicators[$0] ?? [] }.map(boxWidth).max() ?? 0
        let rightBoxes = columns[maxDepth].flatMap { indicators[$0] ?? [] }.map(boxWidth).max() ?? 0
        let x0 = 20 + 40 + leftBoxes            // the residual loops sit left of the boxes
        let colGap = 210.0
        func blockHeight(_ l: String, _ d: Int) -> Double {
            let k = Double((indicators[l] ?? []).count)
            if d == 0 || d == maxDepth { return max(ellipseH, k * boxH + max(0, k - 1) * gap) }
            return ellipseH + (k > 0 ? 100 + boxH : 0)
        }
        let heights = columns.enumerated().map { d, ls in ls.map { blockHeight($0, d) }.reduce(0, +) + Double(max(0, ls.count - 1)) * 40 }
        // Middle columns (mediators) sit above the line joining the first and last columns, as in the
        // usual mediation diagram; the outer columns are centred on that line.
        let outer = max(heights[0], heights[maxDepth])
        let middle = (1..<max(1, maxDepth)).map { heights[$0] }.max() ?? 0
        let centre = 40 + max(outer / 2, middle + 90)
        let bottom = centre + max(outer / 2, ellipseH / 2 + 60) + 20
        var colX = [Double]()
        var cx = x0 + 130
        for d in 0...maxDepth {
            let widest = columns[d].map(ellipseWidth).max() ?? 90
            let middleRow = columns[d].map { rowWidth(indicators[$0] ?? []) }.max() ?? 0
            let half = max(widest, d > 0 && d < maxDepth ? middleRow : 0) / 2
            cx += half
            colX.append(cx)
            cx += half + colGap
        }
        for (d, ls) in columns.enumerated() {
            var y = d == 0 || d == maxDepth ? centre - heights[d] / 2 : centre - 90 - heights[d]
            for l in ls {
                let h = blockHeight(l, d)
                let items = indicators[l] ?? []
                let isLatent = m.latents.contains(l)
                let w = isLatent ? ellipseWidth(l) : boxWidth(l)
                if d == 0 || d == maxDepth {
                    nodes[l] = PathNode(name: l, latent: isLatent, x: colX[d], y: y + h / 2, w: w, h: isLatent ? ellipseH : boxH, out: (0, -1))
                    let k = Double(items.count)
                    var by = y + h / 2 - (k * boxH + max(0, k - 1) * gap) / 2 + boxH / 2
                    for v in items {
                        let bw = boxWidth(v)
                        let bx = d == 0 ? x0 - leftBoxes / 2 : colX[d] + w / 2 + 150 + rightBoxes / 2
                        nodes[v] = PathNode(name: v, latent: false, x: bx, y: by, w: bw, h: boxH, out: (d == 0 ? -1 : 1, 0))
                        by += boxH + gap
                    }
                } else {
                    let rowW = rowWidth(items)
                    var bx = colX[d] - rowW / 2
                    for v in items {
                        let bw = boxWidth(v)
                        nodes[v] = PathNode(name: v, latent: false, x: bx + bw / 2, y: y + boxH / 2, w: bw, h: boxH, out: (0, -1))
                        bx += bw + gap
                    }
                    nodes[l] = PathNode(name: l, latent: isLatent, x: colX[d], y: y + h - ellipseH / 2, w: w, h: isLatent ? ellipseH : boxH, out: (0, 1))
                }
                y += h + 40
            }
        }
        let width = cx - colGap + (rightBoxes > 0 ? 150 + rightBoxes + 60 : 40) + 20
        return (nodes, width, bottom)
    }
}
