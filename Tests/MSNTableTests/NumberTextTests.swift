import Foundation
import Testing
@testable import MSNTable

/// A SplitMix64 stream for the random doubles (deterministic).
private struct SplitMix {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

private func written(_ v: Double) -> String {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { buf in
        let end = NumberText.writeDouble(v, at: buf.baseAddress!)
        return String(decoding: UnsafeBufferPointer(start: buf.baseAddress!, count: end - buf.baseAddress!), as: UTF8.self)
    }
}

/// The boundaries of every binary exponent, the subnormal extremes and classic hard cases.
private let hardDoubles: [Double] = {
    var v: [Double] = [5e-324, 1e-323, 1.5e-323, 2.2250738585072014e-308, 2.225073858507201e-308, .greatestFiniteMagnitude,
                       0.1, 0.2, 0.3, 1e23, 9007199254740993, 9007199254740992, 9007199254740994, 123.456, 1e-5, 1e-4,
                       0.00012, 1e15, 1e16, 2e22, 4.35, 5e-310, 1.0 / 3.0, 2.0 / 3.0, 1e-7, 299792458.0e-9, -0.0]
    for e in 0..<2047 as Range<UInt64> {
        for m: UInt64 in [0, 1, 2, 0xF_FFFF_FFFF_FFFF, 0x8_0000_0000_0000] { v.append(Double(bitPattern: e << 52 | m)) }
    }
    return v.filter(\.isFinite).flatMap { [$0, -$0] }
}()

@Test func shortestDoubleTextEqualsSwiftDescriptionOnHardCases() {
    var bad: [String] = []
    for v in hardDoubles where written(v) != FloatFormat.shortest(v) { bad.append("\(v.bitPattern): \(written(v)) vs \(FloatFormat.shortest(v))") }
    #expect(bad.isEmpty, "\(bad.prefix(5))")
}

/// 200,000 random doubles in debug (bit patterns, cents, small decimals, uniform fractions); the
/// 10-million check is `MSNBench floatfmt --count 10000000` (release).
@Test func shortestDoubleTextEqualsSwiftDescriptionOnRandomDoubles() {
    var rng = SplitMix(state: 21)
    var bad: [String] = []
    for i in 0..<200_000 {
        let v = NumberTextSample.draw(i, &rng.state)
        guard v.isFinite else { continue }
        let text = written(v)
        if text != FloatFormat.shortest(v) || Double(text) != v { bad.append("\(v.bitPattern): \(text) vs \(FloatFormat.shortest(v))") }
    }
    #expect(bad.isEmpty, "\(bad.count) differ, e.g. \(bad.prefix(5))")
}

@Test func integerTextEqualsStringOfInt() {
    var rng = SplitMix(state: 5)
    var values: [Int64] = [0, 1, -1, 9, 10, 99, 100, -100, 12345, Int64.max, Int64.min, Int64.max - 1, Int64.min + 1, 1_000_000_000_000]
    for _ in 0..<20_000 { values.append(Int64(bitPattern: rng.next()) >> Int64(rng.next() % 63)) }
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { buf in
        for v in values {
            let end = NumberText.writeInt(v, at: buf.baseAddress!)
            #expect(String(decoding: UnsafeBufferPointer(start: buf.baseAddress!, count: end - buf.baseAddress!), as: UTF8.self) == String(v))
        }
    }
}

/// Giulietti's integer approximations of the logarithms agree with the exact values over the exponents used.
@Test func floorLogApproximationsAreExactOverTheDoubleRange() {
    for e in -1100...1100 {
        #expect(ShortestDouble.floorLog10Pow2(e) == Int((Double(e) * log10(2.0)).rounded(.down)))
        #expect(ShortestDouble.floorLog10ThreeQuartersPow2(e) == Int((log10(0.75) + Double(e) * log10(2.0)).rounded(.down)))
    }
    for e in -350...350 { #expect(ShortestDouble.floorLog2Pow10(e) == Int((Double(e) * log2(10.0)).rounded(.down))) }
}

/// The power-of-ten table against Python's exact integers:
/// g(p) = ⌊10^p / 2^r⌋ + 1 with 2^125 < g ≤ 2^126, printed as (g >> 63, g mod 2^63) by
/// `python3 -c "m=10**-p; L=m.bit_length(); g=(1<<(L+125))//m+1"` (p < 0) and `n >> (L−126)` or `n << (126−L)` (p ≥ 0).
@Test func powerOfTenTableHasTheExactApproximations() {
    let expected: [(Int, UInt64, UInt64)] = [
        (-292, 0x7fbb_d8fe_5f5e_6e27, 0x497a_3a27_04ee_c3df), (-100, 0x6ffc_bb92_3814_bf5e, 0x565e_1f8a_e4ef_15be),
        (-2, 0x51eb_851e_b851_eb85, 0x0f5c_28f5_c28f_5c29), (-1, 0x6666_6666_6666_6666, 0x3333_3333_3333_3334),
        (0, 0x4000_0000_0000_0000, 1), (1, 0x5000_0000_0000_0000, 1), (22, 0x43c3_3c19_3756_4800, 1),
        (23, 0x54b4_0b1f_852b_da00, 1), (100, 0x4926_b496_530d_f3ac, 0x164f_0989_9c17_e716),
        (324, 0x4f0c_edc9_5a71_8dd4, 0x5b01_e8b0_9aa0_d1b5),
    ]
    for (p, g1, g0) in expected {
        let g = PowerOfTenTable.shared.g(p)
        #expect(g.0 == g1 && g.1 == g0, "10^\(p)")
    }
}

@Test func blockWriterMatchesRowByRowFormattingAcrossBlocks() throws {
    // More rows than one block, so both threads and block boundaries are exercised.
    let n = CSVWriter.blockRows * 2 + 123
    var rng = SplitMix(state: 9)
    let ints: [Int64?] = (0..<n).map { i in i % 17 == 0 ? nil : Int64(bitPattern: rng.next()) >> Int64(i % 60) }
    let floats: [Double?] = (0..<n).map { i in i % 13 == 0 ? nil : NumberTextSample.draw(i, &rng.state) }
    let words = ["Java", "Bali", "a,b", "q\"x", "12", "", "NA", "north"]
    let dict: [String?] = (0..<n).map { i in i % 11 == 0 ? nil : words[i % words.count] }
    let plain: [String?] = (0..<n).map { i in i % 7 == 0 ? nil : (i % 5 == 0 ? words[i % words.count] : "firm \(i)") }
    let t = try Table([("i", .int(TypedColumn(optionals: ints))), ("f", .float(TypedColumn(optionals: floats.map { $0.flatMap { $0.isNaN ? nil : $0 } }))),
                       ("b", .bool(TypedColumn((0..<n).map { $0 % 3 == 0 }, validity: Bitmap((0..<n).map { $0 % 19 != 0 })))),
                       ("d", .string(StringColumn(dict))), ("p", .string(StringColumn(plain)))])
    if case .string(let c) = t.columns[4], case .dictionary = c.storage { Issue.record("expected plain storage for p") }
    // Reference: the cell-by-cell formatting the writer had before blocks.
    var expected = Array("i,f,b,d,p\n".utf8)
    for i in 0..<n {
        for (j, column) in t.columns.enumerated() {
            if j > 0 { expected.append(0x2C) }
            guard !column.isNull(i) else { continue }
            switch column {
            case .int(let c): expected += Array(String(c.values[i]).utf8)
            case .float(let c): expected += Array(FloatFormat.shortest(c.values[i]).utf8)
            case .bool(let c): expected += Array((c.values[i] ? "true" : "false").utf8)
            case .string(let c): CSVWriter.appendField(c[i] ?? "", to: &expected, delimiter: 0x2C, forceQuote: CSVWriter.looksTyped(c[i] ?? ""))
            }
        }
        expected.append(0x0A)
    }
    let rendered = CSVWriter.render(t)
    #expect(rendered == expected)
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("msnb-blocks-\(UUID().uuidString).csv").path
    try CSVWriter.write(t, to: path)
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(expected))
    try? FileManager.default.removeItem(atPath: path)
}
