import MSNStats
import MSNTable

/// A fitted factor analysis as tables: loadings with communalities and uniquenesses, variance
/// explained, factor correlations.
extension FactorFit {
    /// Factor names F1, F2, ….
    public var factorNames: [String] { (1...specification.factors).map { "F\($0)" } }

    /// One row per variable: the loadings (pattern for oblique rotations), communality and uniqueness.
    public func loadingsTable() throws -> Table {
        var pairs: [(String, Column)] = [("variable", .string(StringColumn(data.names)))]
        for (j, name) in factorNames.enumerated() {
            pairs.append((name, .float(TypedColumn((0..<loadings.rows).map { loadings[$0, j] }))))
        }
        pairs += [("communality", .float(TypedColumn(communalities))), ("uniqueness", .float(TypedColumn(uniquenesses)))]
        return try Table(pairs)
    }

    /// One row per factor: sum of squared loadings, share of the total variance and the running total.
    public func varianceTable() throws -> Table {
        let p = Double(data.names.count)
        var running = 0.0
        let cumulative = variance.map { running += $0 / p; return running }
        return try Table([
            ("factor", .string(StringColumn(factorNames))), ("ss_loadings", .float(TypedColumn(variance))),
            ("share", .float(TypedColumn(variance.map { $0 / p }))), ("cumulative_share", .float(TypedColumn(cumulative))),
        ])
    }

    /// The factor correlation matrix (the identity for orthogonal rotations).
    public func correlationTable() throws -> Table {
        var pairs: [(String, Column)] = [("factor", .string(StringColumn(factorNames)))]
        for (j, name) in factorNames.enumerated() {
            pairs.append((name, .float(TypedColumn((0..<phi.rows).map { phi[$0, j] }))))
        }
        return try Table(pairs)
    }
}
