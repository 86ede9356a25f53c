import MSNLanguage
import MSNStats
import MSNTable

/// `evaluate m on train with optimism = 200 [seed S]`: Harrell's bootstrap optimism correction
/// (Harrell, Lee & Mark 1996; Steyerberg 2019 ch. 17). The model's formula and settings are refitted
/// on B resamples of the training rows; each refit's performance on its own resample minus its
/// performance on the original rows estimates the optimism, and the apparent performance minus the
/// mean optimism is the corrected estimate. One seeded stream, so the same table for a seed.
enum EvaluateOptimism {
    /// The table: metric, apparent, optimism, corrected, for AUC, Brier, calibration intercept and slope.
    static func table(_ ev: inout Evaluator, _ call: VerbCall, model m: any PredictiveModel, training t: Table, draws: Int) throws -> Table {
        let refitter = try RegionRefitter(m)
        let usable = try refitter.usableRows(t)
        let rows = t.take(usable.indices.filter { usable[$0] })
        let y = refitter.labels(rows)
        func scores(_ model: any PredictiveModel, _ table: Table, _ labels: [Double]) throws -> [Double] {
            let p = try model.score(table)[0]
            let a = DeLongAUC(labels: labels, scores: p)?.auc ?? .nan
            let c = CalibrationFit(labels: labels, probabilities: p)
            return [a, ProbabilityScores.brier(labels: labels, probabilities: p), c?.intercept ?? .nan, c?.slope ?? .nan]
        }
        let apparent = try scores(m, rows, y)
        var rng = SeededGenerator(seed: try ev.seed(call))
        var sums = [Double](repeating: 0, count: 4)
        var used = 0, failed = 0
        for _ in 0..<draws {
            try ev.checkCancelled(call.span)
            let idx = (0..<rows.rowCount).map { _ in rng.nextInt(below: rows.rowCount) }
            let sample = rows.take(idx)
            let ys = idx.map { y[$0] }
            guard ys.contains(1), ys.contains(0), let fitted = try? refitter.fit(sample) else { failed += 1; continue }
            guard let own = try? scores(fitted.model, sample, ys), let orig = try? scores(fitted.model, rows, y),
                  (own + orig).allSatisfy(\.isFinite) else { failed += 1; continue }
            for k in 0..<4 { sums[k] += own[k] - orig[k] }
            used += 1
        }
        if failed > 0 {
            ev.sideOutputs.append(.warning(Diagnostic(.model, "\(failed) of \(draws) bootstrap refits failed (one class only, or no fit) and were left out", at: call.nameSpan, severity: .warning), source: nil))
        }
        let optimism = sums.map { used > 0 ? $0 / Double(used) : .nan }
        let names = ["auc", "brier", "calibration_intercept", "calibration_slope"]
        return try Table([
            ("metric", .string(StringColumn(names))), ("apparent", Column.float(apparent, nanIsNull: true)),
            ("optimism", Column.float(optimism, nanIsNull: true)),
            ("corrected", Column.float(zip(apparent, optimism).map { $0 - $1 }, nanIsNull: true)),
            ("draws", .int(TypedColumn([Int64](repeating: Int64(used), count: 4)))),
        ])
    }
}
