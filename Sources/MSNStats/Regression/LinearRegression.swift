import Foundation

/// A coefficient with its inference.
public struct Coefficient: Sendable {
    public var term: String
    public var estimate: Double
    public var se: Double
    /// t (OLS) or z (logistic).
    public var statistic: Double
    public var pValue: Double
    public var ciLower: Double
    public var ciUpper: Double
}

/// Least squares (OLS, or WLS with analytic weights, as statsmodels' `WLS`): coefficients with t tests
/// and 95% intervals, R², adjusted R², F, AIC (statsmodels' definitions), solved by Householder QR
/// (`LeastSquares`). Standard errors are classical, HC0–HC3 or cluster-robust (`CovarianceKind`).
public struct LinearRegression: Sendable {
    public let coefficients: [Coefficient]
    public let rSquared: Double
    public let adjustedRSquared: Double
    /// F for all slopes (a Wald F under robust or clustered errors, as statsmodels).
    public let fStatistic: Double
    public let fPValue: Double
    public let aic: Double
    public let n: Int
    public let residualDF: Int
    /// √(Σwe²/(n − k)).
    public let residualSD: Double
    /// The coefficients' covariance matrix (under `covarianceKind`).
    public let covariance: Matrix
    public let covarianceKind: CovarianceKind
    /// Estimated condition number of the column-scaled design (see `LeastSquares`).
    public let conditionNumber: Double
    /// Plain-language warnings (ill-conditioning).
    public let warnings: [String]

    /// Condition numbers above this draw a warning: data stored to 16 digits then keep at most about 7
    /// digits of the estimates (Filip: κ ≈ 1e10, 7.6 digits).
    public static let conditionWarningThreshold = 1e9

    /// Fits y = Xβ + ε; `hasIntercept` says whether X's first column is the intercept (for R² and F).
    /// `weights` are analytic (precision) weights wᵢ > 0: Var(εᵢ) = σ²/wᵢ. `precision` is for tests.
    public init(design x: DesignMatrix, response y: [Double], hasIntercept: Bool = true, weights: [Double]? = nil,
                covariance kind: CovarianceKind = .classical, precision: LeastSquares.Precision = .automatic) throws {
        let n = y.count, k = x.columns.count
        guard n > k else { throw RegressionError.tooFewRows(rows: n, coefficients: k) }
        if let w = weights { guard w.count == n, w.allSatisfy({ $0 > 0 && $0.isFinite }) else { throw RegressionError.badWeights } }
        let ls = LeastSquares(columns: x.columns, response: y, weights: weights, precision: precision)
        guard ls.aliased.isEmpty else { throw RegressionError.rankDeficient(ls.aliased.map { x.names[$0] }) }
        let w = weights ?? [Double](repeating: 1, count: n)
        let beta = ls.coefficients, rss = ls.residualSumOfSquares
        let tss = Self.totalSumOfSquares(y, w, centred: hasIntercept)
        guard tss > 0 else { throw RegressionError.constantResponse }
        let df = n - k
        let sigma2 = rss / Double(df)
        let root = w.map { $0.squareRoot() }
        let cov = kind == .classical ? sigma2 * ls.unscaledCovariance
            : Sandwich.covariance(kind, bread: ls.unscaledCovariance, columns: x.columns.map { zip($0, root).map { $0 * $1 } },
                                  residuals: zip(ls.residuals, root).map { $0 * $1 })
        let inferenceDF = Double(kind.inferenceDF(residualDF: df))
        let tCrit = Distributions.tQuantile(0.975, df: inferenceDF)
        coefficients = (0..<k).map { j in
            let se = cov[j, j].squareRoot()
            let t = beta[j] / se
            return Coefficient(term: x.names[j], estimate: beta[j], se: se, statistic: t, pValue: Distributions.twoSidedTP(t, df: inferenceDF),
                               ciLower: beta[j] - tCrit * se, ciUpper: beta[j] + tCrit * se)
        }
        rSquared = 1 - rss / tss
        let slopes = hasIntercept ? Array(1..<k) : Array(0..<k)
        adjustedRSquared = 1 - (1 - rSquared) * Double(n - (hasIntercept ? 1 : 0)) / Double(df)
        if kind == .classical {
            fStatistic = ((tss - rss) / Double(slopes.count)) / sigma2
        } else {
            fStatistic = Self.waldF(beta, cov, slopes)
        }
        fPValue = Distributions.fUpperTail(fStatistic, df1: Double(slopes.count), df2: inferenceDF)
        let logWeights = weights.map { $0.reduce(0) { $0 + Foundation.log($1) } } ?? 0
        let llf = -Double(n) / 2 * (Foundation.log(2 * Double.pi) + Foundation.log(rss / Double(n)) + 1) + logWeights / 2
        aic = -2 * llf + 2 * Double(k)
        self.n = n
        residualDF = df
        residualSD = sigma2.squareRoot()
        covariance = cov
        covarianceKind = kind
        conditionNumber = ls.conditionNumber
        warnings = ls.conditionNumber > Self.conditionWarningThreshold ? [Self.conditionWarning(ls.conditionNumber)] : []
        coefficientsByName = Dictionary(uniqueKeysWithValues: coefficients.map { ($0.term, $0.estimate) })
    }

    private let coefficientsByName: [String: Double]

    /// Predictions for a design with the same columns.
    public func predict(_ x: DesignMatrix) -> [Double] { x.times(x.names.map { coefficientsByName[$0] ?? 0 }) }

    /// The ill-conditioning warning for condition number `kappa`.
    public static func conditionWarning(_ kappa: Double) -> String {
        "the design is ill-conditioned (condition number ≈ \(String(format: "%.1e", kappa)) after scaling the columns): "
            + "small changes in the data move the estimates a lot; centring the predictors before forming powers or products "
            + "usually helps (derive xc = x - mean(x))"
    }

    /// Σwᵢ(yᵢ − ȳ_w)² (centred) or Σwᵢyᵢ², accumulated in double-double.
    static func totalSumOfSquares(_ y: [Double], _ w: [Double], centred: Bool) -> Double {
        var sw = DoubleDouble(0), swy = DoubleDouble(0)
        for (v, wi) in zip(y, w) { sw = sw + DoubleDouble(wi); swy = swy + DoubleDouble.twoProductDD(wi, v) }
        let mean = centred ? (swy / sw) : DoubleDouble(0)
        var s = DoubleDouble(0)
        for (v, wi) in zip(y, w) { let d = DoubleDouble(v) - mean; s = s + DoubleDouble(wi) * d * d }
        return s.doubleValue
    }

    /// (bₛᵀ Vₛ⁻¹ bₛ)/q over the coefficients `s`; NaN when Vₛ is not positive definite.
    static func waldF(_ beta: [Double], _ cov: Matrix, _ s: [Int]) -> Double {
        guard !s.isEmpty else { return .nan }
        var v = Matrix(rows: s.count, cols: s.count)
        for (a, i) in s.enumerated() { for (b, j) in s.enumerated() { v[a, b] = cov[i, j] } }
        guard let inv = try? v.inverseSPD() else { return .nan }
        let b = s.map { beta[$0] }
        return zip(b, inv.apply(b)).reduce(0) { $0 + $1.0 * $1.1 } / Double(s.count)
    }
}
