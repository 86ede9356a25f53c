/// Exact path-dependent TreeSHAP (Lundberg, Erion & Lee 2018, Algorithm 2): per-row feature
/// contributions that, with the base value, sum to the raw margin.
public enum TreeSHAP {
    struct PathElement { var feature: Int; var zero: Double; var one: Double; var weight: Double }

    /// Contributions of each feature (last entry: the base value) to each output's margin for one row.
    public static func contributions(_ model: BoostModel, row: [Double]) -> [[Double]] {
        let f = model.featureNames.count
        var out: [[Double]] = []
        for c in 0..<model.outputs {
            var phi = [Double](repeating: 0, count: f + 1)
            phi[f] = model.baseMargin[c]
            for round in model.rounds {
                let tree = round[c]
                phi[f] += expectedValue(tree, 0)
                var path: [PathElement] = []
                recurse(tree, row, &phi, node: 0, path: &path, depth: 0, zero: 1, one: 1, feature: -1)
            }
            out.append(phi)
        }
        return out
    }

    /// Cover-weighted mean of the leaves under `node`.
    static func expectedValue(_ tree: Tree, _ node: Int) -> Double {
        let n = tree.nodes[node]
        if n.isLeaf { return n.value }
        let l = tree.nodes[n.left], r = tree.nodes[n.right]
        return (l.cover * expectedValue(tree, n.left) + r.cover * expectedValue(tree, n.right)) / max(n.cover, 1e-300)
    }

    static func extend(_ path: inout [PathElement], _ depth: Int, _ zero: Double, _ one: Double, _ feature: Int) {
        if path.count <= depth { path.append(PathElement(feature: 0, zero: 0, one: 0, weight: 0)) }
        path[depth] = PathElement(feature: feature, zero: zero, one: one, weight: depth == 0 ? 1 : 0)
        var i = depth - 1
        while i >= 0 {
            path[i + 1].weight += one * path[i].weight * Double(i + 1) / Double(depth + 1)
            path[i].weight = zero * path[i].weight * Double(depth - i) / Double(depth + 1)
            i -= 1
        }
    }

    static func unwind(_ path: inout [PathElement], _ depth: Int, _ index: Int) {
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

    static func unwoundSum(_ path: [PathElement], _ depth: Int, _ index: Int) -> Double {
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

    static func recurse(_ tree: Tree, _ x: [Double], _ phi: inout [Double], node: Int, path parent: inout [PathElement],
                        depth: Int, zero: Double, one: Double, feature: Int) {
        var path = Array(parent.prefix(depth))
        var depth = depth
        extend(&path, depth, zero, one, feature)
        let n = tree.nodes[node]
        if n.isLeaf {
            if depth >= 1 {
                for i in 1...depth {
                    let w = unwoundSum(path, depth, i)
                    phi[path[i].feature] += w * (path[i].one - path[i].zero) * n.value
                }
            }
            return
        }
        let v = x[n.feature]
        let goesLeft = v.isNaN ? n.defaultLeft : v < n.threshold
        let (hot, cold) = goesLeft ? (n.left, n.right) : (n.right, n.left)
        let hotZero = tree.nodes[hot].cover / n.cover, coldZero = tree.nodes[cold].cover / n.cover
        var incomingZero = 1.0, incomingOne = 1.0
        if let k = (0...depth).first(where: { path[$0].feature == n.feature }), depth > 0 || k > 0 {
            incomingZero = path[k].zero
            incomingOne = path[k].one
            unwind(&path, depth, k)
            depth -= 1
        }
        recurse(tree, x, &phi, node: hot, path: &path, depth: depth + 1, zero: hotZero * incomingZero, one: incomingOne, feature: n.feature)
        recurse(tree, x, &phi, node: cold, path: &path, depth: depth + 1, zero: coldZero * incomingZero, one: 0, feature: n.feature)
    }
}
