import Foundation

/// How numbers are written in interpretation text and text/Markdown/HTML renderings: a decimal point
/// (`set locale "en"`, the default) or a decimal comma (`set locale "id"`). CSV and workbook exports
/// never go through it.
public struct NumberText: Sendable, Equatable {
    /// True for a decimal comma.
    public var decimalComma: Bool

    /// The style of a locale code ("id" and "id-ID" write a decimal comma; anything else a point).
    public init(locale: String) {
        decimalComma = locale.lowercased().hasPrefix("id") || locale.lowercased() == "in"
    }

    /// A style with a decimal point or comma.
    public init(decimalComma: Bool = false) { self.decimalComma = decimalComma }

    /// `v` with `decimals` decimals ("0.31", or "0,31").
    public func fixed(_ v: Double, _ decimals: Int) -> String {
        guard v.isFinite else { return "n/a" }
        return localize(SummaryValue.fixed(v, decimals))
    }

    /// APA style for a statistic that cannot exceed 1 (p, CFI, r, R², loadings): no leading zero
    /// (".931"). With a decimal comma the leading zero stays ("0,931"), as Indonesian writing does.
    public func bounded(_ v: Double, _ decimals: Int = 3) -> String {
        let s = SummaryValue.fixed(v, decimals)
        guard !decimalComma else { return localize(s) }
        if s.hasPrefix("0.") { return String(s.dropFirst()) }
        if s.hasPrefix("-0.") { return "-" + s.dropFirst(2) }
        return s
    }

    /// "p < .001" / "p = .042" (APA), or "p < 0,001" / "p = 0,042".
    public func p(_ p: Double) -> String {
        guard p.isFinite else { return "p = n/a" }
        return p < 0.001 ? "p < " + bounded(0.001) : "p = " + bounded(p)
    }

    /// A share as a percentage with `decimals` decimals ("31%", "31,5%").
    public func percent(_ share: Double, _ decimals: Int = 0) -> String { fixed(100 * share, decimals) + "%" }

    /// An interval "[a, b]" ("[0,12; 0,40]" with a decimal comma, where a comma would be ambiguous).
    public func interval(_ a: Double, _ b: Double, _ decimals: Int) -> String {
        "[" + fixed(a, decimals) + (decimalComma ? "; " : ", ") + fixed(b, decimals) + "]"
    }

    /// Text with its numbers rewritten for this style: with a decimal comma, a point between two digits
    /// becomes a comma ("85.31" → "85,31") and an APA number without its leading zero gets one (".931" →
    /// "0,931"); a point after a letter (file names, "e.g.") is left alone.
    public func localize(_ text: String) -> String {
        guard decimalComma, text.contains(".") else { return text }
        let chars = Array(text)
        var out = ""
        out.reserveCapacity(chars.count + 4)
        for (i, c) in chars.enumerated() {
            let next: Character = i + 1 < chars.count ? chars[i + 1] : " "
            let prev: Character = i > 0 ? chars[i - 1] : " "
            if c == ".", next.isASCII, next.isNumber, prev != "." {
                if prev.isASCII && prev.isNumber { out.append(",") } else if !prev.isLetter && !prev.isNumber { out += "0," } else { out.append(c) }
            } else {
                out.append(c)
            }
        }
        return out
    }

    /// A value of a summary as this style writes it.
    public func format(_ value: SummaryValue) -> String {
        guard decimalComma else { return value.formatted }
        switch value {
        case .text(let s): return s
        case .int: return value.formatted
        case .number, .percent, .bounded, .estimate: return localize(value.formatted)
        case .pValue(let p):
            guard p.isFinite else { return "n/a" }
            return p < 0.001 ? "< 0,001" : fixed(p, 3)
        case .interval(let a, let b, let d, _): return interval(a, b, d)
        }
    }
}
