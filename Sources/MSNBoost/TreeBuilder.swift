import Foundation

/// Grows one tree on gradient/hessian statistics with per-feature histograms (XGBoost's `hist`):
/// the smaller child's histogram is built, the larger one is the parent's minus it; features are
/// summed in parallel, each in row order, so results do not depend on the number of threads.
struct TreeBuilder {
    let data: FeatureBins
    let g: [Double]
    let h: [Double]
    let options: BoostOptions
    let features: [Int]
    /// Offsets of each feature's histogram (2 doubles per bin: g, h).
    private let offsets: [Int]
    private let histSize: Int

    init(data: FeatureBins, g: [Double], h: [Double], options: BoostOptions, features: [Int]) {
        self.data = data
        self.g = g
        self.h = h
        self.options = options
        self.features = features
        var o: [Int] = []
        var total = 0
        for f in 0..<data.cuts.count { o.append(total); total += 2 * (data.valueBins(f) + 1) }
        offsets = o
        histSize = total
    }

    private struct Split { var feature = -1; var bin = 0; var gain = 0.0; var defaultLeft = false; var gLeft = 0.0; var hLeft = 0.0 }
    private struct Pending { var rows: [Int]; var hist: [Double]; var node: Int; var depth: Int; var split: Split; var gSum: Double; var hSum: Double }

    func thresholdL1(_ gs: Double) -> Double {
        gs > options.alpha ? gs - options.alpha : (gs < -options.alpha ? gs + options.alpha : 0)
    }
    func score(_ gs: Double, _ hs: Double) -> Double { let t = thresholdL1(gs); return t * t / (hs + options.lambda) }
    func weight(_ gs: Double, _ hs: Double) -> Double { -thresholdL1(gs) / (hs + options.lambda) }

