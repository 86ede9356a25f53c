import Foundation
import MSNStats

/// Options for `fit sem`.
public struct SEMOptions: Sendable {
    /// Fix latent variances to 1 and free every loading (lavaan's `std.lv = TRUE`).
    public var stdLV = false
    /// Default options (lavaan's `sem()` defaults).
    public init() {}
}

/// A fitted single-group structural equation model (ML on the covariance matrix with divisor N,
/// expected-information standard errors) — lavaan's defaults.
public struct SEMFit: Sendable {
    /// The parameter table with estimates in `value`.
    public let table: ParameterTable
    /// Observations used.
    public let n: Int
    /// Rows dropped because a model variable was missing (listwise deletion).
    public let droppedRows: Int
    /// Sample covariance (divisor N) of `table.observed`.
    public let sample: Matrix
    /// Model-implied covariance.
    public let sigma: Matrix
    /// Cov(η) implied by the model.
    let etaCovariance: Matrix
    /// Sampling covariance of the free parameters.
    public let vcov: Matrix
    /// Fisher-scoring iterations used.
    public let iterations: Int
    /// The minimum of F_ML.
    public let fmin: Double
    /// Warnings (Heywood cases, dropped rows).
    public let warnings: [String]
    /// Free parameter estimates.
    public let estimates: [Double]
    let information: Matrix

    /// Fits `model` (lavaan syntax) to data given as named columns (NaN = missing; rows with a missing
    /// model variable are dropped).
    public static func fit(model: String, data: [String: [Double]], columnOrder: [String], options: SEMOptions = SEMOptions()) throws -> SEMFit {
        let statements = try ModelSyntax.parse(model)
        var table = try ParameterTable.build(statements, dataColumns: columnOrder, stdLV: options.stdLV)
        let p = table.observed.count
        let rowsTotal = data[table.observed[0]]?.count ?? 0
        var complete: [Int] = []
        let columns = table.observed.map { data[$0] ?? [] }
        for r in 0..<rowsTotal where columns.allSatisfy({ !$0[r].isNaN }) { complete.append(r) }
        let n = complete.count
        guard n > p else { throw SEMError.tooFewRows(n, needed: p + 1) }
        // Sample covariance with divisor N.
        var means = [Double](repeating: 0, count: p)
        for j in 0..<p { for r in complete { means[j] += columns[j][r] }; means[j] /= Double(n) }
        var s = Matrix(rows: p, cols: p)
        for a in 0..<p { for b in a..<p {
            var v = 0.0
            for r in complete { v += (columns[a][r] - means[a]) * (columns[b][r] - means[b]) }
            s[a, b] = v / Double(n); s[b, a] = s[a, b]
        } }
        // fixed.x: exogenous observed covariances at their sample values.
        let obsIndex = Dictionary(uniqueKeysWithValues: table.observed.enumerated().map { ($1, $0) })
        for k in table.rows.indices where table.rows[k].exo {
            if let i = obsIndex[table.rows[k].lhs], let j = obsIndex[table.rows[k].rhs] { table.rows[k].value = s[i, j] }
        }
        let moments = p * (p + 1) / 2
        guard table.freeCount <= moments else {
            throw SEMError.underIdentified("\(table.freeCount) free parameters but only \(moments) sample variances and covariances (df = \(moments - table.freeCount))")
        }
        let estimator = try MLEstimator(table: table, sample: s)
        let start = startValues(table, s)
        let (x, iterations, fmin) = try estimator.minimise(start: start)
        let (_, h, _) = try estimator.gradientAndInformation(x)
        let vcov: Matrix
        do { vcov = (2 / Double(n)) * (try h.inverse()) } catch {
            throw SEMError.underIdentified("the information matrix is singular at the solution: some parameters cannot be told apart")
        }
        for k in table.rows.indices where table.rows[k].free > 0 { table.rows[k].value = x[table.rows[k].free - 1] }
        let mm = try ModelMatrices(table, free: x)
        var warnings: [String] = []
        if rowsTotal > n { warnings.append("\(rowsTotal - n) of \(rowsTotal) rows dropped for missing values (listwise deletion)") }
        for r in table.rows where r.op == "~~" && r.lhs == r.rhs && r.free > 0 && r.value < 0 {
            warnings.append("Heywood case: the variance of \(r.lhs) is negative (\(String(format: "%.4f", r.value))); the model may be misspecified")
        }
        return SEMFit(table: table, n: n, droppedRows: rowsTotal - n, sample: s, sigma: mm.sigma, etaCovariance: mm.m, vcov: vcov,
                      iterations: iterations, fmin: fmin, warnings: warnings, estimates: x, information: h)
    }

    /// lavaan-like starting values: loadings from covariances with the marker, half the observed
    /// variance for residuals, zero for regressions and covariances.
    static func startValues(_ table: ParameterTable, _ s: Matrix) -> [Double] {
        var x = [Double](repeating: 0, count: table.freeCount)
        var set = [Bool](repeating: false, count: table.freeCount)
        let obs = Dictionary(uniqueKeysWithValues: table.observed.enumerated().map { ($1, $0) })
        func marker(_ f: String) -> Int? {
            table.rows.first { $0.op == "=~" && $0.lhs == f && obs[$0.rhs] != nil }.flatMap { obs[$0.rhs] }
        }
        for r in table.rows where r.free > 0 && !set[r.free - 1] {
            var v = 0.0
            switch r.op {
            case "=~":
                if let j = obs[r.rhs], let m = marker(r.lhs), m != j, s[m, m] > 0 {
                    v = max(-10, min(10, 2 * s[j, m] / s[m, m]))
                    if abs(v) < 0.1 { v = 0.5 }
                } else if let j = obs[r.rhs] { v = (0.5 * s[j, j]).squareRoot() } else { v = 1 }
            case "~~" where r.lhs == r.rhs:
                if let i = obs[r.lhs], table.latents.firstIndex(of: r.lhs) == nil { v = 0.5 * s[i, i] }
                else if let m = marker(r.lhs) { v = 0.5 * s[m, m] } else { v = 0.05 }
            default: v = 0
            }
            x[r.free - 1] = v
            set[r.free - 1] = true
        }
        return x
    }

    /// Chi-square degrees of freedom.
    public var df: Int { table.observed.count * (table.observed.count + 1) / 2 - table.freeCount }

    /// The standard error of free parameter `k` (1-based), or 0 when fixed.
    func se(_ free: Int) -> Double { free > 0 ? max(0, vcov[free - 1, free - 1]).squareRoot() : 0 }
}
