/// Distinct byte strings numbered in order of arrival, found again by an open-addressing hash table
/// (linear probing over 64-bit FNV-1a hashes, the bytes compared on a hash match): the dictionary
/// builder's lookup, without a `Dictionary` or any allocation per row.
struct ByteStringIndex: Sendable {
    private(set) var values: [[UInt8]] = []
    private var hashes: [UInt64] = []
    private var slots = [Int32](repeating: -1, count: 64)
    private var shift: UInt64 = 58          // 64 − log2(slot count)

    /// FNV-1a of the bytes.
    @inline(__always) static func hash(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for k in 0..<n { h = (h ^ UInt64(p[k])) &* 0x100_0000_01b3 }
        return h
    }

    /// The code of the n bytes at p, if present.
    @inline(__always) func find(_ p: UnsafePointer<UInt8>, _ n: Int, hash h: UInt64) -> Int32? {
        let mask = slots.count - 1
        var i = Int((h &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let c = slots[i]
            if c < 0 { return nil }
            if hashes[Int(c)] == h && same(values[Int(c)], p, n) { return c }
            i = (i + 1) & mask
        }
    }

    /// Adds bytes that `find` did not find; returns their code.
    mutating func insert(_ p: UnsafePointer<UInt8>, _ n: Int, hash h: UInt64) -> Int32 {
        let code = Int32(values.count)
        values.append(Array(UnsafeBufferPointer(start: p, count: n)))
        hashes.append(h)
        if values.count * 2 > slots.count { grow() } else { place(code, h) }
        return code
    }

    private mutating func place(_ code: Int32, _ h: UInt64) {
        let mask = slots.count - 1
        var i = Int((h &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while slots[i] >= 0 { i = (i + 1) & mask }
        slots[i] = code
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        shift -= 1
        for c in 0..<values.count { place(Int32(c), hashes[c]) }
    }

    @inline(__always) private func same(_ v: [UInt8], _ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        guard v.count == n else { return false }
        return v.withUnsafeBufferPointer { b in
            for k in 0..<n where b[k] != p[k] { return false }
            return true
        }
    }
}
