/// A finished chart: a value the language can bind, display and export. Its SVG text is deterministic
/// (fixed number formatting, no timestamps, no random ids), so notebook checks can compare it.
public struct Figure: Sendable, Equatable {
    /// The chart kind (`histogram`, `scatter`, `path`, …).
    public var kind: String
    /// The title (also the SVG `<title>`).
    public var title: String
    /// Width in CSS pixels.
    public var width: Int
    /// Height in CSS pixels.
    public var height: Int
    /// The standalone SVG document.
    public var svg: String
    /// A compact Unicode sketch for terminals.
    public var sketch: String
    /// A note about the data shown (e.g. "binned: 100000 points in 80 × 50 cells"), if any.
    public var caption: String?

    /// A figure.
    public init(kind: String, title: String, width: Int, height: Int, svg: String, sketch: String, caption: String? = nil) {
        self.kind = kind
        self.title = title
        self.width = width
        self.height = height
        self.svg = svg
        self.sketch = sketch
        self.caption = caption
    }
}

/// Options shared by every chart (the language's `with title = …, width = …` and so on).
public struct PlotOptions: Sendable, Equatable {
    /// Title; nil gives a title made from the data's names.
    public var title: String?
    /// Width in pixels.
    public var width: Int = 640
    /// Height in pixels.
    public var height: Int = 400
    /// Histogram bins; nil uses Freedman–Diaconis.
    public var bins: Int?
    /// Axis labels; nil uses the column names.
    public var xLabel: String?
    /// Axis labels; nil uses the column names.
    public var yLabel: String?
    /// Logarithmic axes.
    public var logX = false
    /// Logarithmic axes.
    public var logY = false
    /// Colours and background.
    public var theme: Theme = .light
    /// Add a least-squares line to a scatter.
    public var trend = false
    /// Defaults.
    public init() {}
}

/// Why a chart cannot be drawn; the kernel turns these into positioned diagnostics.
public enum PlotError: Error, Equatable, CustomStringConvertible {
    /// No finite value to draw.
    case noData(String)
    /// Input sizes disagree or are otherwise unusable.
    case invalid(String)

    public var description: String {
        switch self {
        case .noData(let s), .invalid(let s): return s
        }
    }
}
