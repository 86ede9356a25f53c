import Foundation

/// Logistic regression by iteratively reweighted least squares, each step a weighted Householder QR
/// (`LeastSquares`): z tests, odds ratios, McFadden's pseudo-R², AIC; separation is reported as a
/// warning. Optional analytic weights (as statsmodels' `GLM(var_weights=)`) and robust or clustered
/// standard errors.
public struct LogisticRegression: Sendable {
    public let coefficients: [Coefficient]
    public let mcFaddenR2: Double
    public let aic: Double
    public let logLikelihood: Double
    public let iterations: Int
    /// A warning when the data are (quasi-)separated and estimates run off to infinity.
    public let separationWarning: String?
    /// The coefficients' covariance matrix (under `covarianceKind`).
    public let covariance: Matrix
    public let covarianceKind: CovarianceKind
    /// Estimated condition number of the final weighted, column-scaled design.
    public let conditionNumber: Double
    /// Average marginal effects on P(y = 1) of the non-constant columns, with delta-method SEs
    /// (`estimate` is dy/dx, `statistic` is z).
    public let marginalEffects: [Coefficient]

    /// Fits P(y = 1) = logistic(Xβ). The IRLS steps run in Double while the design is well conditioned
    /// (Newton corrects each step's rounding); the final factorization, which gives the standard errors,
    /// uses `precision`.
    public init(design x: DesignMatrix, response y: [Double], weights: [Double]? = nil, covariance kind: CovarianceKind = .classical,
                precision: LeastSquares.Precision = .automatic) throws {
        let n = y.count, k = x.columns.count
        guard n > k else { throw RegressionError.tooFewRows(rows: n, coefficients: k) }
        guard y.allSatisfy({ $0 == 0 || $0 == 1 }) else { throw RegressionError.notBinary }
        guard Set(y).count == 2 else { throw RegressionError.constantResponse }
        if let w = weights { guard w.count == n, w.allSatisfy({ $0 > 0 && $0.isFinite }) else { throw RegressionError.badWeights } }
        let w = weights ?? [Double](repeating: 1, count: n)
        var beta = [Double](repeating: 0, count: k)
        var iterations = 0
        var separated = false
        func probabilities(_ b: [Double]) -> [Double] { x.times(b).map { 1 / (1 + Foundation.exp(-$0)) } }
        var iterationPrecision = LeastSquares.Precision.double
        func step(_ b: [Double], _ precision: LeastSquares.Precision) -> (LeastSquares, [Double]) {
            let eta = x.times(b), p = probabilities(b)
            let v = p.map { max($0 * (1 - $0), 1e-12) }
            let z = (0..<n).map { eta[$0] + (y[$0] - p[$0]) / v[$0] }
            return (LeastSquares(columns: x.columns, response: z, weights: zip(w, v).map { $0 * $1 }, precision: precision), v)
        }
        for it in 1...100 {
            iterations = it
            var (ls, _) = step(beta, iterationPrecision)
            if iterationPrecision == .double && (ls.conditionNumber > LeastSquares.extendedPrecisionThreshold || !ls.aliased.isEmpty) {
                iterationPrecision = precision
                (ls, _) = step(beta, precision)
            }
            guard ls.aliased.isEmpty else {
                if it == 1 { throw RegressionError.rankDeficient(ls.aliased.map { x.names[$0] }) }
                separated = true
                break
            }
            let change = zip(ls.coefficients, beta).map { abs($0 - $1) / max(1, abs($1)) }.max() ?? 0
            beta = ls.coefficients
            if change < 1e-12 { break }
            if beta.map(abs).max() ?? 0 > 30 { separated = true }
        }
        let p = probabilities(beta)
        if p.allSatisfy({ $0 < 1e-8 || $0 > 1 - 1e-8 }) { separated = true }
        let (final, v) = step(beta, precision)
        let bread = final.aliased.isEmpty ? final.unscaledCovariance : Matrix(rows: k, cols: k, value: .nan)
        let rootWV = zip(w, v).map { ($0 * $1).squareRoot() }
        let cov = Sandwich.covariance(kind, bread: bread, columns: x.columns.map { zip($0, rootWV).map { $0 * $1 } },
                                      residuals: (0..<n).map { w[$0].squareRoot() * (y[$0] - p[$0]) / v[$0].squareRoot() })
        coefficients = (0..<k).map { j in
            let se = cov[j, j].squareRoot(), z = beta[j] / se
            return Coefficient(term: x.names[j], estimate: beta[j], se: se, statistic: z, pValue: Distributions.twoSidedNormalP(z),
                               ciLower: beta[j] - 1.959963984540054 * se, ciUpper: beta[j] + 1.959963984540054 * se)
        }
        let eta = x.times(beta)
        var ll = 0.0
        for i in 0..<n { ll += w[i] * (y[i] * eta[i] - (eta[i] > 0 ? eta[i] + Foundation.log1p(Foundation.exp(-eta[i])) : Foundation.log1p(Foundation.exp(eta[i])))) }
        logLikelihood = ll
        let sw = w.reduce(0, +)
        let rate = zip(w, y).reduce(0) { $0 + $1.0 * $1.1 } / sw
        let llNull = sw * (rate * Foundation.log(rate) + (1 - rate) * Foundation.log(1 - rate))
        mcFaddenR2 = 1 - logLikelihood / llNull
        aic = -2 * logLikelihood + 2 * Double(k)
        self.iterations = iterations
        separationWarning = separated ? "perfect or quasi-complete separation: some predictor (or combination) splits the outcome exactly, so its coefficient and standard error are unreliable" : nil
        covariance = cov
        covarianceKind = kind
        conditionNumber = final.conditionNumber
        marginalEffects = MarginalEffects.average(x, beta: beta, cov: cov, p: p, weights: w)
        coefficientsByName = Dictionary(uniqueKeysWithValues: coefficients.map { ($0.term, $0.estimate) })
    }

    private let coefficientsByName: [String: Double]

    /// Probabilities of y = 1 for a design with the same columns.
    public func predict(_ x: DesignMatrix) -> [Double] {
        x.times(x.names.map { coefficientsByName[$0] ?? 0 }).map { 1 / (1 + Foundation.exp(-$0)) }
    }
}
