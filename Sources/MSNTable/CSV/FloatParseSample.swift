/// Random decimal texts for the CSV float parser's checks (unit test and `MSNBench floatparse`): the
/// parser must give the same bits as Swift's `Double(String)` on every one.
public enum FloatParseSample {
    /// The `i`-th text from the SplitMix64 stream `state`, in turn: a random double's `description`
    /// (shortest round-trip, up to 17 digits), the same with 17 fixed significant digits, a random
    /// digit string of 1–30 digits with an exponent across the whole range, a value near a halfway
    /// point between two doubles (the exact decimal of the midpoint, 1 ulp-fraction below or above).
    public static func text(_ i: Int, _ state: inout UInt64) -> String {
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        switch i % 4 {
        case 0:
            let v = Double(bitPattern: next() & 0x7FFF_FFFF_FFFF_FFFF)
            return v.isFinite ? v.description : "1.5"
        case 1:
            let v = NumberTextSample.draw(Int(next() % 4), &state)
            return v.isFinite ? v.description : "2.5e-300"
        case 2:
            let n = 1 + Int(next() % 30)
            var s = ""
            for k in 0..<n {
                if k == 1 && next() % 2 == 0 { s += "." }
                s.append(Character(Unicode.Scalar(UInt8(0x30 + next() % 10))))
            }
            let e = Int(next() % 680) - 350
            return s + "e\(e)"
        default:
            // A double's neighbourhood: its shortest text with digits appended (below, at or above
            // the midpoint to the next double in the 17th digit and beyond).
            let v = Double(bitPattern: next() & 0x7FEF_FFFF_FFFF_FFFF)
            var t = v.description
            let tail = ["5", "49999999999999999999", "50000000000000000001", "5000000000000000000000000"][Int(next() % 4)]
            if let eIndex = t.firstIndex(of: "e") {
                let exp = t[eIndex...]
                t = String(t[..<eIndex]) + (t.contains(".") ? "" : ".") + tail + exp
            } else {
                t += (t.contains(".") ? "" : ".") + tail
            }
            return t
        }
    }

    /// Hard cases: subnormals, the largest doubles, halfway points, long digit strings.
    public static let hardCases: [String] = [
        "4.9406564584124654e-324", "2.4703282292062327e-324", "2.4703282292062328e-324", "5e-324", "1e-324",
        "2.2250738585072011e-308", "2.2250738585072014e-308", "2.2250738585072012e-308", "1.7976931348623157e308",
        "1.7976931348623158e308", "1.7976931348623159e308", "1e308", "1e309", "9007199254740993", "9007199254740995",
        "9007199254740993.0000000000000000001", "9007199254740992.9999999999999999999", "0.1", "0.30000000000000004",
        "0.3000000000000000166533453693773481063544750213623046875", "123456789012345678901234567890", "1e23",
        "8.988465674311579e307", "4.4501477170144023e-308", "1448997445238699", "3.0517578125e-05",
        "7.3177701707893310e+15", "2.9802322387695312e-08", "1.00000000000000011102230246251565404236316680908203125",
        "1.00000000000000011102230246251565404236316680908203124", "1.00000000000000011102230246251565404236316680908203126",
        "0.000000000000000000000000000000000000000000001e-280", "100000000000000000000000000000000000e-340",
    ]

    /// Checks `count` random texts and the hard cases with `parse`; returns the mismatches and the first few.
    public static func check(count: Int, seed: UInt64, parse: (String) -> Double?) -> (mismatches: Int, examples: [String]) {
        var state = seed
        var bad = 0
        var examples: [String] = []
        func compare(_ t: String) {
            let want = Double(t), got = parse(t)
            if want?.bitPattern != got?.bitPattern {
                bad += 1
                if examples.count < 5 { examples.append("\(t): \(got.map { "\($0)" } ?? "nil") vs \(want.map { "\($0)" } ?? "nil")") }
            }
        }
        for t in hardCases { compare(t); compare("-" + t) }
        for i in 0..<count { compare(text(i, &state)) }
        return (bad, examples)
    }

    /// The CSV reader's parser on one text.
    public static func parseCSV(_ t: String) -> Double? {
        var bytes = Array(t.utf8)
        return bytes.withUnsafeMutableBufferPointer { p -> Double? in
            guard let base = p.baseAddress else { return nil }
            return FieldParsing.parseDouble(ByteBuffer(base: UnsafePointer(base), count: p.count), 0, p.count)
        }
    }
}
