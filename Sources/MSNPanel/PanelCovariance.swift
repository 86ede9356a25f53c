import MSNStats

/// Degrees-of-freedom bookkeeping for the small-sample corrections.
struct DegreesOfFreedom: Sendable {
    /// Regressors counted (the absorbed model's reported intercept is not: the effects hold it).
    var regressors: Int
    /// Absorbed fixed-effect parameters: Σ levels − (keys − 1).
    var fixedEffects: Int
    /// Levels of the absorbed keys nested in a cluster key (not counted under clustering).
    var nestedFixedEffects: Int
    /// How many absorbed keys are nested in a cluster key (each counts 1 back, pyfixest's rule).
    var nestedKeys: Int

    /// K in the iid and HC1 corrections: regressors + all effects.
    var full: Int { regressors + fixedEffects }
    /// K in the CRV1 correction (fixest `k_fixef = "nonnested"`, = Stata `xtreg, fe vce(cluster)`).
    var clustered: Int { regressors + fixedEffects - nestedFixedEffects + nestedKeys }
}

/// Coefficient covariance estimators with the small-sample corrections of fixest/pyfixest
/// (`ssc(k_adj = TRUE, k_fixef = "nonnested", G_adj = TRUE, G_df = "min")`), which equal Stata's:
/// - iid: s² (X'X)⁻¹ with s² = SSR / (N − K), K = regressors + effects (xtreg, fe; linearmodels; pyfixest "iid").
/// - robust: HC1, N/(N − K) · V₀, effects counted (Stata `regress … i.id, vce(robust)`; pyfixest "hetero";
///   linearmodels "robust").
/// - one-way clustered: G/(G − 1) · (N − 1)/(N − K) · V₀, effects nested in the clusters not counted but
///   1 counted back per nested key (Stata `xtreg, fe vce(cluster)`; pyfixest CRV1; linearmodels with
///   `group_debias = True`). t(G − 1).
/// - two-way clustered: V₁ + V₂ − V₁₂ (Cameron, Gelbach & Miller 2011), every term scaled by
///   G/(G − 1) · (N − 1)/(N − K) with G = min(G₁, G₂) (fixest's `G_df = "min"`). t(min G − 1).
struct PanelCovariance: Sendable {
    let matrix: Matrix
    /// Degrees of freedom for t tests and the Wald F denominator.
    let tDegreesOfFreedom: Int
    /// The clusters per key, for reporting.
    let clusters: [Int]

    static func estimate(x: [[Double]], residuals e: [Double], bread: Matrix, kind: PanelVariance,
                         clusterCodes: [GroupCodes], dof: DegreesOfFreedom) -> PanelCovariance {
        let n = e.count, p = x.count
        switch kind {
        case .iid:
            let s2 = e.reduce(0) { $0 + $1 * $1 } / Double(n - dof.full)
            return PanelCovariance(matrix: s2 * bread, tDegreesOfFreedom: n - dof.full, clusters: [])
        case .robust:
            var meat = Matrix(rows: p, cols: p)
            for i in 0..<n {
                let w = e[i] * e[i]
                for a in 0..<p { let xa = x[a][i] * w; for b in 0...a { meat[a, b] += xa * x[b][i] } }
            }
            symmetrize(&meat)
            let factor = Double(n) / Double(n - dof.full)
            return PanelCovariance(matrix: factor * (bread * meat * bread), tDegreesOfFreedom: n - dof.full, clusters: [])
        case .clustered:
            let k = dof.clustered
            let gMin = clusterCodes.map(\.levels).min() ?? 1
            let factor = Double(gMin) / Double(gMin - 1) * Double(n - 1) / Double(n - k)
            var meat = clusterMeat(x, e, clusterCodes[0])
            if clusterCodes.count == 2 {
                meat = meat + clusterMeat(x, e, clusterCodes[1]) - clusterMeat(x, e, intersect(clusterCodes[0], clusterCodes[1]))
            }
            var v = factor * (bread * meat * bread)
            // A two-way matrix may fail to be positive semi-definite; keep it, as fixest does by default.
            symmetrize(&v)
            return PanelCovariance(matrix: v, tDegreesOfFreedom: gMin - 1, clusters: clusterCodes.map(\.levels))
        }
    }

    /// Σ_g (X_g'e_g)(X_g'e_g)'.
    static func clusterMeat(_ x: [[Double]], _ e: [Double], _ g: GroupCodes) -> Matrix {
        let p = x.count
        var scores = [Double](repeating: 0, count: g.levels * p)
        for a in 0..<p {
            x[a].withUnsafeBufferPointer { xa in
                for i in 0..<e.count { scores[Int(g.codes[i]) * p + a] += xa[i] * e[i] }
            }
        }
        var meat = Matrix(rows: p, cols: p)
        for c in 0..<g.levels {
            for a in 0..<p { let s = scores[c * p + a]; for b in 0...a { meat[a, b] += s * scores[c * p + b] } }
        }
        symmetrize(&meat)
        return meat
    }

    /// The key whose levels are the observed pairs of two keys.
    static func intersect(_ a: GroupCodes, _ b: GroupCodes) -> GroupCodes {
        var map: [Int: Int32] = [:]
        var codes = [Int32](repeating: 0, count: a.codes.count)
        for i in 0..<codes.count {
            let key = Int(a.codes[i]) * b.levels + Int(b.codes[i])
            if let c = map[key] { codes[i] = c } else { let c = Int32(map.count); map[key] = c; codes[i] = c }
        }
        return GroupCodes(codes: codes, levels: map.count)
    }

    static func symmetrize(_ m: inout Matrix) {
        for a in 0..<m.rows { for b in 0..<a { m[b, a] = m[a, b] } }
    }
}
