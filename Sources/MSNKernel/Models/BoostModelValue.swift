import Foundation
import MSNBoost
import MSNTable

/// A fitted boosted-tree model as a language value.
struct BoostModelValue: ModelValue {
    let model: BoostModel
    let target: String
    let encoding: FeatureEncoding
    /// Target levels for text targets (class k is levels[k]); nil for numbers.
    let levels: [String]?
    /// Training features, kept for `explain m` (mean |SHAP| over the training rows).
    let trainingFeatures: [[Double]]
    /// k-fold cross-validation results (fold, metric, value), if `folds` was given.
    let crossValidation: Table?
    /// Whether it was fitted with `weights = "balanced"` (so `compare regions` refits the same way;
    /// every other setting is in `model.options`).
    var balancedWeights = false

    var kind: String { "boost" }
    var shape: String { "\(model.rounds.count) trees, \(model.featureNames.count) features" }

    var metricName: String { model.objective == .regression ? "RMSE" : "log loss" }

    var summary: ModelSummary {
        let objective: String
        switch model.objective {
        case .binary: objective = "binary logistic"
        case .multiclass: objective = "softmax over \(model.classes) classes"
        case .regression: objective = "squared error"
        }
        var items: [ModelSummary.Item] = [
            .init("objective", .text(objective)),
            .init("trees", .int(model.rounds.count)),
            .init("depth", .text(model.options.leaves.map { "leaf-wise, \($0) leaves" } ?? "\(model.options.depth)")),
            .init("learning rate", .number(model.options.rate, decimals: 3)),
            .init("features", .int(model.featureNames.count)),
            .init("training \(metricName)", .number(model.history.last?.train ?? .nan, decimals: 4)),
        ]
        if let valid = model.history.last?.valid { items.append(.init("validation \(metricName)", .number(valid, decimals: 4))) }
        let top = model.importance().prefix(5).map { "\($0.feature) \(SummaryValue.percent($0.gain).formatted)" }
        items.append(.init("top features by gain", .text(top.joined(separator: ", "))))
        if let cv = crossValidation, let values = cv.column(named: "value")?.doubles(), !values.isEmpty {
            let mean = values.reduce(0, +) / Double(values.count)
            let sd = (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(max(1, values.count - 1))).squareRoot()
            items.append(.init("\(values.count)-fold cross-validation \(cv[0, "metric"])", .number(mean, decimals: 4), note: "± " + SummaryValue.number(sd, decimals: 4).formatted))
        }
        return ModelSummary(title: "boosted trees (histogram, XGBoost-style) predicting \(target)", items: items)
    }
}
