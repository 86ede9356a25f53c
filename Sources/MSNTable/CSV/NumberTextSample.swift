/// Random doubles of the kinds a CSV holds, for the formatter's checks (unit test and `MSNBench floatfmt`):
/// raw bit patterns, prices in cents, small decimals and uniform fractions, in turn.
public enum NumberTextSample {
    /// The `i`-th draw from the SplitMix64 stream `state`.
    public static func draw(_ i: Int, _ state: inout UInt64) -> Double {
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        switch i % 4 {
        case 0: return Double(bitPattern: next())
        case 1: return Double(next() % 100_000_000) / 100
        case 2: return Double(Int64(bitPattern: next()) % 1_000_000) * 0.001
        default: return Double(next() >> 11) * 0x1p-53 * 1e6
        }
    }

    /// Checks `count` draws: the formatter's text equals `FloatFormat.shortest` (Swift's `description`)
    /// and reads back exactly. Returns the number of mismatches and the first few.
    public static func check(count: Int, seed: UInt64) -> (mismatches: Int, examples: [String]) {
        var state = seed
        var bad = 0
        var examples: [String] = []
        let buf = UnsafeMutablePointer<UInt8>.allocate(capacity: 64)
        defer { buf.deallocate() }
        for i in 0..<count {
            let v = draw(i, &state)
            guard v.isFinite else { continue }
            let end = NumberText.writeDouble(v, at: buf)
            let text = String(decoding: UnsafeBufferPointer(start: buf, count: end - buf), as: UTF8.self)
            if text != FloatFormat.shortest(v) || Double(text) != v {
                bad += 1
                if examples.count < 5 { examples.append("\(v.bitPattern): \(text) vs \(FloatFormat.shortest(v))") }
            }
        }
        return (bad, examples)
    }
}
