import MSNStats

extension SEMFit {
    /// lavaan-like starting values from each row's group: loadings from covariances with the marker, half
    /// the observed variance for residuals, sample means for intercepts, zero for regressions, covariances
    /// and latent means. A parameter shared across groups starts from its first row.
    static func startValues(_ table: ParameterTable, _ groups: [GroupData]) -> [Double] {
        var x = [Double](repeating: 0, count: table.freeCount)
        var set = [Bool](repeating: false, count: table.freeCount)
        let obs = Dictionary(uniqueKeysWithValues: table.observed.enumerated().map { ($1, $0) })
        func marker(_ f: String) -> Int? {
            table.rows.first { $0.op == "=~" && $0.lhs == f && obs[$0.rhs] != nil }.flatMap { obs[$0.rhs] }
        }
        for r in table.rows where r.free > 0 && !set[r.free - 1] {
            let s = groups[max(0, r.group - 1)].cov
            let mean = groups[max(0, r.group - 1)].mean
            var v = 0.0
            switch r.op {
            case "=~":
                if let j = obs[r.rhs], let m = marker(r.lhs), m != j, s[m, m] > 0 {
                    v = max(-10, min(10, 2 * s[j, m] / s[m, m]))
                    if abs(v) < 0.1 { v = 0.5 }
                } else if let j = obs[r.rhs] { v = (0.5 * s[j, j]).squareRoot() } else { v = 1 }
            case "~~" where r.lhs == r.rhs:
                if let i = obs[r.lhs], !table.latents.contains(r.lhs) { v = 0.5 * s[i, i] }
                else if let m = marker(r.lhs) { v = 0.5 * s[m, m] } else { v = 0.05 }
            case "~1":
                if let i = obs[r.lhs], !table.latents.contains(r.lhs) { v = mean[i] }
            default: v = 0
            }
            x[r.free - 1] = v
            set[r.free - 1] = true
        }
        if table.meanStructure { fitMeans(table, groups, &x) }
        return x
    }

    /// Moves the free intercepts and latent means to the weighted least-squares fit of the sample means with
    /// the other parameters at their starting values (μ is linear in them), so that estimation starts near
    /// the means — Fisher scoring from far-off means can wander.
    static func fitMeans(_ table: ParameterTable, _ groups: [GroupData], _ x: inout [Double]) {
        let meanParams = Set(table.rows.filter { $0.op == "~1" && $0.free > 0 }.map { $0.free - 1 })
        let others = Set(table.rows.filter { $0.op != "~1" && $0.free > 0 }.map { $0.free - 1 })
        let params = meanParams.subtracting(others).sorted()
        guard !params.isEmpty else { return }
        var a = Matrix(rows: params.count, cols: params.count), rhs = [Double](repeating: 0, count: params.count)
        for (g, data) in groups.enumerated() {
            guard let mm = try? ModelMatrices(table, free: x, group: g + 1) else { return }
            let muD = mm.derivatives(table).mu
            let p = data.mean.count
            for i in 0..<p {
                let w = data.cov[i, i] > 0 ? 1 / data.cov[i, i] : 1
                let r = data.mean[i] - mm.mu[i]
                for (s, k) in params.enumerated() where !muD[k].isEmpty {
                    rhs[s] += w * muD[k][i] * r
                    for (t, l) in params.enumerated() where !muD[l].isEmpty { a[s, t] += w * muD[k][i] * muD[l][i] }
                }
            }
        }
        guard let delta = try? a.solve(Matrix(rhs.map { [$0] })).values, delta.allSatisfy({ $0.isFinite }) else { return }
        for (s, k) in params.enumerated() { x[k] += delta[s] }
    }
}
