import MSNStats

extension SEMFit {
    /// lavaan's GFI under FIML: per group 1 − eᵀVe / oᵀVo with o the EM means and covariances, e = o minus
    /// the implied ones and V lavaan's (structured) missing-data expected information — each pattern's
    /// complete-data information of its observed variables at the implied moments, weighted by its share of
    /// the group's rows; groups weighted by size.
    func fimlGoodnessOfFit() -> Double {
        var total = 0.0
        for (g, data) in groups.enumerated() {
            let mm = models[g]
            var t1 = 0.0, t2 = 0.0
            for b in data.blocks {
                let v = b.vars
                let sub = Matrix(v.map { i in v.map { mm.sigma[i, $0] } })
                guard let w = try? sub.inverseSPD() else { return .nan }
                let obs = Matrix(v.map { i in v.map { data.cov[i, $0] } })
                let resid = obs - sub
                let we = w * resid, wo = w * obs
                let share = Double(b.n) / Double(data.n)
                t1 += share * 0.5 * (we * we).trace
                t2 += share * 0.5 * (wo * wo).trace
                if table.meanStructure {
                    let m = v.map { data.mean[$0] }
                    let d = zip(m, v.map { mm.mu[$0] }).map { $0 - $1 }
                    t1 += share * dot(d, w.apply(d))
                    t2 += share * dot(m, w.apply(m))
                }
            }
            total += Double(data.n) / Double(n) * (1 - t1 / t2)
        }
        return total
    }
}
