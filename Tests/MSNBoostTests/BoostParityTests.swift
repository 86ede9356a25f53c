import Foundation
import MSNTable
import Testing
@testable import MSNBoost

/// Parity with XGBoost 3.2 on the public splits (Fixtures/xgboost: hist, depth 4, rate 0.1, 200 trees,
/// lambda 1, min_child_weight 1, 256 bins): accuracy within 1 point, AUC within 0.01, RMSE within 3%.
private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

func split(_ name: String) throws -> (train: ([[Double]], [Double], [String]), test: ([[Double]], [Double])) {
    func load(_ part: String) throws -> ([[Double]], [Double], [String]) {
        let t = try CSVReader.read(path: root.appendingPathComponent("Notebooks/data/splits/\(name).\(part).csv").path)
        let names = t.columnNames.filter { $0 != "target" }
        return (names.map { t.column(named: $0)?.doubles() ?? [] }, t.column(named: "target")?.doubles() ?? [], names)
    }
    let tr = try load("train"), te = try load("test")
    return (tr, (te.0, te.1))
}

func reference(_ dataset: String, _ metric: String) throws -> Double {
    let url = try #require(Bundle.module.url(forResource: "reference", withExtension: "csv", subdirectory: "Fixtures/xgboost"))
    let t = try CSVReader.read(path: url.path)
    for i in 0..<t.rowCount where t[i, "dataset"] == .string(dataset) && t[i, "model"] == .string("xgboost") && t[i, "name"] == .string(metric) {
        return t[i, "value"].doubleValue ?? .nan
    }
    return .nan
}

private func xgbOptions(_ objective: Objective, classes: Int = 2) -> BoostOptions {
    var o = BoostOptions()
    o.trees = 200; o.depth = 4; o.rate = 0.1; o.lambda = 1; o.minChildWeight = 1; o.bins = 256
    o.objective = objective; o.classes = classes
    return o
}

@Test func breastCancerMatchesXGBoost() throws {
    let (train, test) = try split("breast_cancer")
    let m = try BoostModel.train(features: train.0, names: train.2, labels: train.1, options: xgbOptions(.binary))
    let metrics = Dictionary(uniqueKeysWithValues: Metrics.binary(labels: test.1, probabilities: m.predict(test.0)[0]))
    #expect(abs((metrics["accuracy"] ?? 0) - (try reference("breast_cancer", "accuracy"))) <= 0.01 + 1e-9, "accuracy \(metrics["accuracy"] ?? 0)")
    #expect(abs((metrics["auc"] ?? 0) - (try reference("breast_cancer", "auc"))) <= 0.01, "auc \(metrics["auc"] ?? 0)")
}

@Test func wineMulticlassMatchesXGBoost() throws {
    let (train, test) = try split("wine")
    let m = try BoostModel.train(features: train.0, names: train.2, labels: train.1, options: xgbOptions(.multiclass, classes: 3))
    let metrics = Dictionary(uniqueKeysWithValues: Metrics.multiclass(labels: test.1, probabilities: m.predict(test.0)))
    #expect(abs((metrics["accuracy"] ?? 0) - (try reference("wine", "accuracy"))) <= 0.01 + 1e-9, "accuracy \(metrics["accuracy"] ?? 0) (one of 36 test rows is 2.8 points)")
}

@Test func diabetesRegressionMatchesXGBoost() throws {
    let (train, test) = try split("diabetes")
    let m = try BoostModel.train(features: train.0, names: train.2, labels: train.1, options: xgbOptions(.regression))
    let metrics = Dictionary(uniqueKeysWithValues: Metrics.regression(labels: test.1, predictions: m.predict(test.0)[0]))
    let ref = try reference("diabetes", "rmse")
    #expect(abs((metrics["rmse"] ?? 0) - ref) / ref <= 0.03, "rmse \(metrics["rmse"] ?? 0) vs \(ref)")
}

private struct Tiny: Decodable { let X: [[Double]]; let y: [Double]; let test: [[Double]]; let pred: [Double]; let contribs: [[Double]] }

@Test func treesAndShapCoincideWithXGBoostOnTinyData() throws {
    let url = try #require(Bundle.module.url(forResource: "tiny", withExtension: "json", subdirectory: "Fixtures/tiny"))
    let tiny = try JSONDecoder().decode(Tiny.self, from: Data(contentsOf: url))
    var o = BoostOptions()
    o.trees = 4; o.depth = 3; o.rate = 0.5; o.lambda = 1; o.minChildWeight = 1; o.baseScore = 0; o.objective = .regression
    let features = (0..<3).map { j in tiny.X.map { $0[j] } }
    let m = try BoostModel.train(features: features, names: ["a", "b", "c"], labels: tiny.y, options: o)
    let testCols = (0..<3).map { j in tiny.test.map { $0[j] } }
    let pred = m.predict(testCols)[0]
    for (p, q) in zip(pred, tiny.pred) { #expect(abs(p - q) < 1e-4, "prediction \(p) vs XGBoost \(q)") }
    for (i, row) in tiny.test.enumerated() {
        let phi = TreeSHAP.contributions(m, row: row)[0]
        for (a, b) in zip(phi, tiny.contribs[i]) { #expect(abs(a - b) < 1e-4, "row \(i): \(phi) vs \(tiny.contribs[i])") }
    }
}
