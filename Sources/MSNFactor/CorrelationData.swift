import Foundation
import MSNStats

/// The correlation matrix of complete rows of numeric columns, the input of every factor analysis.
public struct CorrelationData: Sendable {
    /// Variable names.
    public let names: [String]
    /// Pearson correlations.
    public let correlation: Matrix
    /// Complete rows used.
    public let n: Int
    /// Rows left out for missing values.
    public let dropped: Int
    /// The standardised data (rows × variables), for parallel analysis and method-factor checks.
    let standardized: [[Double]]

    /// Correlations of `columns` (NaN = missing), listwise.
    public init(names: [String], columns: [[Double]]) throws {
        let rows = columns.first?.count ?? 0
        let keep = (0..<rows).filter { i in columns.allSatisfy { $0[i].isFinite } }
        guard keep.count > names.count else { throw FactorError.tooFewRows(keep.count) }
        var z: [[Double]] = []
        for (j, c) in columns.enumerated() {
            let v = keep.map { c[$0] }
            let mean = v.reduce(0, +) / Double(v.count)
            let sd = (v.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(v.count - 1)).squareRoot()
            guard sd > 0 else { throw FactorError.constant(names[j]) }
            z.append(v.map { ($0 - mean) / sd })
        }
        let p = names.count, m = keep.count
        var r = Matrix(rows: p, cols: p)
        for a in 0..<p {
            r[a, a] = 1
            for b in (a + 1)..<max(a + 1, p) {
                var s = 0.0
                for i in 0..<m { s += z[a][i] * z[b][i] }
                r[a, b] = s / Double(m - 1); r[b, a] = r[a, b]
            }
        }
        self.names = names
        correlation = r
        n = m
        dropped = rows - m
        standardized = z
    }

    /// From a correlation matrix directly (no data: parallel analysis needs only n and p).
    public init(names: [String], correlation: Matrix, n: Int) {
        self.names = names
        self.correlation = correlation
        self.n = n
        dropped = 0
        standardized = []
    }
}
