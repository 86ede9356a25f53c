import Foundation
import MSNStats

/// A fitted exploratory factor analysis. Loadings are normalised for reporting: each factor's
/// loadings sum to a positive number and factors are ordered by the variance they explain.
public struct FactorFit: Sendable {
    /// What was estimated.
    public let specification: FactorSpecification
    /// The data's correlations.
    public let data: CorrelationData
    /// Unrotated loadings (variables × factors).
    public let unrotated: Matrix
    /// Rotated loadings (the pattern matrix for oblique rotations).
    public let loadings: Matrix
    /// Factor correlations (the identity for orthogonal solutions).
    public let phi: Matrix
    /// Communalities diag(Λ Φ Λᵀ) and uniquenesses 1 − communality.
    public let communalities: [Double], uniquenesses: [Double]
    /// Variance explained by each factor, diag(Φ ΛᵀΛ) (as psych).
    public let variance: [Double]
    /// Iterations of the extraction.
    public let iterations: Int
    /// For ML: the likelihood-ratio test of k factors (Bartlett's correction, as `factanal`).
    public let chiSquare: Double?, degreesOfFreedom: Int?, pValue: Double?
    /// Heywood cases and similar notes.
    public let warnings: [String]

    /// Fits `specification` to `data`.
    public init(_ specification: FactorSpecification, data: CorrelationData) throws {
        let p = data.names.count, k = specification.factors
        let maximum = FactorError.maximumFactors(p)
        guard k >= 1, k <= maximum else { throw FactorError.tooManyFactors(factors: k, variables: p, maximum: maximum) }
        let r = data.correlation
        var warnings: [String] = []
        let a: Matrix
        var statistic: Double? = nil, df: Int? = nil, pv: Double? = nil
        switch specification.method {
        case .pa:
            let (l, it) = try FactorExtraction.principalAxes(r, factors: k)
            a = l; iterations = it
        case .ml:
            let m = try FactorExtraction.maximumLikelihood(r, factors: k)
            a = m.loadings; iterations = m.iterations
            let dof = ((p - k) * (p - k) - (p + k)) / 2
            let bartlett = Double(data.n) - 1 - Double(2 * p + 5) / 6 - 2 * Double(k) / 3
            statistic = bartlett * m.discrepancy; df = dof
            pv = dof > 0 ? Distributions.chiSquaredUpperTail(bartlett * m.discrepancy, df: Double(dof)) : nil
            if m.uniquenesses.contains(where: { $0 <= 0.0051 }) {
                warnings.append("a uniqueness reached the lower bound 0.005 (a Heywood case): a variable is explained almost entirely by the factors; try fewer factors or method = \"pa\"")
            }
        }
        let (rotated, phiRaw) = try FactorRotation.rotate(a, specification.rotation)
        (loadings, phi, variance) = FactorFit.normalised(rotated, phiRaw)
        unrotated = FactorFit.normalised(a, Matrix.identity(k)).0
        let h = (0..<p).map { i in (0..<k).reduce(0.0) { s, a in s + (0..<k).reduce(0.0) { $0 + rotated[i, a] * phiRaw[a, $1] * rotated[i, $1] } } }
        communalities = h
        uniquenesses = h.map { 1 - $0 }
        if specification.method == .pa, let worst = h.indices.first(where: { h[$0] >= 1 }) {
            warnings.append("the communality of '\(data.names[worst])' is \(h[worst] >= 1 ? "at or above" : "near") 1 (a Heywood case); the solution is improper")
        }
        self.specification = specification
        self.data = data
        chiSquare = statistic; degreesOfFreedom = df; pValue = pv
        self.warnings = warnings
    }

    /// Signs so that each column sums positive, then columns ordered by diag(Φ ΛᵀΛ), largest first.
    static func normalised(_ l: Matrix, _ phi: Matrix) -> (Matrix, Matrix, [Double]) {
        let k = l.cols, p = l.rows
        let sign = (0..<k).map { j in (0..<p).reduce(0) { $0 + l[$1, j] } < 0 ? -1.0 : 1.0 }
        var ls = l, ps = phi
        for i in 0..<p { for j in 0..<k { ls[i, j] *= sign[j] } }
        for a in 0..<k { for b in 0..<k { ps[a, b] *= sign[a] * sign[b] } }
        let ltl = ls.transposed * ls
        let ss = (0..<k).map { j in (0..<k).reduce(0) { $0 + ps[j, $1] * ltl[$1, j] } }
        let order = (0..<k).sorted { ss[$0] > ss[$1] || (ss[$0] == ss[$1] && $0 < $1) }
        var lo = Matrix(rows: p, cols: k), po = Matrix(rows: k, cols: k)
        for (nj, oj) in order.enumerated() {
            for i in 0..<p { lo[i, nj] = ls[i, oj] }
            for (nb, ob) in order.enumerated() { po[nj, nb] = ps[oj, ob] }
        }
        return (lo, po, order.map { ss[$0] })
    }
}
