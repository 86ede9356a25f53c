import Foundation
import MSNTable

/// A trained gradient-boosted tree ensemble.
public struct BoostModel: Sendable {
    /// The objective trained for.
    public let objective: Objective
    /// Number of classes (1 output for binary and regression).
    public let classes: Int
    /// Feature names, in column order.
    public let featureNames: [String]
    /// Trees, round by round; each round has one tree per output.
    public let rounds: [[Tree]]
    /// Initial margin per output.
    public let baseMargin: [Double]
    /// The options used.
    public let options: BoostOptions
    /// Training metric per round (log loss or RMSE), and the validation metric when given.
    public let history: [(train: Double, valid: Double?)]

    var outputs: Int { objective == .multiclass ? classes : 1 }

    /// Trains on column-major `features` (NaN = missing) and `labels` (0/1, class indices or numbers).
    /// `shouldStop` is asked before each round; when it says true, training throws `BoostError.interrupted`.
    public static func train(features: [[Double]], names: [String], labels: [Double], weights: [Double]? = nil,
                             options: BoostOptions, validation: (features: [[Double]], labels: [Double])? = nil,
                             shouldStop: (@Sendable () -> Bool)? = nil) throws -> BoostModel {
        let n = labels.count
        guard n > 0 else { throw BoostError.empty }
        guard options.trees > 0, options.rate > 0, options.depth >= 0, options.lambda >= 0, options.alpha >= 0,
              (0...1).contains(options.subsample), options.subsample > 0, options.colsample > 0, options.colsample <= 1,
              options.bins >= 2, options.bins <= 65_000, n < Int(UInt32.max) else {
            throw BoostError.invalidOption("settings out of range: trees, rate > 0; depth, lambda, alpha ≥ 0; 0 < subsample, colsample ≤ 1; bins ≥ 2")
        }
        let objective = options.objective ?? .regression
        guard Set(labels).count > 1 else { throw BoostError.constantTarget }
        if objective == .binary, labels.contains(where: { $0 != 0 && $0 != 1 }) { throw BoostError.badLabels("a binary target must be 0 or 1") }
        let k = objective == .multiclass ? options.classes : 1
        if objective == .multiclass, labels.contains(where: { $0 < 0 || $0 >= Double(k) || $0 != $0.rounded() }) {
            throw BoostError.badLabels("a multiclass target must hold class numbers 0 … \(k - 1)")
        }
        var w = weights ?? [Double](repeating: 1, count: n)
        if objective == .binary && options.scalePosWeight != 1 { for i in 0..<n where labels[i] == 1 { w[i] *= options.scalePosWeight } }
        for f in options.categorical {
            guard f >= 0, f < features.count else { throw BoostError.invalidOption("categorical feature \(f) does not exist") }
            if features[f].contains(where: { !$0.isNaN && ($0 < 0 || $0 >= 64 || $0 != $0.rounded(.down)) }) {
                throw BoostError.invalidOption("categorical feature '\(names[f])' must hold category codes 0 … 63")
            }
        }
        let bins = FeatureBins(features: features, maxBins: options.bins, categorical: options.categorical)
        let totalW = w.reduce(0, +)
        var base = [Double](repeating: 0, count: k)
        switch objective {
        case .binary:
            let mean = zip(labels, w).reduce(0) { $0 + $1.0 * $1.1 } / totalW
            base[0] = options.baseScore.map { Foundation.log($0 / (1 - $0)) } ?? Foundation.log(mean / (1 - mean))
        case .regression:
            base[0] = options.baseScore ?? zip(labels, w).reduce(0) { $0 + $1.0 * $1.1 } / totalW
        case .multiclass:
            base = options.baseScore.map { [Double](repeating: $0, count: k) } ?? classPriorMargins(labels, w, k)
        }
        var margin = [[Double]](repeating: [], count: k)
        for c in 0..<k { margin[c] = [Double](repeating: base[c], count: n) }
        var validMargin: [[Double]]? = validation.map { v in (0..<k).map { c in [Double](repeating: base[c], count: v.labels.count) } }
        var rounds: [[Tree]] = []
        var history: [(Double, Double?)] = []
        var bestRound = 0, bestValid = Double.infinity
        var rng = SeededGenerator(seed: options.seed)
        let allFeatures = Array(0..<features.count)
        let grower = TreeGrower(data: bins, options: options)
        let gh = RawBuffer<SIMD2<Double>>(repeating: .zero, count: n)
        for _ in 0..<options.trees {
            if shouldStop?() == true { throw BoostError.interrupted }
            // Row and column sampling for this round (seeded).
            var sample: [UInt32] = []
            if options.subsample < 1 {
                for i in 0..<n where rng.nextUnit() < options.subsample { sample.append(UInt32(i)) }
            }
            var cols = allFeatures
            if options.colsample < 1 {
                rng.shuffle(&cols)
                cols = Array(cols.prefix(max(1, Int((Double(cols.count) * options.colsample).rounded(.up))))).sorted()
            }
            var round: [Tree] = []
            let probs = objective == .multiclass ? softmaxRows(margin, n) : nil
            for c in 0..<k {
                gradients(objective, margin: margin[objective == .multiclass ? c : 0], labels: labels, weights: w,
                          probs: probs, classes: k, output: c, into: gh)
                let count = options.subsample < 1 ? sample.count : n
                let rowBuffer = grower.rows
                if options.subsample < 1 {
                    for (j, r) in sample.enumerated() { rowBuffer[j] = r }
                } else {
                    Parallel.forRanges(n, grain: 65_536) { range in for i in range { rowBuffer[i] = UInt32(i) } }
                }
                let (tree, leaves) = grower.grow(count: count, gh: gh, features: cols)
                if options.subsample < 1 {
                    for i in 0..<n { margin[c][i] += tree.predict { features[$0][i] } }
                } else {
                    // Leaves own disjoint rows, so they are updated in parallel.
                    margin[c].withUnsafeMutableBufferPointer { m in
                        guard let m = m.baseAddress else { return }
                        Parallel.run(leaves.count, work: n) { j in
                            let v = tree.nodes[leaves[j].node].value
                            for k in leaves[j].range { m[Int(rowBuffer[k])] += v }
                        }
                    }
                }
                if let v = validation, validMargin != nil {
                    for i in 0..<v.labels.count { validMargin?[c][i] += tree.predict { v.features[$0][i] } }
                }
                round.append(tree)
            }
            rounds.append(round)
            // The training loss costs a pass with a log per row: computed for the last round only.
            let last = rounds.count == options.trees
            let trainMetric = last ? lossMetric(objective, margin, labels) : .nan
            let validMetric = validation.flatMap { v in validMargin.map { lossMetric(objective, $0, v.labels) } }
            history.append((trainMetric, validMetric))
            if let v = validMetric, let stop = options.earlyStop {
                if v < bestValid - 1e-12 { bestValid = v; bestRound = rounds.count }
                if rounds.count - bestRound >= stop { break }
            }
        }
        if options.earlyStop != nil, validation != nil, bestRound > 0, bestRound < rounds.count {
            rounds = Array(rounds.prefix(bestRound))
            history = Array(history.prefix(bestRound))
            // Recompute the training loss of the kept rounds.
            var m = (0..<k).map { [Double](repeating: base[$0], count: n) }
            for round in rounds { for (c, tree) in round.enumerated() { for i in 0..<n { m[c][i] += tree.predict { features[$0][i] } } } }
            history[history.count - 1].0 = lossMetric(objective, m, labels)
        } else if !history.isEmpty, history[history.count - 1].0.isNaN {
            history[history.count - 1].0 = lossMetric(objective, margin, labels)
        }
        return BoostModel(objective: objective, classes: k == 1 ? (objective == .binary ? 2 : 1) : k, featureNames: names,
                          rounds: rounds, baseMargin: base, options: options, history: history)
    }

