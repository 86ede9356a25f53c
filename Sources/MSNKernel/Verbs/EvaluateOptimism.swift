import MSNLanguage
import MSNStats
import MSNTable

/// `evaluate m on train with optimism = 200 [seed S]` and `with optimism = "cv" [, folds = 10, repeats = 1]`:
/// the optimism correction of Harrell, Lee & Mark (1996) as R's `rms::validate` computes it. The model's
/// formula and settings are refitted on resamples of the training rows — B bootstrap samples, or the
/// training part of each of k random folds (repeated `repeats` times) — and each refit's performance on the
/// rows it was fitted to minus its performance on the rows it is tested on (the original rows for the
/// bootstrap, the held-out fold for cross-validation) estimates the optimism. The apparent performance minus
/// the mean optimism is the corrected estimate. One seeded stream, so the same table for a seed.
enum EvaluateOptimism {
    /// How the refits are drawn.
    enum Method: Equatable {
        /// `draws` bootstrap samples of the rows.
        case bootstrap(draws: Int)
        /// `folds`-fold cross-validation, `repeats` times with fresh random folds.
        case crossValidation(folds: Int, repeats: Int)
    }

    /// The metrics, in table order.
    static let metrics = ["auc", "brier", "calibration_intercept", "calibration_slope"]

    /// The method an `evaluate` call asks for (`optimism = B` or `optimism = "cv"` with `folds`, `repeats`).
    static func method(_ ev: inout Evaluator, _ call: VerbCall, _ value: Value, at span: SourceSpan) throws -> Method {
        if case .scalar(.string(let s)) = value {
            guard s == "cv" else {
                throw Diagnostic(.value, "optimism is a number of bootstrap refits or \"cv\"", at: span, hint: "evaluate m on train with optimism = \"cv\", folds = 10")
            }
            let folds = try wholeOption(&ev, call, "folds", default: 10, range: 2...100)
            let repeats = try wholeOption(&ev, call, "repeats", default: 1, range: 1...1000)
            return .crossValidation(folds: folds, repeats: repeats)
        }
        guard case .scalar(let c) = value, let d = c.doubleValue, d >= 10, d <= 10_000, d == d.rounded() else {
            throw Diagnostic(.value, "optimism is the number of bootstrap refits, a whole number from 10 to 10000, or \"cv\"", at: span, hint: "evaluate m on train with optimism = 200")
        }
        for name in ["folds", "repeats"] {
            if let (_, s) = try ev.option(call, name) {
                throw Diagnostic(.value, "\(name) applies to optimism = \"cv\"", at: s, hint: "evaluate m on train with optimism = \"cv\", \(name) = 10")
            }
        }
        return .bootstrap(draws: Int(d))
    }

    private static func wholeOption(_ ev: inout Evaluator, _ call: VerbCall, _ name: String, default d: Int, range: ClosedRange<Int>) throws -> Int {
        guard let (value, span) = try ev.option(call, name) else { return d }
        guard case .scalar(let c) = value, let x = c.doubleValue, x == x.rounded(), x >= Double(range.lowerBound), x <= Double(range.upperBound) else {
            throw Diagnostic(.value, "\(name) is a whole number from \(range.lowerBound) to \(range.upperBound)", at: span)
        }
        return Int(x)
    }

