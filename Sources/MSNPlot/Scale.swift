import Foundation

/// Maps a continuous domain to pixels, linearly or on a log10 scale.
public struct LinearScale: Sendable {
    /// Domain ends (data units).
    public var lo: Double, hi: Double
    /// Range ends (pixels); `a` is where `lo` lands.
    public var a: Double, b: Double
    /// Whether the mapping is log10.
    public var log: Bool

    /// A scale; for `log`, lo and hi must be > 0.
    public init(_ lo: Double, _ hi: Double, to a: Double, _ b: Double, log: Bool = false) {
        self.lo = lo; self.hi = hi; self.a = a; self.b = b; self.log = log
    }

    /// Pixel position of `x`.
    public func callAsFunction(_ x: Double) -> Double {
        let t: Double
        if log {
            let l0 = log10(lo), l1 = log10(hi)
            t = l1 == l0 ? 0.5 : (log10(x) - l0) / (l1 - l0)
        } else {
            t = hi == lo ? 0.5 : (x - lo) / (hi - lo)
        }
        return a + (b - a) * t
    }

    /// Tick values inside the domain.
    public func ticks(_ count: Int = 5) -> [Double] {
        guard log else { return Ticks.inside(lo, hi, count: count) }
        let inside = { (t: Double) in t >= lo * (1 - 1e-9) && t <= hi * (1 + 1e-9) }
        let decades = Ticks.log10Ticks(lo, hi).filter(inside)
        if decades.count >= 3 { return decades }
        // Less than two decades: 1, 2 and 5 times the powers of ten.
        return Ticks.log10Ticks(lo, hi).flatMap { [$0, 2 * $0, 5 * $0] }.filter(inside)
    }

    /// A domain for values, padded to nice ticks (linear) or powers of ten (log), optionally including zero.
    public static func domain(_ values: [Double], log: Bool = false, includeZero: Bool = false) -> (Double, Double) {
        var lo = Double.infinity, hi = -Double.infinity
        for v in values where v.isFinite && (!log || v > 0) { lo = min(lo, v); hi = max(hi, v) }
        guard lo.isFinite else { return log ? (1, 10) : (0, 1) }
        if log { return hi > lo ? (lo / 1.05, hi * 1.05) : (lo / 2, hi * 2) }
        if includeZero { lo = min(lo, 0); hi = max(hi, 0) }
        let t = Ticks.nice(lo, hi)
        return (t.first ?? lo, t.last ?? hi)
    }
}

/// Maps categories to evenly spaced bands (bars, boxes, heatmap cells).
public struct BandScale: Sendable {
    /// The categories in order.
    public var categories: [String]
    /// Range ends (pixels).
    public var a: Double, b: Double
    /// Fraction of each band left empty between neighbours.
    public var padding: Double

    /// A band scale.
    public init(_ categories: [String], to a: Double, _ b: Double, padding: Double = 0.2) {
        self.categories = categories; self.a = a; self.b = b; self.padding = padding
    }

    /// The full width of one band (step).
    public var step: Double { (b - a) / Double(max(1, categories.count)) }
    /// The drawn width of one band.
    public var bandwidth: Double { step * (1 - padding) }
    /// Start of band `i`'s drawn part.
    public func start(_ i: Int) -> Double { a + step * Double(i) + step * padding / 2 }
    /// Centre of band `i`.
    public func center(_ i: Int) -> Double { a + step * (Double(i) + 0.5) }
}

/// Approximate text widths for a sans-serif face (per-character classes of Helvetica/Arial widths),
/// enough to size margins and keep labels inside the view box.
public enum TextMetrics {
    /// Width in pixels of `text` at `size` px.
    public static func width(_ text: String, size: Double) -> Double {
        var em = 0.0
        for ch in text {
            switch ch {
            case "i", "j", "l", "I", ".", ",", ":", ";", "'", "|", "!": em += 0.28
            case "f", "t", "r", "(", ")", "[", "]", " ", "-": em += 0.36
            case "m", "w", "M", "W", "%", "@": em += 0.86
            case "A"..."Z": em += 0.68
            case "0"..."9": em += 0.56
            case "a"..."z": em += 0.54
            default: em += ch.unicodeScalars.first.map { $0.value > 0x2E80 } == true ? 1.0 : 0.6
            }
        }
        return em * size
    }

    /// `text` shortened with "…" to fit `maxWidth` pixels.
    public static func fit(_ text: String, size: Double, maxWidth: Double) -> String {
        guard width(text, size: size) > maxWidth else { return text }
        var s = text
        while !s.isEmpty && width(s + "…", size: size) > maxWidth { s.removeLast() }
        return s + "…"
    }
}
