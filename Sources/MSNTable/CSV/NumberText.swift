/// Numbers written straight into a byte buffer, without allocation: integers two digits at a time,
/// doubles in the same text as `FloatFormat.shortest` (Swift's shortest round-trip `description`,
/// with integral values as `12.0` and −0.0 as `0.0`).
enum NumberText {
    /// Longest text `writeInt` produces.
    static let maxIntBytes = 20
    /// Longest text `writeDouble` produces (`-2.2250738585072014e-308`).
    static let maxDoubleBytes = 24

    /// "00" "01" … "99".
    private static let pairs: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 200)
        for i in 0..<100 {
            table[2 * i] = UInt8(truncatingIfNeeded: 0x30 + i / 10)
            table[2 * i + 1] = UInt8(truncatingIfNeeded: 0x30 + i % 10)
        }
        return table
    }()

    /// Writes the decimal digits of `v` (no sign) ending just before `end`; returns where they start.
    @inline(__always)
    private static func digitsBackwards(_ v: UInt64, _ end: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        var p = end
        var n = v
        pairs.withUnsafeBufferPointer { table in
            while n >= 100 {
                let r = Int(n % 100)
                n /= 100
                p -= 2
                p[0] = table[2 * r]
                p[1] = table[2 * r + 1]
            }
            if n >= 10 {
                p -= 2
                p[0] = table[2 * Int(n)]
                p[1] = table[2 * Int(n) + 1]
            } else {
                p -= 1
                p[0] = UInt8(0x30 + n)
            }
        }
        return p
    }

    /// Number of decimal digits of `v` (≥ 1).
    @inline(__always)
    static func digitCount(_ v: UInt64) -> Int {
        var n = 1
        var x = v
        while x >= 10_000 { x /= 10_000; n += 4 }
        while x >= 10 { x /= 10; n += 1 }
        return n
    }

    /// Writes `v` at `p`; returns the position after it.
    @inline(__always)
    static func writeInt(_ v: Int64, at p: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        var q = p
        if v < 0 { q[0] = 0x2D; q += 1 }
        let magnitude = v.magnitude
        let n = digitCount(magnitude)
        _ = digitsBackwards(magnitude, q + n)
        return q + n
    }

    /// Writes a finite, non-NaN `v` at `p` as `FloatFormat.shortest` would; returns the position after it.
    static func writeDouble(_ v: Double, at p: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        let magnitude = v.magnitude
        if magnitude <= 9_007_199_254_740_992, v.rounded(.towardZero) == v {
            // Integral and at most 2^53: "12.0" (and -0.0 as "0.0", like FloatFormat).
            let q = writeInt(Int64(v), at: p)
            q[0] = 0x2E; q[1] = 0x30
            return q + 2
        }
        var q = p
        if v.sign == .minus { q[0] = 0x2D; q += 1 }
        let (digits, exponent) = ShortestDouble.decimal(magnitude)
        let n = digitCount(digits)
        let sci = exponent + n - 1          // value = d.ddd × 10^sci
        if sci < -4 || magnitude > 9_007_199_254_740_992 {
            // d[.ddd]e±XX
            _ = digitsBackwards(digits, q + n + (n > 1 ? 1 : 0))
            if n > 1 { q[0] = q[1]; q[1] = 0x2E; q += n + 1 } else { q += 1 }
            q[0] = 0x65
            q[1] = sci < 0 ? 0x2D : 0x2B
            let e = UInt64(sci.magnitude)
            let width = e < 10 ? 2 : digitCount(e)
            if e < 10 { q[2] = 0x30 }
            _ = digitsBackwards(e, q + 2 + width)
            return q + 2 + width
        }
        if sci < 0 {
            // 0.000ddd
            q[0] = 0x30; q[1] = 0x2E
            var z = q + 2
            for _ in 0..<(-sci - 1) { z[0] = 0x30; z += 1 }
            _ = digitsBackwards(digits, z + n)
            return z + n
        }
        // ddd.ddd (there is a fraction: integral values took the first branch)
        let whole = sci + 1
        _ = digitsBackwards(digits, q + n + 1)
        // shift the integer digits one to the left to make room for the point
        for i in 0..<whole { q[i] = q[i + 1] }
        q[whole] = 0x2E
        return q + n + 1
    }
}
