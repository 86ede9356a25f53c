import Foundation

/// How well predicted probabilities agree with outcomes (Van Calster et al. 2019): the calibration
/// intercept (calibration-in-the-large, a logistic model of the outcome with the prediction's logit
/// as offset; 0 is ideal) and the calibration slope (a logistic model of the outcome on the logit; 1 is
/// ideal, below 1 means predictions too extreme), and a binned table of predicted against observed.
public struct CalibrationFit: Sendable {
    /// Calibration intercept (with the slope fixed at 1) and calibration slope.
    public let intercept: Double, slope: Double
    /// Whether both Newton fits converged.
    public let converged: Bool

    /// Logits are taken of probabilities clipped to [1e-12, 1 − 1e-12].
    public static func logit(_ p: Double) -> Double {
        let c = min(max(p, 1e-12), 1 - 1e-12)
        return Foundation.log(c / (1 - c))
    }

    /// Both fits; nil without both classes.
    public init?(labels y: [Double], probabilities: [Double]) {
        guard y.contains(1), y.contains(where: { $0 != 1 }) else { return nil }
        let lp = probabilities.map(CalibrationFit.logit)
        func expit(_ x: Double) -> Double { 1 / (1 + Foundation.exp(-x)) }
        // Intercept with offset: one-parameter Newton.
        var a = 0.0, ok1 = false
        for _ in 0..<100 {
            var g = 0.0, h = 0.0
            for i in y.indices { let q = expit(a + lp[i]); g += y[i] - q; h += q * (1 - q) }
            guard h > 0 else { break }
            let step = g / h
            a += step
            if abs(step) < 1e-12 { ok1 = true; break }
        }
        // Intercept and slope: two-parameter Newton.
        var b0 = 0.0, b1 = 1.0, ok2 = false
        for _ in 0..<100 {
            var g0 = 0.0, g1 = 0.0, h00 = 0.0, h01 = 0.0, h11 = 0.0
            for i in y.indices {
                let q = expit(b0 + b1 * lp[i]), w = q * (1 - q), r = y[i] - q
                g0 += r; g1 += r * lp[i]; h00 += w; h01 += w * lp[i]; h11 += w * lp[i] * lp[i]
            }
            let det = h00 * h11 - h01 * h01
            guard det > 0, det.isFinite else { break }
            let s0 = (h11 * g0 - h01 * g1) / det, s1 = (h00 * g1 - h01 * g0) / det
            b0 += s0; b1 += s1
            if max(abs(s0), abs(s1)) < 1e-12 { ok2 = true; break }
        }
        intercept = a
        slope = b1
        converged = ok1 && ok2
    }

    /// One bin of the calibration table.
    public struct Bin: Sendable, Equatable {
        /// The bin's bounds: lower < p ≤ upper (the first bin includes 0).
        public let lower: Double, upper: Double
        /// Rows and events in the bin.
        public let n: Int, events: Int
        /// Mean predicted probability and observed event rate.
        public let meanPredicted: Double, observedRate: Double
    }

    /// `bins` equal-width bins of the predicted probability (as scikit-learn's `calibration_curve`
    /// with `strategy="uniform"`); empty bins are left out.
    public static func bins(labels: [Double], probabilities: [Double], count bins: Int) -> [Bin] {
        let k = max(1, bins)
        var n = [Int](repeating: 0, count: k), ev = n
        var sum = [Double](repeating: 0, count: k)
        for (y, p) in zip(labels, probabilities) {
            // Interior edges j·(1/k), as numpy's linspace; a probability on an edge falls in the lower bin.
            var b = 0
            while b < k - 1 && Double(b + 1) * (1 / Double(k)) < p { b += 1 }
            n[b] += 1; sum[b] += p
            if y == 1 { ev[b] += 1 }
        }
        return (0..<k).filter { n[$0] > 0 }.map { b in
            Bin(lower: Double(b) * (1 / Double(k)), upper: Double(b + 1) * (1 / Double(k)), n: n[b], events: ev[b],
                meanPredicted: sum[b] / Double(n[b]), observedRate: Double(ev[b]) / Double(n[b]))
        }
    }
}
