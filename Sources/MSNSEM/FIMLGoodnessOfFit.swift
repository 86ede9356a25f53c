import MSNStats

extension SEMFit {
    /// lavaan's GFI under FIML: per group 1 − eᵀVe / oᵀVo with o lavaan's sample statistics under missing
    /// data (available-case means, pairwise covariances × (N − 1)/N), e = o minus the implied moments and V
    /// lavaan's (structured) missing-data expected information — each pattern's complete-data information of
    /// its observed variables at the implied moments, weighted by its share of the group's rows; groups
    /// weighted by size.
    func fimlGoodnessOfFit() -> Double {
        var total = 0.0
        for (g, data) in groups.enumerated() {
            let mm = models[g]
            let (oMean, oCov) = pairwiseMoments(data)
            var t1 = 0.0, t2 = 0.0
            for b in data.blocks {
                let v = b.vars
                let sub = Matrix(v.map { i in v.map { mm.sigma[i, $0] } })
                guard let w = try? sub.inverseSPD() else { return .nan }
                let obs = Matrix(v.map { i in v.map { oCov[i, $0] } })
                let resid = obs - sub
                let we = w * resid, wo = w * obs
                let share = Double(b.n) / Double(data.n)
                t1 += share * 0.5 * (we * we).trace
                t2 += share * 0.5 * (wo * wo).trace
                if table.meanStructure {
                    let m = v.map { oMean[$0] }
                    let d = zip(m, v.map { mm.mu[$0] }).map { $0 - $1 }
                    t1 += share * dot(d, w.apply(d))
                    t2 += share * dot(m, w.apply(m))
                }
            }
            total += Double(data.n) / Double(n) * (1 - t1 / t2)
        }
        return total
    }

    /// Available-case means and pairwise-complete covariances (each pair's own means, divisor n_ij − 1),
    /// rescaled by (N − 1)/N: lavaan's sample statistics with missing data.
    private func pairwiseMoments(_ g: GroupData) -> ([Double], Matrix) {
        let p = g.columns.count, rows = g.blocks.flatMap(\.rows).sorted()
        let nd = Double(rows.count)
        var mean = [Double](repeating: .nan, count: p), cov = Matrix(rows: p, cols: p)
        for i in 0..<p {
            let x = rows.map { g.columns[i][$0] }.filter { !$0.isNaN }
            mean[i] = x.reduce(0, +) / Double(x.count)
            for j in 0...i {
                let pairs = rows.compactMap { r -> (Double, Double)? in
                    let a = g.columns[i][r], b = g.columns[j][r]
                    return a.isNaN || b.isNaN ? nil : (a, b)
                }
                let k = Double(pairs.count)
                let ma = pairs.reduce(0) { $0 + $1.0 } / k, mb = pairs.reduce(0) { $0 + $1.1 } / k
                let c = pairs.reduce(0) { $0 + ($1.0 - ma) * ($1.1 - mb) } / (k - 1) * (nd - 1) / nd
                cov[i, j] = c; cov[j, i] = c
            }
        }
        return (mean, cov)
    }
}
