/// Exact SHAP interaction values (Lundberg et al. 2020, as XGBoost's `pred_interactions`): for each
/// feature i a tree splits on, TreeSHAP is rerun on that tree with i conditioned "on" and "off"; half
/// the difference of feature j's contributions is the interaction φᵢⱼ, and the main effect φᵢᵢ is i's
/// SHAP value minus its interactions. A feature a tree never splits on has no interaction in it, so
/// it is skipped there. Each row's (features + 1)² matrix sums to the margin; the last row and column
/// belong to the base value (on the diagonal).
extension TreeSHAP {
    /// The interaction matrix of the first output for one row: `[i][j]`, i, j over features + base.
    public static func interactions(_ model: BoostModel, row: [Double]) -> [[Double]] {
        interactions(model, rows: [row])[0]
    }

    /// Interaction matrices for many rows (row-major). Rows go in fixed chunks on all cores, each chunk
    /// with its own scratch memory; a row's result depends on that row only, so it is identical for
    /// any thread count.
    public static func interactions(_ model: BoostModel, rows: [[Double]]) -> [[[Double]]] {
        let plan = InteractionPlan(model)
        let out = RawBuffer<[[Double]]>(repeating: [], count: rows.count)
        Parallel.run(Parallel.chunks(rows.count, grain: 8), work: .max) { c in
            let k = Parallel.chunks(rows.count, grain: 8)
            let scratch = InteractionScratch(plan)
            for i in Parallel.bounds(c, k, rows.count) { out[i] = plan.matrix(rows[i], scratch) }
        }
        return (0..<rows.count).map { out[$0] }
    }
}

/// What the interaction pass needs from each tree of the first output, computed once per model.
struct InteractionPlan {
    let trees: [Tree]
    /// Distinct split features per tree.
    let features: [[Int]]
    /// Base value: start margin plus each tree's cover-weighted mean leaf.
    let base: Double
    let featureCount: Int
    let depth: Int

    init(_ model: BoostModel) {
        trees = model.rounds.map { $0[0] }
        features = trees.map(\.splitFeatures)
        base = trees.reduce(model.baseMargin.first ?? 0) { $0 + TreeSHAP.expectedValue($1, 0) }
        featureCount = model.featureNames.count
        depth = trees.reduce(0) { max($0, $1.depth) }
    }

    /// One row's matrix.
    func matrix(_ row: [Double], _ s: InteractionScratch) -> [[Double]] {
        let f = featureCount, w = f + 1
        let main = s.main, on = s.on, off = s.off, m = s.matrix
        main.update(repeating: 0, count: w)
        m.update(repeating: 0, count: w * w)
        row.withUnsafeBufferPointer { xb in
            guard let x = xb.baseAddress else { return }
            for (t, tree) in trees.enumerated() {
                let used = features[t]
                tree.nodes.withUnsafeBufferPointer { nodes in
                    TreeSHAP.recurse(nodes, x, main, s.path.path, s.path.inverse, node: 0, depth: 0, zero: 1, one: 1, parentFeature: -1,
                                     condition: 0, conditionFeature: -1, fraction: 1)
                    for i in used {
                        for j in used { on[j] = 0; off[j] = 0 }
                        TreeSHAP.recurse(nodes, x, on, s.path.path, s.path.inverse, node: 0, depth: 0, zero: 1, one: 1, parentFeature: -1,
                                         condition: 1, conditionFeature: i, fraction: 1)
                        TreeSHAP.recurse(nodes, x, off, s.path.path, s.path.inverse, node: 0, depth: 0, zero: 1, one: 1, parentFeature: -1,
                                         condition: -1, conditionFeature: i, fraction: 1)
                        for j in used where j != i { m[i * w + j] += (on[j] - off[j]) / 2 }
                    }
                }
            }
        }
        var out = [[Double]](repeating: [Double](repeating: 0, count: w), count: w)
        for i in 0..<f {
            var diagonal = main[i]
            for j in 0..<f where j != i {
                out[i][j] = m[i * w + j]
                diagonal -= m[i * w + j]
            }
            out[i][i] = diagonal
        }
        out[f][f] = base
        return out
    }
}

/// One thread's buffers for `InteractionPlan.matrix`.
final class InteractionScratch {
    let path: ShapScratch
    let main: UnsafeMutablePointer<Double>, on: UnsafeMutablePointer<Double>, off: UnsafeMutablePointer<Double>
    let matrix: UnsafeMutablePointer<Double>
    let width: Int

    init(_ plan: InteractionPlan) {
        width = plan.featureCount + 1
        path = ShapScratch(depth: plan.depth)
        main = .allocate(capacity: width); on = .allocate(capacity: width); off = .allocate(capacity: width)
        matrix = .allocate(capacity: width * width)
        for p in [main, on, off] { p.initialize(repeating: 0, count: width) }
        matrix.initialize(repeating: 0, count: width * width)
    }

    deinit {
        for p in [main, on, off] { p.deallocate() }
        matrix.deallocate()
    }
}
