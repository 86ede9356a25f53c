/// Per-feature quantile bins: cut points such that bin b holds values in [cut[b−1], cut[b]); missing
/// values get the extra bin `cuts.count`. Split conditions are `x < cut`.
public struct FeatureBins: Sendable {
    /// Upper bounds of each bin, ascending (the last bin is open: +∞).
    public let cuts: [[Double]]
    /// Bin of each row, per feature (column-major).
    let bins: [[UInt16]]
    /// The same bins row-major (row r, feature f at r·F + f), for histogram building.
    let rowMajor: [UInt16]

    /// Bins the features (column-major, NaN = missing) into at most `maxBins` bins each.
    init(features: [[Double]], maxBins: Int) {
        var allCuts: [[Double]] = []
        var allBins: [[UInt16]] = []
        for column in features {
            let values = column.filter { !$0.isNaN }.sorted()
            var distinct: [Double] = []
            for v in values where distinct.last != v { distinct.append(v) }
            var cuts: [Double] = []
            if distinct.count <= maxBins {
                // Every distinct value starts its own bin: cut at the next distinct value.
                cuts = Array(distinct.dropFirst())
            } else {
                // Equal-frequency cuts over the sorted values (a quantile sketch without approximation).
                for k in 1..<maxBins {
                    let v = values[min(values.count - 1, k * values.count / maxBins)]
                    if v > (cuts.last ?? -.infinity), v > distinct[0] { cuts.append(v) }
                }
            }
            allCuts.append(cuts)
            allBins.append(column.map { x in
                if x.isNaN { return UInt16(cuts.count + 1) }
                var lo = 0, hi = cuts.count
                while lo < hi { let mid = (lo + hi) / 2; if x < cuts[mid] { hi = mid } else { lo = mid + 1 } }
                return UInt16(lo)
            })
        }
        cuts = allCuts
        bins = allBins
        let f = allBins.count, n = allBins.first?.count ?? 0
        var rm = [UInt16](repeating: 0, count: f * n)
        for (j, column) in allBins.enumerated() { for r in 0..<n { rm[r * f + j] = column[r] } }
        rowMajor = rm
    }

    /// Number of value bins of feature f (missing excluded).
    func valueBins(_ f: Int) -> Int { cuts[f].count + 1 }
}
