@testable import MSNBoost

/// The first, direct implementation of SHAP interaction values (array paths copied at every node, every
/// feature conditioned on every tree), kept as the oracle the fast `TreeSHAP.interactions` is checked
/// against on larger models than the XGBoost fixture.
enum ReferenceSHAP {
    /// The interaction matrix of the first output for one row: `[i][j]`, i, j over features + base.
    static func interactions(_ model: BoostModel, row: [Double]) -> [[Double]] {
        let f = model.featureNames.count
        let main = TreeSHAP.contributions(model, row: row)[0]
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

    /// Contributions with feature `feature` held present (+1) or absent (−1), without the base value.
    static func conditioned(_ model: BoostModel, _ x: [Double], feature: Int, condition: Int) -> [Double] {
        var phi = [Double](repeating: 0, count: model.featureNames.count + 1)
        for round in model.rounds {
            var path: [TreeSHAP.PathElement] = []
            recurse(round[0], x, &phi, node: 0, path: &path, depth: 0, zero: 1, one: 1, parentFeature: -1,
                    condition: condition, conditionFeature: feature, fraction: 1)
        }
        return phi
    }

    /// TreeSHAP's recursion with a conditioning feature (XGBoost's `TreeShap` with `condition`).
    static func recurse(_ tree: Tree, _ x: [Double], _ phi: inout [Double], node: Int, path parent: inout [TreeSHAP.PathElement], depth: Int,
                        zero: Double, one: Double, parentFeature: Int, condition: Int, conditionFeature: Int, fraction: Double) {
        if fraction == 0 { return }
        var path = Array(parent.prefix(depth + 1))
        while path.count < depth + 1 { path.append(TreeSHAP.PathElement(feature: 0, zero: 0, one: 0, weight: 0)) }
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
        let goesLeft = n.goesLeft(v)
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

    static func extend(_ path: inout [TreeSHAP.PathElement], _ depth: Int, _ zero: Double, _ one: Double, _ feature: Int) {
        if path.count <= depth { path.append(TreeSHAP.PathElement(feature: 0, zero: 0, one: 0, weight: 0)) }
        path[depth] = TreeSHAP.PathElement(feature: feature, zero: zero, one: one, weight: depth == 0 ? 1 : 0)
        var i = depth - 1
        while i >= 0 {
            path[i + 1].weight += one * path[i].weight * Double(i + 1) / Double(depth + 1)
            path[i].weight = zero * path[i].weight * Double(depth - i) / Double(depth + 1)
            i -= 1
        }
    }

    static func unwind(_ path: inout [TreeSHAP.PathElement], _ depth: Int, _ index: Int) {
        let one = path[index].one, zero = path[index].zero
        var next = path[depth].weight
        var i = depth - 1
        while i >= 0 {
            if one != 0 {
                let t = path[i].weight
                path[i].weight = next * Double(depth + 1) / (Double(i + 1) * one)
                next = t - path[i].weight * zero * Double(depth - i) / Double(depth + 1)
            } else {
                path[i].weight = path[i].weight * Double(depth + 1) / (zero * Double(depth - i))
            }
            i -= 1
        }
        for j in index..<depth { path[j].feature = path[j + 1].feature; path[j].zero = path[j + 1].zero; path[j].one = path[j + 1].one }
    }

    static func unwoundSum(_ path: [TreeSHAP.PathElement], _ depth: Int, _ index: Int) -> Double {
        let one = path[index].one, zero = path[index].zero
        var next = path[depth].weight
        var total = 0.0
        var i = depth - 1
        while i >= 0 {
            if one != 0 {
                let t = next * Double(depth + 1) / (Double(i + 1) * one)
                total += t
                next = path[i].weight - t * zero * Double(depth - i) / Double(depth + 1)
            } else if zero != 0 {
                total += path[i].weight / zero / (Double(depth - i) / Double(depth + 1))
            }
            i -= 1
        }
        return total
    }

}
