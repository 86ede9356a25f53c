import MSNBoost
import MSNLanguage
import MSNStats
import MSNTable

/// The TRIPOD items of `evaluate` for a binary outcome: metrics at a chosen threshold (`threshold = 0.3`),
/// a threshold table (`thresholds = [0.1, 0.2, 0.3]`), a binned calibration table (`calibration = 10`),
/// and with the default table the Brier score, PR-AUC, calibration intercept and slope, and a
/// DeLong interval beside the AUC.
enum EvaluateBinary {
    /// Options of `evaluate`.
    static let options = ["threshold", "thresholds", "calibration", "level", "optimism", "folds", "repeats"]

    /// The requested table for labels `y` (0/1) and probabilities `p`.
    static func table(_ ev: inout Evaluator, _ call: VerbCall, labels y: [Double], probabilities p: [Double]) throws -> Table {
        let threshold = try probability(&ev, call, "threshold") ?? 0.5
        let level = try probability(&ev, call, "level") ?? 0.95
        if let (value, span) = try ev.option(call, "calibration") {
            let bins: Int
            switch value {
            case .scalar(.bool(true)): bins = 10
            case .scalar(let c) where c.doubleValue.map { $0 >= 2 && $0 <= 100 && $0 == $0.rounded() } == true: bins = Int(c.doubleValue ?? 10)
            default: throw Diagnostic(.value, "calibration must be true or a number of bins from 2 to 100", at: span, hint: "evaluate m on test with calibration = 10")
            }
            return try calibrationTable(y, p, bins: bins)
        }
        if let (value, span) = try ev.option(call, "thresholds") {
            var cuts: [Double] = []
            switch value {
            case .list(let items):
                for v in items {
                    guard case .scalar(let c) = v, let d = c.doubleValue, d > 0, d < 1 else {
                        throw Diagnostic(.value, "thresholds must be probabilities between 0 and 1", at: span, hint: "thresholds = [0.1, 0.2, 0.3]")
                    }
                    cuts.append(d)
                }
            case .scalar(.bool(true)): cuts = (1...19).map { Double($0) / 20 }
            default: throw Diagnostic(.value, "thresholds must be a list of probabilities or true (0.05 to 0.95)", at: span, hint: "thresholds = [0.1, 0.2, 0.3]")
            }
            return try thresholdTable(y, p, cuts: cuts)
        }
        return try metricTable(y, p, threshold: threshold, level: level)
    }

    /// A probability option strictly between 0 and 1, if given.
    static func probability(_ ev: inout Evaluator, _ call: VerbCall, _ name: String) throws -> Double? {
        guard let (value, span) = try ev.option(call, name) else { return nil }
        guard case .scalar(let c) = value, let d = c.doubleValue, d > 0, d < 1 else {
            throw Diagnostic(.value, "\(name) must be a number between 0 and 1", at: span, hint: "evaluate m on test with \(name) = \(name == "level" ? "0.95" : "0.3")")
        }
        return d
    }

    /// One row per metric with an interval where one exists (the AUC's, by DeLong's method).
    static func metricTable(_ y: [Double], _ p: [Double], threshold: Double, level: Double) throws -> Table {
        let c = ConfusionCounts(labels: y, probabilities: p, threshold: threshold)
        let base = Dictionary(uniqueKeysWithValues: Metrics.binary(labels: y, probabilities: p))
        let delong = DeLongAUC(labels: y, scores: p, level: level)
        let cal = CalibrationFit(labels: y, probabilities: p)
        let rows: [(String, Double, Double?, Double?)] = [
            ("threshold", threshold, nil, nil),
            ("accuracy", c.accuracy, nil, nil), ("balanced_accuracy", (c.sensitivity + c.specificity) / 2, nil, nil),
            ("precision", c.ppv, nil, nil), ("recall", c.sensitivity, nil, nil), ("f1", c.f1, nil, nil),
            ("auc", base["auc"] ?? .nan, delong?.lower, delong?.upper), ("logloss", base["logloss"] ?? .nan, nil, nil),
            ("true_positive", Double(c.tp), nil, nil), ("false_positive", Double(c.fp), nil, nil),
            ("true_negative", Double(c.tn), nil, nil), ("false_negative", Double(c.fn), nil, nil),
            ("sensitivity", c.sensitivity, nil, nil), ("specificity", c.specificity, nil, nil),
            ("ppv", c.ppv, nil, nil), ("npv", c.npv, nil, nil),
            ("pr_auc", ProbabilityScores.averagePrecision(labels: y, scores: p), nil, nil),
            ("brier", ProbabilityScores.brier(labels: y, probabilities: p), nil, nil),
            ("calibration_intercept", cal?.intercept ?? .nan, nil, nil), ("calibration_slope", cal?.slope ?? .nan, nil, nil),
            ("n", Double(y.count), nil, nil), ("events", Double(y.filter { $0 == 1 }.count), nil, nil),
        ]
        return try Table([
            ("metric", .string(StringColumn(rows.map(\.0)))), ("value", Column.float(rows.map(\.1), nanIsNull: true)),
            ("ci_lower", .float(TypedColumn(optionals: rows.map(\.2)))), ("ci_upper", .float(TypedColumn(optionals: rows.map(\.3)))),
        ])
    }

    /// One row per threshold: counts, sensitivity, specificity, PPV, NPV and net benefit.
    static func thresholdTable(_ y: [Double], _ p: [Double], cuts: [Double]) throws -> Table {
        let c = cuts.map { ConfusionCounts(labels: y, probabilities: p, threshold: $0) }
        func f(_ g: (ConfusionCounts) -> Double) -> Column { Column.float(c.map(g), nanIsNull: true) }
        func i(_ g: (ConfusionCounts) -> Int) -> Column { .int(TypedColumn(c.map { Int64(g($0)) })) }
        return try Table([
            ("threshold", f(\.threshold)), ("true_positive", i(\.tp)), ("false_positive", i(\.fp)), ("true_negative", i(\.tn)),
            ("false_negative", i(\.fn)), ("sensitivity", f(\.sensitivity)), ("specificity", f(\.specificity)), ("ppv", f(\.ppv)),
            ("npv", f(\.npv)), ("accuracy", f(\.accuracy)), ("net_benefit", f(\.netBenefit)),
        ]).formatting(["sensitivity": .bounded(decimals: 3), "specificity": .bounded(decimals: 3), "ppv": .bounded(decimals: 3),
                       "npv": .bounded(decimals: 3), "accuracy": .bounded(decimals: 3)])
    }

    /// Equal-width bins of the predicted probability: rows, events, mean predicted, observed rate.
    static func calibrationTable(_ y: [Double], _ p: [Double], bins: Int) throws -> Table {
        let b = CalibrationFit.bins(labels: y, probabilities: p, count: bins)
        return try Table([
            ("lower", .float(TypedColumn(b.map(\.lower)))), ("upper", .float(TypedColumn(b.map(\.upper)))),
            ("n", .int(TypedColumn(b.map { Int64($0.n) }))), ("events", .int(TypedColumn(b.map { Int64($0.events) }))),
            ("mean_predicted", .float(TypedColumn(b.map(\.meanPredicted)))), ("observed_rate", .float(TypedColumn(b.map(\.observedRate)))),
        ])
    }
}
