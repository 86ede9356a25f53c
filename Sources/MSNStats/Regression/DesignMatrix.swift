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

    /// XᵀX.
    func gram(weights: [Double]? = nil) -> Matrix {
        let k = columns.count
        var g = Matrix(rows: k, cols: k)
        for a in 0..<k {
            for b in a..<k {
                var s = 0.0
                let x = columns[a], y = columns[b]
                if let w = weights { for i in 0..<x.count { s += x[i] * y[i] * w[i] } } else { for i in 0..<x.count { s += x[i] * y[i] } }
                g[a, b] = s
                g[b, a] = s
            }
        }
        return g
    }

    /// Xᵀv.
    func transposeTimes(_ v: [Double]) -> [Double] {
        columns.map { c in zip(c, v).reduce(0) { $0 + $1.0 * $1.1 } }
    }

    /// X β.
    func times(_ beta: [Double]) -> [Double] {
        var out = [Double](repeating: 0, count: rows)
        for (c, b) in zip(columns, beta) { for i in 0..<out.count { out[i] += c[i] * b } }
        return out
    }

    /// Names of columns that are (numerically) linear combinations of earlier ones, found by
    /// Gram–Schmidt; empty when the design has full column rank.
    public func collinearColumns() -> [String] {
        var basis: [[Double]] = []
        var out: [String] = []
        for (name, c) in zip(names, columns) {
            var r = c
            for q in basis {
                let p = zip(r, q).reduce(0) { $0 + $1.0 * $1.1 }
                for i in 0..<r.count { r[i] -= p * q[i] }
            }
            let norm = r.reduce(0) { $0 + $1 * $1 }.squareRoot()
            let scale = c.reduce(0) { $0 + $1 * $1 }.squareRoot()
            if norm <= 1e-9 * max(scale, 1e-300) || scale == 0 { out.append(name); continue }
            basis.append(r.map { $0 / norm })
        }
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

    public var description: String {
        switch self {
        case .rankDeficient(let names): return "the design is rank deficient: \(names.joined(separator: ", ")) \(names.count == 1 ? "is a linear combination" : "are linear combinations") of other columns; drop \(names.count == 1 ? "it" : "them")"
        case .tooFewRows(let r, let k): return "\(r) rows are too few for \(k) coefficients"
        case .constantResponse: return "the response is constant"
        case .notBinary: return "a logistic response must be 0 or 1"
        }
    }
}
