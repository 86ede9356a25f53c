/// A regression design: named columns (the intercept first when present) over n rows, column-major.
public struct DesignMatrix: Sendable {
    /// Column names (`(Intercept)`, `x`, `a:b`, `school=Pasteur`, …).
    public var names: [String]
    /// Columns, each of n values.
    public var columns: [[Double]]

    /// A design from named columns.
    public init(names: [String], columns: [[Double]]) {
        self.names = names
        self.columns = columns
    }

    /// Rows.
    public var rows: Int { columns.first?.count ?? 0 }

    /// X β.
    func times(_ beta: [Double]) -> [Double] {
        var out = [Double](repeating: 0, count: rows)
        for (c, b) in zip(columns, beta) { for i in 0..<out.count { out[i] += c[i] * b } }
        return out
    }
}

/// Errors from fitting regressions.
public enum RegressionError: Error, Equatable, CustomStringConvertible {
    /// Columns that are linear combinations of others (named).
    case rankDeficient([String])
    /// Fewer rows than coefficients.
    case tooFewRows(rows: Int, coefficients: Int)
    /// The response is constant.
    case constantResponse
    /// A logistic response that is not 0/1.
    case notBinary
    /// Weights that are not all positive and finite (or of the wrong length).
    case badWeights

    public var description: String {
        switch self {
        case .rankDeficient(let names): return "the design is rank deficient: \(names.joined(separator: ", ")) \(names.count == 1 ? "is a linear combination" : "are linear combinations") of other columns; drop \(names.count == 1 ? "it" : "them")"
        case .tooFewRows(let r, let k): return "\(r) rows are too few for \(k) coefficients"
        case .constantResponse: return "the response is constant"
        case .notBinary: return "a logistic response must be 0 or 1"
        case .badWeights: return "weights must be positive, finite numbers, one per row"
        }
    }
}
