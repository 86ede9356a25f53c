import Foundation

/// Average marginal effects of a logistic regression (Stata's `margins, dydx(*)`, statsmodels'
/// `get_margeff(at="overall")`): for each non-constant column j, the mean over rows of
/// ∂P(y=1)/∂xⱼ = pᵢ(1 − pᵢ)βⱼ (weighted means under analytic weights), with delta-method standard
/// errors J V Jᵀ from the fit's covariance V (classical, robust or clustered alike).
enum MarginalEffects {
    /// `x` the design, `beta` and `cov` the fit, `p` the fitted probabilities, `w` the weights.
    static func average(_ x: DesignMatrix, beta: [Double], cov: Matrix, p: [Double], weights w: [Double]) -> [Coefficient] {
        let n = p.count, k = beta.count
        let sw = w.reduce(0, +)
        let varying = (0..<k).filter { j in x.columns[j].contains { $0 != x.columns[j].first } }
        var meanD = 0.0
        var meanSX = [Double](repeating: 0, count: k)
        for i in 0..<n {
            let d = p[i] * (1 - p[i]), s = d * (1 - 2 * p[i])
            meanD += w[i] * d / sw
            for c in 0..<k { meanSX[c] += w[i] * s * x.columns[c][i] / sw }
        }
        // J[j][c] = ∂AMEⱼ/∂β_c = mean(d) δⱼ꜀ + βⱼ mean(s x_c).
        let jac = varying.map { j in (0..<k).map { c in (c == j ? meanD : 0) + beta[j] * meanSX[c] } }
        return varying.enumerated().map { r, j in
            let jv = cov.apply(jac[r])
            let se = zip(jac[r], jv).reduce(0) { $0 + $1.0 * $1.1 }.squareRoot()
            let ame = meanD * beta[j], z = ame / se
            return Coefficient(term: x.names[j], estimate: ame, se: se, statistic: z, pValue: Distributions.twoSidedNormalP(z),
                               ciLower: ame - 1.959963984540054 * se, ciUpper: ame + 1.959963984540054 * se)
        }
    }
}
