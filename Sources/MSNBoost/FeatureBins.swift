/// Per-feature quantile bins: cut points such that bin b holds values in [cut[b−1], cut[b]); missing
/// values get the extra bin `cuts.count + 1`. Split conditions are `x < cut`. The bin budget counts
/// the missing bin: a feature with missing values gets at most `maxBins − 1` value bins, so that with
/// the default 256 every code fits in a byte.
public struct FeatureBins: Sendable {
    /// Upper bounds of each bin, ascending (the last bin is open: +∞).
    public let cuts: [[Double]]
    /// Number of rows and features.
    let rows: Int, featureCount: Int
    /// Bin codes row-major (row r, feature f at r·F + f), for histograms: one byte each when every
    /// feature, with its missing bin if it has missing values, fits in 256 codes (`narrow`), else two
    /// bytes (`wide`).
    let narrow: RawBuffer<UInt8>?
    let wide: RawBuffer<UInt16>?
    /// The same codes column-major (feature f, row r at f·n + r), for partitioning rows on one feature.
    let narrowColumns: RawBuffer<UInt8>?
    let wideColumns: RawBuffer<UInt16>?

    /// Whether each feature holds category codes (every distinct code its own bin, split by partition).
    let categorical: [Bool]
    /// The smallest code of each categorical feature (0 for others).
    let firstValue: [Double]

    /// Bins the features (column-major, NaN = missing) into at most `maxBins` bins each; a categorical
    /// feature (codes 0 … 63) gets one bin per category whatever `maxBins` says.
    init(features: [[Double]], maxBins: Int, categorical: Set<Int> = []) {
        let fcount = features.count, n = features.first?.count ?? 0
        // Cut points per feature, features in parallel (each from its own sorted copy).
        let found = RawBuffer<(cuts: [Double], missing: Bool, first: Double)>(repeating: ([], false, 0), count: fcount)
        Parallel.run(fcount) { f in
            let missing = features[f].contains { $0.isNaN }
            let budget = categorical.contains(f) ? max(maxBins, 65) : maxBins
            let first = categorical.contains(f) ? features[f].lazy.filter { !$0.isNaN }.min() ?? 0 : 0
            found[f] = (FeatureBins.cutPoints(features[f], maxBins: missing ? budget - 1 : budget), missing, first)
        }
        let allCuts = (0..<fcount).map { found[$0].cuts }
        let fitsByte = (0..<fcount).allSatisfy { allCuts[$0].count + 1 + (found[$0].missing ? 1 : 0) <= 256 }
        cuts = allCuts
        self.categorical = (0..<fcount).map { categorical.contains($0) }
        firstValue = (0..<fcount).map { found[$0].first }
        rows = n
        featureCount = fcount
        if fitsByte {
            let codes = RawBuffer<UInt8>(repeating: 0, count: n * fcount), columns = RawBuffer<UInt8>(repeating: 0, count: n * fcount)
            FeatureBins.encode(features, allCuts, into: codes.base, columns.base)
            (narrow, narrowColumns, wide, wideColumns) = (codes, columns, nil, nil)
        } else {
            let codes = RawBuffer<UInt16>(repeating: 0, count: n * fcount), columns = RawBuffer<UInt16>(repeating: 0, count: n * fcount)
            FeatureBins.encode(features, allCuts, into: codes.base, columns.base)
            (narrow, narrowColumns, wide, wideColumns) = (nil, nil, codes, columns)
        }
    }

    /// The category code held by value bin `b` of a categorical feature (its bins are its distinct codes).
    func category(_ f: Int, bin b: Int) -> Int { Int(b == 0 ? firstValue[f] : cuts[f][b - 1]) }

    /// Number of value bins of feature f (missing excluded); the missing bin's code.
    func valueBins(_ f: Int) -> Int { cuts[f].count + 1 }

    /// Exact equal-frequency cuts of one column into at most `maxBins` bins (every distinct value its
    /// own bin when there are few).
    static func cutPoints(_ column: [Double], maxBins: Int) -> [Double] {
        let values = RadixSort.sorted(column.filter { !$0.isNaN })
        guard let first = values.first else { return [] }
        var distinct = 1
        for i in 1..<values.count where values[i] != values[i - 1] {
            distinct += 1
            if distinct > maxBins { break }
        }
        var cuts: [Double] = []
        if distinct <= maxBins {
            // Every distinct value starts its own bin: cut at the next distinct value.
            for i in 1..<values.count where values[i] != values[i - 1] { cuts.append(values[i]) }
        } else {
            // Equal-frequency cuts over the sorted values (a quantile sketch without approximation).
            for k in 1..<maxBins {
                let v = values[min(values.count - 1, k * values.count / maxBins)]
                if v > (cuts.last ?? -.infinity), v > first { cuts.append(v) }
            }
        }
        return cuts
    }

    /// Writes the codes row-major and column-major, rows in parallel chunks (a branch-free binary
    /// search per value).
    static func encode<B: FixedWidthInteger>(_ features: [[Double]], _ cuts: [[Double]], into out: UnsafeMutablePointer<B>,
                                             _ columns: UnsafeMutablePointer<B>) {
        let fcount = features.count, n = features.first?.count ?? 0
        let flat = cuts.flatMap { $0 }
        var starts: [Int] = [], total = 0
        for c in cuts { starts.append(total); total += c.count }
        Parallel.forRanges(n, grain: 16_384) { range in
            flat.withUnsafeBufferPointer { all in
                for f in 0..<fcount {
                    let m = cuts[f].count, missingCode = B(truncatingIfNeeded: m + 1)
                    let c = all.baseAddress.map { $0 + starts[f] }
                    features[f].withUnsafeBufferPointer { column in
                        for r in range {
                            let x = column[r]
                            var code = 0
                            if x.isNaN { out[r * fcount + f] = missingCode; columns[f * n + r] = missingCode; continue }
                            if m > 0, let c {
                                var base = 0, len = m
                                while len > 1 {
                                    let half = len / 2
                                    base = c[base + half] <= x ? base + half : base
                                    len -= half
                                }
                                code = base + (c[base] <= x ? 1 : 0)
                            }
                            out[r * fcount + f] = B(truncatingIfNeeded: code)
                            columns[f * n + r] = B(truncatingIfNeeded: code)
                        }
                    }
                }
            }
        }
    }
}
