/// Partition splits of a categorical feature (as XGBoost's `enable_categorical` and LightGBM): the
/// node's categories are sorted by their leaf weight −G/(H + λ) (ties by code), and every cut of that
/// order is scored, with missing values sent right and left. The best cut sends the categories before
/// it left; categories absent from the node, and categories never seen in training, go right.
extension SplitScorer {
    /// Improves `best` with the best partition of feature `f` from its histogram `hist` (value bins
    /// `0 ..< bins`, then the missing bin).
    func bestPartition(_ hist: UnsafePointer<SIMD2<Double>>, feature f: Int, bins: Int, gSum: Double, hSum: Double,
                       into best: inout Split) {
        var present: [(bin: Int, weight: Double)] = []
        for b in 0..<min(bins, 64) where hist[b].y > 0 {
            present.append((b, weight(hist[b].x, hist[b].y)))
        }
        guard present.count > 1 else { return }
        present.sort { $0.weight != $1.weight ? $0.weight < $1.weight : $0.bin < $1.bin }
        let parent = score(gSum, hSum)
        let minChild = options.minChildWeight
        let gm = hist[bins].x, hm = hist[bins].y
        var gl = 0.0, hl = 0.0, mask: UInt64 = 0
        for k in 0..<(present.count - 1) {
            let b = present[k].bin
            gl += hist[b].x
            hl += hist[b].y
            mask |= 1 << UInt64(b)
            for missingLeft in [false, true] {
                if missingLeft && hm <= 0 { continue }
                let gL = missingLeft ? gl + gm : gl, hL = missingLeft ? hl + hm : hl
                let gR = gSum - gL, hR = hSum - hL
                guard hL >= minChild, hR >= minChild else { continue }
                let gain = score(gL, hL) + score(gR, hR) - parent
                if gain > best.gain {
                    best = Split(feature: f, bin: 0, gain: gain, defaultLeft: missingLeft, gLeft: gL, hLeft: hL,
                                 isCategorical: true, leftBins: mask)
                }
            }
        }
    }
}
