import Foundation

/// Compact Unicode sketches of charts for terminals (in the spirit of plotext and gnuplot's dumb
/// terminal): bars as block runs, points on a character grid.
public enum Sketch {
    static let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// A horizontal bar of `value / maxValue` of `width` cells with eighth-block ends.
    static func bar(_ value: Double, max maxValue: Double, width: Int) -> String {
        guard maxValue > 0, value.isFinite, value > 0 else { return "" }
        let cells = value / maxValue * Double(width)
        let full = Int(cells)
        let part = Int(((cells - Double(full)) * 8).rounded(.down))
        return String(repeating: "█", count: full) + eighths[min(7, max(0, part))]
    }

    /// Labelled horizontal bars with their values.
    public static func bars(_ title: String, labels: [String], values: [Double], width: Int = 40) -> String {
        let labelWidth = min(24, labels.map(\.count).max() ?? 0)
        let top = values.filter(\.isFinite).map(abs).max() ?? 0
        var lines = [title]
        for (l, v) in zip(labels, values) {
            let name = l.count > labelWidth ? String(l.prefix(labelWidth - 1)) + "…" : l.padding(toLength: labelWidth, withPad: " ", startingAt: 0)
            lines.append("  \(name) │\(bar(abs(v), max: top, width: width)) \(number(v))")
        }
        return lines.joined(separator: "\n")
    }

    /// Points of several series on a `width` × `height` grid, each series with its own mark.
    public static func points(_ title: String, series: [(label: String, xs: [Double], ys: [Double])],
                              xRange: (Double, Double), yRange: (Double, Double), width: Int = 60, height: Int = 14) -> String {
        var grid = [[Character]](repeating: [Character](repeating: " ", count: width), count: height)
        let marks: [Character] = ["•", "+", "o", "x", "*", "#", "@", "%"]
        for (s, item) in series.enumerated() {
            for (x, y) in zip(item.xs, item.ys) where x.isFinite && y.isFinite {
                let cx = Int(((x - xRange.0) / max(1e-300, xRange.1 - xRange.0) * Double(width - 1)).rounded())
                let cy = Int(((y - yRange.0) / max(1e-300, yRange.1 - yRange.0) * Double(height - 1)).rounded())
                guard cx >= 0, cx < width, cy >= 0, cy < height else { continue }
                grid[height - 1 - cy][cx] = marks[s % marks.count]
            }
        }
        let yl = [number(yRange.1), number(yRange.0)]
        let pad = yl.map(\.count).max() ?? 0
        var lines = [title]
        for (r, row) in grid.enumerated() {
            let label = r == 0 ? yl[0] : r == height - 1 ? yl[1] : ""
            lines.append(label.padding(toLength: pad, withPad: " ", startingAt: 0).reversedPad(pad) + " │" + String(row))
        }
        lines.append(String(repeating: " ", count: pad) + " └" + String(repeating: "─", count: width))
        let xl = number(xRange.0), xr = number(xRange.1)
        lines.append(String(repeating: " ", count: pad + 2) + xl + String(repeating: " ", count: max(1, width - xl.count - xr.count)) + xr)
        if series.count > 1 {
            lines.append("  " + series.enumerated().map { "\(marks[$0.offset % marks.count]) \($0.element.label)" }.joined(separator: "   "))
        }
        return lines.joined(separator: "\n")
    }

    /// A matrix of shaded cells (░▒▓█ by |value| / max) with row and column names.
    public static func matrix(_ title: String, rows: [String], columns: [String], values: [[Double]]) -> String {
        let shades = ["·", "░", "▒", "▓", "█"]
        let top = values.flatMap { $0 }.filter(\.isFinite).map(abs).max() ?? 1
        let w = min(16, rows.map(\.count).max() ?? 0)
        var lines = [title, String(repeating: " ", count: w + 3) + columns.map { String($0.prefix(7)).padding(toLength: 8, withPad: " ", startingAt: 0) }.joined()]
        for (i, r) in rows.enumerated() {
            let cells = values[i].map { v -> String in
                guard v.isFinite else { return "   ·    " }
                let s = shades[min(4, Int(abs(v) / max(1e-300, top) * 4.999))]
                return (s + String(format: "%6.2f", v)).padding(toLength: 8, withPad: " ", startingAt: 0)
            }
            lines.append("  " + String(r.prefix(w)).padding(toLength: w, withPad: " ", startingAt: 0) + " " + cells.joined())
        }
        return lines.joined(separator: "\n")
    }

    /// A short number: 3 significant digits.
    static func number(_ v: Double) -> String {
        guard v.isFinite else { return "n/a" }
        if v == v.rounded() && abs(v) < 1e6 { return String(Int64(v)) }
        return String(format: abs(v) >= 1e5 || abs(v) < 1e-3 ? "%.2e" : "%.3g", v)
    }
}

extension String {
    /// Right-aligns a left-padded label of length `n`.
    func reversedPad(_ n: Int) -> String {
        let t = trimmingCharacters(in: .whitespaces)
        return String(repeating: " ", count: max(0, n - t.count)) + t
    }
}
