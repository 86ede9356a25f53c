import Foundation
import MSNTable

/// Form 2's tables (`transfer`, `pooled`, `drivers`) and paragraph.
struct CompareModelTables {
    let refitter: RegionRefitter
    let regions: [String]
    let sizes: [Int]
    /// transfer[a][b]: trained in region a, scored in region b; the diagonal cross-validated.
    let transfer: [[Double]]
    let pooled: [Double]
    let fits: [RegionRefitter.Fitted]
    let parts: [(name: String, table: Table)]

    init(refitter: RegionRefitter, regions: [String], sizes: [Int], transfer: [[Double]], pooled: [Double], fits: [RegionRefitter.Fitted]) throws {
        self.refitter = refitter
        self.regions = regions
        self.sizes = sizes
        self.transfer = transfer
        self.pooled = pooled
        self.fits = fits
        var transferColumns: [(String, Column)] = [("trained_on", .string(StringColumn(regions)))]
        for (b, region) in regions.enumerated() { transferColumns.append((region, .float(TypedColumn(transfer.map { $0[b] })))) }
        let metric = refitter.metricName
        let pooledTable = try Table([
            ("region", .string(StringColumn(regions))), ("n", .int(TypedColumn(sizes.map(Int64.init)))),
            ("metric", .string(StringColumn([String?](repeating: metric, count: regions.count)))),
            ("pooled", .float(TypedColumn(pooled))), ("within_cv", .float(TypedColumn(regions.indices.map { transfer[$0][$0] }))),
        ])
        let names = refitter.pooledDrivers().map(\.name)
        var driverColumns: [(String, Column)] = [
            (refitter.driverName, .string(StringColumn(names))), ("pooled", .float(TypedColumn(refitter.pooledDrivers().map(\.value)))),
        ]
        for (a, region) in regions.enumerated() {
            let values = Dictionary(fits[a].drivers.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
            driverColumns.append((region, .float(TypedColumn<Double>(optionals: names.map { values[$0] }))))
        }
        parts = [("transfer", try Table(transferColumns)), ("pooled", pooledTable), ("drivers", try Table(driverColumns))]
    }

    /// The plain-language paragraph.
    func paragraph(model m: any PredictiveModel, by: String, folds k: Int) -> String {
        let metric = refitter.metricName == "auc" ? "AUC" : (refitter.metricName == "rmse" ? "RMSE" : "accuracy")
        // AUC and accuracy lie in [0, 1] and are written without the leading zero (APA); RMSE is not bounded.
        let format: (Double) -> String = metric == "RMSE" ? { ReportFormat.metric($0) } : { ReportFormat.boundedMetric($0) }
        func each(_ values: [Double]) -> String { zip(regions, values).map { "\($0) \(format($1))" }.joined(separator: ", ") }
        var text = "Refitted the \(m.kind) model of \(m.target) in \(regions.count) regions by \(by) (rows: "
            + zip(regions, sizes).map { "\($0) \($1)" }.joined(separator: ", ")
            + "), scored by \(metric) (\(refitter.higherIsBetter ? "higher" : "lower") is better)."
        text += " Within each region (\(k)-fold cross-validation): \(each(regions.indices.map { transfer[$0][$0] }))."
        text += " The pooled model in each region: \(each(pooled))."
        var own = 0.0, elsewhere = 0.0, count = 0.0
        for b in regions.indices {
            for a in regions.indices where a != b && transfer[a][b].isFinite && transfer[b][b].isFinite {
                own += transfer[b][b]; elsewhere += transfer[a][b]; count += 1
            }
        }
        if count > 0 {
            text += " Scored by a model trained in another region, \(metric) averages \(format(elsewhere / count))"
                + " against \(format(own / count)) from the region's own model."
        }
        let boost = refitter.driverName == "feature"
        let tops: [String] = regions.indices.compactMap { a in
            guard let top = fits[a].drivers.filter({ $0.strength >= 0 }).max(by: { $0.strength < $1.strength }) else { return nil }
            return boost ? "\(regions[a]) \(top.name) (\(String(format: "%.0f%%", 100 * top.value)))"
                : "\(regions[a]) \(top.name) (coefficient \(ReportFormat.stat(top.value)))"
        }
        if !tops.isEmpty {
            let statistic = m.kind == "logistic" ? "|z|" : "|t|"
            text += " Strongest driver " + (boost ? "by gain share" : "by \(statistic)") + ": " + tops.joined(separator: "; ") + "."
        }
        return text
    }
}
