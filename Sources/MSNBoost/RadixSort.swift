/// Sorting doubles for binning: an LSD radix sort on order-preserving 64-bit keys, one byte per pass,
/// skipping bytes that are equal in every key. Linear in the number of values (the comparison sort
/// it replaces was a quarter of training time on 100k rows).
enum RadixSort {
    /// `values` (no NaN) in ascending order (−0 before +0, which compare equal).
    static func sorted(_ values: [Double]) -> [Double] {
        let n = values.count
        guard n > 64 else { return values.sorted() }
        var keys = values.map { key($0) }
        var other = [UInt64](repeating: 0, count: n)
        var counts = [Int](repeating: 0, count: 8 * 256)
        for k in keys { for d in 0..<8 { counts[d * 256 + Int((k >> (8 * UInt64(d))) & 0xFF)] += 1 } }
        keys.withUnsafeMutableBufferPointer { a in
            other.withUnsafeMutableBufferPointer { b in
                var src = a, dst = b
                for d in 0..<8 where !counts[(d * 256)..<(d * 256 + 256)].contains(n) {
                    var offsets = [Int](repeating: 0, count: 256), total = 0
                    for v in 0..<256 { offsets[v] = total; total += counts[d * 256 + v] }
                    let shift = 8 * UInt64(d)
                    for k in src {
                        let v = Int((k >> shift) & 0xFF)
                        dst[offsets[v]] = k
                        offsets[v] += 1
                    }
                    swap(&src, &dst)
                }
                if src.baseAddress != a.baseAddress, let from = src.baseAddress, let to = a.baseAddress {
                    to.update(from: from, count: n)
                }
            }
        }
        return keys.map { value($0) }
    }

    /// Keys that order like the doubles: flip every bit of negatives, only the sign bit of the rest.
    @inline(__always) static func key(_ x: Double) -> UInt64 {
        let b = x.bitPattern
        return b >> 63 == 1 ? ~b : b | (1 << 63)
    }

    @inline(__always) static func value(_ k: UInt64) -> Double {
        Double(bitPattern: k >> 63 == 1 ? k & ~(1 << 63) : ~k)
    }
}
