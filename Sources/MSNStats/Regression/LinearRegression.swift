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

/// Ordinary least squares: coefficients with t tests and 95% intervals, R², adjusted R², F, AIC
/// (statsmodels' definitions).
public struct LinearRegression: Sendable {
    public let coefficients: [Coefficient]
    public let rSquared: Double
    public let adjustedRSquared: Double
    public let fStatistic: Double
    public let fPValue: Double
    public let aic: Double
    public let n: Int
    public let residualDF: Int

    /// Fits y = Xβ + ε; `hasIntercept` says whether X's first column is the intercept (for R² and F).
    public init(design x: DesignMatrix, response y: [Double], hasIntercept: Bool = true) throws {
        let n = y.count, k = x.columns.count
        guard n > k else { throw RegressionError.tooFewRows(rows: n, coefficients: k) }
        let collinear = x.collinearColumns()
        guard collinear.isEmpty else { throw RegressionError.rankDeficient(collinear) }
        let xtxInv = try x.gram().inverseSPD()
        let beta = xtxInv.apply(x.transposeTimes(y))
        let fitted = x.times(beta)
        let rss = zip(y, fitted).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        let mean = y.reduce(0, +) / Double(n)
        let tss = hasIntercept ? y.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } : y.reduce(0) { $0 + $1 * $1 }
        guard tss > 0 else { throw RegressionError.constantResponse }
        let df = n - k
        let sigma2 = rss / Double(df)
        let tCrit = Distributions.tQuantile(0.975, df: Double(df))
        coefficients = (0..<k).map { j in
            let se = (sigma2 * xtxInv[j, j]).squareRoot()
            let t = beta[j] / se
            return Coefficient(term: x.names[j], estimate: beta[j], se: se, statistic: t, pValue: Distributions.twoSidedTP(t, df: Double(df)),
                               ciLower: beta[j] - tCrit * se, ciUpper: beta[j] + tCrit * se)
        }
        rSquared = 1 - rss / tss
        let modelDF = Double(hasIntercept ? k - 1 : k)
        adjustedRSquared = 1 - (1 - rSquared) * Double(n - (hasIntercept ? 1 : 0)) / Double(df)
        fStatistic = ((tss - rss) / modelDF) / sigma2
        fPValue = Distributions.fUpperTail(fStatistic, df1: modelDF, df2: Double(df))
        let llf = -Double(n) / 2 * (Foundation.log(2 * Double.pi) + Foundation.log(rss / Double(n)) + 1)
        aic = -2 * llf + 2 * Double(k)
        self.n = n
        residualDF = df
        coefficientsByName = Dictionary(uniqueKeysWithValues: coefficients.map { ($0.term, $0.estimate) })
    }

    private let coefficientsByName: [String: Double]

    /// Predictions for a design with the same columns.
    public func predict(_ x: DesignMatrix) -> [Double] { x.times(x.names.map { coefficientsByName[$0] ?? 0 }) }
}

/// Logistic regression by iteratively reweighted least squares: z tests, odds ratios, McFadden's
/// pseudo-R², AIC; separation is reported as a warning.
public struct LogisticRegression: Sendable {
    public let coefficients: [Coefficient]
    public let mcFaddenR2: Double
    public let aic: Double
    public let logLikelihood: Double
    public let iterations: Int
    /// A warning when the data are (quasi-)separated and estimates run off to infinity.
    public let separationWarning: String?

    /// Fits P(y = 1) = logistic(Xβ).
    public init(design x: DesignMatrix, response y: [Double]) throws {
        let n = y.count, k = x.columns.count
        guard n > k else { throw RegressionError.tooFewRows(rows: n, coefficients: k) }
        guard y.allSatisfy({ $0 == 0 || $0 == 1 }) else { throw RegressionError.notBinary }
        guard Set(y).count == 2 else { throw RegressionError.constantResponse }
        let collinear = x.collinearColumns()
        guard collinear.isEmpty else { throw RegressionError.rankDeficient(collinear) }
        var beta = [Double](repeating: 0, count: k)
        var info = Matrix.identity(k)
        var iterations = 0
        var separated = false
        func ll(_ b: [Double]) -> Double {
            let eta = x.times(b)
            var s = 0.0
            for i in 0..<n { s += y[i] * eta[i] - (eta[i] > 0 ? eta[i] + Foundation.log1p(Foundation.exp(-eta[i])) : Foundation.log1p(Foundation.exp(eta[i]))) }
            return s
        }
        for it in 1...100 {
            iterations = it
            let eta = x.times(beta)
            let p = eta.map { 1 / (1 + Foundation.exp(-$0)) }
            let w = p.map { max($0 * (1 - $0), 1e-12) }
            info = x.gram(weights: w)
            let score = x.transposeTimes(zip(y, p).map { $0 - $1 })
            guard let step = try? info.solve(Matrix(score.map { [$0] })).values else { separated = true; break }
            beta = zip(beta, step).map { $0 + $1 }
            if step.map(abs).max() ?? 0 < 1e-10 { break }
            if beta.map(abs).max() ?? 0 > 30 { separated = true }
        }
        let fitted = x.times(beta).map { 1 / (1 + Foundation.exp(-$0)) }
        if fitted.allSatisfy({ $0 < 1e-8 || $0 > 1 - 1e-8 }) { separated = true }
        let cov = (try? info.inverseSPD()) ?? Matrix(rows: k, cols: k, value: .nan)
        coefficients = (0..<k).map { j in
            let se = cov[j, j].squareRoot(), z = beta[j] / se
            return Coefficient(term: x.names[j], estimate: beta[j], se: se, statistic: z, pValue: Distributions.twoSidedNormalP(z),
                               ciLower: beta[j] - 1.959963984540054 * se, ciUpper: beta[j] + 1.959963984540054 * se)
        }
        logLikelihood = ll(beta)
        let rate = y.reduce(0, +) / Double(n)
        let llNull = Double(n) * (rate * Foundation.log(rate) + (1 - rate) * Foundation.log(1 - rate))
        mcFaddenR2 = 1 - logLikelihood / llNull
        aic = -2 * logLikelihood + 2 * Double(k)
        self.iterations = iterations
        separationWarning = separated ? "perfect or quasi-complete separation: some predictor (or combination) splits the outcome exactly, so its coefficient and standard error are unreliable" : nil
        coefficientsByName = Dictionary(uniqueKeysWithValues: coefficients.map { ($0.term, $0.estimate) })
    }

    private let coefficientsByName: [String: Double]

    /// Probabilities of y = 1 for a design with the same columns.
    public func predict(_ x: DesignMatrix) -> [Double] {
        x.times(x.names.map { coefficientsByName[$0] ?? 0 }).map { 1 / (1 + Foundation.exp(-$0)) }
    }
}
