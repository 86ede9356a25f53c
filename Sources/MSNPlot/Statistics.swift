import Foundation

/// The small statistics charts need: quantiles, bin rules, kernel density, least squares.
public enum PlotStats {
    /// The `p` quantile of sorted values (linear interpolation, R type 7).
    public static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let h = Double(sorted.count - 1) * p
        let i = Int(h.rounded(.down))
        return i + 1 < sorted.count ? sorted[i] + (h - Double(i)) * (sorted[i + 1] - sorted[i]) : sorted[i]
    }

    /// Freedman–Diaconis bin count: width 2·IQR·n^(−1/3); Sturges when the IQR is zero; 1…100.
    public static func freedmanDiaconisBins(_ sorted: [Double]) -> Int {
        guard let lo = sorted.first, let hi = sorted.last, hi > lo else { return 1 }
        let iqr = quantile(sorted, 0.75) - quantile(sorted, 0.25)
        let n = Double(sorted.count)
        guard iqr > 0 else { return max(1, min(100, Int(ceil(log2(n))) + 1)) }
        let width = 2 * iqr / pow(n, 1.0 / 3.0)
        return max(1, min(100, Int(ceil((hi - lo) / width))))
    }

    /// Counts in `bins` equal-width bins over [lo, hi] (the last bin closed).
    public static func histogram(_ values: [Double], lo: Double, hi: Double, bins: Int) -> [Int] {
        var counts = [Int](repeating: 0, count: max(1, bins))
        let w = (hi - lo) / Double(max(1, bins))
        for v in values where v.isFinite {
            let k = w > 0 ? min(bins - 1, max(0, Int((v - lo) / w))) : 0
            counts[k] += 1
        }
        return counts
    }

    /// Silverman's rule-of-thumb bandwidth: 0.9 · min(sd, IQR/1.34) · n^(−1/5).
    public static func silverman(_ sorted: [Double]) -> Double {
        let n = Double(sorted.count)
        guard n > 1 else { return 1 }
        let mean = sorted.reduce(0, +) / n
        let sd = (sorted.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / (n - 1)).squareRoot()
        let iqr = (quantile(sorted, 0.75) - quantile(sorted, 0.25)) / 1.34
        let s = iqr > 0 ? min(sd, iqr) : sd
        return s > 0 ? 0.9 * s * pow(n, -0.2) : 1
    }

    /// Gaussian kernel density of `values` at each point of `grid` with bandwidth `h`.
    public static func kde(_ values: [Double], grid: [Double], bandwidth h: Double) -> [Double] {
        let n = Double(values.count), c = 1 / (n * h * (2 * Double.pi).squareRoot())
        return grid.map { g in
            var s = 0.0
            for v in values { let z = (g - v) / h; if abs(z) < 8 { s += exp(-0.5 * z * z) } }
            return s * c
        }
    }

    /// Least-squares line y = a + b·x (centred, so stable); nil with fewer than two distinct x.
    public static func linearFit(_ x: [Double], _ y: [Double]) -> (intercept: Double, slope: Double)? {
        let n = Double(x.count)
        guard n >= 2 else { return nil }
        let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
        var sxx = 0.0, sxy = 0.0
        for i in x.indices { sxx += (x[i] - mx) * (x[i] - mx); sxy += (x[i] - mx) * (y[i] - my) }
        guard sxx > 0 else { return nil }
        let b = sxy / sxx
        return (my - b * mx, b)
    }

    /// Pearson correlation of two equally long arrays over rows where both are finite.
    public static func correlation(_ x: [Double], _ y: [Double]) -> Double {
        var a: [Double] = [], b: [Double] = []
        for i in x.indices where x[i].isFinite && y[i].isFinite { a.append(x[i]); b.append(y[i]) }
        let n = Double(a.count)
        guard n > 1 else { return .nan }
        let ma = a.reduce(0, +) / n, mb = b.reduce(0, +) / n
        var saa = 0.0, sbb = 0.0, sab = 0.0
        for i in a.indices { saa += (a[i] - ma) * (a[i] - ma); sbb += (b[i] - mb) * (b[i] - mb); sab += (a[i] - ma) * (b[i] - mb) }
        return saa > 0 && sbb > 0 ? sab / (saa * sbb).squareRoot() : .nan
    }

    /// ROC curve points (false-positive rate, true-positive rate) and the AUC (trapezoids; ties
    /// stepped together), for labels 0/1 and scores.
    public static func roc(labels: [Double], scores: [Double]) -> (points: [(Double, Double)], auc: Double) {
        let idx = labels.indices.filter { labels[$0].isFinite && scores[$0].isFinite }.sorted { scores[$0] > scores[$1] }
        let pos = Double(idx.filter { labels[$0] == 1 }.count), neg = Double(idx.count) - pos
        guard pos > 0, neg > 0 else { return ([(0, 0), (1, 1)], .nan) }
        var tp = 0.0, fp = 0.0, auc = 0.0
        var points: [(Double, Double)] = [(0, 0)]
        var k = 0
        while k < idx.count {
            let s = scores[idx[k]]
            while k < idx.count && scores[idx[k]] == s { if labels[idx[k]] == 1 { tp += 1 } else { fp += 1 }; k += 1 }
            let p = (fp / neg, tp / pos)
            if let last = points.last { auc += (p.0 - last.0) * (p.1 + last.1) / 2 }
            points.append(p)
        }
        return (points, auc)
    }
}
