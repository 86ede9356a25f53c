import Foundation
import MSNBoost
import MSNLanguage
import MSNStats
import MSNTable

/// Refits a fitted boost, linear or logistic model on other rows with the same formula and settings,
/// and scores it with the model's primary metric (AUC, accuracy or RMSE).
struct RegionRefitter {
    /// A refitted model: its scorer, its drivers (name, value shown, strength used to rank) and any warning.
    struct Fitted {
        let model: any PredictiveModel
        let drivers: [(name: String, value: Double, strength: Double)]
        let warning: String?
    }

    let pooled: any PredictiveModel
    /// Columns the model reads (target first).
    let columns: [String]
    /// Levels of text predictors, as in the pooled model's training.
    let textLevels: [(column: String, levels: [String])]
    /// The fewest coefficients a linear or logistic fit needs rows for (nil for boost).
    let coefficientCount: Int?

    init(_ m: any PredictiveModel) throws {
        pooled = m
        if let b = m as? BoostModelValue {
            columns = [b.target] + b.encoding.sources.map(\.column)
            textLevels = b.encoding.sources.compactMap { s in s.levels.map { (s.column, $0) } }
            coefficientCount = nil
        } else if let r = m as? RegressionModelValue {
            columns = [r.target] + Array(Set(r.terms.terms.flatMap { $0 })).sorted()
            textLevels = r.terms.levels.keys.sorted().map { ($0, r.terms.levels[$0] ?? []) }
            coefficientCount = r.coefficients.count
        } else {
            throw RefitError.unsupported(m.kind)
        }
    }

    /// The metric's name: auc, accuracy or rmse.
    var metricName: String {
        switch pooled.task { case .binary: return "auc"; case .multiclass: return "accuracy"; case .regression: return "rmse" }
    }

    /// Whether a larger metric is better.
    var higherIsBetter: Bool { pooled.task != .regression }

    /// "feature" (gain shares) for boost, "term" (coefficients) for linear and logistic models.
    var driverName: String { pooled is BoostModelValue ? "feature" : "term" }

    /// The target as the pooled model's numbers (text through its levels); NaN when missing or unknown.
    func labels(_ t: Table) -> [Double] {
        guard let c = t.column(named: pooled.target) else { return [] }
        if let levels = pooled.levels {
            let index = Dictionary(uniqueKeysWithValues: levels.enumerated().map { ($1, Double($0)) })
            guard case .string(let s) = c else { return [Double](repeating: .nan, count: t.rowCount) }
            return s.strings.map { $0.flatMap { index[$0] } ?? .nan }
        }
        return c.doubles() ?? [Double](repeating: .nan, count: t.rowCount)
    }

    /// Rows the refits can use: a target, and for linear and logistic models every predictor.
    func usableRows(_ t: Table) throws -> [Bool] {
        let y = labels(t)
        var ok = y.map { !$0.isNaN }
        if let r = pooled as? RegressionModelValue {
            let (_, complete) = try r.terms.design(t)
            for i in ok.indices where !complete[i] { ok[i] = false }
        }
        return ok
    }

    /// The pooled model's drivers.
    func pooledDrivers() -> [(name: String, value: Double, strength: Double)] { drivers(of: pooled) }

