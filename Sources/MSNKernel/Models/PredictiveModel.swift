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
    /// The table columns the model reads (checked for infinities before scoring).
    var inputColumns: [String] { get }
}

extension BoostModelValue: PredictiveModel {
    var task: Objective { model.objective }
    func score(_ table: Table) throws -> [[Double]] { model.predict(try encoding.matrix(table)) }
    var inputColumns: [String] { encoding.sources.map(\.column) }
}

extension RegressionModelValue {
    var inputColumns: [String] { Array(Set(terms.terms.flatMap { $0 })).sorted() }
}
