/// Grows regression trees on gradient/hessian pairs with per-feature histograms (XGBoost's `hist`).
///
/// Rows of every node live in one contiguous index buffer: a node owns a range of it, in ascending row
/// order, and a split partitions that range stably in place (through a scratch buffer), so no node
/// allocates row lists. Depth-wise growth expands a whole level at once: all partitions of the level in
/// one parallel pass, then the histograms of every smaller child in one parallel pass (the larger child
/// is its parent minus the smaller), then the best splits. Work is cut into chunks by row counts only
/// and chunk sums are added in chunk order, so the model is the same for any number of threads.
final class TreeGrower {
    let data: FeatureBins
    let options: BoostOptions
    let layout: HistogramLayout
    let scorer: SplitScorer
    /// Row indices; the caller fills `rows[0 ..< count]` before each `grow`.
    let rows: RawBuffer<UInt32>
    let scratch: RawBuffer<UInt32>
    /// Rows per parallel task (histograms and partitions).
    static let grain = 16_384

    /// A final leaf and the range of `rows` that reaches it.
    struct Leaf { let node: Int; let range: Range<Int> }

    private struct Open {
        var node: Int
        var depth: Int
        var range: Range<Int>
        var gSum: Double
        var hSum: Double
        var hist: RawBuffer<SIMD2<Double>>?
        var split = Split()
    }

    init(data: FeatureBins, options: BoostOptions) {
        self.data = data
        self.options = options
        layout = HistogramLayout(data)
        scorer = SplitScorer(options: options)
        rows = RawBuffer(repeating: 0, count: data.rows)
        scratch = RawBuffer(repeating: 0, count: data.rows)
    }

    /// Grows one tree on `rows[0 ..< count]` with gradient pairs `gh` (indexed by row), using `features`.
    func grow(count: Int, gh: RawBuffer<SIMD2<Double>>, features: [Int]) -> (tree: Tree, leaves: [Leaf]) {
        var nodes: [Tree.Node] = []
        var leaves: [Leaf] = []
        func newLeaf(_ gs: Double, _ hs: Double) -> Int {
            nodes.append(Tree.Node(feature: -1, threshold: 0, defaultLeft: false, left: -1, right: -1,
                                   value: options.rate * scorer.weight(gs, hs), cover: hs, gain: 0))
            return nodes.count - 1
        }
        // Root sums: fixed chunks summed in parallel, then added in chunk order.
        let chunks = Parallel.chunks(count, grain: Self.grain)
        let sums = RawBuffer<SIMD2<Double>>(repeating: .zero, count: chunks)
        Parallel.run(chunks, work: count) { c in
            var s = SIMD2<Double>.zero
            for k in Parallel.bounds(c, chunks, count) { s += gh[Int(rows[k])] }
            sums[c] = s
        }
        var gs = 0.0, hs = 0.0
        for c in 0..<chunks { gs += sums[c].x; hs += sums[c].y }
        let maxDepth = options.depth > 0 ? options.depth : Int.max
        var root = Open(node: newLeaf(gs, hs), depth: 0, range: 0..<count, gSum: gs, hSum: hs)
        root.hist = Self.reduce(histograms([root.range], gh: gh, features: features)[0], size: layout.size)
        if let h = root.hist { root.split = scorer.best(h.base, layout: layout, data: data, features: features, gSum: gs, hSum: hs) }
        var open = [root]
        var leafCount = 1
        while !open.isEmpty {
            // Depth-wise: the whole level; leaf-wise: the open node of best gain (the first on ties).
            var batch = open
            if let maxLeaves = options.leaves {
                var index = 0
                for (k, p) in open.enumerated() where p.split.gain > open[index].split.gain { index = k }
                let p = open.remove(at: index)
                if leafCount >= maxLeaves {
                    leaves.append(Leaf(node: p.node, range: p.range))
                    for rest in open { leaves.append(Leaf(node: rest.node, range: rest.range)) }
                    break
                }
                batch = [p]
            } else {
                open = []
            }
            var parents: [Open] = []
            for p in batch {
                if p.depth < maxDepth, p.split.feature >= 0, p.split.gain > max(options.gamma, 1e-6) {
                    parents.append(p)
                } else {
                    leaves.append(Leaf(node: p.node, range: p.range))
                }
            }
            guard !parents.isEmpty else { continue }
            let leftCounts = partition(parents.map { ($0.range, $0.split) })
            var children: [Open] = []
            for (i, p) in parents.enumerated() {
                let s = p.split, mid = p.range.lowerBound + leftCounts[i]
                let gr = p.gSum - s.gLeft, hr = p.hSum - s.hLeft
                let l = newLeaf(s.gLeft, s.hLeft), r = newLeaf(gr, hr)
                nodes[p.node].feature = s.feature
                if s.isCategorical {
                    nodes[p.node].isCategorical = true
                    nodes[p.node].threshold = .nan
                    for b in 0..<data.valueBins(s.feature) where s.goesLeft(bin: b) {
                        nodes[p.node].categories |= 1 << UInt64(data.category(s.feature, bin: b))
                    }
                } else {
                    nodes[p.node].threshold = data.cuts[s.feature][s.bin]
                }
                nodes[p.node].defaultLeft = s.defaultLeft
                nodes[p.node].left = l
                nodes[p.node].right = r
                nodes[p.node].gain = s.gain
                nodes[p.node].value = 0
                leafCount += 1
                children.append(Open(node: l, depth: p.depth + 1, range: p.range.lowerBound..<mid, gSum: s.gLeft, hSum: s.hLeft))
                children.append(Open(node: r, depth: p.depth + 1, range: mid..<p.range.upperBound, gSum: gr, hSum: hr))
            }
            findSplits(parents, &children, gh: gh, features: features, maxDepth: maxDepth)
            open.append(contentsOf: children)
        }
        return (Tree(nodes: nodes), leaves)
    }

