import Foundation

/// The counts of a binary classifier at one threshold (a row scores positive when p ≥ threshold)
/// and the rates TRIPOD asks for. Undefined rates (no positives, nothing predicted positive) are NaN.
public struct ConfusionCounts: Sendable, Equatable {
    /// The threshold.
    public let threshold: Double
    /// True positives, false positives, true negatives, false negatives.
    public let tp: Int, fp: Int, tn: Int, fn: Int

    /// The counts of `labels` (0/1) against `probabilities` at `threshold`.
    public init(labels: [Double], probabilities: [Double], threshold: Double) {
        var tp = 0, fp = 0, tn = 0, fn = 0
        for (y, q) in zip(labels, probabilities) {
            let positive = q >= threshold
            if y == 1 { if positive { tp += 1 } else { fn += 1 } } else { if positive { fp += 1 } else { tn += 1 } }
        }
        self.threshold = threshold
        (self.tp, self.fp, self.tn, self.fn) = (tp, fp, tn, fn)
    }

    /// The number of rows.
    public var n: Int { tp + fp + tn + fn }
    static func ratio(_ a: Int, _ b: Int) -> Double { b > 0 ? Double(a) / Double(b) : .nan }
    /// Sensitivity (recall, true-positive rate).
    public var sensitivity: Double { Self.ratio(tp, tp + fn) }
    /// Specificity (true-negative rate).
    public var specificity: Double { Self.ratio(tn, tn + fp) }
    /// Positive predictive value (precision).
    public var ppv: Double { Self.ratio(tp, tp + fp) }
    /// Negative predictive value.
    public var npv: Double { Self.ratio(tn, tn + fn) }
    /// Share classified correctly.
    public var accuracy: Double { Self.ratio(tp + tn, n) }
    /// Harmonic mean of PPV and sensitivity.
    public var f1: Double { Self.ratio(2 * tp, 2 * tp + fp + fn) }
    /// Net benefit of acting on the rule (Vickers & Elkin 2006): TP/n − FP/n · t/(1 − t).
    public var netBenefit: Double {
        guard n > 0, threshold < 1 else { return .nan }
        return Double(tp) / Double(n) - Double(fp) / Double(n) * threshold / (1 - threshold)
    }
}

/// Scores of probabilistic predictions for a binary outcome.
public enum ProbabilityScores {
    /// The Brier score: mean squared difference between the probability and the 0/1 outcome.
    public static func brier(labels: [Double], probabilities: [Double]) -> Double {
        guard !labels.isEmpty else { return .nan }
        return zip(labels, probabilities).reduce(0) { $0 + ($1.1 - $1.0) * ($1.1 - $1.0) } / Double(labels.count)
    }

    /// Average precision (the area under the precision–recall curve as a step function, as
    /// scikit-learn's `average_precision_score`): Σ (Rₖ − Rₖ₋₁) Pₖ over the distinct thresholds,
    /// highest first. NaN without positives.
    public static func averagePrecision(labels: [Double], scores: [Double]) -> Double {
        let positives = labels.filter { $0 == 1 }.count
        guard positives > 0 else { return .nan }
        let order = scores.indices.sorted { scores[$0] > scores[$1] || (scores[$0] == scores[$1] && $0 < $1) }
        var tp = 0, fp = 0, previousRecall = 0.0, ap = 0.0
        var k = 0
        while k < order.count {
            let s = scores[order[k]]
            while k < order.count && scores[order[k]] == s {
                if labels[order[k]] == 1 { tp += 1 } else { fp += 1 }
                k += 1
            }
            let recall = Double(tp) / Double(positives), precision = Double(tp) / Double(tp + fp)
            ap += (recall - previousRecall) * precision
            previousRecall = recall
        }
        return ap
    }
}
