/// Shortest round-trip decimal digits of a Double, after R. Giulietti, "The Schubfach way to render
/// doubles" (2020): the candidates are the multiples of 10^k (then 10^(k+1)) nearest to the value, and
/// the rounding interval's ends are computed with one 126-bit approximation of a power of ten,
/// rounded to odd so the comparisons are exact. No Foundation, no allocation.
///
/// The result is the unique shortest digit string that reads back as the value; among shortest
/// candidates the one closest to the value (ties to even digit) — the same digits Swift's
/// `description` prints (a test compares them on random doubles).
enum ShortestDouble {
    /// `digits × 10^exponent` equals the shortest decimal that rounds to `v`; `v` must be finite
    /// and non-zero (the sign is ignored). `digits` has no trailing zeros.
    @inline(__always)
    static func decimal(_ v: Double) -> (digits: UInt64, exponent: Int) {
        let bits = v.bitPattern
        let fraction = bits & 0x000F_FFFF_FFFF_FFFF
        let biased = Int((bits >> 52) & 0x7FF)
        var result: (UInt64, Int)
        if biased != 0 {
            let c = fraction | cMin
            let mq = 1075 - biased          // v = c × 2^(-mq)
            if mq > 0 && mq < 53, (c >> UInt64(mq)) << UInt64(mq) == c {
                result = (c >> UInt64(mq), 0)   // an integer below 2^53: its own shortest digits
            } else {
                result = toDecimal(q: -mq, c: c, dk: 0)
            }
        } else if fraction == 1 {
            result = (5, -324)              // the two smallest subnormals: one digit each
        } else if fraction == 2 {
            result = (1, -323)
        } else {
            result = toDecimal(q: qMin, c: fraction, dk: 0)
        }
        // Strip trailing zeros: eight at a time, then 4 + 2 + 1 (fewer than eight are left).
        while result.0 % 100_000_000 == 0 { result.0 /= 100_000_000; result.1 += 8 }
        if result.0 % 10_000 == 0 { result.0 /= 10_000; result.1 += 4 }
        if result.0 % 100 == 0 { result.0 /= 100; result.1 += 2 }
        if result.0 % 10 == 0 { result.0 /= 10; result.1 += 1 }
        return result
    }

    static let cMin: UInt64 = 1 << 52
    static let qMin = -1074

    /// The core for `c × 2^q`; `dk` corrects the exponent (unused with the subnormal special cases).
    @inline(__always)
    private static func toDecimal(q: Int, c: UInt64, dk: Int) -> (UInt64, Int) {
        let out: UInt64 = c & 1
        let cb = c << 2
        let cbr = cb + 2
        let cbl: UInt64
        let k: Int
        if c != cMin || q == qMin {
            cbl = cb - 2
            k = floorLog10Pow2(q)
        } else {
            cbl = cb - 1                    // the gap below a power of two is half the gap above
            k = floorLog10ThreeQuartersPow2(q)
        }
        let h = UInt64(q + floorLog2Pow10(-k) + 2)
        let (g1, g0) = PowerOfTenTable.shared.g(-k)
        let vb = roundToOdd(g1, g0, cb << h)
        let vbl = roundToOdd(g1, g0, cbl << h)
        let vbr = roundToOdd(g1, g0, cbr << h)
        let s = vb >> 2
        if s >= 10 {
            // One digit fewer: the multiples of 10^(k+1) around the value.
            let sp10 = (s / 10) * 10
            let tp10 = sp10 + 10
            let upin = vbl + out <= sp10 << 2
            let wpin = (tp10 << 2) + out <= vbr
            if upin != wpin { return (upin ? sp10 : tp10, k) }
        }
        let t = s + 1
        let uin = vbl + out <= s << 2
        let win = (t << 2) + out <= vbr
        if uin != win { return (uin ? s : t, k + dk) }
        // Both in the interval: the closer one, ties to even.
        let twice = (s + t) << 1
        let pickS = vb < twice || (vb == twice && s & 1 == 0)
        return (pickS ? s : t, k + dk)
    }

    /// The integer part of g × cp / 2^127, rounded to odd (its lowest bit set when a fraction was cut).
    @inline(__always)
    private static func roundToOdd(_ g1: UInt64, _ g0: UInt64, _ cp: UInt64) -> UInt64 {
        let x1 = g0.multipliedFullWidth(by: cp).high
        let y = g1.multipliedFullWidth(by: cp)
        let z = (y.low >> 1) &+ x1
        let integer = y.high &+ (z >> 63)
        let fractionCut = ((z & 0x7FFF_FFFF_FFFF_FFFF) &+ 0x7FFF_FFFF_FFFF_FFFF) >> 63
        return integer | fractionCut
    }

    /// ⌊log10(2^e)⌋ for |e| ≤ 5,456 (the constants are Giulietti's; a test checks the range used).
    @inline(__always) static func floorLog10Pow2(_ e: Int) -> Int { (e &* 661_971_961_083) >> 41 }
    /// ⌊log10(3/4 · 2^e)⌋.
    @inline(__always) static func floorLog10ThreeQuartersPow2(_ e: Int) -> Int { (e &* 661_971_961_083 &- 274_743_187_321) >> 41 }
    /// ⌊log2(10^e)⌋.
    @inline(__always) static func floorLog2Pow10(_ e: Int) -> Int { (e &* 913_124_641_741) >> 38 }
}

