import MSNStats
import MSNTable

/// Result tables of a panel fit: coefficients, fit measures, and the sample counts.
extension PanelFit {
    /// term, estimate, se, t, pvalue, ci_lower, ci_upper (t with `tDegreesOfFreedom`, 95% intervals).
    public func coefficientTable() throws -> Table {
        let se = standardErrors
        let t = zip(coefficients, se).map { $0 / $1 }
        let df = Double(tDegreesOfFreedom)
        let q = Distributions.tQuantile(0.975, df: df)
        return try Table([
            ("term", .string(StringColumn(terms))),
            ("estimate", .float(TypedColumn(coefficients))), ("se", .float(TypedColumn(se))), ("t", .float(TypedColumn(t))),
            ("pvalue", .float(TypedColumn(t.map { Distributions.twoSidedTP($0, df: df) }))),
            ("ci_lower", .float(TypedColumn(zip(coefficients, se).map { $0 - q * $1 }))),
            ("ci_upper", .float(TypedColumn(zip(coefficients, se).map { $0 + q * $1 }))),
        ])
    }

    /// measure, value: the counts first (rows in, missing, singletons, used, entities, periods, clusters), then the fit.
    public func measuresTable() throws -> Table {
        var rows: [(String, Double)] = [
            ("rows_input", Double(counts.rowsInput)), ("rows_missing", Double(counts.rowsMissing)),
            ("singletons", Double(counts.singletons)), ("observations", Double(counts.observations)),
        ]
        if let e = counts.entities { rows.append(("entities", Double(e))) }
        if let p = counts.periods { rows.append(("periods", Double(p))) }
        for (key, g) in zip(specification.clusterKeys, counts.clusters) { rows.append(("clusters_\(key)", Double(g))) }
        rows.append(("t_df", Double(tDegreesOfFreedom)))
        rows += measures.map { ($0.name, $0.value) }
        return try Table([("measure", .string(StringColumn(rows.map(\.0)))), ("value", .float(TypedColumn(rows.map(\.1))))])
    }
}
