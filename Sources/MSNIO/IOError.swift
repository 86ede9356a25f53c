/// Errors reading or writing a non-CSV file, worded for the researcher.
public enum IOError: Error, CustomStringConvertible, Equatable {
    /// The file could not be opened or is not the format its name says.
    case unreadable(file: String, reason: String)
    /// A sheet that the workbook does not have.
    case unknownSheet(file: String, sheet: String, available: [String])
    /// A malformed option value (a range like "A1:F200", say).
    case badOption(String)
    /// A file that could not be written.
    case unwritable(file: String, reason: String)
    /// A format msnb does not write.
    case unsupportedExport(file: String, writable: [String])

    public var description: String {
        switch self {
        case .unreadable(let f, let r): return "\(f): \(r)"
        case .unknownSheet(let f, let s, let a): return "\(f): no sheet \(s); the workbook has: \(a.joined(separator: ", "))"
        case .badOption(let what): return what
        case .unwritable(let f, let r): return "cannot write \(f): \(r)"
        case .unsupportedExport(let f, let w):
            return "msnb cannot write \(f): the formats it writes are \(w.map { "." + $0 }.joined(separator: ", "))"
        }
    }
}
