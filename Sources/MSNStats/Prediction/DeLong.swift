import Foundation

/// The area under the ROC curve with DeLong, DeLong & Clarke-Pearson's (1988) variance from the
/// placement values (structural components), and a Wald interval on the AUC scale clipped to [0, 1]
/// (as pROC's `ci.auc(method = "delong")`).
public struct DeLongAUC: Sendable {
    /// The AUC (Mann–Whitney, ties counted half).
    public let auc: Double
    /// Its standard error.
    public let standardError: Double
    /// The interval's bounds.
    public let lower: Double, upper: Double

    /// The AUC of `scores` for 0/1 `labels` with a `level` interval; nil without both classes.
    public init?(labels: [Double], scores: [Double], level: Double = 0.95) {
        let pos = zip(labels, scores).filter { $0.0 == 1 }.map(\.1).sorted()
        let neg = zip(labels, scores).filter { $0.0 != 1 }.map(\.1).sorted()
        let m = pos.count, n = neg.count
        guard m > 0, n > 0 else { return nil }
        // Placement of each positive among the negatives (and vice versa), ties half: counted by
        // binary search in the sorted other class, O((m + n) log(m + n)).
        func below(_ x: Double, in s: [Double]) -> (less: Int, equal: Int) {
            var lo = 0, hi = s.count
            while lo < hi { let mid = (lo + hi) / 2; if s[mid] < x { lo = mid + 1 } else { hi = mid } }
            var e = lo
            while e < s.count && s[e] == x { e += 1 }
            return (lo, e - lo)
        }
        let v10 = pos.map { x -> Double in let b = below(x, in: neg); return (Double(b.less) + 0.5 * Double(b.equal)) / Double(n) }
        let v01 = neg.map { y -> Double in let b = below(y, in: pos); return 1 - (Double(b.less) + 0.5 * Double(b.equal)) / Double(m) }
        let a = v10.reduce(0, +) / Double(m)
        func variance(_ v: [Double]) -> Double {
            guard v.count > 1 else { return 0 }
            let mean = v.reduce(0, +) / Double(v.count)
            return v.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(v.count - 1)
        }
        let se = (variance(v10) / Double(m) + variance(v01) / Double(n)).squareRoot()
        let z = Distributions.normalQuantile(0.5 + level / 2)
        auc = a
        standardError = se
        lower = max(0, a - z * se)
        upper = min(1, a + z * se)
    }
}
