import MSNTable

/// A model's summary as data: a title, labelled values, prose, warnings and tables. Renderers (text,
/// Markdown, HTML, Jupyter) lay it out; nothing in it is pre-formatted.
public struct ModelSummary: Sendable {
    /// One line: a label, a value, and an optional verdict or remark ("good (≥ .95)").
    public struct Item: Sendable {
        /// The label ("CFI").
        public var label: String
        /// The value.
        public var value: SummaryValue
        /// A verdict or remark shown beside the value.
        public var note: String?

        /// An item.
        public init(_ label: String, _ value: SummaryValue, note: String? = nil) {
            self.label = label
            self.value = value
            self.note = note
        }
    }

    /// What the model is ("linear regression (OLS) of y").
    public var title: String
    /// Labelled values, in display order.
    public var items: [Item]
    /// Plain-language paragraphs (a comparison report's verdict).
    public var paragraphs: [String]
    /// Warnings about the fit (separation, non-convergence…).
    public var warnings: [String]
    /// The table shown with the summary (coefficients, estimates), if any.
    public var table: Table?

    /// A summary.
    public init(title: String, items: [Item] = [], paragraphs: [String] = [], warnings: [String] = [], table: Table? = nil) {
        self.title = title
        self.items = items
        self.paragraphs = paragraphs
        self.warnings = warnings
        self.table = table
    }
}

/// A value in a summary, typed so that each renderer formats it (digits, APA-style p-values).
public enum SummaryValue: Sendable, Equatable {
    /// Text.
    case text(String)
    /// A count or other whole number.
    case int(Int)
    /// A number shown with a fixed number of decimals.
    case number(Double, decimals: Int)
    /// A p-value, shown APA-style ("< .001", ".042").
    case pValue(Double)
    /// An interval, shown "[lower, upper]" with a fixed number of decimals; `bounded` drops the leading
    /// zeros (an interval of RMSEA, κ or R²: "[.071, .114]").
    case interval(Double, Double, decimals: Int, bounded: Bool = false)
    /// A share, shown as a percentage with one decimal.
    case percent(Double)
    /// A statistic that cannot exceed 1 in size (CFI, R², AUC, r), without the leading zero (".953").
    case bounded(Double, decimals: Int)
    /// An estimate with its interval, "0.42 [0.31, 0.53]"; `bounded` drops the leading zeros.
    case estimate(Double, lower: Double, upper: Double, decimals: Int, bounded: Bool)

    /// The number inside a `.number`, `.int`, `.pValue` or `.percent` value.
    public var number: Double? {
        switch self {
        case .int(let v): return Double(v)
        case .number(let v, _), .pValue(let v), .percent(let v), .bounded(let v, _), .estimate(let v, _, _, _, _): return v
        case .text, .interval: return nil
        }
    }

    /// The value as plain text, the way every renderer shows it.
    public var formatted: String {
        switch self {
        case .text(let s): return s
        case .int(let v): return String(v)
        case .number(let v, let d): return SummaryValue.fixed(v, d)
        case .pValue(let p): return SummaryValue.apaP(p)
        case .interval(let a, let b, let d, let bounded):
            let f: (Double) -> String = bounded ? { SummaryValue.bounded($0, d) } : { SummaryValue.fixed($0, d) }
            return "[\(f(a)), \(f(b))]"
        case .percent(let v): return v.isFinite ? SummaryValue.fixed(100 * v, 1) + "%" : "n/a"
        case .bounded(let v, let d): return SummaryValue.bounded(v, d)
        case .estimate(let v, let lo, let hi, let d, let b):
            let f: (Double) -> String = b ? { SummaryValue.bounded($0, d) } : { SummaryValue.fixed($0, d) }
            return "\(f(v)) [\(f(lo)), \(f(hi))]"
        }
    }

    /// A bounded statistic with `decimals` decimals and no leading zero (".953", "-.120"); "n/a" when not finite.
    public static func bounded(_ v: Double, _ decimals: Int) -> String {
        let s = fixed(v, decimals)
        if s.hasPrefix("0.") { return String(s.dropFirst()) }
        if s.hasPrefix("-0.") { return "-" + s.dropFirst(2) }
        return s
    }

    /// `v` with `decimals` decimals; "n/a" when not finite.
    static func fixed(_ v: Double, _ decimals: Int) -> String {
        guard v.isFinite else { return "n/a" }
        let s = v.fixedText(decimals: decimals)
        return s == "-" + (0.0).fixedText(decimals: decimals) ? String(s.dropFirst()) : s
    }

    /// A p-value in APA style: "< .001", otherwise three decimals without the leading zero.
    public static func apaP(_ p: Double) -> String {
        guard p.isFinite else { return "n/a" }
        if p < 0.001 { return "< .001" }
        let s = fixed(p, 3)
        return s.hasPrefix("0.") ? String(s.dropFirst()) : s
    }
}

extension Double {
    /// Fixed-point text with `decimals` decimals (no Foundation formatter, deterministic).
    func fixedText(decimals: Int) -> String {
        guard isFinite else { return description }
        let scale = (0..<decimals).reduce(1.0) { acc, _ in acc * 10 }
        let rounded = (abs(self) * scale).rounded()
        guard rounded < 9e15 else { return description }
        let whole = Int64(rounded)
        let intPart = whole / Int64(scale)
        let frac = whole % Int64(scale)
        let sign = self < 0 && whole != 0 ? "-" : ""
        guard decimals > 0 else { return sign + String(intPart) }
        let fracText = String(frac)
        return sign + String(intPart) + "." + String(repeating: "0", count: decimals - fracText.count) + fracText
    }
}
