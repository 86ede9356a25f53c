import Foundation
import Testing
@testable import MSNBoost

@Test func firstSplitAndLeafWeightsByHand() throws {
    // x = 1, 2, 3, 4; y = 0, 0, 10, 10; squared error from base 5: g = 5, 5, −5, −5; h = 1.
    // Split x < 3: G_L = 10, H_L = 2, G_R = −10, H_R = 2; gain = 100/3 + 100/3 − 0 = 66.67;
    // leaves w = −G/(H + λ) = −10/3 and +10/3, times rate 1.
    var o = BoostOptions()
    o.trees = 1; o.depth = 1; o.rate = 1; o.lambda = 1; o.objective = .regression; o.minChildWeight = 0
    let m = try BoostModel.train(features: [[1, 2, 3, 4]], names: ["x"], labels: [0, 0, 10, 10], options: o)
    let tree = m.rounds[0][0]
    #expect(tree.nodes[0].threshold == 3)
    #expect(abs(tree.nodes[0].gain - 200.0 / 3) < 1e-12)
    #expect(abs(tree.nodes[tree.nodes[0].left].value + 10.0 / 3) < 1e-12)
    #expect(abs(tree.nodes[tree.nodes[0].right].value - 10.0 / 3) < 1e-12)
    #expect(m.baseMargin == [5])
}

@Test func missingValuesLearnADefaultDirection() throws {
    // Missing rows behave like the high group, so they should go right with it.
    var o = BoostOptions()
    o.trees = 1; o.depth = 1; o.rate = 1; o.objective = .regression; o.minChildWeight = 0
    let x: [Double] = [1, 2, .nan, 8, 9, .nan]
    let y: [Double] = [0, 0, 10, 10, 10, 10]
    let m = try BoostModel.train(features: [x], names: ["x"], labels: y, options: o)
    #expect(m.rounds[0][0].nodes[0].defaultLeft == false)
    #expect(m.predict([[.nan]])[0][0] > 6)
}

@Test func identicalAcrossThreadCountsAndRuns() throws {
    // Histograms are summed per feature in row order, so chunking cannot change any sum.
    var rng = SeededGenerator(seed: 1)
    let n = 5000
    let f = (0..<10).map { _ in (0..<n).map { _ in rng.nextNormal() } }
    let y = (0..<n).map { f[0][$0] + f[1][$0] * f[2][$0] > 0 ? 1.0 : 0.0 }
    var o = BoostOptions()
    o.trees = 20; o.objective = .binary; o.subsample = 0.8; o.colsample = 0.7; o.seed = 9
    let a = try BoostModel.train(features: f, names: (0..<10).map { "f\($0)" }, labels: y, options: o)
    let b = try BoostModel.train(features: f, names: (0..<10).map { "f\($0)" }, labels: y, options: o)
    #expect(a.margins(f)[0] == b.margins(f)[0])
}

@Test func gradientsOfEachObjective() {
    // Binary: g = p − y, h = p(1 − p); softmax h uses XGBoost's factor 2; regression g = ŷ − y, h = 1.
    let p = 1 / (1 + exp(-0.3))
    #expect(abs(BoostModel.lossMetric(.binary, [[0.3]], [1]) + log(p)) < 1e-12)
    #expect(BoostModel.lossMetric(.regression, [[3]], [1]) == 2)
    let s = BoostModel.softmax([[1], [2], [3]], 1)[0]
    #expect(abs(s.reduce(0, +) - 1) < 1e-12 && s[2] > s[1])
}