    /// Fits the model's formula and settings on `t` (every row usable).
    func fit(_ t: Table) throws -> Fitted {
        let y = labels(t)
        if let b = pooled as? BoostModelValue {
            var options = b.model.options
            options.trees = b.model.rounds.count
            options.earlyStop = nil
            var weights: [Double]? = nil
            if b.balancedWeights {
                var counts: [Double: Double] = [:]
                for v in y { counts[v, default: 0] += 1 }
                let k = Double(counts.count), n = Double(y.count)
                weights = y.map { n / (k * (counts[$0] ?? 1)) }
            }
            let model = try BoostModel.train(features: try b.encoding.matrix(t), names: b.encoding.names, labels: y,
                                             weights: weights, options: options)
            let value = BoostModelValue(model: model, target: b.target, encoding: b.encoding, levels: b.levels,
                                        trainingFeatures: [], crossValidation: nil, balancedWeights: b.balancedWeights)
            return Fitted(model: value, drivers: drivers(of: value), warning: nil)
        }
        guard let r = pooled as? RegressionModelValue else { throw RefitError.unsupported(pooled.kind) }
        let (x, _) = try r.terms.design(t)
        let value: RegressionModelValue
        var warning: String? = nil
        if case .logistic = r.fit {
            let f = try LogisticRegression(design: x, response: y)
            warning = f.separationWarning
            value = RegressionModelValue(fit: .logistic(f), target: r.target, terms: r.terms, levels: r.levels, rows: t.rowCount)
        } else {
            let f = try LinearRegression(design: x, response: y)
            value = RegressionModelValue(fit: .linear(f), target: r.target, terms: r.terms, levels: r.levels, rows: t.rowCount)
        }
        return Fitted(model: value, drivers: drivers(of: value), warning: warning)
    }

    /// The primary metric of `m` on `t` (rows with a target; unscorable rows are skipped, as `evaluate` does).
    func metric(of m: any PredictiveModel, on t: Table) throws -> Double {
        metric(labels: labels(t), scores: try m.score(t))
    }

    /// The primary metric of scores against labels: AUC, accuracy or RMSE.
    func metric(labels: [Double], scores: [[Double]]) -> Double {
        let keep = labels.indices.filter { i in !labels[i].isNaN && !scores.contains { $0[i].isNaN } }
        let y = keep.map { labels[$0] }
        let p = scores.map { col in keep.map { col[$0] } }
        guard !y.isEmpty else { return .nan }
        switch pooled.task {
        case .binary: return Metrics.auc(labels: y, scores: p[0])
        case .multiclass: return Metrics.multiclass(labels: y, probabilities: p).first { $0.0 == "accuracy" }?.1 ?? .nan
        case .regression: return Metrics.regression(labels: y, predictions: p[0]).first { $0.0 == "rmse" }?.1 ?? .nan
        }
    }

    /// Out-of-fold predictions of `t` with k folds (stratified by class for classifiers), then the metric once.
    func crossValidated(_ t: Table, folds k: Int, seed: UInt64) throws -> Double {
        let y = labels(t)
        var rng = SeededGenerator(seed: seed)
        var strata: [[Int]]
        if pooled.task == .regression {
            strata = [Array(y.indices)]
        } else {
            strata = Array(Set(y)).sorted().map { c in y.indices.filter { y[$0] == c } }
        }
        var order: [Int] = []
        for i in strata.indices { rng.shuffle(&strata[i]); order += strata[i] }
        var foldOf = [Int](repeating: 0, count: y.count)
        for (position, row) in order.enumerated() { foldOf[row] = position % k }
        var scores: [[Double]] = []
        for fold in 0..<k {
            let trainRows = y.indices.filter { foldOf[$0] != fold }, testRows = y.indices.filter { foldOf[$0] == fold }
            let p = try fit(t.take(trainRows)).model.score(t.take(testRows))
            if scores.isEmpty { scores = [[Double]](repeating: [Double](repeating: .nan, count: y.count), count: p.count) }
            for (c, column) in p.enumerated() { for (j, row) in testRows.enumerated() { scores[c][row] = column[j] } }
        }
        return metric(labels: y, scores: scores)
    }

    private func drivers(of m: any PredictiveModel) -> [(name: String, value: Double, strength: Double)] {
        if let b = m as? BoostModelValue {
            return b.model.importance().map { ($0.feature, $0.gain, $0.gain) }
        }
        guard let r = m as? RegressionModelValue else { return [] }
        return r.coefficients.map { ($0.term, $0.estimate, $0.term == "(Intercept)" ? -1 : abs($0.statistic)) }
    }
}

/// Why a model cannot be refitted.
enum RefitError: Error, CustomStringConvertible {
    case unsupported(String)
    var description: String {
        switch self { case .unsupported(let kind): return "a \(kind) model cannot be refitted by region" }
    }
}