    /// The histogram of `rows`: rows are split into two fixed halves summed separately (on both cores
    /// when large) and then added in a fixed order, so the result is the same for any thread count.
    private func histogram(_ rows: [Int]) -> [Double] {
        let chunks = rows.count >= 4096 ? 2 : 1
        var parts = [[Double]](repeating: [], count: chunks)
        let fcount = data.cuts.count
        let box = HistogramParts(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            var hist = [Double](repeating: 0, count: histSize)
            let lo = c * rows.count / chunks, hi = (c + 1) * rows.count / chunks
            hist.withUnsafeMutableBufferPointer { out in
                data.rowMajor.withUnsafeBufferPointer { bins in
                    g.withUnsafeBufferPointer { gg in
                        h.withUnsafeBufferPointer { hh in
                            offsets.withUnsafeBufferPointer { off in
                                features.withUnsafeBufferPointer { fs in
                                    for k in lo..<hi {
                                        let r = rows[k]
                                        let gr = gg[r], hr = hh[r]
                                        let row = r * fcount
                                        for f in fs {
                                            let slot = off[f] + 2 * Int(bins[row + f])
                                            out[slot] += gr
                                            out[slot + 1] += hr
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            box.set(c, hist)
        }
        for c in 0..<chunks { parts[c] = box.get(c) }
        guard chunks == 2 else { return parts[0] }
        var total = parts[0]
        for k in 0..<histSize { total[k] += parts[1][k] }
        return total
    }

    private func bestSplit(_ hist: [Double], gSum: Double, hSum: Double) -> Split {
        var best = Split()
        let parent = score(gSum, hSum)
        for f in features {
            let nb = data.valueBins(f)
            let base = offsets[f]
            let gm = hist[base + 2 * nb], hm = hist[base + 2 * nb + 1]
            var gl = 0.0, hl = 0.0
            for b in 0..<(nb - 1) {
                gl += hist[base + 2 * b]
                hl += hist[base + 2 * b + 1]
                for direction in 0..<(hm > 0 ? 2 : 1) {
                    let missingLeft = direction == 1
                    let gL = missingLeft ? gl + gm : gl, hL = missingLeft ? hl + hm : hl
                    let gR = gSum - gL, hR = hSum - hL
                    guard hL >= options.minChildWeight, hR >= options.minChildWeight else { continue }
                    let gain = score(gL, hL) + score(gR, hR) - parent
                    if gain > best.gain { best = Split(feature: f, bin: b, gain: gain, defaultLeft: missingLeft, gLeft: gL, hLeft: hL) }
                }
            }
        }
        return best
    }

    /// Grows a tree on `rows` (depth-wise, or leaf-wise when `options.leaves` is set).
    func build(rows: [Int]) -> Tree { buildWithLeaves(rows: rows).tree }

    /// The tree and, for each leaf node, the training rows that reach it (to update margins without
    /// walking the tree again).
    func buildWithLeaves(rows: [Int]) -> (tree: Tree, leafRows: [(node: Int, rows: [Int])]) {
        var leafRows: [(Int, [Int])] = []
        var nodes: [Tree.Node] = []
        func newLeaf(_ gs: Double, _ hs: Double) -> Int {
            nodes.append(Tree.Node(feature: -1, threshold: 0, defaultLeft: false, left: -1, right: -1,
                                   value: options.rate * weight(gs, hs), cover: hs, gain: 0))
            return nodes.count - 1
        }
        var gs = 0.0, hs = 0.0
        for r in rows { gs += g[r]; hs += h[r] }
        let rootHist = histogram(rows)
        let root = newLeaf(gs, hs)
        var open = [Pending(rows: rows, hist: rootHist, node: root, depth: 0,
                            split: bestSplit(rootHist, gSum: gs, hSum: hs), gSum: gs, hSum: hs)]
        var leaves = 1
        let maxDepth = options.depth > 0 ? options.depth : Int.max
        while !open.isEmpty {
            // Depth-wise: expand in creation order; leaf-wise: the best gain first.
            var index = 0
            if options.leaves != nil {
                for (k, p) in open.enumerated() where p.split.gain > open[index].split.gain { index = k }
            }
            let p = open.remove(at: index)
            if let maxLeaves = options.leaves, leaves >= maxLeaves {
                leafRows.append((p.node, p.rows))
                for rest in open { leafRows.append((rest.node, rest.rows)) }
                break
            }
            guard p.depth < maxDepth, p.split.feature >= 0, p.split.gain > max(options.gamma, 1e-6) else {
                leafRows.append((p.node, p.rows))
                continue
            }
            let s = p.split
            let bins = data.bins[s.feature]
            let missingBin = UInt16(data.valueBins(s.feature))
            var left: [Int] = [], right: [Int] = []
            left.reserveCapacity(p.rows.count)
            right.reserveCapacity(p.rows.count)
            let threshold = UInt16(s.bin), defaultLeft = s.defaultLeft
            bins.withUnsafeBufferPointer { bb in
                for r in p.rows {
                    let b = bb[r]
                    if b == missingBin ? defaultLeft : b <= threshold { left.append(r) } else { right.append(r) }
                }
            }
            let gl = s.gLeft, hl = s.hLeft
            let (small, _) = left.count <= right.count ? (left, right) : (right, left)
            let smallHist = histogram(small)
            var largeHist = p.hist
            for k in 0..<histSize { largeHist[k] -= smallHist[k] }
            let (leftHist, rightHist) = left.count <= right.count ? (smallHist, largeHist) : (largeHist, smallHist)
            let gr = p.gSum - gl, hr = p.hSum - hl
            let l = newLeaf(gl, hl), r = newLeaf(gr, hr)
            nodes[p.node].feature = s.feature
            nodes[p.node].threshold = data.cuts[s.feature][s.bin]
            nodes[p.node].defaultLeft = s.defaultLeft
            nodes[p.node].left = l
            nodes[p.node].right = r
            nodes[p.node].gain = s.gain
            nodes[p.node].value = 0
            leaves += 1
            open.append(Pending(rows: left, hist: leftHist, node: l, depth: p.depth + 1,
                                split: bestSplit(leftHist, gSum: gl, hSum: hl), gSum: gl, hSum: hl))
            open.append(Pending(rows: right, hist: rightHist, node: r, depth: p.depth + 1,
                                split: bestSplit(rightHist, gSum: gr, hSum: hr), gSum: gr, hSum: hr))
        }
        return (Tree(nodes: nodes), leafRows)
    }
}

/// The per-chunk histograms of one `concurrentPerform`.
final class HistogramParts: @unchecked Sendable {
    private var parts: [[Double]]
    private let lock = NSLock()
    init(count: Int) { parts = [[Double]](repeating: [], count: count) }
    func set(_ i: Int, _ h: [Double]) { lock.lock(); parts[i] = h; lock.unlock() }
    func get(_ i: Int) -> [Double] { lock.lock(); defer { lock.unlock() }; return parts[i] }
}