@Test func shapAddsUpAndMatchesBruteForceShapley() throws {
    var rng = SeededGenerator(seed: 4)
    let n = 300
    let f = (0..<3).map { _ in (0..<n).map { _ in Double(rng.nextInt(below: 6)) } }
    let y = (0..<n).map { 2 * f[0][$0] + (f[1][$0] > 2 ? 3 : 0) * f[2][$0] + rng.nextNormal() }
    var o = BoostOptions()
    o.trees = 3; o.depth = 3; o.objective = .regression
    let m = try BoostModel.train(features: f, names: ["a", "b", "c"], labels: y, options: o)
    let row = [3.0, 4.0, 1.0]
    let phi = TreeSHAP.contributions(m, row: row)[0]
    let margin = m.margins([[3], [4], [1]])[0][0]
    #expect(abs(phi.reduce(0, +) - margin) < 1e-9)
    // Brute force: Shapley values of v(S) = E[f(x) | x_S] under the path-dependent (cover-weighted) rule.
    func conditional(_ subset: Set<Int>) -> Double {
        var total = m.baseMargin[0]
        for round in m.rounds {
            let tree = round[0]
            func walk(_ i: Int) -> Double {
                let node = tree.nodes[i]
                if node.isLeaf { return node.value }
                if subset.contains(node.feature) { return walk(row[node.feature] < node.threshold ? node.left : node.right) }
                let l = tree.nodes[node.left].cover, r = tree.nodes[node.right].cover
                return (l * walk(node.left) + r * walk(node.right)) / node.cover
            }
            total += walk(0)
        }
        return total
    }
    for j in 0..<3 {
        var value = 0.0
        let others = (0..<3).filter { $0 != j }
        for mask in 0..<(1 << others.count) {
            let s = Set(others.enumerated().filter { mask & (1 << $0.offset) != 0 }.map(\.element))
            let size = s.count
            let weight = Double(factorial(size) * factorial(3 - size - 1)) / Double(factorial(3))
            value += weight * (conditional(s.union([j])) - conditional(s))
        }
        #expect(abs(phi[j] - value) < 1e-9, "feature \(j): \(phi[j]) vs \(value)")
    }
}

private func factorial(_ n: Int) -> Int { n <= 1 ? 1 : n * factorial(n - 1) }

@Test func metricsByHand() {
    // 4 rows: scores 0.9 (1), 0.8 (0), 0.3 (1), 0.1 (0): AUC = 3/4.
    #expect(Metrics.auc(labels: [1, 0, 1, 0], scores: [0.9, 0.8, 0.3, 0.1]) == 0.75)
    let b = Dictionary(uniqueKeysWithValues: Metrics.binary(labels: [1, 0, 1, 0], probabilities: [0.9, 0.8, 0.3, 0.1]))
    #expect(b["accuracy"] == 0.5 && b["precision"] == 0.5 && b["recall"] == 0.5)
    let r = Dictionary(uniqueKeysWithValues: Metrics.regression(labels: [1, 2, 3], predictions: [1, 2, 4]))
    #expect(abs(r["rmse"]! - (1.0 / 3).squareRoot()) < 1e-12 && abs(r["mae"]! - 1.0 / 3) < 1e-12 && r["r2"] == 0.5)
}

@Test func trainingErrors() {
    var o = BoostOptions()
    o.objective = .binary
    #expect(throws: BoostError.empty) { try BoostModel.train(features: [[]], names: ["x"], labels: [], options: o) }
    #expect(throws: BoostError.constantTarget) { try BoostModel.train(features: [[1, 2]], names: ["x"], labels: [1, 1], options: o) }
    #expect(throws: BoostError.badLabels("a binary target must be 0 or 1")) { try BoostModel.train(features: [[1, 2]], names: ["x"], labels: [0, 2], options: o) }
}

import MSNTable

@Test func sameModelOnOneThreadAsOnAll() throws {
    // 70 000 rows: histograms, partitions and gradients are cut into several chunks, so the parallel
    // run really uses both cores; a serial run of the same chunks must give the same bits.
    var rng = SeededGenerator(seed: 3)
    let n = 70_000
    var f = (0..<6).map { _ in (0..<n).map { _ in rng.nextNormal() } }
    for i in stride(from: 0, to: n, by: 7) { f[1][i] = .nan }
    let y = (0..<n).map { f[0][$0] + 0.5 * f[2][$0] * f[3][$0] + 0.3 * rng.nextNormal() > 0 ? 1.0 : 0.0 }
    var o = BoostOptions()
    o.trees = 8; o.depth = 6; o.objective = .binary
    let names = (0..<6).map { "f\($0)" }
    let parallel = try BoostModel.train(features: f, names: names, labels: y, options: o)
    Parallel.serial.store(true, ordering: .relaxed)
    defer { Parallel.serial.store(false, ordering: .relaxed) }
    let serial = try BoostModel.train(features: f, names: names, labels: y, options: o)
    #expect(parallel.margins(f)[0] == serial.margins(f)[0])
    for (a, b) in zip(parallel.rounds.joined(), serial.rounds.joined()) {
        #expect(a.nodes.map(\.value) == b.nodes.map(\.value) && a.nodes.map(\.threshold) == b.nodes.map(\.threshold))
    }
}

