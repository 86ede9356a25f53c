import MSNBoost
import MSNTable

/// A fitted model that scores new rows: what `evaluate` and `predict` need.
protocol PredictiveModel: ModelValue {
    /// The target column.
    var target: String { get }
    /// Binary, multiclass or regression.
    var task: Objective { get }
    /// Text levels of the target (class k is levels[k]), nil for numbers.
    var levels: [String]? { get }
    /// Outputs per row: [P(class 1)] for binary, class probabilities for multiclass, [value] for regression.
    func score(_ table: Table) throws -> [[Double]]
}

extension BoostModelValue: PredictiveModel {
    var task: Objective { model.objective }
    func score(_ table: Table) throws -> [[Double]] { model.predict(try encoding.matrix(table)) }
}
