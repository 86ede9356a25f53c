import MSNStats

/// Hausman's test of fixed against random effects: H = d'(V_fe − V_re)⁻¹d on the slopes both models
/// estimate, each V the model's own covariance (Stata's `hausman fe re` default; plm's `phtest`). χ²(df).
public struct HausmanTest: Sendable {
    public let terms: [String]
    public let statistic: Double
    public let degreesOfFreedom: Int
    public let pValue: Double

    public init(consistent fe: PanelFit, efficient re: PanelFit) throws {
        let shared = fe.terms.filter { $0 != "(Intercept)" && re.terms.contains($0) }
        guard !shared.isEmpty else { throw PanelError.invalidOption("the two models share no slope to compare") }
        let i = shared.compactMap { fe.terms.firstIndex(of: $0) }, j = shared.compactMap { re.terms.firstIndex(of: $0) }
        let d = zip(i, j).map { fe.coefficients[$0] - re.coefficients[$1] }
        var v = Matrix(rows: shared.count, cols: shared.count)
        for a in 0..<shared.count { for b in 0..<shared.count { v[a, b] = fe.covariance[i[a], i[b]] - re.covariance[j[a], j[b]] } }
        guard let x = try? v.solve(Matrix(d.map { [$0] })) else {
            throw PanelError.notPositiveDefinite("V_fe − V_re is singular, so the Hausman statistic is not defined")
        }
        let h = zip(d, x.values).reduce(0) { $0 + $1.0 * $1.1 }
        terms = shared
        statistic = h
        degreesOfFreedom = shared.count
        pValue = Distributions.chiSquaredUpperTail(max(h, 0), df: Double(shared.count))
    }
}