@Test func radixSortOrdersLikeComparison() {
    var rng = SeededGenerator(seed: 5)
    var v = (0..<5000).map { _ in rng.nextNormal() * 1e3 }
    v += [0, -0.0, .infinity, -.infinity, 1e-310, -1e-310, 3, 3, 3]
    v += (0..<500).map { _ in Double(rng.nextInt(below: 7)) }
    let r = RadixSort.sorted(v)
    #expect(r == v.sorted())
    #expect(RadixSort.sorted([2, 1]) == [1, 2])
}

@Test func multiclassStartsFromCentredLogClassShares() throws {
    // Classes 0, 1, 2 with 1, 2 and 4 rows: log shares log(1/7), log(2/7), log(4/7) centred to mean 0
    // are −log 2, 0, log 2 (XGBoost 3's intercept: wine's train split gives 0.00655, 0.19946, −0.20601).
    let m = BoostModel.classPriorMargins([0, 1, 1, 2, 2, 2, 2], [Double](repeating: 1, count: 7), 3)
    #expect(abs(m[0] + log(2)) < 1e-12 && abs(m[1]) < 1e-12 && abs(m[2] - log(2)) < 1e-12)
    let (train, _) = try split("wine")
    var o = BoostOptions()
    o.trees = 1; o.objective = .multiclass; o.classes = 3
    let model = try BoostModel.train(features: train.0, names: train.2, labels: train.1, options: o)
    for (a, b) in zip(model.baseMargin, [0.00655259, 0.19945626, -0.20600885]) { #expect(abs(a - b) < 1e-7) }
    #expect(BoostModel.classPriorMargins([0, 0, 1], [1, 1, 1], 3) == [0, 0, 0])
}

@Test func leafRangeMarginsAgreeWithTreeWalksDepthAndLeafWise() throws {
    // Training margins are updated through each leaf's range of the row buffer; the final training loss
    // must equal the loss of margins recomputed by walking the trees, depth-wise and leaf-wise.
    var rng = SeededGenerator(seed: 11)
    let n = 40_000
    var f = (0..<5).map { _ in (0..<n).map { _ in rng.nextNormal() } }
    for i in stride(from: 3, to: n, by: 11) { f[4][i] = .nan }
    let y = (0..<n).map { f[0][$0] - f[1][$0] * f[1][$0] + 0.5 * rng.nextNormal() > 0 ? 1.0 : 0.0 }
    let names = (0..<5).map { "f\($0)" }
    for leaves in [nil, 5] as [Int?] {
        var o = BoostOptions()
        o.trees = 6; o.objective = .binary; o.leaves = leaves; o.depth = leaves == nil ? 6 : 0
        let m = try BoostModel.train(features: f, names: names, labels: y, options: o)
        let walked = BoostModel.lossMetric(.binary, m.margins(f), y)
        #expect(abs((m.history.last?.train ?? .nan) - walked) < 1e-12, "leaves \(String(describing: leaves))")
        if let leaves { for tree in m.rounds.joined() { #expect(tree.nodes.filter(\.isLeaf).count == leaves) } }
    }
}

/// Categories 0 … 3, two rows each, y = 10, 0, 10, 0 by category; base 5, so G = −10, 10, −10, 10 and
/// H = 2. Leaf weights −G/(H + 1) sort categories as 1, 3 (−10/3) before 0, 2 (10/3); the cut after
/// two sends {1, 3} left: G_L = 20, H_L = 4, gain = 20²/5 + 20²/5 = 160, leaves −20/5 = −4 and +4. No
/// threshold on the codes can separate the groups (the best, x < 1, gains 100/3 + 100/7).
@Test func nativeCategoricalSplitPartitionsCategoriesByHand() throws {
    var o = BoostOptions()
    o.trees = 1; o.depth = 1; o.rate = 1; o.lambda = 1; o.objective = .regression; o.minChildWeight = 0
    o.categorical = [0]
    let x: [Double] = [0, 0, 1, 1, 2, 2, 3, 3]
    let y: [Double] = [10, 10, 0, 0, 10, 10, 0, 0]
    let m = try BoostModel.train(features: [x], names: ["c"], labels: y, options: o)
    let root = m.rounds[0][0].nodes[0]
    #expect(root.isCategorical && root.categories == 0b1010)
    #expect(abs(root.gain - 160) < 1e-12)
    #expect(abs(m.rounds[0][0].nodes[root.left].value + 4) < 1e-12)
    #expect(abs(m.rounds[0][0].nodes[root.right].value - 4) < 1e-12)
    // Prediction: category 3 → left (5 − 4), 2 → right; an unseen code (−1) and a missing value
    // (no missing rows in training, so the default is right) → right.
    #expect(m.predict([[3, 2, -1, .nan]])[0] == [1, 9, 9, 9])
    // SHAP: the expected leaf is 0, so the one feature's contribution is the leaf.
    let phi = TreeSHAP.contributions(m, row: [3])[0]
    #expect(abs(phi[0] + 4) < 1e-12 && abs(phi[1] - 5) < 1e-12)
    // Without native splits the codes are split by a threshold: the first split is x < 1.
    o.categorical = []
    let numeric = try BoostModel.train(features: [x], names: ["c"], labels: y, options: o)
    #expect(numeric.rounds[0][0].nodes[0].threshold == 1)
    #expect(abs(numeric.rounds[0][0].nodes[0].gain - (100.0 / 3 + 100.0 / 7)) < 1e-9)
}

/// Codes outside 0 … 63 are refused for a categorical feature.
@Test func categoricalFeatureMustHoldSmallCodes() {
    var o = BoostOptions()
    o.trees = 1; o.objective = .regression; o.categorical = [0]
    #expect(throws: BoostError.self) { try BoostModel.train(features: [[0, 70, 1]], names: ["c"], labels: [1, 2, 3], options: o) }
}

/// A categorical feature together with numeric ones: missing categories learn a direction, SHAP
/// interactions through categorical splits equal the direct implementation and sum to the margin.
@Test func categoricalSplitsWorkWithMissingValuesAndShap() throws {
    var rng = SeededGenerator(seed: 8)
    let n = 600
    let cat = (0..<n).map { _ in Double(rng.nextInt(below: 20)) }
    let num = (0..<n).map { _ in rng.nextNormal() }
    var catWithMissing = cat
    for i in stride(from: 0, to: n, by: 13) { catWithMissing[i] = .nan }
    let effect = (0..<20).map { _ in rng.nextNormal() * 2 }
    let y = (0..<n).map { i in effect[Int(cat[i])] * (num[i] > 0 ? 1.5 : 0.5) + 0.1 * rng.nextNormal() }
    var o = BoostOptions()
    o.trees = 20; o.depth = 4; o.rate = 0.3; o.objective = .regression; o.categorical = [0]
    let m = try BoostModel.train(features: [catWithMissing, num], names: ["c", "x"], labels: y, options: o)
    #expect(m.rounds.contains { $0[0].nodes.contains(where: \.isCategorical) })
    let native = m.history.last?.train ?? .nan
    o.categorical = []
    let ordinal = try BoostModel.train(features: [catWithMissing, num], names: ["c", "x"], labels: y, options: o)
    #expect(native < ordinal.history.last?.train ?? 0, "native \(native) vs ordinal \(ordinal.history.last?.train ?? 0)")
    let rows = (0..<30).map { [catWithMissing[$0], num[$0]] }
    let fast = TreeSHAP.interactions(m, rows: rows)
    for (r, row) in rows.enumerated() {
        let slow = ReferenceSHAP.interactions(m, row: row)
        for a in 0..<3 { for b in 0..<3 { #expect(abs(fast[r][a][b] - slow[a][b]) < 1e-10) } }
        let margin = m.margins([[row[0]], [row[1]]])[0][0]
        #expect(abs(fast[r].reduce(0) { $0 + $1.reduce(0, +) } - margin) < 1e-9)
    }
}
