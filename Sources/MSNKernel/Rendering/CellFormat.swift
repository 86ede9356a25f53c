import Foundation
import MSNTable

/// How cells look when displayed: floats to `digits` significant digits without needless zeros,
/// nulls as `null`.
enum CellFormat {
    /// The most characters a displayed cell or column name shows; longer ones end in `…`.
    static let maxWidth = 60

    static func format(_ c: CellValue, digits: Int, as hint: ColumnFormat? = nil) -> String {
        if let hint, let v = c.doubleValue {
            switch hint {
            case .pValue: return SummaryValue.apaP(v)
            case .bounded(let d): return SummaryValue.bounded(v, d)
            }
        }
        switch c {
        case .null: return "null"
        case .float(let v): return number(v, digits: digits)
        case .string(let s): return truncated(s)
        default: return c.description
        }
    }

    /// A cell as displayed under the session's options: `format`, with a decimal comma for floats when
    /// `set locale "id"` asks for one (renderings only; exports write cells themselves).
    static func display(_ c: CellValue, options: SessionOptions, as hint: ColumnFormat? = nil) -> String {
        let s = format(c, digits: options.digits, as: hint)
        guard case .float = c, options.numberText.decimalComma else { return s }
        return options.numberText.localize(s)
    }

    /// `s` cut to `maxWidth` characters, the last being `…` when anything was cut. Looks at no more
    /// than the first few hundred bytes, so a 50 MB field costs no more than a short one.
    static func truncated(_ s: String, width: Int = maxWidth) -> String {
        let utf8 = s.utf8
        if utf8.count <= width { return s }
        let head = String(decoding: utf8.prefix(width * 4 + 4), as: UTF8.self)
        guard head.count > width || utf8.count > width * 4 + 4 else { return s }
        return String(head.prefix(width - 1)) + "…"
    }

    /// A float to `digits` significant digits; fixed notation for 1e-4 ≤ |v| < 1e15, else scientific.
    static func number(_ v: Double, digits: Int) -> String {
        if v.isNaN { return "NaN" }
        if v.isInfinite { return v > 0 ? "inf" : "-inf" }
        if v == 0 { return "0" }
        let magnitude = abs(v)
        if magnitude >= 1e15 || magnitude < 1e-4 {
            var s = String(format: "%.\(max(0, digits - 1))e", v)
            if let e = s.firstIndex(of: "e") {
                var mantissa = String(s[..<e])
                if mantissa.contains(".") {
                    while mantissa.hasSuffix("0") { mantissa.removeLast() }
                    if mantissa.hasSuffix(".") { mantissa.removeLast() }
                }
                s = mantissa + s[e...]
            }
            return s
        }
        let intDigits = Int(Foundation.floor(Foundation.log10(magnitude))) + 1
        let decimals = max(0, digits - intDigits)
        var s = String(format: "%.\(decimals)f", v)
        if s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        if s == "-0" { s = "0" }
        return s
    }
}
