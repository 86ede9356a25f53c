import Foundation
import MSNStats

extension PLSFit {
    /// MICOM steps 2 and 3 for groups A and B (rows of the prepared data). The pooled model is refitted on
    /// A ∪ B; step 2 correlates the pooled standardized items weighted by A's and by B's own weights;
    /// step 3 compares the pooled composite scores' means and log variances between the groups. Each
    /// permutation reassigns the pooled rows to groups of the same sizes and recomputes all three.
    func micomPair(_ ra: [Int], _ rb: [Int], _ la: String, _ lb: String, permutations: Int, seed: UInt64,
                   threads: Int) throws -> ([MICOMConstruct], Int) {
        let pooledRows = ra + rb
        let pooled = try refit(rows: pooledRows)
        let k = spec.constructs.count
        let na = ra.count
        let z = pooled.data.z
        var starts: [Int] = []
        var o = 0
        for c in spec.constructs { starts.append(o); o += c.items.count }
        let offsets = starts
        // Statistics for a split of the pooled rows into positions `a` and `b` (indices into pooledRows).
        let me = self
        @Sendable func statistics(_ a: [Int], _ b: [Int]) -> [Double]? {
            guard let fa = try? me.refit(rows: a.map { pooledRows[$0] }), let fb = try? me.refit(rows: b.map { pooledRows[$0] }),
                  fa.converged, fb.converged else { return nil }
            var out: [Double] = []
            for c in 0..<k {
                let items = offsets[c]..<(offsets[c] + me.spec.constructs[c].items.count)
                let sa = (0..<pooledRows.count).map { r in items.enumerated().reduce(0.0) { $0 + fa.weights[c][$1.offset] * z[$1.element][r] } }
                let sb = (0..<pooledRows.count).map { r in items.enumerated().reduce(0.0) { $0 + fb.weights[c][$1.offset] * z[$1.element][r] } }
                out.append(Columns.cor(sa, sb))
            }
            for c in 0..<k {
                let s = pooled.scores[c]
                let (ma, va) = meanVar(a.map { s[$0] }), (mb, vb) = meanVar(b.map { s[$0] })
                out.append(ma - mb)
                out.append(Foundation.log(va / vb))
            }
            return out
        }
        guard let original = statistics(Array(0..<na), Array(na..<pooledRows.count)) else {
            throw PLSError.specification("the model could not be fitted in group '\(la)' or '\(lb)'")
        }
        let outcomes = Permutation.run(n: pooledRows.count, count: permutations, seed: seed, threads: threads) { order in
            guard let s = statistics(Array(order[..<na]), Array(order[na...])) else { return .failed }
            return .value(s)
        }
        let perms = outcomes.compactMap { if case .value(let v) = $0 { return v } else { return nil } }
        func column(_ j: Int) -> [Double] { perms.map { $0[j] }.sorted() }
        func twoSided(_ j: Int) -> (Double, Double, Double) {
            let x = column(j)
            guard !x.isEmpty else { return (.nan, .nan, .nan) }
            let p = Double(x.filter { abs($0) >= abs(original[j]) }.count) / Double(x.count)
            return (Bootstrap.quantile(x, 0.025), Bootstrap.quantile(x, 0.975), p)
        }
        var rows: [MICOMConstruct] = []
        for c in 0..<k {
            let cs = column(c)
            let q05 = cs.isEmpty ? Double.nan : Bootstrap.quantile(cs, 0.05)
            let pc = cs.isEmpty ? Double.nan : Double(cs.filter { $0 < original[c] }.count) / Double(cs.count)
            let (ml, mu, pm) = twoSided(k + 2 * c), (vl, vu, pv) = twoSided(k + 2 * c + 1)
            rows.append(MICOMConstruct(construct: spec.constructs[c].name, groupA: la, groupB: lb, c: original[c], cQuantile05: q05, pC: pc,
                                       meanDiff: original[k + 2 * c], meanLower: ml, meanUpper: mu, pMean: pm,
                                       logVarRatio: original[k + 2 * c + 1], varLower: vl, varUpper: vu, pVar: pv))
        }
        return (rows, permutations - perms.count)
    }
}

/// Mean and n−1 variance.
private func meanVar(_ x: [Double]) -> (Double, Double) {
    let (m, s) = PLSData.meanSD(x)
    return (m, s * s)
}
