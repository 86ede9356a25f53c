import Foundation

/// How missing cells are treated before estimation.
public enum PLSMissing: String, Sendable, Equatable {
    /// Replace each missing cell by its column's mean over the non-missing cells (seminr's default).
    case mean
    /// Drop every row with a missing model item.
    case listwise
}

/// The model's items after the missing-data treatment: raw (for bootstrap resampling) and standardised.
public struct PLSData: Sendable {
    /// Item names, in construct order.
    public var items: [String]
    /// Raw values after missing-data treatment, one array per item.
    public var raw: [[Double]]
    /// Indices of the input rows kept (all rows under mean replacement).
    public var rows: [Int]
    /// Item means and n−1 standard deviations (for standardising new data).
    public var means: [Double]
    public var sds: [Double]
    /// Standardised items (mean 0, n−1 variance 1), one array per item.
    public var z: [[Double]]
    /// Rows.
    public var n: Int { rows.count }

    /// Selects `items` from `data`, marks `missingValue` cells missing, treats missing cells.
    public static func prepare(_ data: [String: [Double]], items: [String], missing: PLSMissing, missingValue: Double?) throws -> PLSData {
        let available = data.keys.sorted()
        var columns: [[Double]] = []
        for item in items {
            guard var c = data[item] else { throw PLSError.unknownVariable(item, available: available) }
            if let mv = missingValue { c = c.map { $0 == mv ? .nan : $0 } }
            columns.append(c)
        }
        let total = columns.first?.count ?? 0
        var rows = Array(0..<total)
        switch missing {
        case .mean:
            for j in columns.indices {
                let present = columns[j].filter { !$0.isNaN }
                guard !present.isEmpty else { throw PLSError.zeroVariance(items[j]) }
                let m = present.reduce(0, +) / Double(present.count)
                columns[j] = columns[j].map { $0.isNaN ? m : $0 }
            }
        case .listwise:
            rows = rows.filter { r in columns.allSatisfy { !$0[r].isNaN } }
            columns = columns.map { c in rows.map { c[$0] } }
        }
        return try PLSData(items: items, raw: columns, rows: rows)
    }

    /// Standardises `raw` (n−1 standard deviation, as R's `scale`).
    public init(items: [String], raw: [[Double]], rows: [Int]) throws {
        let n = rows.count
        guard n >= 3 else { throw PLSError.tooFewRows(n, needed: 3) }
        self.items = items; self.raw = raw; self.rows = rows
        means = []; sds = []; z = []
        for (j, c) in raw.enumerated() {
            let (m, s) = Self.meanSD(c)
            guard s > 0, s.isFinite else { throw PLSError.zeroVariance(items[j]) }
            means.append(m); sds.append(s)
            z.append(c.map { ($0 - m) / s })
        }
    }

    /// Mean and n−1 standard deviation.
    static func meanSD(_ c: [Double]) -> (Double, Double) {
        let m = c.reduce(0, +) / Double(c.count)
        var ss = 0.0
        for v in c { ss += (v - m) * (v - m) }
        return (m, (ss / Double(c.count - 1)).squareRoot())
    }
}

/// Small dense helpers on column arrays.
enum Columns {
    /// Standardises a column (n−1); nil when it has no variance.
    static func standardized(_ c: [Double]) -> [Double]? {
        let (m, s) = PLSData.meanSD(c)
        guard s > 0, s.isFinite else { return nil }
        return c.map { ($0 - m) / s }
    }

    /// Covariance with n−1 of two columns.
    static func cov(_ a: [Double], _ b: [Double]) -> Double {
        let n = a.count
        var ma = 0.0, mb = 0.0
        for i in 0..<n { ma += a[i]; mb += b[i] }
        ma /= Double(n); mb /= Double(n)
        var s = 0.0
        for i in 0..<n { s += (a[i] - ma) * (b[i] - mb) }
        return s / Double(n - 1)
    }

    /// Pearson correlation.
    static func cor(_ a: [Double], _ b: [Double]) -> Double {
        cov(a, b) / (cov(a, a) * cov(b, b)).squareRoot()
    }

    /// The correlation matrix of `cols`.
    static func corMatrix(_ cols: [[Double]]) -> [[Double]] {
        let k = cols.count
        var r = [[Double]](repeating: [Double](repeating: 1, count: k), count: k)
        let z = cols.map { standardized($0) ?? $0 }
        let n = Double((cols.first?.count ?? 2) - 1)
        for i in 0..<k {
            for j in 0..<i {
                var s = 0.0
                for t in z[i].indices { s += z[i][t] * z[j][t] }
                r[i][j] = s / n; r[j][i] = r[i][j]
            }
        }
        return r
    }
}
