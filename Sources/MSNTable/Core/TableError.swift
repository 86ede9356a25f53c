/// Errors from table operations, worded for the researcher who made them.
public enum TableError: Error, CustomStringConvertible, Equatable {
    /// A column name that the table does not have (with the closest existing name, if any).
    case unknownColumn(String, suggestion: String?)
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
        case .unknownColumn(let name, let suggestion):
            return "unknown column '\(name)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
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

/// Edit distance and closest-name suggestions, shared by every "did you mean" message.
public enum NameSuggestion {
    /// Levenshtein distance between two strings (case-insensitive).
    public static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a.lowercased().unicodeScalars), y = Array(b.lowercased().unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var prev = Array(0...y.count)
        var cur = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            cur[0] = i
            for j in 1...y.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            swap(&prev, &cur)
        }
        return prev[y.count]
    }

    /// The candidate closest to `name`, if it is close enough to be a plausible typo or a prefix.
    public static func closest(to name: String, in candidates: [String]) -> String? {
        var best: (String, Int)? = nil
        for c in candidates {
            var d = distance(name, c)
            if c.lowercased().hasPrefix(name.lowercased()) && !name.isEmpty { d = min(d, 1) }
            if best == nil || d < best!.1 { best = (c, d) }
        }
        guard let (c, d) = best else { return nil }
        let limit = max(2, name.count / 3)
        return d <= limit ? c : nil
    }
}