    /// The table: metric, apparent, optimism, its Monte-Carlo standard error (mc_se; null for a single
    /// cross-validation split), corrected and the number of refits used, for AUC, Brier score, calibration
    /// intercept and slope.
    static func table(_ ev: inout Evaluator, _ call: VerbCall, model m: any PredictiveModel, training t: Table, method: Method) throws -> Table {
        let refitter = try RegionRefitter(m)
        let usable = try refitter.usableRows(t)
        let rows = t.take(usable.indices.filter { usable[$0] })
        let y = refitter.labels(rows)
        let apparent = try scores(m, rows, y)
        var rng = SeededGenerator(seed: try ev.seed(call))
        var sums = [Double](repeating: 0, count: metrics.count)
        var used = 0, failed = 0, planned = 0
        // The Monte-Carlo standard error of the optimism: from the spread of the bootstrap refits, or of the
        // repetitions' means for repeated cross-validation (the folds of one split are not independent).
        var units: [[Double]] = [], unit = [Double](repeating: 0, count: metrics.count), unitCount = 0
        /// One refit on `fitIdx`, tested on `testIdx` (nil: every row).
        func refit(_ fitIdx: [Int], testOn testIdx: [Int]?) {
            planned += 1
            let sample = rows.take(fitIdx), ys = fitIdx.map { y[$0] }
            let test = testIdx.map { rows.take($0) } ?? rows, yt = testIdx.map { $0.map { y[$0] } } ?? y
            guard ys.contains(1), ys.contains(0), yt.contains(1), yt.contains(0), let fitted = try? refitter.fit(sample),
                  let own = try? scores(fitted.model, sample, ys), let other = try? scores(fitted.model, test, yt),
                  (own + other).allSatisfy(\.isFinite) else { failed += 1; return }
            for k in sums.indices { sums[k] += own[k] - other[k]; unit[k] += own[k] - other[k] }
            used += 1; unitCount += 1
        }
        /// Closes one Monte-Carlo unit (a bootstrap refit, or one repetition of the folds).
        func closeUnit() {
            if unitCount > 0 { units.append(unit.map { $0 / Double(unitCount) }) }
            unit = [Double](repeating: 0, count: metrics.count); unitCount = 0
        }
        let n = rows.rowCount
        switch method {
        case .bootstrap(let draws):
            for _ in 0..<draws {
                try ev.checkCancelled(call.span)
                refit((0..<n).map { _ in rng.nextInt(below: n) }, testOn: nil)
                closeUnit()
            }
        case .crossValidation(let folds, let repeats):
            guard n >= folds else {
                throw Diagnostic(.value, "\(folds)-fold cross-validation needs at least \(folds) rows; there are \(n)", at: call.nameSpan)
            }
            for _ in 0..<repeats {
                try ev.checkCancelled(call.span)
                let fold = foldAssignment(rows: n, folds: folds, &rng)
                for k in 0..<folds {
                    let test = (0..<n).filter { fold[$0] == k }
                    refit((0..<n).filter { fold[$0] != k }, testOn: test)
                }
                closeUnit()
            }
        }
        if failed > 0 {
            var what = "cross-validation refits"
            if case .bootstrap = method { what = "bootstrap refits" }
            ev.sideOutputs.append(.warning(Diagnostic(.model, "\(failed) of \(planned) \(what) failed (one class only, or no fit) and were left out", at: call.nameSpan, severity: .warning), source: nil))
        }
        let optimism = sums.map { used > 0 ? $0 / Double(used) : .nan }
        let mcSE = metrics.indices.map { k -> Double in
            guard units.count > 1 else { return .nan }
            let values = units.map { $0[k] }, mean = values.reduce(0, +) / Double(values.count)
            let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)
            return (variance / Double(values.count)).squareRoot()
        }
        return try Table([
            ("metric", .string(StringColumn(metrics))), ("apparent", Column.float(apparent, nanIsNull: true)),
            ("optimism", Column.float(optimism, nanIsNull: true)), ("mc_se", Column.float(mcSE, nanIsNull: true)),
            ("corrected", Column.float(zip(apparent, optimism).map { $0 - $1 }, nanIsNull: true)),
            ("draws", .int(TypedColumn([Int64](repeating: Int64(used), count: metrics.count)))),
        ])
    }

    /// Random folds of sizes differing by at most one: a seeded shuffle of the rows dealt out in turn.
    static func foldAssignment(rows n: Int, folds: Int, _ rng: inout SeededGenerator) -> [Int] {
        var order = Array(0..<n)
        for i in stride(from: n - 1, to: 0, by: -1) { order.swapAt(i, rng.nextInt(below: i + 1)) }
        var fold = [Int](repeating: 0, count: n)
        for (position, row) in order.enumerated() { fold[row] = position % folds }
        return fold
    }

    /// AUC, Brier score, calibration intercept and slope of a model's probabilities on `table`.
    static func scores(_ model: any PredictiveModel, _ table: Table, _ labels: [Double]) throws -> [Double] {
        let p = try model.score(table)[0]
        let a = DeLongAUC(labels: labels, scores: p)?.auc ?? .nan
        let c = CalibrationFit(labels: labels, probabilities: p)
        return [a, ProbabilityScores.brier(labels: labels, probabilities: p), c?.intercept ?? .nan, c?.slope ?? .nan]
    }
}
