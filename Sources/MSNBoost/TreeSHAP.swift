/// Exact path-dependent TreeSHAP (Lundberg, Erion & Lee 2018, Algorithm 2): per-row feature
/// contributions that, with the base value, sum to the raw margin. The recursion works on a
/// preallocated stack of path segments (`ShapScratch`), so it allocates nothing per node.
public enum TreeSHAP {
    struct PathElement { var feature: Int; var zero: Double; var one: Double; var weight: Double }

    /// Contributions of each feature (last entry: the base value) to each output's margin for one row.
    public static func contributions(_ model: BoostModel, row: [Double]) -> [[Double]] {
        let f = model.featureNames.count
        let scratch = ShapScratch(depth: model.rounds.reduce(0) { max($0, $1.reduce(0) { max($0, $1.depth) }) })
        var out: [[Double]] = []
        for c in 0..<model.outputs {
            var phi = [Double](repeating: 0, count: f + 1)
            phi[f] = model.baseMargin[c]
            row.withUnsafeBufferPointer { x in
                phi.withUnsafeMutableBufferPointer { p in
                    guard let x = x.baseAddress, let p = p.baseAddress else { return }
                    for round in model.rounds {
                        let tree = round[c]
                        p[f] += expectedValue(tree, 0)
                        tree.nodes.withUnsafeBufferPointer { nodes in
                            recurse(nodes, x, p, scratch.path, scratch.inverse, node: 0, depth: 0, zero: 1, one: 1, parentFeature: -1,
                                    condition: 0, conditionFeature: -1, fraction: 1)
                        }
                    }
                }
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

    @inline(__always)
    static func extend(_ path: UnsafeMutablePointer<PathElement>, _ depth: Int, _ zero: Double, _ one: Double, _ feature: Int) {
        path[depth] = PathElement(feature: feature, zero: zero, one: one, weight: depth == 0 ? 1 : 0)
        let scale = 1 / Double(depth + 1)
        var i = depth - 1
        while i >= 0 {
            path[i + 1].weight += one * path[i].weight * Double(i + 1) * scale
            path[i].weight = zero * path[i].weight * Double(depth - i) * scale
            i -= 1
        }
    }

    @inline(__always)
    static func unwind(_ path: UnsafeMutablePointer<PathElement>, _ depth: Int, _ index: Int, _ inv: UnsafePointer<Double>) {
        let one = path[index].one, zero = path[index].zero
        let d1 = Double(depth + 1), invD1 = inv[depth + 1]
        var next = path[depth].weight
        var i = depth - 1
        if one != 0 {
            let a = d1 / one, b = zero * invD1
            while i >= 0 {
                let t = path[i].weight
                let w = next * a * inv[i + 1]
                path[i].weight = w
                next = t - w * b * Double(depth - i)
                i -= 1
            }
        } else {
            let a = d1 / zero
            while i >= 0 {
                path[i].weight = path[i].weight * a * inv[depth - i]
                i -= 1
            }
        }
        var j = index
        while j < depth { path[j].feature = path[j + 1].feature; path[j].zero = path[j + 1].zero; path[j].one = path[j + 1].one; j += 1 }
    }

    @inline(__always)
    static func unwoundSum(_ path: UnsafeMutablePointer<PathElement>, _ depth: Int, _ index: Int, _ inv: UnsafePointer<Double>) -> Double {
        let one = path[index].one, zero = path[index].zero
        let d1 = Double(depth + 1)
        var total = 0.0
        var i = depth - 1
        if one != 0 {
            let a = d1 / one, b = zero * inv[depth + 1]
            var next = path[depth].weight
            while i >= 0 {
                let t = next * a * inv[i + 1]
                total += t
                next = path[i].weight - t * b * Double(depth - i)
                i -= 1
            }
        } else if zero != 0 {
            let a = d1 / zero
            while i >= 0 {
                total += path[i].weight * a * inv[depth - i]
                i -= 1
            }
        }
        return total
    }

    /// TreeSHAP's recursion (XGBoost's `TreeShap`). `condition` 0 gives plain contributions; +1 / −1
    /// hold `conditionFeature` present / absent (for interaction values). `parent` is the caller's path
    /// segment; this call's segment starts right after the `depth + 1` elements it copies. `inv[k]`
    /// is 1/k (the recursion divides only by small whole numbers).
    static func recurse(_ nodes: UnsafeBufferPointer<Tree.Node>, _ x: UnsafePointer<Double>, _ phi: UnsafeMutablePointer<Double>,
                        _ parent: UnsafeMutablePointer<PathElement>, _ inv: UnsafePointer<Double>, node: Int, depth: Int, zero: Double, one: Double,
                        parentFeature: Int, condition: Int, conditionFeature: Int, fraction: Double) {
        if fraction == 0 { return }
        let path = parent + (depth + 1)
        if depth >= 0 { path.update(from: parent, count: depth + 1) }
        var depth = depth
        if condition == 0 || conditionFeature != parentFeature { extend(path, depth, zero, one, parentFeature) }
        let n = nodes[node]
        if n.isLeaf {
            if depth >= 1 {
                let scaled = n.value * fraction
                for i in 1...depth {
                    let w = unwoundSum(path, depth, i, inv)
                    phi[path[i].feature] += w * (path[i].one - path[i].zero) * scaled
                }
            }
            return
        }
        let goesLeft = n.goesLeft(x[n.feature])
        let (hot, cold) = goesLeft ? (n.left, n.right) : (n.right, n.left)
        let hotZero = nodes[hot].cover / n.cover, coldZero = nodes[cold].cover / n.cover
        var incomingZero = 1.0, incomingOne = 1.0
        var k = 0
        while k <= depth && path[k].feature != n.feature { k += 1 }
        if k <= depth {
            incomingZero = path[k].zero
            incomingOne = path[k].one
            unwind(path, depth, k, inv)
            depth -= 1
        }
        var hotFraction = fraction, coldFraction = fraction
        if condition != 0 && n.feature == conditionFeature {
            if condition > 0 {
                coldFraction = 0
            } else {
                hotFraction *= hotZero
                coldFraction *= coldZero
            }
            depth -= 1
        }
        recurse(nodes, x, phi, path, inv, node: hot, depth: depth + 1, zero: hotZero * incomingZero, one: incomingOne,
                parentFeature: n.feature, condition: condition, conditionFeature: conditionFeature, fraction: hotFraction)
        recurse(nodes, x, phi, path, inv, node: cold, depth: depth + 1, zero: coldZero * incomingZero, one: 0,
                parentFeature: n.feature, condition: condition, conditionFeature: conditionFeature, fraction: coldFraction)
    }
}

/// The path stack of TreeSHAP's recursion for trees up to a given depth, allocated once and reused
/// for every tree and row one thread handles (each recursion level copies its parent's segment
/// into the next free part, as XGBoost does).
final class ShapScratch {
    let path: UnsafeMutablePointer<TreeSHAP.PathElement>
    let capacity: Int
    /// 1/k for k = 0 … depth + 3 (entry 0 unused).
    let inverse: UnsafeMutablePointer<Double>
    let inverseCount: Int

    /// A stack for trees of at most `depth` split levels.
    init(depth: Int) {
        // Segment k (k = 0 … depth + 1) holds at most k + 2 elements; twice that is ample.
        capacity = (depth + 3) * (depth + 4) + 8
        path = .allocate(capacity: capacity)
        path.initialize(repeating: TreeSHAP.PathElement(feature: -1, zero: 0, one: 0, weight: 0), count: capacity)
        inverseCount = depth + 4
        inverse = .allocate(capacity: inverseCount)
        for k in 0..<inverseCount { (inverse + k).initialize(to: k == 0 ? 0 : 1 / Double(k)) }
    }

    deinit {
        path.deinitialize(count: capacity)
        path.deallocate()
        inverse.deallocate()
    }
}
