/// The row pairs of a join, from both sides' key codes: for each output row the left row and the
/// right row (-1 where a left, right or full join keeps a row without a match). Left rows come in
/// order, each followed by its matches in right-row order; right rows that matched nothing come last
/// (right and full joins), in right-row order. From 65,536 left rows the pairs are laid out on two
/// threads, each writing its half of the left rows at offsets counted beforehand, so the output is
/// the serial one on any number of cores.
struct JoinRows {
    /// Left row of each output row (-1: none).
    let left: [Int]
    /// Right row of each output row (-1: none).
    let right: [Int]
    /// Whether some output row has no left row (`left` holds -1).
    let leftMissing: Bool
    /// Whether some output row has no right row (`right` holds -1).
    let rightMissing: Bool

    /// Pairs for left codes `lcodes` and right codes `rcodes` in 0..<codes (-1: matches nothing).
    init(left lcodes: [Int32], right rcodes: [Int32], codes count: Int, kind: JoinKind) {
        let keepLeft = kind == .left || kind == .full, keepRight = kind == .right || kind == .full
        // Right rows grouped by code, in row order (counting sort): rows[start[c]..<start[c + 1]].
        var start = [Int](repeating: 0, count: count + 1)
        for c in rcodes where c >= 0 { start[Int(c) + 1] += 1 }
        for i in 0..<count { start[i + 1] += start[i] }
        let rows = [Int](unsafeUninitializedCapacity: start[count]) { out, n in
            var fill = Array(start.dropLast())
            rcodes.withUnsafeBufferPointer { rc in
                for j in 0..<rc.count where rc[j] >= 0 {
                    out[fill[Int(rc[j])]] = j
                    fill[Int(rc[j])] += 1
                }
            }
            n = start[count]
        }
        // Right rows whose code no left row has (right and full joins).
        var unmatchedRight: [Int] = []
        if keepRight {
            var hit = [Bool](repeating: false, count: count)
            for c in lcodes where c >= 0 { hit[Int(c)] = true }
            for (j, c) in rcodes.enumerated() where c < 0 || !hit[Int(c)] { unmatchedRight.append(j) }
        }
        // Output rows per half of the left rows, then each half written at its offset.
        let n = lcodes.count
        let parts = n >= JoinKeyCodes.parallelRows ? 2 : 1
        let sizes = Slots(parts, (0, 0))
        lcodes.withUnsafeBufferPointer { lc in start.withUnsafeBufferPointer { st in
            let lcp = Shared(lc), stp = Shared(st)
            Parallel.run(parts) { p in
                var total = 0, missing = 0
                for i in Parallel.range(p, of: parts, n) {
                    let c = Int(lcp.value[i])
                    let m = c >= 0 ? stp.value[c + 1] - stp.value[c] : 0
                    if m > 0 { total += m } else if keepLeft { total += 1; missing += 1 }
                }
                sizes.set(p, (total, missing))
            }
        } }
        var offsets = [0]
        for p in 0..<parts { offsets.append(offsets[p] + sizes[p].0) }
        let total = offsets[parts] + unmatchedRight.count
        // Every slot below is written exactly once (-1 where a side has no row), so no fill first.
        var outLeft = [Int](unsafeUninitializedCapacity: total) { _, n in n = total }
        var outRight = [Int](unsafeUninitializedCapacity: total) { _, n in n = total }
        outLeft.withUnsafeMutableBufferPointer { ol in outRight.withUnsafeMutableBufferPointer { or in
            lcodes.withUnsafeBufferPointer { lc in start.withUnsafeBufferPointer { st in rows.withUnsafeBufferPointer { rw in
                let olp = Shared(ol), orp = Shared(or), lcp = Shared(lc), stp = Shared(st), rwp = Shared(rw)
                let offs = offsets
                Parallel.run(parts) { p in
                    var k = offs[p]
                    for i in Parallel.range(p, of: parts, n) {
                        let c = Int(lcp.value[i])
                        let (a, b) = c >= 0 ? (stp.value[c], stp.value[c + 1]) : (0, 0)
                        if a < b {
                            for s in a..<b { olp.value[k] = i; orp.value[k] = rwp.value[s]; k += 1 }
                        } else if keepLeft {
                            olp.value[k] = i
                            orp.value[k] = -1
                            k += 1
                        }
                    }
                }
            } } }
            var k = offsets[parts]
            for j in unmatchedRight { ol[k] = -1; or[k] = j; k += 1 }
        } }
        left = outLeft
        right = outRight
        rightMissing = (0..<parts).contains { sizes[$0].1 > 0 }
        leftMissing = !unmatchedRight.isEmpty
    }
}

