/// How to read a CSV file.
public struct CSVOptions: Sendable {
    /// The field delimiter; nil detects comma, tab or semicolon from the header line.
    public var delimiter: UInt8?
    /// Unquoted field texts read as null.
    public var nullTokens: [String]
    /// Per-column type overrides (a value that does not fit is an error with its line).
    public var types: [String: DataType]
    /// Asked between blocks of a large file; when it says true, reading stops with `CSVError.interrupted`.
    public var shouldStop: (@Sendable () -> Bool)? = nil

    /// The default tokens read as null. `NaN` is among them: a missing number, never a float value
    /// (`inf` and `-inf` are kept as values; see docs/language.md, "Numbers").
    public static let defaultNullTokens = ["", "NA", "N/A", "null", "NULL", "NaN", "nan", "NAN"]

    /// Options with defaults: detected delimiter, default null tokens, inferred types.
    public init(delimiter: UInt8? = nil, nullTokens: [String] = CSVOptions.defaultNullTokens, types: [String: DataType] = [:]) {
        self.delimiter = delimiter
        self.nullTokens = nullTokens
        self.types = types
    }
}

/// A malformed CSV file, with the position of the problem.
public enum CSVError: Error, CustomStringConvertible, Equatable {
    /// The file could not be read.
    case unreadable(file: String, reason: String)
    /// The file has no header row.
    case empty(file: String)
    /// A record with the wrong number of fields.
    case ragged(file: String, line: Int, expected: Int, found: Int)
    /// A quoted field that never closes.
    case unterminatedQuote(file: String, line: Int)
    /// Bytes that are not UTF-8.
    case invalidUTF8(file: String, line: Int, byteOffset: Int)
    /// A value that does not fit a column's overridden type.
    case badValue(file: String, line: Int, column: String, value: String, type: DataType)
    /// Reading was stopped by `CSVOptions.shouldStop`.
    case interrupted(file: String)
    /// A header with an empty or repeated column name.
    case badHeader(file: String, reason: String)
    /// A type override naming a column the file does not have.
    case unknownOverride(file: String, column: String, available: [String])

    public var description: String {
        switch self {
        case .unreadable(let f, let r): return "\(f): cannot read the file: \(r)"
        case .empty(let f): return "\(f): the file is empty (no header row)"
        case .ragged(let f, let l, let e, let n): return "\(f):\(l): expected \(e) fields, found \(n)"
        case .unterminatedQuote(let f, let l): return "\(f):\(l): a quoted field opens here and never closes"
        case .invalidUTF8(let f, let l, let o): return "\(f):\(l): invalid UTF-8 at byte offset \(o)"
        case .badValue(let f, let l, let c, let v, let t): return "\(f):\(l): column '\(c)': '\(v)' is not a valid \(t)"
        case .badHeader(let f, let r): return "\(f):1: \(r)"
        case .interrupted(let f): return "\(f): reading was interrupted"
        case .unknownOverride(let f, let c, let a):
            return "\(f): type override for unknown column '\(c)'; the file has: \(a.joined(separator: ", "))"
        }
    }
}
