import Foundation

/// How coefficient standard errors are computed.
public enum CovarianceKind: Sendable, Equatable {
    /// σ²(XᵀWX)⁻¹ (linear) or the inverse information (logistic).
    case classical
    /// White's heteroskedasticity-consistent sandwich: HC0 (none), HC1 (n/(n−k)), HC2 (eᵢ²/(1−hᵢ)),
    /// HC3 (eᵢ²/(1−hᵢ)²) — MacKinnon and White (1985), as statsmodels' `cov_type="HC0".."HC3"`.
    case hc0, hc1, hc2, hc3
    /// Cluster-robust CR1 with Stata's small-sample factor G/(G−1)·(n−1)/(n−k); one grouping, or two
    /// (Cameron, Gelbach and Miller 2011: V_a + V_b − V_ab, each with its own factor). Each inner array
    /// holds one group code per row.
    case cluster([[Int]])

    /// A short label for summaries.
    public var label: String {
        switch self {
        case .classical: return "classical"
        case .hc0: return "robust (HC0)"
        case .hc1: return "robust (HC1)"
        case .hc2: return "robust (HC2)"
        case .hc3: return "robust (HC3)"
        case .cluster(let g): return g.count == 1 ? "clustered (CR1, \(Set(g[0]).count) clusters)" : "two-way clustered (CR1, \(g.map { String(Set($0).count) }.joined(separator: " × ")) clusters)"
        }
    }

    /// Degrees of freedom for t tests under this covariance: n − k, or G − 1 (smallest G) for clusters.
    func inferenceDF(residualDF: Int) -> Int {
        if case .cluster(let g) = self { return max(1, (g.map { Set($0).count }.min() ?? 2) - 1) }
        return residualDF
    }
}

/// Sandwich covariances (bread · meat · bread) from per-row score pieces: for row i, the whitened
/// regressors x̃ᵢ (√wᵢ xᵢ) and the whitened residual ẽᵢ, so the score is x̃ᵢ ẽᵢ.
enum Sandwich {
    /// The covariance of the estimates; `bread` is (X̃ᵀX̃)⁻¹ over the given columns.
    static func covariance(_ kind: CovarianceKind, bread: Matrix, columns x: [[Double]], residuals e: [Double]) -> Matrix {
        let n = e.count, k = x.count
        let rows = (0..<n).map { i in x.map { $0[i] } }
        func row(_ i: Int) -> [Double] { rows[i] }
        switch kind {
        case .classical: return bread
        case .hc0, .hc1, .hc2, .hc3:
            var meat = Matrix(rows: k, cols: k)
            for i in 0..<n {
                let xi = row(i)
                var w = e[i] * e[i]
                if kind == .hc2 || kind == .hc3 {
                    let h = leverage(xi, bread)
                    w /= kind == .hc2 ? (1 - h) : (1 - h) * (1 - h)
                }
                addOuter(&meat, xi, w)
            }
            let factor = kind == .hc1 ? Double(n) / Double(n - k) : 1
            return factor * (bread * meat * bread)
        case .cluster(let groupings):
            func one(_ codes: [Int]) -> Matrix {
                var sums: [Int: [Double]] = [:]
                for i in 0..<n {
                    var s = sums[codes[i]] ?? [Double](repeating: 0, count: k)
                    for j in 0..<k { s[j] += x[j][i] * e[i] }
                    sums[codes[i]] = s
                }
                var meat = Matrix(rows: k, cols: k)
                for key in sums.keys.sorted() { addOuter(&meat, sums[key] ?? [], 1) }
                let g = Double(sums.count)
                let factor = g / (g - 1) * Double(n - 1) / Double(n - k)
                return factor * (bread * meat * bread)
            }
            guard groupings.count == 2 else { return one(groupings[0]) }
            // Intersection groups: a pair of codes → one code.
            var pairCodes: [[Int]: Int] = [:]
            let both = (0..<n).map { i -> Int in
                let key = [groupings[0][i], groupings[1][i]]
                if let c = pairCodes[key] { return c }
                pairCodes[key] = pairCodes.count
                return pairCodes.count - 1
            }
            return one(groupings[0]) + one(groupings[1]) - one(both)
        }
    }

    /// hᵢ = x̃ᵢᵀ (X̃ᵀX̃)⁻¹ x̃ᵢ.
    static func leverage(_ xi: [Double], _ bread: Matrix) -> Double {
        var h = 0.0
        let k = xi.count
        bread.values.withUnsafeBufferPointer { m in
            for a in 0..<k { var s = 0.0; for b in 0..<k { s += m[a * k + b] * xi[b] }; h += xi[a] * s }
        }
        return h
    }

    private static func addOuter(_ m: inout Matrix, _ v: [Double], _ w: Double) {
        for a in 0..<v.count where v[a] != 0 { for b in 0..<v.count { m[a, b] += w * v[a] * v[b] } }
    }
}
