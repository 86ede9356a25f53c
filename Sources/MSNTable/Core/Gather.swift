/// Gather kernels for row selections: the values at a list of row indices in tight loops over raw
/// buffers (no per-element capacity checks), validity bitmaps assembled 64 output rows per word, and
/// the selection vector of a boolean mask built a word at a time. Indices must be in range.
enum Gather {
    /// `values[indices[k]]` for every k.
    static func values<T>(_ values: [T], _ indices: [Int]) -> [T] {
        guard !indices.isEmpty else { return [] }
        return values.withUnsafeBufferPointer { src in
            indices.withUnsafeBufferPointer { idx in
                [T](unsafeUninitializedCapacity: idx.count) { out, n in
                    guard let s = src.baseAddress, let o = out.baseAddress, let ix = idx.baseAddress else { n = 0; return }
                    for k in 0..<idx.count { (o + k).initialize(to: s[ix[k]]) }
                    n = idx.count
                }
            }
        }
    }

    /// Packed bits of `words` at `indices` (bit k of the result is bit `indices[k]` of the source).
    static func bits(_ words: [UInt64], _ indices: [Int]) -> [UInt64] {
        let n = indices.count
        var out = [UInt64](repeating: 0, count: (n + 63) >> 6)
        guard n > 0 else { return out }
        words.withUnsafeBufferPointer { w in
            indices.withUnsafeBufferPointer { idx in
                out.withUnsafeMutableBufferPointer { o in
                    guard let wp = w.baseAddress, let ip = idx.baseAddress else { return }
                    var k = 0
                    for j in 0..<o.count {
                        let end = min(k + 64, n)
                        var word: UInt64 = 0, bit: UInt64 = 0
                        while k < end {
                            let i = ip[k]
                            word |= ((wp[i >> 6] >> UInt64(i & 63)) & 1) << bit
                            bit += 1
                            k += 1
                        }
                        o[j] = word
                    }
                }
            }
        }
        return out
    }

    /// The rows where `mask` is true and `validity` (nil: every row) is set, ascending.
    static func selection(_ mask: [Bool], _ validity: Bitmap?) -> [Int] {
        let n = mask.count
        guard n > 0 else { return [] }
        // Pass 1: the mask as words (and-ed with validity), and how many rows they keep.
        var words = [UInt64](repeating: 0, count: (n + 63) >> 6)
        var kept = 0
        mask.withUnsafeBufferPointer { m in
            words.withUnsafeMutableBufferPointer { wb in
                guard let mp = m.baseAddress else { return }
                let raw = UnsafeRawPointer(mp)
                for j in 0..<wb.count {
                    let base = j << 6, end = min(base + 64, n)
                    var word: UInt64 = 0
                    if end - base == 64 {
                        // Eight Bools (bytes 0 or 1) at a time: the multiply gathers byte k's low bit into bit 56 + k.
                        for b in 0..<8 {
                            let x = raw.loadUnaligned(fromByteOffset: base + 8 * b, as: UInt64.self)
                            word |= ((x &* 0x0102_0408_1020_4080) >> 56) << UInt64(8 * b)
                        }
                    } else {
                        for i in base..<end { word |= UInt64(unsafeBitCast(mp[i], to: UInt8.self) & 1) << UInt64(i - base) }
                    }
                    wb[j] = word
                }
            }
        }
        if let v = validity {
            v.words.withUnsafeBufferPointer { vw in
                words.withUnsafeMutableBufferPointer { wb in for j in 0..<wb.count { wb[j] &= vw[j] } }
            }
        }
        for w in words { kept += w.nonzeroBitCount }
        // Pass 2: the set bits' row numbers, written into exactly-sized storage.
        return [Int](unsafeUninitializedCapacity: kept) { out, count in
            var k = 0
            words.withUnsafeBufferPointer { wb in
                for j in 0..<wb.count {
                    var w = wb[j]
                    let base = j << 6
                    while w != 0 {
                        out[k] = base + w.trailingZeroBitCount
                        k += 1
                        w &= w &- 1
                    }
                }
            }
            count = k
        }
    }
}
