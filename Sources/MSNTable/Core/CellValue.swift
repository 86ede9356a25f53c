/// One cell's value, for display, group keys and scalar results. Bulk work uses the typed buffers.
public enum CellValue: Sendable, Hashable, CustomStringConvertible {
    /// A missing value.
    case null
    /// An integer.
    case int(Int64)
    /// A floating point number.
    case float(Double)
    /// Text.
    case string(String)
    /// A boolean.
    case bool(Bool)

    /// The value as a Double when it is a number or a bool.
    public var doubleValue: Double? {
        switch self {
        case .int(let v): return Double(v)
        case .float(let v): return v
        case .bool(let b): return b ? 1 : 0
        default: return nil
        }
    }

    /// Whether the value is null.
    public var isNull: Bool { if case .null = self { return true } else { return false } }

    /// Plain text form: shortest round-trip for floats, empty for null.
    public var description: String {
        switch self {
        case .null: return ""
        case .int(let v): return String(v)
        case .float(let v): return FloatFormat.shortest(v)
        case .string(let s): return s
        case .bool(let b): return b ? "true" : "false"
        }
    }
}

/// Float text forms shared by the CSV writer and renderers.
public enum FloatFormat {
    /// The shortest text that reads back as exactly `v` (`inf`, `-inf`, `NaN` for the specials).
    public static func shortest(_ v: Double) -> String {
        if v.isNaN { return "NaN" }
        if v.isInfinite { return v > 0 ? "inf" : "-inf" }
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) + ".0" }
        return String(v)   // Swift prints the shortest round-trip representation
    }
}
