/// Layout and kernels of gradient histograms: one (g, h) pair per bin, features one after another,
/// each with its value bins followed by its missing bin. Sums are in double precision.
struct HistogramLayout {
    /// First slot of each feature's histogram.
    let offsets: [Int]
    /// Slots in one histogram.
    let size: Int

    init(_ data: FeatureBins) {
        var o: [Int] = [], total = 0
        for f in 0..<data.featureCount { o.append(total); total += data.valueBins(f) + 1 }
        offsets = o
        size = total
    }

    /// Adds the (g, h) of rows `rows[range]` into `out`, rows in order, prefetching rows ahead.
    static func accumulate<B: FixedWidthInteger>(codes: UnsafePointer<B>, features fcount: Int, rows: UnsafePointer<UInt32>,
                                                 range: Range<Int>, gh: UnsafePointer<SIMD2<Double>>, used: [Int],
                                                 slots: [Int], into out: UnsafeMutablePointer<SIMD2<Double>>) {
        slots.withUnsafeBufferPointer { slot in
            used.withUnsafeBufferPointer { fs in
                // Two copies of one loop on purpose: with every feature in use (the usual case) the inner
                // loop runs over 0..<fcount with no index indirection, which measurably speeds the hot path.
                if fs.count == fcount {
                    let ahead = range.upperBound &- prefetchDistance
                    for k in range {
                        if k < ahead {
                            let q = Int(rows[k &+ prefetchDistance])
                            prefetch(gh + q)
                            prefetch(codes + q &* fcount)
                        }
                        let r = Int(rows[k])
                        let v = gh[r], row = codes + r &* fcount
                        for f in 0..<fcount { out[slot[f] &+ Int(row[f])] += v }
                    }
                } else {
                    let ahead = range.upperBound &- prefetchDistance
                    for k in range {
                        if k < ahead {
                            let q = Int(rows[k &+ prefetchDistance])
                            prefetch(gh + q)
                            prefetch(codes + q &* fcount)
                        }
                        let r = Int(rows[k])
                        let v = gh[r], row = codes + r &* fcount
                        for (j, f) in fs.enumerated() { out[slot[j] &+ Int(row[f])] += v }
                    }
                }
            }
        }
    }
}

/// A candidate split: rows with bin ≤ `bin` go left (categorical: rows whose bin is in `leftBins`),
/// missing values as `defaultLeft` says.
struct Split {
    var feature = -1
    var bin = 0
    var gain = 0.0
    var defaultLeft = false
    var gLeft = 0.0
    var hLeft = 0.0
    var isCategorical = false
    var leftBins: UInt64 = 0

    /// Whether value bin `b` goes left.
    func goesLeft(bin b: Int) -> Bool { isCategorical ? (b < 64 && leftBins & (1 << UInt64(b)) != 0) : b <= bin }
}

/// Regularised scores of gradient sums (XGBoost's `CalcGain` / `CalcWeight` with L1 and L2).
struct SplitScorer {
    let options: BoostOptions

    func thresholdL1(_ gs: Double) -> Double {
        gs > options.alpha ? gs - options.alpha : (gs < -options.alpha ? gs + options.alpha : 0)
    }
    func score(_ gs: Double, _ hs: Double) -> Double { let t = thresholdL1(gs); return t * t / (hs + options.lambda) }
    func weight(_ gs: Double, _ hs: Double) -> Double { -thresholdL1(gs) / (hs + options.lambda) }

    /// The best split of a node from its histogram: every bin boundary of every used feature, with
    /// missing values sent left and right (features and bins in order; the first best wins).
    func best(_ hist: UnsafePointer<SIMD2<Double>>, layout: HistogramLayout, data: FeatureBins, features: [Int],
              gSum: Double, hSum: Double) -> Split {
        var best = Split()
        let parent = score(gSum, hSum)
        let minChild = options.minChildWeight
        for f in features {
            if data.categorical[f] {
                bestPartition(hist + layout.offsets[f], feature: f, bins: data.valueBins(f), gSum: gSum, hSum: hSum, into: &best)
                continue
            }
            let nb = data.valueBins(f)
            let base = hist + layout.offsets[f]
            let gm = base[nb].x, hm = base[nb].y
            var gl = 0.0, hl = 0.0
            for b in 0..<(nb - 1) {
                // An empty bin after the first repeats the previous candidates exactly: skip it.
                if b > 0, base[b] == .zero { continue }
                gl += base[b].x
                hl += base[b].y
                // Missing values right (or no missing values).
                var gL = gl, hL = hl
                var gR = gSum - gL, hR = hSum - hL
                if hL >= minChild, hR >= minChild {
                    let gain = score(gL, hL) + score(gR, hR) - parent
                    if gain > best.gain { best = Split(feature: f, bin: b, gain: gain, defaultLeft: false, gLeft: gL, hLeft: hL) }
                }
                guard hm > 0 else { continue }
                // Missing values left.
                gL = gl + gm; hL = hl + hm
                gR = gSum - gL; hR = hSum - hL
                if hL >= minChild, hR >= minChild {
                    let gain = score(gL, hL) + score(gR, hR) - parent
                    if gain > best.gain { best = Split(feature: f, bin: b, gain: gain, defaultLeft: true, gLeft: gL, hLeft: hL) }
                }
            }
        }
        return best
    }
}
