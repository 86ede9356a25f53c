import MSNTable

/// How strongly two features of a boosted model work together.
public struct PairInteraction: Sendable {
    public var feature: String
    public var with: String
    /// Mean over rows of |φⱼₖ + φₖⱼ| = 2|φⱼₖ| (the pair's whole SHAP interaction effect on the margin).
    public var meanAbsInteraction: Double
    /// Friedman and Popescu's H²ⱼₖ (2008, eq. 44): the share of the pair's joint partial-dependence
    /// variance not explained by the two one-feature partial dependences; NaN when not computed.
    public var hSquared: Double
}

/// The pairwise interaction ranking behind `synergy`.
public enum Synergy {
    /// Pairs ranked by mean |SHAP interaction| over `rows` (row-major), with H² for the `hPairs` strongest,
    /// estimated on a seeded sample of at most `sample` rows.
    public static func pairs(_ model: BoostModel, rows: [[Double]], hPairs: Int = 10, sample: Int = 100, seed: UInt64) -> [PairInteraction] {
        let f = model.featureNames.count
        var sums = [[Double]](repeating: [Double](repeating: 0, count: f), count: f)
        for phi in TreeSHAP.interactions(model, rows: rows) {
            for j in 0..<f { for k in (j + 1)..<max(j + 1, f) { sums[j][k] += 2 * abs(phi[j][k]) } }
        }
        let n = Double(max(1, rows.count))
        var out: [PairInteraction] = []
        for j in 0..<f {
            for k in (j + 1)..<max(j + 1, f) {
                out.append(PairInteraction(feature: model.featureNames[j], with: model.featureNames[k], meanAbsInteraction: sums[j][k] / n, hSquared: .nan))
            }
        }
        out.sort { $0.meanAbsInteraction > $1.meanAbsInteraction }
        var generator = SeededGenerator(seed: seed)
        var indices = Array(rows.indices)
        indices.shuffle(using: &generator)
        let s = indices.prefix(sample).sorted().map { rows[$0] }
        var oneWay: [Int: [Double]] = [:]
        for p in 0..<min(hPairs, out.count) {
            guard let j = model.featureNames.firstIndex(of: out[p].feature), let k = model.featureNames.firstIndex(of: out[p].with) else { continue }
            let pj = oneWay[j] ?? partialDependence(model, s, [j]); oneWay[j] = pj
            let pk = oneWay[k] ?? partialDependence(model, s, [k]); oneWay[k] = pk
            let pjk = partialDependence(model, s, [j, k])
            var num = 0.0, den = 0.0
            for i in 0..<s.count { let d = pjk[i] - pj[i] - pk[i]; num += d * d; den += pjk[i] * pjk[i] }
            out[p].hSquared = den > 0 ? num / den : 0
        }
        return out
    }

    /// The centred partial dependence of the margin on `features`, at each sample row's values of them:
    /// PD(xᵢ) = mean over sample rows r of f(x_r with `features` set to xᵢ's), minus its mean.
    static func partialDependence(_ model: BoostModel, _ s: [[Double]], _ features: [Int]) -> [Double] {
        let m = s.count, f = model.featureNames.count
        // Column-major grid of m × m rows: block i holds every sample row with `features` from row i.
        var columns = [[Double]](repeating: [Double](repeating: 0, count: m * m), count: f)
        for i in 0..<m {
            for r in 0..<m {
                for c in 0..<f { columns[c][i * m + r] = features.contains(c) ? s[i][c] : s[r][c] }
            }
        }
        let margin = model.margins(columns)[0]
        var pd = (0..<m).map { i in (0..<m).reduce(0.0) { $0 + margin[i * m + $1] } / Double(m) }
        let mean = pd.reduce(0, +) / Double(max(1, m))
        for i in 0..<m { pd[i] -= mean }
        return pd
    }
}
