import Foundation
import MSNKernel
import MSNTable
import Testing

/// Issue 3, requirement by requirement: every built-in function, the verb forms not covered elsewhere
/// (`load … with`, `on T`, `export` mid-pipeline, stratified `sample`, `use "file"`, `set seed`) and the
/// prelude's functions, each on a four-row table whose values are checked by hand.

/// `t`: id 1…4, x = 2.5, null, -1, 4 and s = "a", "b", "c", null, in a fresh folder that is also returned.
private func tinySession() throws -> (Session, URL) {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("msnb-audit-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    try "id,x,s,export volume\n1,2.5,a,10\n2,,b,20\n3,-1,c,30\n4,4,,40\n"
        .write(to: dir.appendingPathComponent("t.csv"), atomically: true, encoding: .utf8)
    let s = makeSession(writeTo: dir.appendingPathComponent("out"))
    _ = s.execute("t = load \"\(dir.appendingPathComponent("t.csv").path)\"")
    return (s, dir)
}

private func column(_ t: Table, _ name: String) -> [CellValue] { (0..<t.rowCount).map { t[$0, name] } }

@Test func numericFunctionsByHand() throws {
    let (s, _) = try tinySession()
    let t = try s.table("""
        t | derive a = log(exp(1)), b = sqrt(16), c = abs(-3), d = round(2.25, 1), e = round(-2.5, 0), f = floor(-1.5), \
        g = ceil(1.2), h = pow(2, 10), lo = least(x, 1), hi = greatest(x, 1), l0 = log(0), r0 = sqrt(-1)
        """)
    #expect(t[0, "a"] == .float(1) && t[0, "b"] == .float(4) && t[0, "c"] == .float(3))
    #expect(t[0, "d"] == .float(2.3) && t[0, "e"] == .float(-3))          // half away from zero
    #expect(t[0, "f"] == .float(-2) && t[0, "g"] == .float(2) && t[0, "h"] == .float(1024))
    // least/greatest skip nulls: row 2's x is null, so the result is the other argument.
    #expect(column(t, "lo") == [.float(1), .float(1), .float(-1), .float(1)])
    #expect(column(t, "hi") == [.float(2.5), .float(1), .float(1), .float(4)])
    #expect(t[0, "l0"] == .null && t[0, "r0"] == .null)                    // invalid input gives null
}

@Test func textNullAndConversionFunctionsByHand() throws {
    let (s, _) = try tinySession()
    let t = try s.table("""
        t | derive lw = lower("AbC"), up = upper(s), has_a = contains(s, "a"), b_ = starts_with(s, "b"), n = len(s), \
        c = coalesce(x, 0), missing = is_null(x), f = to_float(id), i = to_int(-2.7), j = to_int("12"), txt = to_string(id)
        """)
    #expect(t[0, "lw"] == .string("abc"))
    #expect(column(t, "up") == [.string("A"), .string("B"), .string("C"), .null])
    #expect(column(t, "has_a") == [.bool(true), .bool(false), .bool(false), .null])
    #expect(column(t, "b_") == [.bool(false), .bool(true), .bool(false), .null])
    #expect(column(t, "n") == [.int(1), .int(1), .int(1), .null])
    #expect(column(t, "c") == [.float(2.5), .float(0), .float(-1), .float(4)])
    #expect(column(t, "missing") == [.bool(false), .bool(true), .bool(false), .bool(false)])
    #expect(t[2, "f"] == .float(3) && t[0, "i"] == .int(-2) && t[0, "j"] == .int(12) && t[3, "txt"] == .string("4"))
}

/// Found by the evaluator fuzzer (Fuzz/Regressions/evaluator/to-int-of-a-huge-text-number): `to_int` of a
/// text number outside Int64's range trapped; like any text that is no integer, it is null.
@Test func toIntOfNumbersOutsideTheIntegerRangeIsNull() throws {
    let (s, _) = try tinySession()
    let t = try s.table("""
        t | head 1 | derive a = to_int("1e300"), b = to_int("-9.3e18"), c = to_int("9.2e18"), d = to_int(" -7.9 "), \
        e = to_int(1e19), f = to_int("inf"), g = to_int(-9.2e18)
        """)
    #expect(t[0, "a"] == .null && t[0, "b"] == .null && t[0, "e"] == .null && t[0, "f"] == .null)
    #expect(t[0, "c"] == .int(9_200_000_000_000_000_000) && t[0, "d"] == .int(-7) && t[0, "g"] == .int(-9_200_000_000_000_000_000))
}

@Test func aggregatesByHand() throws {
    let (s, _) = try tinySession()
    let t = try s.table("""
        t | summarize n = count(), nx = count(x), total = sum(x), m = mean(x), v = var(x), sdx = sd(x), med = median(x), \
        q = quantile(x, 0.25), lo = min(x), hi = max(x), kinds = n_distinct(s), f = first(s)
        """)
    // x = 2.5, -1, 4 (one null): sum 5.5, mean 11/6, squared deviations sum 79/6, var 79/12.
    #expect(t[0, "n"] == .int(4) && t[0, "nx"] == .int(3) && t[0, "total"] == .float(5.5))
    #expect(abs((t[0, "m"].doubleValue ?? 0) - 11.0 / 6) < 1e-12)
    #expect(abs((t[0, "v"].doubleValue ?? 0) - 79.0 / 12) < 1e-12)
    #expect(abs((t[0, "sdx"].doubleValue ?? 0) - (79.0 / 12).squareRoot()) < 1e-12)
    // Type 7: sorted -1, 2.5, 4; h = 0.5 → -1 + 0.5 · 3.5 = 0.75.
    #expect(t[0, "med"] == .float(2.5) && t[0, "q"] == .float(0.75))
    #expect(t[0, "lo"] == .float(-1) && t[0, "hi"] == .float(4) && t[0, "kinds"] == .int(3) && t[0, "f"] == .string("a"))
}

@Test func operatorsNullLogicAndBackticks() throws {
    let (s, _) = try tinySession()
    let t = try s.table("""
        t | derive p = x ^ 2, r = id % 3, big = x > 2 and not (id == 4), any_ = x > 2 or x is null, inl = s in ["a", "c"], \
        pick = if(x > 0, "pos", "neg"), vol2 = `export volume` * 2
        """)
    #expect(column(t, "p") == [.float(6.25), .null, .float(1), .float(16)])
    #expect(column(t, "r") == [.int(1), .int(2), .int(0), .int(1)])
    #expect(column(t, "big") == [.bool(true), .null, .bool(false), .bool(false)])   // null and true → null
    #expect(column(t, "any_") == [.bool(true), .bool(true), .bool(false), .bool(true)])
    #expect(column(t, "inl") == [.bool(true), .bool(false), .bool(true), .null])
    #expect(column(t, "pick") == [.string("pos"), .null, .string("neg"), .string("pos")])
    #expect(column(t, "vol2") == [.int(20), .int(40), .int(60), .int(80)])
}

@Test func loadOptionsOnTExportMidPipelineAndUse() throws {
    let (s, dir) = try tinySession()
    let semi = dir.appendingPathComponent("semi.csv")
    try "id;name;v\n007;a;1,5\n008;-;2\n".write(to: semi, atomically: true, encoding: .utf8)
    let l = try s.table("load \"\(semi.path)\" with delimiter = \";\", na = [\"-\"], types = {id: \"string\"}")
    #expect(l.columnNames == ["id", "name", "v"] && l[0, "id"] == .string("007") && l[1, "name"] == .null)
    #expect(l[0, "v"] == .string("1,5") && l[1, "v"] == .string("2"))
    // `verb … on T` is `T | verb …`.
    #expect(try s.text("count on t") == "4")
    #expect(try s.table("head 2 on t").rowCount == 2)
    // export passes its table on; the file holds all four rows.
    #expect(try s.text("t | export \"mid/out.csv\" | filter x > 0 | count") == "2")
    #expect(try CSVReader.read(path: dir.appendingPathComponent("out/mid/out.csv").path).rowCount == 4)
    let lib = dir.appendingPathComponent("lib.msq")
    try "# a library\ndef twice(v) = v * 2\nlib_const = 21\n".write(to: lib, atomically: true, encoding: .utf8)
    _ = s.execute("use \"\(lib.path)\"")
    #expect(try s.text("twice(lib_const)") == "42")
}

@Test func seedsAndStratifiedSampleThroughTheLanguage() throws {
    let s = makeSession()
    _ = s.execute("hs = load \"data/HolzingerSwineford1939.csv\"")
    // Proportional allocation: 10 · 156/301 = 5.18 (Pasteur), 10 · 145/301 = 4.82 (Grant-White) → 5 and 5.
    let strat = try s.table("hs | sample 10 by school seed 1 | summarize n = count() by school | sort school")
    #expect(column(strat, "n") == [.int(5), .int(5)])
    let bigger = try s.table("hs | sample 100 by school seed 1 | summarize n = count() by school | sort school")
    #expect(column(bigger, "n") == [.int(48), .int(52)])   // 48.17 and 51.83
    // `set seed` is the default seed; the same seed gives the same rows on every machine (values pinned).
    _ = s.execute("set seed = 3")
    let a = try s.table("hs | sample 4 | select id"), b = try s.table("hs | sample 4 seed 3 | select id")
    #expect(column(a, "id") == column(b, "id"))
    #expect(column(a, "id") == [.int(120), .int(144), .int(160), .int(285)])
    #expect(column(try s.table("hs | sample 5 seed 42 | select id"), "id") == [22, 29, 40, 116, 229].map { CellValue.int($0) })
}

@Test func preludeFunctionsByHand() throws {
    let (s, _) = try tinySession()
    let t = try s.table("""
        t | derive z = zscore(id), mm = minmax(x), w = winsorize(x, 0.25), rev = reverse_likert(id, 5), \
        sm = scale_mean3(id, id, 1), g = growth(x, id), l1 = log1p(id - 1)
        """)
    // id 1..4: mean 2.5, sd sqrt(5/3).
    #expect(abs((t[0, "z"].doubleValue ?? 0) - (-1.5 / (5.0 / 3).squareRoot())) < 1e-12)
    #expect(column(t, "mm") == [.float(0.7), .null, .float(0), .float(1)])            // (x + 1) / 5
    // Quantiles of 2.5, -1, 4 at 0.25 and 0.75: 0.75 and 3.25; a missing value stays missing.
    #expect(column(t, "w") == [.float(2.5), .null, .float(0.75), .float(3.25)])
    #expect(column(t, "rev") == [.int(5), .int(4), .int(3), .int(2)])
    #expect(t[2, "sm"] == .float(7.0 / 3) && t[0, "g"] == .float(1.5) && t[3, "g"] == .float(0))
    #expect(t[0, "l1"] == .float(0))
}

@Test func scalarsFollowDigits() throws {
    let s = makeSession()
    #expect(try s.text("1 / 3") == "0.333333")       // the default 6 significant digits, as in tables
    _ = s.execute("set digits = 3")
    #expect(try s.text("2 / 3") == "0.667")
    #expect(try s.text("[1 / 3, 2, null]") == "[0.333, 2, null]")
    #expect(try s.text("2.0 * 4") == "8.0")           // a whole float still reads as a float
    #expect(try s.text("7") == "7")
}
