/// The type of a table column.
public enum DataType: String, Sendable, CaseIterable, CustomStringConvertible {
    /// 64-bit signed integers.
    case int
    /// 64-bit floating point numbers.
    case float
    /// UTF-8 text.
    case string
    /// true / false.
    case bool

    /// The name users see (`int`, `float`, `string`, `bool`).
    public var description: String { rawValue }

    /// Whether values of this type are numbers (bool counts as 0/1 in arithmetic only when converted).
    public var isNumeric: Bool { self == .int || self == .float }

    /// Parses a type name as written in `types = {id: "string"}`.
    public init?(name: String) {
        switch name.lowercased() {
        case "int", "integer", "int64": self = .int
        case "float", "double", "number", "numeric", "real": self = .float
        case "string", "str", "text", "character": self = .string
        case "bool", "boolean", "logical": self = .bool
        default: return nil
        }
    }
}