/// For each power 10^p, p in −292…324: g = ⌊10^p / 2^r⌋ + 1 with r chosen so that 2^125 ≤ g < 2^126,
/// split as g = g1 · 2^63 + g0. Computed once, exactly, with multi-word integers (multiply and
/// divide by ten), instead of a table of 1,234 literals.
final class PowerOfTenTable: @unchecked Sendable {
    static let shared = PowerOfTenTable()
    static let minPower = -292, maxPower = 324
    private let words: UnsafeMutablePointer<UInt64>

    @inline(__always) func g(_ p: Int) -> (UInt64, UInt64) {
        let i = (p - Self.minPower) << 1
        return (words[i], words[i + 1])
    }

    private init() {
        let count = Self.maxPower - Self.minPower + 1
        words = .allocate(capacity: 2 * count)
        // p ≥ 0: n = 10^p exactly; g = ⌊n / 2^(len−126)⌋ + 1 (or n · 2^(126−len) + 1 when n is short).
        var n = BigNumber(1)
        for p in 0...Self.maxPower {
            let len = n.bitLength
            let g = len >= 126 ? n.bits128(shiftedRightBy: len - 126) : n.bits128(shiftedRightBy: 0).shiftedLeft(126 - len)
            store(g.adding1(), at: p)
            n.multiply(by: 10)
        }
        // p < 0: ⌊2^(len+125) / 10^|p|⌋ with len the bit length of 10^|p|, taken from the successive
        // quotients d_j = ⌊2^top / 10^j⌋ (⌊⌊x⌋ / 2^s⌋ = ⌊x / 2^s⌋, so the shifts are exact).
        let top = 1_300
        var d = BigNumber(powerOfTwo: top)
        var ten = BigNumber(1)
        for j in 1...(-Self.minPower) {
            d.divide(by: 10)
            ten.multiply(by: 10)
            let len = ten.bitLength
            store(d.bits128(shiftedRightBy: top - len - 125).adding1(), at: -j)
        }
    }

    private func store(_ g: U128, at p: Int) {
        let i = (p - Self.minPower) << 1
        words[i] = (g.hi << 1) | (g.lo >> 63)
        words[i + 1] = g.lo & 0x7FFF_FFFF_FFFF_FFFF
    }
}

/// An unsigned integer of any size in 64-bit words (least significant first); just what the tables need.
struct BigNumber {
    var words: [UInt64]
    init(_ v: UInt64) { words = [v] }
    init(powerOfTwo e: Int) {
        words = [UInt64](repeating: 0, count: e / 64 + 1)
        words[e / 64] = 1 << UInt64(e % 64)
    }
    var bitLength: Int {
        guard let i = words.lastIndex(where: { $0 != 0 }) else { return 0 }
        return i * 64 + (64 - words[i].leadingZeroBitCount)
    }
    mutating func multiply(by m: UInt64) {
        var carry: UInt64 = 0
        for i in words.indices {
            let (hi, lo) = words[i].multipliedFullWidth(by: m)
            let (sum, o) = lo.addingReportingOverflow(carry)
            words[i] = sum
            carry = hi &+ (o ? 1 : 0)
        }
        if carry != 0 { words.append(carry) }
    }
    mutating func divide(by m: UInt64) {
        var remainder: UInt64 = 0
        for i in words.indices.reversed() {
            let (q, r) = m.dividingFullWidth((remainder, words[i]))
            words[i] = q
            remainder = r
        }
    }
    /// Whether bits from, from + 1, …, from + count − 1 are all ones (true when count ≤ 0).
    func allOnes(from: Int, count: Int) -> Bool {
        for k in from..<(from + max(0, count)) where words[k / 64] >> UInt64(k % 64) & 1 == 0 { return false }
        return true
    }
    /// The low 128 bits of self >> s.
    func bits128(shiftedRightBy s: Int) -> U128 {
        func word(_ i: Int) -> UInt64 { i >= 0 && i < words.count ? words[i] : 0 }
        func bits64(at bit: Int) -> UInt64 {
            let i = bit / 64, r = UInt64(bit % 64)
            return r == 0 ? word(i) : (word(i) >> r) | (word(i + 1) << (64 - r))
        }
        return U128(hi: bits64(at: s + 64), lo: bits64(at: s))
    }
}

/// A 128-bit unsigned value as two words.
struct U128 {
    var hi: UInt64, lo: UInt64
    func adding1() -> U128 { lo == .max ? U128(hi: hi &+ 1, lo: 0) : U128(hi: hi, lo: lo + 1) }
    func shiftedLeft(_ s: Int) -> U128 {
        guard s > 0 else { return self }
        return s >= 64 ? U128(hi: lo << UInt64(s - 64), lo: 0) : U128(hi: (hi << UInt64(s)) | (lo >> UInt64(64 - s)), lo: lo << UInt64(s))
    }
}