    /// Histograms of the children that may still split (the smaller built, the larger by subtraction
    /// from the parent's, in place) and their best splits (one parallel pass for the smaller children's
    /// chunk histograms, one for the split searches).
    private func findSplits(_ parents: [Open], _ children: inout [Open], gh: RawBuffer<SIMD2<Double>>, features: [Int], maxDepth: Int) {
        let growing = parents.indices.filter { parents[$0].depth + 1 < maxDepth }
        guard !growing.isEmpty else { return }
        let smallIsLeft = growing.map { children[2 * $0].range.count <= children[2 * $0 + 1].range.count }
        let parts = histograms(growing.indices.map { children[2 * growing[$0] + (smallIsLeft[$0] ? 0 : 1)].range },
                               gh: gh, features: features)
        let size = layout.size
        // Chunk sums and subtractions are cheap next to split search: done here, in order.
        for (j, i) in growing.enumerated() {
            guard let parent = parents[i].hist else { continue }
            let small = Self.reduce(parts[j], size: size)
            for s in 0..<size { parent.base[s] -= small.base[s] }
            children[2 * i + (smallIsLeft[j] ? 0 : 1)].hist = small
            children[2 * i + (smallIsLeft[j] ? 1 : 0)].hist = parent
        }
        let searched = growing.flatMap { [2 * $0, 2 * $0 + 1] }
        let found = RawBuffer<Split>(repeating: Split(), count: searched.count)
        let snapshot = children
        Parallel.run(searched.count) { j in
            let c = snapshot[searched[j]]
            if let h = c.hist { found[j] = scorer.best(h.base, layout: layout, data: data, features: features, gSum: c.gSum, hSum: c.hSum) }
        }
        for (j, i) in searched.enumerated() { children[i].split = found[j] }
    }

    /// Adds the chunk histograms of one range into the first, in chunk order, and returns it.
    static func reduce(_ parts: [RawBuffer<SIMD2<Double>>], size: Int) -> RawBuffer<SIMD2<Double>> {
        let total = parts[0]
        for p in parts.dropFirst() { for s in 0..<size { total.base[s] += p.base[s] } }
        return total
    }

    /// The chunk histograms of each range of `rows` (chunks of about `grain` rows; `reduce` adds them
    /// in chunk order), all chunks of all ranges in one parallel pass.
    private func histograms(_ ranges: [Range<Int>], gh: RawBuffer<SIMD2<Double>>, features: [Int]) -> [[RawBuffer<SIMD2<Double>>]] {
        let size = layout.size
        var tasks: [(range: Int, chunk: Int, of: Int)] = []
        for (i, r) in ranges.enumerated() {
            let k = Parallel.chunks(r.count, grain: Self.grain)
            for c in 0..<k { tasks.append((i, c, k)) }
        }
        let buffers = tasks.map { _ in RawBuffer<SIMD2<Double>>(repeating: .zero, count: size) }
        let slots = features.map { layout.offsets[$0] }
        let fcount = data.featureCount
        Parallel.run(tasks.count, work: ranges.reduce(0) { $0 + $1.count }) { t in
            let task = tasks[t], r = ranges[task.range]
            let sub = Parallel.bounds(task.chunk, task.of, r.count)
            let range = (r.lowerBound + sub.lowerBound)..<(r.lowerBound + sub.upperBound)
            let out = buffers[t].base
            if let codes = data.narrow?.base {
                HistogramLayout.accumulate(codes: codes, features: fcount, rows: rows.base, range: range, gh: gh.base,
                                           used: features, slots: slots, into: out)
            } else if let codes = data.wide?.base {
                HistogramLayout.accumulate(codes: codes, features: fcount, rows: rows.base, range: range, gh: gh.base,
                                           used: features, slots: slots, into: out)
            }
        }
        var parts = [[RawBuffer<SIMD2<Double>>]](repeating: [], count: ranges.count)
        for (t, task) in tasks.enumerated() { parts[task.range].append(buffers[t]) }
        return parts
    }
}
