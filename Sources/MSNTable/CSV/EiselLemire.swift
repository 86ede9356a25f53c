/// Decimal → double after Eisel and Lemire ("Number Parsing at a Gigabyte per Second", 2021, and the
/// fast_float library's `compute_float`): the decimal mantissa w (at most 19 digits) times a 128-bit
/// truncated power of five, rounded to nearest-even. Returns nil when the product cannot decide the
/// rounding; the caller then takes the exact (slow) path.
enum EiselLemire {
    static let minPower = -342, maxPower = 308

    /// The double nearest to w · 10^q (w > 0, exactly as given), or nil if undecided.
    @inline(__always) static func compute(_ w0: UInt64, _ q: Int) -> Double? {
        if w0 == 0 { return 0 }
        if q < minPower { return 0 }
        if q > maxPower { return .infinity }
        let lz = w0.leadingZeroBitCount
        let w = w0 << UInt64(lz)
        let (thi, tlo) = PowerOfFiveTable.shared.entry(q)
        var (hi, lo) = w.multipliedFullWidth(by: thi)
        let precisionMask: UInt64 = 0xFFFF_FFFF_FFFF_FFFF >> 55
        if hi & precisionMask == precisionMask {
            let (hi2, _) = w.multipliedFullWidth(by: tlo)
            let (sum, o) = lo.addingReportingOverflow(hi2)
            lo = sum
            if o { hi &+= 1 }
            // Still all ones below the kept bits: the truncated power of five may decide wrongly.
            if lo == .max && (q < -27 || q > 55) { return nil }
        }
        let upper = Int(hi >> 63)
        let shift = UInt64(upper + 9)
        var mantissa = hi >> shift
        // ⌊log2(10^q)⌋ + 63, as in fast_float: ((152170 + 65536) · q) >> 16.
        var power2 = (((152_170 + 65_536) &* q) >> 16) + 63 + upper - lz + 1023
        if power2 <= 0 {
            // Subnormal (or zero).
            if -power2 + 1 >= 64 { return 0 }
            mantissa >>= UInt64(-power2 + 1)
            mantissa += mantissa & 1
            mantissa >>= 1
            power2 = mantissa < (1 << 52) ? 0 : 1
            return Double(bitPattern: UInt64(power2) << 52 | (mantissa & ((1 << 52) - 1)))
        }
        // Exactly halfway (only possible for small |q|): round to even, not up.
        if lo <= 1 && q >= -4 && q <= 23 && mantissa & 3 == 1 && (mantissa << shift) == hi {
            mantissa &= ~UInt64(1)
        }
        mantissa += mantissa & 1
        mantissa >>= 1
        if mantissa >= (2 << 52) {
            mantissa = 1 << 52
            power2 += 1
        }
        mantissa &= ~(UInt64(1) << 52)
        if power2 >= 0x7FF { return .infinity }
        return Double(bitPattern: UInt64(power2) << 52 | mantissa)
    }
}

/// For q in −342…308 the 128-bit approximation of 5^q used by Eisel–Lemire, as in fast_float's table:
/// q ≥ 0, 5^q normalized to 128 bits and truncated; q < 0, ⌊2^b / 5^−q⌋ + 1 with b = z + 127
/// (q ≥ −27) or b = 2z + 128 then truncated to 128 bits, z the bit length of 5^−q. Computed once,
/// exactly, with the multi-word integers of `PowerOfTenTable`.
final class PowerOfFiveTable: @unchecked Sendable {
    static let shared = PowerOfFiveTable()
    private let words: UnsafeMutablePointer<UInt64>

    /// (high, low) words of the entry for 5^q.
    @inline(__always) func entry(_ q: Int) -> (UInt64, UInt64) {
        let i = (q - EiselLemire.minPower) << 1
        return (words[i], words[i + 1])
    }

    private init() {
        let count = EiselLemire.maxPower - EiselLemire.minPower + 1
        words = .allocate(capacity: 2 * count)
        var n = BigNumber(1)
        for q in 0...EiselLemire.maxPower {
            let len = n.bitLength
            let g = len >= 128 ? n.bits128(shiftedRightBy: len - 128) : n.bits128(shiftedRightBy: 0).shiftedLeft(128 - len)
            store(g, at: q)
            n.multiply(by: 5)
        }
        // d = ⌊2^top / 5^j⌋; ⌊2^b / 5^j⌋ = ⌊d / 2^(top − b)⌋ (floors of floors are exact).
        let top = 1_800
        var d = BigNumber(powerOfTwo: top)
        var five = BigNumber(1)
        for j in 1...(-EiselLemire.minPower) {
            d.divide(by: 5)
            five.multiply(by: 5)
            let z = five.bitLength
            if j <= 27 {
                let b = z + 127
                store(d.bits128(shiftedRightBy: top - b).adding1(), at: -j)
            } else {
                let b = 2 * z + 128
                // c = ⌊2^b / 5^j⌋ + 1, then shifted right until below 2^128.
                let shiftToF = top - b
                let lenF = d.bitLength - shiftToF
                let s = lenF - 128
                var g = d.bits128(shiftedRightBy: shiftToF + s)
                if d.allOnes(from: shiftToF, count: s) { g = g.adding1() }
                store(g, at: -j)
            }
        }
    }

    private func store(_ g: U128, at q: Int) {
        let i = (q - EiselLemire.minPower) << 1
        words[i] = g.hi
        words[i + 1] = g.lo
    }
}
