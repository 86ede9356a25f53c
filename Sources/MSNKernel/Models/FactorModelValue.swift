import MSNFactor
import MSNTable

/// A fitted exploratory factor analysis (`fit efa`) as a language value: a summary, then the loadings,
/// the variance explained, the factor correlations (oblique rotations) and the parallel analysis
/// (when it chose the number of factors) as parts.
struct FactorModelValue: ModelValue {
    let fit: FactorFit
    /// The parallel analysis that chose the number of factors, if any.
    var parallel: ParallelAnalysis?
    var kind: String { "efa" }
    var shape: String { "\(fit.specification.factors) factors, \(fit.data.names.count) variables, \(fit.data.n) rows" }

    var summary: ModelSummary {
        let s = fit.specification
        var items: [ModelSummary.Item] = [
            .init("observations", .int(fit.data.n), note: fit.data.dropped > 0 ? "\(fit.data.dropped) rows with missing values left out" : nil),
            .init("variables", .int(fit.data.names.count)),
            .init("factors", .int(s.factors), note: parallel.map { "chosen by parallel analysis (\($0.draws) draws, seed \($0.seed))" }),
            .init("iterations", .int(fit.iterations)),
        ]
        if let chi = fit.chiSquare, let df = fit.degreesOfFreedom {
            items.append(.init("chi-square", .number(chi, decimals: 3), note: "df \(df), p " + SummaryValue.pValue(fit.pValue ?? .nan).formatted))
        }
        let total = fit.variance.reduce(0, +) / Double(fit.data.names.count)
        items.append(.init("variance explained", .percent(total), note: s.rotation.isOblique ? "factors correlate, so shares overlap" : nil))
        let method = s.method == .ml ? "maximum likelihood" : "principal axes"
        let rotation = s.rotation == .none ? "unrotated" : "\(s.rotation.rawValue) rotation"
        return ModelSummary(title: "exploratory factor analysis (\(method), \(rotation))", items: items, warnings: fit.warnings)
    }

    var parts: [(name: String, table: Table)] {
        var out: [(String, Table)] = []
        if let t = try? fit.loadingsTable() { out.append(("loadings", t)) }
        if let t = try? fit.varianceTable() { out.append(("variance", t)) }
        if fit.specification.rotation.isOblique, let t = try? fit.correlationTable() { out.append(("correlations", t)) }
        if let p = parallel, let t = try? p.table() { out.append(("parallel", t)) }
        return out
    }
}
