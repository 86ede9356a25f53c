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
    var summaryTable: Table? { nil }

    var metricName: String { model.objective == .regression ? "RMSE" : "log loss" }

    var summary: String {
        let objective: String
        switch model.objective {
        case .binary: objective = "binary logistic"
        case .multiclass: objective = "softmax over \(model.classes) classes"
        case .regression: objective = "squared error"
        }
        var lines = [
            "boosted trees (histogram, XGBoost-style) predicting \(target): \(objective)",
            "  \(model.rounds.count) trees, depth \(model.options.leaves.map { "leaf-wise, \($0) leaves" } ?? "\(model.options.depth)"), rate \(model.options.rate), \(model.featureNames.count) features",
            "  training \(metricName) \(String(format: "%.4f", model.history.last?.train ?? .nan))"
                + (model.history.last?.valid.map { ", validation \(String(format: "%.4f", $0))" } ?? ""),
        ]
        let top = model.importance().prefix(5).map { "\($0.feature) \(String(format: "%.1f%%", 100 * $0.gain))" }
        lines.append("  top features by gain: " + top.joined(separator: ", "))
        if let cv = crossValidation, let values = cv.column(named: "value")?.doubles() {
            let mean = values.reduce(0, +) / Double(values.count)
            let sd = (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(max(1, values.count - 1))).squareRoot()
            lines.append("  \(values.count)-fold cross-validation \(cv[0, "metric"]): \(String(format: "%.4f", mean)) ± \(String(format: "%.4f", sd))")
        }
        return lines.joined(separator: "\n")
    }
}