    /// Multiclass start margins as XGBoost 3 estimates them: the log of each class's (weighted) share,
    /// centred to mean zero (softmax of it gives the shares back). All zero if a class has no weight.
    static func classPriorMargins(_ labels: [Double], _ w: [Double], _ k: Int) -> [Double] {
        var share = [Double](repeating: 0, count: k)
        for (y, wi) in zip(labels, w) { share[Int(y)] += wi }
        guard share.allSatisfy({ $0 > 0 }) else { return [Double](repeating: 0, count: k) }
        let logs = share.map { Foundation.log($0) }
        let mean = logs.reduce(0, +) / Double(k)
        return logs.map { $0 - mean }
    }

    static func softmax(_ margin: [[Double]], _ n: Int) -> [[Double]] {
        (0..<n).map { i in
            let m = margin.map { $0[i] }
            let top = m.max() ?? 0
            let e = m.map { Foundation.exp($0 - top) }
            let s = e.reduce(0, +)
            return e.map { $0 / s }
        }
    }

    /// Log loss (binary, multiclass) or RMSE (regression) of margins.
    static func lossMetric(_ objective: Objective, _ margin: [[Double]], _ labels: [Double]) -> Double {
        let n = labels.count
        switch objective {
        case .regression:
            return (zip(margin[0], labels).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } / Double(n)).squareRoot()
        case .binary:
            var s = 0.0
            for i in 0..<n { let p = min(max(1 / (1 + Foundation.exp(-margin[0][i])), 1e-15), 1 - 1e-15); s -= labels[i] == 1 ? Foundation.log(p) : Foundation.log(1 - p) }
            return s / Double(n)
        case .multiclass:
            let p = softmax(margin, n)
            var s = 0.0
            for i in 0..<n { s -= Foundation.log(max(p[i][Int(labels[i])], 1e-15)) }
            return s / Double(n)
        }
    }

    /// Raw margins per output for column-major features. Rows go in blocks (in parallel), each block
    /// copied row-major and run through every tree; each row's margin adds the trees in order.
    public func margins(_ features: [[Double]]) -> [[Double]] {
        let n = features.first?.count ?? 0, fcount = features.count, k = outputs
        let out = RawBuffer<Double>(repeating: 0, count: n * k)
        Parallel.forRanges(n, grain: 2048) { range in
            var block = [Double](repeating: 0, count: range.count * fcount)
            for (f, column) in features.enumerated() {
                for i in range { block[(i - range.lowerBound) * fcount + f] = column[i] }
            }
            for c in 0..<k { for i in range { out[c * n + i] = baseMargin[c] } }
            block.withUnsafeBufferPointer { rowsBlock in
                for round in rounds {
                    for (c, tree) in round.enumerated() {
                        tree.nodes.withUnsafeBufferPointer { nodes in
                            for i in range {
                                let row = rowsBlock.baseAddress.map { $0 + (i - range.lowerBound) * fcount }
                                var j = 0
                                while nodes[j].feature >= 0 {
                                    let node = nodes[j], x = row?[node.feature] ?? .nan
                                    j = node.goesLeft(x) ? node.left : node.right
                                }
                                out[c * n + i] += nodes[j].value
                            }
                        }
                    }
                }
            }
        }
        return (0..<k).map { c in Array(UnsafeBufferPointer(start: out.base + c * n, count: n)) }
    }

    /// Predictions: probability of class 1 (binary), class probabilities (multiclass), values (regression).
    public func predict(_ features: [[Double]]) -> [[Double]] {
        let m = margins(features)
        switch objective {
        case .binary: return [m[0].map { 1 / (1 + Foundation.exp(-$0)) }]
        case .regression: return m
        case .multiclass:
            let p = BoostModel.softmax(m, m[0].count)
            return (0..<outputs).map { c in p.map { $0[c] } }
        }
    }

    /// Total gain, cover and split count per feature, as shares summing to 1.
    public func importance() -> [(feature: String, gain: Double, cover: Double, splits: Double)] {
        var gain = [Double](repeating: 0, count: featureNames.count)
        var cover = gain, splits = gain
        for round in rounds { for tree in round { for node in tree.nodes where !node.isLeaf {
            gain[node.feature] += node.gain
            cover[node.feature] += node.cover
            splits[node.feature] += 1
        } } }
        let tg = max(gain.reduce(0, +), 1e-300), tc = max(cover.reduce(0, +), 1e-300), ts = max(splits.reduce(0, +), 1)
        return featureNames.indices.map { (featureNames[$0], gain[$0] / tg, cover[$0] / tc, splits[$0] / ts) }
            .sorted { $0.gain > $1.gain }
    }
}
