import Testing
@testable import MSNTable

// The CSV float parser (Clinger's fast path, Eisel–Lemire, Double(String) for the rest) against Swift's
// Double(String), bit for bit. The 10-million check is `MSNBench floatparse` (docs/performance.md).

@Test func powerOfFiveTableMatchesFastFloat() {
    // Entries printed by the table script of fast_float (Python, exact integers; see FloatParsingTests
    // PROVENANCE in docs/performance.md): q → (high, low).
    let expected: [(Int, UInt64, UInt64)] = [
        (-342, 0xeef4_53d6_923b_d65a, 0x113f_aa29_06a1_3b3f), (-300, 0xab70_fe17_c79a_c6ca, 0x6dbd_630a_48aa_f406),
        (-28, 0xfd87_b5f2_8300_ca0d, 0x8bca_9d6e_1888_53fc), (-27, 0x9e74_d1b7_91e0_7e48, 0x775e_a264_cf55_347e),
        (-1, 0xcccc_cccc_cccc_cccc, 0xcccc_cccc_cccc_cccd), (0, 0x8000_0000_0000_0000, 0), (1, 0xa000_0000_0000_0000, 0),
        (27, 0xcecb_8f27_f420_0f3a, 0), (28, 0x813f_3978_f894_0984, 0x4000_0000_0000_0000),
        (55, 0xd0cf_4b50_cfe2_0765, 0xfff4_b4e3_f741_cf6d), (56, 0x8281_8f12_81ed_449f, 0xbff8_f10e_7a89_21a4),
        (308, 0x8e67_9c2f_5e44_ff8f, 0x570f_09ea_a7ea_7648),
    ]
    for (q, hi, lo) in expected {
        let (h, l) = PowerOfFiveTable.shared.entry(q)
        #expect(h == hi && l == lo, "5^\(q)")
    }
}

@Test func floatParserMatchesSwiftOnHardCasesAndRandomTexts() {
    let (bad, examples) = FloatParseSample.check(count: 40_000, seed: 7, parse: FloatParseSample.parseCSV)
    #expect(bad == 0, "\(examples)")
}

@Test func floatParserEdgeValues() {
    #expect(FloatParseSample.parseCSV("4.9406564584124654e-324") == Double.leastNonzeroMagnitude)
    #expect(FloatParseSample.parseCSV("2.4703282292062327e-324") == 0)          // below half the least subnormal
    #expect(FloatParseSample.parseCSV("1.7976931348623157e308") == Double.greatestFiniteMagnitude)
    #expect(FloatParseSample.parseCSV("9007199254740993") == 9_007_199_254_740_992)   // halfway: to even
    #expect(FloatParseSample.parseCSV("9007199254740993.0000000000000000001") == 9_007_199_254_740_994)
    #expect(FloatParseSample.parseCSV("-0.0")?.sign == .minus)
    #expect(FloatParseSample.parseCSV("0.1") == 0.1)
    #expect(FloatParseSample.parseCSV("1e400") == .infinity)
    #expect(FloatParseSample.parseCSV("1.5e") == nil && FloatParseSample.parseCSV(".") == nil)
}
