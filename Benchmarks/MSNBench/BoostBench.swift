import Foundation
import MSNBoost
import MSNTable

/// Boosting on the synthetic firm CSV: 100 trees, depth 6, rate 0.1, numeric features, binary target
/// `exported`; the first 80% of rows train, the rest test. Prints training time, test AUC, peak memory.
enum BoostBench {
    static let features = ["year", "export_volume", "profit_margin", "sentiment", "fx_volatility", "import_policy", "employees", "tech_use"]

    static func run(file: String, rows: Int?) throws {
        var t = try CSVReader.read(path: file)
        if let rows, rows < t.rowCount { t = t.head(rows) }
        let n = t.rowCount, cut = n * 8 / 10
        let x = features.map { t.column(named: $0)?.doubles() ?? [] }
        let y = t.column(named: "exported")?.doubles() ?? []
        var o = BoostOptions()
        o.trees = 100; o.depth = 6; o.rate = 0.1; o.objective = .binary
        let start = DispatchTime.now().uptimeNanoseconds
        let m = try BoostModel.train(features: x.map { Array($0[..<cut]) }, names: features, labels: Array(y[..<cut]), options: o)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let p = m.predict(x.map { Array($0[cut...]) })[0]
        let auc = Metrics.auc(labels: Array(y[cut...]), scores: p)
        print("{\"rows\": \(n), \"train_s\": \(String(format: "%.3f", seconds)), \"test_auc\": \(String(format: "%.5f", auc)), \"peak_mb\": \(String(format: "%.1f", Bench.peakMB()))}")
    }
}
