import Foundation

/// Evaluation metrics for binary, multiclass and regression predictions.
public enum Metrics {
    /// Binary metrics from labels (0/1) and probabilities of class 1, thresholded at 0.5.
    public static func binary(labels: [Double], probabilities p: [Double]) -> [(String, Double)] {
        var tp = 0.0, tn = 0.0, fp = 0.0, fn = 0.0, loss = 0.0
        for (y, q) in zip(labels, p) {
            let yhat = q >= 0.5 ? 1.0 : 0.0
            if y == 1 { if yhat == 1 { tp += 1 } else { fn += 1 } } else { if yhat == 1 { fp += 1 } else { tn += 1 } }
            let c = min(max(q, 1e-15), 1 - 1e-15)
            loss -= y == 1 ? Foundation.log(c) : Foundation.log(1 - c)
        }
        let n = Double(labels.count)
        // Undefined ratios (no positives, no negatives, nothing predicted positive) are NaN; callers
        // show them as null with a note rather than as a misleading 0.
        let precision = tp + fp > 0 ? tp / (tp + fp) : .nan
        let recall = tp + fn > 0 ? tp / (tp + fn) : .nan
        let specificity = tn + fp > 0 ? tn / (tn + fp) : .nan
        let f1 = precision.isNaN || recall.isNaN ? .nan : (precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0)
        return [
            ("accuracy", (tp + tn) / n), ("balanced_accuracy", (recall + specificity) / 2), ("precision", precision),
            ("recall", recall), ("f1", f1), ("auc", auc(labels: labels, scores: p)), ("logloss", loss / n),
            ("true_positive", tp), ("false_positive", fp), ("true_negative", tn), ("false_negative", fn),
        ]
    }

    /// Area under the ROC curve (Mann–Whitney, ties counted half).
    public static func auc(labels: [Double], scores: [Double]) -> Double {
        let order = scores.indices.sorted { scores[$0] < scores[$1] }
        var ranks = [Double](repeating: 0, count: scores.count)
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count && scores[order[j + 1]] == scores[order[i]] { j += 1 }
            for k in i...j { ranks[order[k]] = Double(i + j + 2) / 2 }
            i = j + 1
        }
        let pos = labels.filter { $0 == 1 }.count, neg = labels.count - pos
        guard pos > 0, neg > 0 else { return .nan }
        let rankSum = zip(labels, ranks).filter { $0.0 == 1 }.reduce(0) { $0 + $1.1 }
        return (rankSum - Double(pos * (pos + 1)) / 2) / Double(pos * neg)
    }

    /// Multiclass metrics from class labels and per-class probabilities (`probabilities[c][i]`).
    public static func multiclass(labels: [Double], probabilities: [[Double]]) -> [(String, Double)] {
        let k = probabilities.count, n = labels.count
        var correct = 0.0, loss = 0.0
        var tp = [Double](repeating: 0, count: k), fp = tp, fn = tp
        for i in 0..<n {
            var best = 0
            for c in 1..<k where probabilities[c][i] > probabilities[best][i] { best = c }
            let y = Int(labels[i])
            if best == y { correct += 1; tp[y] += 1 } else { fp[best] += 1; fn[y] += 1 }
            loss -= Foundation.log(max(probabilities[y][i], 1e-15))
        }
        var f1 = 0.0
        for c in 0..<k {
            let p = tp[c] + fp[c] > 0 ? tp[c] / (tp[c] + fp[c]) : 0, r = tp[c] + fn[c] > 0 ? tp[c] / (tp[c] + fn[c]) : 0
            f1 += p + r > 0 ? 2 * p * r / (p + r) : 0
        }
        return [("accuracy", correct / Double(n)), ("macro_f1", f1 / Double(k)), ("logloss", loss / Double(n))]
    }

    /// Regression metrics.
    public static func regression(labels: [Double], predictions: [Double]) -> [(String, Double)] {
        let n = Double(labels.count)
        let mean = labels.reduce(0, +) / n
        var sse = 0.0, sae = 0.0, sst = 0.0
        for (y, p) in zip(labels, predictions) { sse += (y - p) * (y - p); sae += abs(y - p); sst += (y - mean) * (y - mean) }
        return [("rmse", (sse / n).squareRoot()), ("mae", sae / n), ("r2", 1 - sse / sst)]
    }
}
