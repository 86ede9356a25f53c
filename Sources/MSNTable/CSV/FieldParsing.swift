import Foundation

/// Classification and parsing of one field's bytes.
enum FieldParsing {
    /// What a field's text looks like, from narrowest to widest.
    enum Kind: Int, Comparable {
        case bool = 1, int, float, string
        static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
    }

    /// The kind of a column holding fields of kinds `a` (nil: none yet) and `b`: the wider one, except
    /// that true/false next to numbers is text (a boolean never silently becomes 1 or 0).
    static func widen(_ a: Kind?, _ b: Kind) -> Kind {
        guard let a else { return b }
        if (a == .bool) != (b == .bool) { return .string }
        return max(a, b)
    }

    /// true/false in the usual spellings.
    @inline(__always) static func parseBool(_ b: ByteBuffer, _ s: Int, _ e: Int) -> Bool? {
        let n = e - s
        if n == 4 {
            let t = b[s] | 0x20, r = b[s + 1] | 0x20, u = b[s + 2] | 0x20, x = b[s + 3] | 0x20
            if t == 0x74 && r == 0x72 && u == 0x75 && x == 0x65 { return true }
        } else if n == 5 {
            let f = b[s] | 0x20, a = b[s + 1] | 0x20, l = b[s + 2] | 0x20, z = b[s + 3] | 0x20, x = b[s + 4] | 0x20
            if f == 0x66 && a == 0x61 && l == 0x6C && z == 0x73 && x == 0x65 { return false }
        }
        return nil
    }

    /// A base-10 Int64 with optional sign; nil on anything else or overflow.
    @inline(__always) static func parseInt(_ b: ByteBuffer, _ s: Int, _ e: Int) -> Int64? {
        var i = s
        guard i < e else { return nil }
        var negative = false
        if b[i] == 0x2D || b[i] == 0x2B { negative = b[i] == 0x2D; i += 1 }
        guard i < e, e - i <= 19 else { return nil }
        var v: UInt64 = 0
        while i < e {
            let d = b[i] &- 0x30
            guard d < 10 else { return nil }
            v = v * 10 + UInt64(d)
            i += 1
        }
        if negative {
            guard v <= UInt64(Int64.max) + 1 else { return nil }
            return v == UInt64(Int64.max) + 1 ? Int64.min : -Int64(v)
        }
        guard v <= UInt64(Int64.max) else { return nil }
        return Int64(v)
    }

    private static let powers: [Double] = (0...22).map { Foundation.pow(10.0, Double($0)) }

    /// A decimal floating point number (also `inf`, `-inf`, `Infinity`, `NaN`); nil otherwise.
    /// Simple decimals take Clinger's exact fast path, the rest Eisel–Lemire (`EiselLemire`), and the
    /// few cases it cannot decide Swift's `Double(String)`.
    static func parseDouble(_ b: ByteBuffer, _ s: Int, _ e: Int) -> Double? {
        var i = s
        guard i < e else { return nil }
        var negative = false
        if b[i] == 0x2D || b[i] == 0x2B { negative = b[i] == 0x2D; i += 1 }
        guard i < e else { return nil }
        if b[i] | 0x20 == 0x69 || b[i] | 0x20 == 0x6E { return special(b, i, e, negative) }
        var mantissa: UInt64 = 0
        var digits = 0
        var exponent = 0
        var sawDigit = false, truncated = false
        while i < e, b[i] &- 0x30 < 10 {
            if digits < 19 { mantissa = mantissa * 10 + UInt64(b[i] &- 0x30); if mantissa > 0 { digits += 1 } } else {
                exponent += 1
                if b[i] != 0x30 { truncated = true }
            }
            sawDigit = true
            i += 1
        }
        if i < e && b[i] == 0x2E {
            i += 1
            while i < e, b[i] &- 0x30 < 10 {
                if digits < 19 { mantissa = mantissa * 10 + UInt64(b[i] &- 0x30); if mantissa > 0 { digits += 1 }; exponent -= 1 }
                else if b[i] != 0x30 { truncated = true }
                sawDigit = true
                i += 1
            }
        }
        guard sawDigit else { return nil }
        if i < e && (b[i] | 0x20) == 0x65 {
            i += 1
            var expNegative = false
            if i < e && (b[i] == 0x2D || b[i] == 0x2B) { expNegative = b[i] == 0x2D; i += 1 }
            var ev = 0
            var expDigits = false
            while i < e, b[i] &- 0x30 < 10 { if ev < 100_000 { ev = ev * 10 + Int(b[i] &- 0x30) }; expDigits = true; i += 1 }
            guard expDigits else { return nil }
            exponent += expNegative ? -ev : ev
        }
        guard i == e else { return nil }
        if mantissa < (1 << 53) && digits <= 15 && abs(exponent) <= 22 {
            var v = Double(mantissa)
            v = exponent < 0 ? v / powers[-exponent] : v * powers[exponent]
            return negative ? -v : v
        }
        // Eisel–Lemire; with digits dropped past the 19th, only when w and w + 1 give the same double.
        if let v = EiselLemire.compute(mantissa, exponent),
           !truncated || EiselLemire.compute(mantissa + 1, exponent) == v {
            return negative ? -v : v
        }
        return slow(b, s, e)
    }

    private static func special(_ b: ByteBuffer, _ i: Int, _ e: Int, _ negative: Bool) -> Double? {
        let word = String(decoding: UnsafeBufferPointer(start: b.base + i, count: e - i), as: UTF8.self).lowercased()
        switch word {
        case "inf", "infinity": return negative ? -.infinity : .infinity
        case "nan": return nil   // not a number: NaN is a null token (CSVOptions.defaultNullTokens), never a value
        default: return nil
        }
    }

    private static func slow(_ b: ByteBuffer, _ s: Int, _ e: Int) -> Double? {
        let text = String(decoding: UnsafeBufferPointer(start: b.base + s, count: e - s), as: UTF8.self)
        return Double(text)
    }

    /// The field's text with quotes removed and doubled quotes undone.
    static func text(_ b: ByteBuffer, _ s: Int, _ e: Int) -> String {
        guard e > s, b[s] == ASCII.quote else {
            return String(decoding: UnsafeBufferPointer(start: b.base + s, count: e - s), as: UTF8.self)
        }
        var last = e - 1
        while last > s && b[last] != ASCII.quote { last -= 1 }
        var out: [UInt8] = []
        out.reserveCapacity(last - s)
        var i = s + 1
        while i < last {
            out.append(b[i])
            i += (b[i] == ASCII.quote && i + 1 < last && b[i + 1] == ASCII.quote) ? 2 : 1
        }
        let trailing = String(decoding: UnsafeBufferPointer(start: b.base + last + 1, count: max(0, e - last - 1)), as: UTF8.self)
        return String(decoding: out, as: UTF8.self) + trailing
    }
}
