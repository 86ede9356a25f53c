import Foundation

private func n(_ x: Double) -> String { SVGWriter.num(x) }

/// Builds SVG text with fixed number formatting (at most two decimals, no exponent) so the same
/// chart always gives the same bytes. No scripts, no ids that change between runs.
public struct SVGWriter {
    private(set) var body: [String] = []
    let width: Int, height: Int
    let theme: Theme

    /// A writer for a `width` × `height` view box.
    public init(width: Int, height: Int, theme: Theme) {
        self.width = width; self.height = height; self.theme = theme
    }

    /// A coordinate: rounded to 0.01, trailing zeros dropped ("12", "3.5", "-0.25").
    public static func num(_ x: Double) -> String {
        guard x.isFinite, abs(x) < 1e15 else { return "0" }
        let hundredths = Int64((x * 100).rounded())
        if hundredths == 0 { return "0" }
        let whole = abs(hundredths) / 100, frac = abs(hundredths) % 100
        let sign = hundredths < 0 ? "-" : ""
        if frac == 0 { return sign + String(whole) }
        if frac % 10 == 0 { return sign + String(whole) + "." + String(frac / 10) }
        return sign + String(whole) + (frac < 10 ? ".0" : ".") + String(frac)
    }

    /// Text escaped for XML.
    public static func escape(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default:
                if let v = ch.unicodeScalars.first?.value, v < 0x20, ch != "\n", ch != "\t" { continue }
                out.append(ch)
            }
        }
        return out
    }

    /// Appends raw SVG (already escaped).
    public mutating func raw(_ s: String) { body.append(s) }

    /// A rectangle.
    public mutating func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, fill: String, stroke: String? = nil, opacity: Double? = nil, rx: Double = 0) {
        var s = "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(max(0, w)))\" height=\"\(n(max(0, h)))\" fill=\"\(fill)\""
        if rx > 0 { s += " rx=\"\(n(rx))\"" }
        if let stroke { s += " stroke=\"\(stroke)\"" }
        if let opacity { s += " fill-opacity=\"\(n(opacity))\"" }
        body.append(s + "/>")
    }

    /// A line segment.
    public mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String, width: Double = 1, dash: String? = nil) {
        var s = "<line x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\" stroke=\"\(stroke)\""
        if width != 1 { s += " stroke-width=\"\(n(width))\"" }
        if let dash { s += " stroke-dasharray=\"\(dash)\"" }
        body.append(s + "/>")
    }

    /// A circle.
    public mutating func circle(_ x: Double, _ y: Double, r: Double, fill: String, opacity: Double? = nil, stroke: String? = nil) {
        var s = "<circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"\(n(r))\" fill=\"\(fill)\""
        if let opacity { s += " fill-opacity=\"\(n(opacity))\"" }
        if let stroke { s += " stroke=\"\(stroke)\"" }
        body.append(s + "/>")
    }

    /// A polyline through points.
    public mutating func polyline(_ points: [(Double, Double)], stroke: String, width: Double = 2, dash: String? = nil) {
        guard points.count > 1 else { return }
        var s = "<polyline points=\"" + points.map { "\(n($0.0)),\(n($0.1))" }.joined(separator: " ") + "\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(n(width))\" stroke-linejoin=\"round\""
        if let dash { s += " stroke-dasharray=\"\(dash)\"" }
        body.append(s + "/>")
    }

    /// A path with `d` given.
    public mutating func path(_ d: String, fill: String = "none", stroke: String? = nil, width: Double = 1, opacity: Double? = nil, markers: String? = nil) {
        var s = "<path d=\"\(d)\" fill=\"\(fill)\""
        if let stroke { s += " stroke=\"\(stroke)\" stroke-width=\"\(n(width))\"" }
        if let opacity { s += " fill-opacity=\"\(n(opacity))\"" }
        if let markers { s += " " + markers }
        body.append(s + "/>")
    }

    /// An ellipse.
    public mutating func ellipse(_ cx: Double, _ cy: Double, rx: Double, ry: Double, fill: String, stroke: String) {
        body.append("<ellipse cx=\"\(n(cx))\" cy=\"\(n(cy))\" rx=\"\(n(rx))\" ry=\"\(n(ry))\" fill=\"\(fill)\" stroke=\"\(stroke)\" stroke-width=\"1.5\"/>")
    }

    /// Text (`anchor`: start, middle, end). Sizes below 11 px are raised to 11.
    public mutating func text(_ s: String, _ x: Double, _ y: Double, size: Double = 12, anchor: String = "start", fill: String? = nil, weight: String? = nil, rotate: Double? = nil) {
        var t = "<text x=\"\(n(x))\" y=\"\(n(y))\" font-size=\"\(n(max(11, size)))\""
        if anchor != "start" { t += " text-anchor=\"\(anchor)\"" }
        t += " fill=\"\(fill ?? theme.foreground)\""
        if let weight { t += " font-weight=\"\(weight)\"" }
        if let rotate { t += " transform=\"rotate(\(n(rotate)) \(n(x)) \(n(y)))\"" }
        body.append(t + ">" + SVGWriter.escape(s) + "</text>")
    }

    /// The finished document with `<title>`, `<desc>`, a background and the namespace declared.
    public func document(title: String, desc: String, defs: String = "") -> String {
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\" font-family=\"Helvetica, Arial, sans-serif\">\n"
        out += "<title>\(SVGWriter.escape(title))</title>\n<desc>\(SVGWriter.escape(desc))</desc>\n"
        if !defs.isEmpty { out += "<defs>\(defs)</defs>\n" }
        out += "<rect x=\"0\" y=\"0\" width=\"\(width)\" height=\"\(height)\" fill=\"\(theme.background)\"/>\n"
        out += body.joined(separator: "\n")
        return out + "\n</svg>\n"
    }
}
