import Foundation
import MSNStats
import MSNTable

/// How many rows, entities and periods a panel model used, and how many rows it left out and why.
public struct PanelCounts: Sendable, Equatable {
    public var rowsInput: Int
    public var rowsMissing: Int
    public var singletons: Int
    /// Rows in the final regression (differences for FD, entities for between).
    public var observations: Int
    public var entities: Int?
    public var periods: Int?
    /// Clusters per cluster key.
    public var clusters: [Int]
}

/// A fitted linear panel model: coefficients, their covariance, fit measures and counts.
public struct PanelFit: Sendable {
    public let specification: PanelSpecification
    /// Coefficient names: `(Intercept)` (when the model has one) then the regressors.
    public let terms: [String]
    public let coefficients: [Double]
    public let covariance: Matrix
    /// Degrees of freedom of the t tests (N − K, or G − 1 under clustering).
    public let tDegreesOfFreedom: Int
    public let counts: PanelCounts
    /// Fit measures by name, in display order (r2_within, r2_overall, F, sigma2_u, theta, …).
    public let measures: [(name: String, value: Double)]
    /// Notes for the user (e.g. singletons dropped, gaps skipped by first differences).
    public let notes: [String]
    /// Residuals of the final regression.
    public let residuals: [Double]
    /// The input rows the model used (complete, not singletons), in order.
    public let usedRows: [Int]

    public var standardErrors: [Double] { (0..<terms.count).map { covariance[$0, $0].squareRoot() } }

    /// A fit measure by name.
    public func measure(_ name: String) -> Double? { measures.first { $0.name == name }?.value }

    /// Fits `spec` to `table`.
    public static func fit(_ table: Table, _ spec: PanelSpecification) throws -> PanelFit {
        if spec.estimator == .within, spec.absorb.isEmpty { throw PanelError.needsPanelKeys("a fixed-effects model (| id or model = …)") }
        if [.random, .between, .firstDifference].contains(spec.estimator), spec.entityKey == nil {
            throw PanelError.needsPanelKeys("model = \"\(spec.estimator.rawValue)\"")
        }
        if spec.estimator == .firstDifference, spec.timeKey == nil { throw PanelError.needsPanelKeys("model = \"fd\"") }
        if spec.clusterKeys.count > 2 { throw PanelError.invalidOption("cluster takes one or two keys") }
        let data = try PanelData.prepare(table, spec)
        for key in spec.clusterKeys where (data.keys[key]?.levels ?? 0) < 2 {
            throw PanelError.invalidOption("clustering by '\(key)' needs at least 2 clusters among the rows used")
        }
        switch spec.estimator {
        case .within: return try PanelEstimators.within(data, spec)
        case .pooled: return try PanelEstimators.pooled(data, spec)
        case .between: return try PanelEstimators.between(data, spec)
        case .firstDifference: return try PanelEstimators.firstDifference(data, spec)
        case .random: return try PanelEstimators.random(data, spec)
        }
    }

    init(specification: PanelSpecification, terms: [String], solution: QRLeastSquares, design: [[Double]],
         data: PanelData, observations: Int, clusterCodes: [GroupCodes], dof: DegreesOfFreedom,
         measures: [(String, Double)], notes: [String]) {
        let cov = PanelCovariance.estimate(x: design, residuals: solution.residuals, bread: solution.xtxInverse,
                                           kind: specification.variance, clusterCodes: clusterCodes, dof: dof)
        self.specification = specification
        self.terms = terms
        coefficients = solution.coefficients
        covariance = cov.matrix
        tDegreesOfFreedom = cov.tDegreesOfFreedom
        residuals = solution.residuals
        usedRows = data.used
        counts = PanelCounts(rowsInput: data.rowsInput, rowsMissing: data.rowsMissing, singletons: data.singletons,
                             observations: observations, entities: specification.entityKey.flatMap { data.keys[$0]?.levels },
                             periods: specification.timeKey.flatMap { data.keys[$0]?.levels }, clusters: cov.clusters)
        // The Wald F on the slopes from the chosen covariance (Stata's model F).
        let slopes = terms.indices.filter { terms[$0] != "(Intercept)" }
        var all = measures
        if !slopes.isEmpty {
            var sub = Matrix(rows: slopes.count, cols: slopes.count)
            for (a, i) in slopes.enumerated() { for (b, j) in slopes.enumerated() { sub[a, b] = cov.matrix[i, j] } }
            let bs = slopes.map { solution.coefficients[$0] }
            if let x = try? sub.solve(Matrix(bs.map { [$0] })) {
                let wald = zip(bs, x.values).reduce(0) { $0 + $1.0 * $1.1 } / Double(slopes.count)
                all.append(("f_wald", wald))
                all.append(("f_wald_p", Distributions.fUpperTail(wald, df1: Double(slopes.count), df2: Double(cov.tDegreesOfFreedom))))
            }
        }
        self.measures = all
        self.notes = notes
    }
}
