/// Errors from table operations, worded for the researcher who made them.
public enum TableError: Error, CustomStringConvertible, Equatable {
    /// A column name that the table does not have, with the names it does have.
    case unknownColumn(String, available: [String])
    /// Two columns with the same name.
    case duplicateColumn(String)
    /// A column whose length differs from the table's row count.
    case lengthMismatch(column: String, expected: Int, found: Int)
    /// An operation that needs another type.
    case typeMismatch(column: String, expected: String, found: DataType)
    /// Join keys of different types.
    case joinKeyTypes(left: String, leftType: DataType, right: String, rightType: DataType)
    /// Tables to concatenate whose schemas differ.
    case schemaMismatch(String)
    /// An argument out of range (a fraction not in (0, 1), a negative row count…).
    case invalidArgument(String)

    public var description: String {
        switch self {
        case .unknownColumn(let name, let available):
            return "unknown column '\(name)'; the table has: \(available.joined(separator: ", "))"
        case .duplicateColumn(let name):
            return "column '\(name)' appears twice"
        case .lengthMismatch(let column, let expected, let found):
            return "column '\(column)' has \(found) rows but the table has \(expected)"
        case .typeMismatch(let column, let expected, let found):
            return "column '\(column)' is \(found), but this needs \(expected)"
        case .joinKeyTypes(let l, let lt, let r, let rt):
            return "cannot join on '\(l)' (\(lt)) and '\(r)' (\(rt)): key types differ; convert one with to_int, to_float or to_string"
        case .schemaMismatch(let what):
            return "tables do not have the same columns: \(what)"
        case .invalidArgument(let what):
            return what
        }
    }
}

