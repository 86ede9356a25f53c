/// Colours for a light or dark page, and the Okabe–Ito categorical palette (safe for the common
/// colour-vision deficiencies; Okabe & Ito 2008).
public enum Theme: String, Sendable, Equatable, CaseIterable {
    case light, dark

    /// Page background.
    public var background: String { self == .light ? "#ffffff" : "#1e1e1e" }
    /// Text and axis lines.
    public var foreground: String { self == .light ? "#222222" : "#e6e6e6" }
    /// Secondary text (tick labels, captions).
    public var muted: String { self == .light ? "#555555" : "#b0b0b0" }
    /// Grid lines.
    public var grid: String { self == .light ? "#e6e6e6" : "#3a3a3a" }
    /// Fill of neutral shapes (boxes, indicator rectangles).
    public var panel: String { self == .light ? "#f7f7f7" : "#2a2a2a" }

    /// The categorical palette, blue first (one series is drawn in blue).
    public var palette: [String] {
        ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", self == .light ? "#000000" : "#ffffff"]
    }

    /// The colour of series `i` (cycling).
    public func color(_ i: Int) -> String { palette[((i % palette.count) + palette.count) % palette.count] }
}

/// Colour ramps for heatmaps and colour-by-value.
enum Ramp {
    static func rgb(_ hex: String) -> (Double, Double, Double) {
        let v = Int(hex.dropFirst(), radix: 16) ?? 0
        return (Double((v >> 16) & 255), Double((v >> 8) & 255), Double(v & 255))
    }

    static func hex(_ c: (Double, Double, Double)) -> String {
        func h(_ x: Double) -> String {
            let v = Int(max(0, min(255, x.rounded())))
            let s = String(v, radix: 16, uppercase: true)
            return s.count == 1 ? "0" + s : s
        }
        return "#" + h(c.0) + h(c.1) + h(c.2)
    }

    /// Linear blend of two hex colours, t in [0, 1].
    static func mix(_ a: String, _ b: String, _ t: Double) -> String {
        let x = rgb(a), y = rgb(b), u = max(0, min(1, t.isFinite ? t : 0))
        return hex((x.0 + (y.0 - x.0) * u, x.1 + (y.1 - x.1) * u, x.2 + (y.2 - x.2) * u))
    }

    /// Diverging blue – neutral – vermillion for t in [-1, 1].
    static func diverging(_ t: Double, theme: Theme) -> String {
        let mid = theme == .light ? "#f7f7f7" : "#3a3a3a"
        return t < 0 ? mix(mid, "#0072B2", -t) : mix(mid, "#D55E00", t)
    }

    /// Sequential neutral → blue for t in [0, 1].
    static func sequential(_ t: Double, theme: Theme) -> String {
        mix(theme == .light ? "#f7fbff" : "#2a2a2a", "#0b4f8a", t)
    }

    /// Low (blue) → high (vermillion) through purple, as SHAP plots colour feature values.
    static func lowHigh(_ t: Double) -> String {
        t < 0.5 ? mix("#0072B2", "#9B59B6", t * 2) : mix("#9B59B6", "#D55E00", (t - 0.5) * 2)
    }

    /// Black or white text, whichever reads better on `fill`.
    static func ink(on fill: String) -> String {
        let c = rgb(fill)
        return 0.299 * c.0 + 0.587 * c.1 + 0.114 * c.2 > 150 ? "#111111" : "#ffffff"
    }
}
