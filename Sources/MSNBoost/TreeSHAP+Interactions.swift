/// Exact SHAP interaction values (Lundberg et al. 2020, as XGBoost's `pred_interactions`): for each
/// feature i, TreeSHAP is rerun with i conditioned "on" and "off"; half the difference of feature j's
/// contributions is the interaction φᵢⱼ, and the main effect φᵢᵢ is i's SHAP value minus its
/// interactions. Each row's (features + 1)² matrix sums to the margin; the last row and column belong
/// to the base value (on the diagonal).
extension TreeSHAP {
    /// The interaction matrix of the first output for one row: `[i][j]`, i, j over features + base.
    public static func interactions(_ model: BoostModel, row: [Double]) -> [[Double]] {
        let f = model.featureNames.count
        let main = contributions(model, row: row)[0]
        var out = [[Double]](repeating: [Double](repeating: 0, count: f + 1), count: f + 1)
        for i in 0..<f {
            let on = conditioned(model, row, feature: i, condition: 1)
            let off = conditioned(model, row, feature: i, condition: -1)
            out[i][i] = main[i]
            for j in 0...f where j != i {
                out[i][j] = (on[j] - off[j]) / 2
                out[i][i] -= out[i][j]
            }
        }
        out[f][f] = main[f]
        return out
    }

    /// Interaction matrices for many rows, rows in parallel (each row's result is independent of the
    /// thread count).
    public static func interactions(_ model: BoostModel, rows: [[Double]]) -> [[[Double]]] {
        let out = RawBuffer<[[Double]]>(repeating: [], count: rows.count)
        Parallel.run(rows.count) { i in out[i] = interactions(model, row: rows[i]) }
        return (0..<rows.count).map { out[$0] }
    }

    /// Contributions with feature `feature` held present (+1) or absent (−1), without the base value.
    static func conditioned(_ model: BoostModel, _ x: [Double], feature: Int, condition: Int) -> [Double] {
        var phi = [Double](repeating: 0, count: model.featureNames.count + 1)
        for round in model.rounds {
            var path: [PathElement] = []
            recurse(round[0], x, &phi, node: 0, path: &path, depth: 0, zero: 1, one: 1, parentFeature: -1,
                    condition: condition, conditionFeature: feature, fraction: 1)
        }
        return phi
    }

    /// TreeSHAP's recursion with a conditioning feature (XGBoost's `TreeShap` with `condition`).
    static func recurse(_ tree: Tree, _ x: [Double], _ phi: inout [Double], node: Int, path parent: inout [PathElement], depth: Int,
                        zero: Double, one: Double, parentFeature: Int, condition: Int, conditionFeature: Int, fraction: Double) {
        if fraction == 0 { return }
        var path = Array(parent.prefix(depth + 1))
        while path.count < depth + 1 { path.append(PathElement(feature: 0, zero: 0, one: 0, weight: 0)) }
        var depth = depth
        if condition == 0 || conditionFeature != parentFeature { extend(&path, depth, zero, one, parentFeature) }
        let n = tree.nodes[node]
        if n.isLeaf {
            if depth >= 1 {
                for i in 1...depth {
                    let w = unwoundSum(path, depth, i)
                    phi[path[i].feature] += w * (path[i].one - path[i].zero) * n.value * fraction
                }
            }
            return
        }
        let v = x[n.feature]
        let goesLeft = v.isNaN ? n.defaultLeft : v < n.threshold
        let (hot, cold) = goesLeft ? (n.left, n.right) : (n.right, n.left)
        let hotZero = tree.nodes[hot].cover / n.cover, coldZero = tree.nodes[cold].cover / n.cover
        var incomingZero = 1.0, incomingOne = 1.0
        if let k = (0...depth).first(where: { path[$0].feature == n.feature }) {
            incomingZero = path[k].zero
            incomingOne = path[k].one
            unwind(&path, depth, k)
            depth -= 1
        }
        var hotFraction = fraction, coldFraction = fraction
        if n.feature == conditionFeature {
            if condition > 0 {
                coldFraction = 0
            } else if condition < 0 {
                hotFraction *= hotZero
                coldFraction *= coldZero
            }
            if condition != 0 { depth -= 1 }
        }
        recurse(tree, x, &phi, node: hot, path: &path, depth: depth + 1, zero: hotZero * incomingZero, one: incomingOne,
                parentFeature: n.feature, condition: condition, conditionFeature: conditionFeature, fraction: hotFraction)
        recurse(tree, x, &phi, node: cold, path: &path, depth: depth + 1, zero: coldZero * incomingZero, one: 0,
                parentFeature: n.feature, condition: condition, conditionFeature: conditionFeature, fraction: coldFraction)
    }
}
