import Foundation
import MSNKernel
import MSNLanguage
import MSNTable
import Testing

/// Issue 16, findings 1–2 and 8–13 at the kernel API (the binary-level ones are in
/// Tests/MSNNotebookTests/HardeningCommandTests.swift).

@Test func recursiveColumnFunctionIsAPositionedError() throws {
    let s = makeSession()
    let d = try #require(s.failure("def g(x) = g(x)\ng(1)"))
    #expect(d.message == "recursion deeper than \(StackGuard.limitsOnKernelThread.callDepth) calls in 'g'")
    #expect(d.span?.line == 2 && d.span?.column == 1)
    // The session survives and still works.
    #expect(try s.text("1 + 1") == "2")
}

@Test func recursiveTableFunctionIsAPositionedError() throws {
    let s = makeSession()
    _ = try s.table("hs = load \"data/HolzingerSwineford1939.csv\"\nhs | head 1")
    let d = try #require(s.failure("def f(t) = t | f\nhs | f"))
    #expect(d.message.hasPrefix("recursion deeper than ") && d.message.hasSuffix(" calls in 'f'"))
    #expect(d.span?.line == 2 && d.span?.column == 6)
}

@Test func mutualRecursionAndRecursionThroughUseAreErrors() throws {
    let s = makeSession()
    let d = try #require(s.failure("def a(x) = b(x)\ndef b(x) = a(x)\na(2)"))
    #expect(d.message.hasPrefix("recursion deeper than "))
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("msnb-use-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    try "def loop(t) = t | loop\n".write(to: dir.appendingPathComponent("lib.msq"), atomically: true, encoding: .utf8)
    let u = Session(configuration: SessionConfiguration(directory: dir, loadPrelude: false))
    let e = try #require(u.failure("use \"lib.msq\"\nt = load \"\(repositoryRoot.path)/Notebooks/data/HolzingerSwineford1939.csv\"\nt | loop"))
    #expect(e.message.hasSuffix(" calls in 'loop'"))
}

@Test func callDepthLimitIsSizedFromTheKernelThreadStack() {
    #expect(StackGuard.limitsOnKernelThread.callDepth == KernelThread.stackSize / StackGuard.bytesPerCall)
    #expect(KernelThread.run { KernelThread.isCurrent })
}

@Test func deepNestingIsAPositionedSyntaxError() throws {
    let deep = "x = " + String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000)
    let (_, diagnostics) = KernelThread.run { Parser.parse(deep, verbs: Set(VerbOptions.verbs)) }
    #expect(diagnostics.count == 1)
    #expect(diagnostics.first?.message == "nesting deeper than 1,000 levels")
    #expect(diagnostics.first?.span?.column == 5 + Parser.maxNesting)
    // Just under the limit parses and evaluates.
    let ok = "x = " + String(repeating: "(", count: 999) + "1" + String(repeating: ")", count: 999) + "\nx"
    #expect(try makeSession().text(ok) == "1")
    for prefix in ["-", "not ", "2^"] {
        let d = try #require(makeSession().failure(String(repeating: prefix, count: 5_000) + "1"))
        #expect(d.message == "nesting deeper than 1,000 levels")
    }
}

@Test func longFlatChainsParseAndEvaluate() throws {
    let s = makeSession()
    let sum = "x = " + Array(repeating: "1", count: 100_000).joined(separator: " + ") + "\nx"
    #expect(try s.text(sum) == "100000")
    let pipeline = "hs = load \"data/HolzingerSwineford1939.csv\"\nhs" + String(repeating: " | head 5", count: 20_000)
    #expect(try s.table(pipeline).rowCount == 5)
}

@Test func integerOverflowIsAnErrorNamingTheExpression() throws {
    let s = makeSession()
    let d = try #require(s.failure("9223372036854775807 + 1"))
    #expect(d.message == "integer overflow: 9223372036854775807 + 1 is beyond the 64-bit integer range (±9223372036854775807)")
    #expect(d.span?.column == 21)
    _ = try s.table("hs = load \"data/HolzingerSwineford1939.csv\"\nhs | head 1")
    let c = try #require(s.failure("hs | derive big = id * 9223372036854775807"))
    #expect(c.message.hasPrefix("integer overflow: 'id' * 9223372036854775807") && c.message.hasSuffix(" in row 2"))
    let m = try #require(s.failure("x = -9223372036854775807 - 1\n-x"))
    #expect(m.message.hasPrefix("integer overflow: -'x'"))
    let sum = try #require(s.failure("hs | derive big = id + 9223372036854775000 | summarize total = sum(big)"))
    #expect(sum.message.hasPrefix("integer overflow: the sum"))
    // Within range nothing changes; floats do not overflow.
    #expect(try s.text("9223372036854775806 + 1") == "9223372036854775807")
    #expect(try s.text("to_float(9223372036854775807) * 2") == "1.84467e+19")
}

@Test func nonFiniteValuesFollowThePolicy() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("msnb-nan-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    try "x,y\n1,2\nNaN,4\ninf,5\n1e309,7\n-inf,9\n3,11\n".write(to: dir.appendingPathComponent("n.csv"), atomically: true, encoding: .utf8)
    let s = Session(configuration: SessionConfiguration(directory: dir, loadPrelude: false))
    let t = try s.table("t = load \"n.csv\"\nt")
    #expect(t.column(named: "x")?.nullCount == 1)                    // NaN is null
    let d = try s.table("t | describe")
    func stat(_ name: String) -> CellValue? { d.column(named: name)?[0] }
    #expect(stat("min") == .float(-.infinity) && stat("max") == .float(.infinity))
    #expect(stat("median") == .float(3))                            // of -inf, 1, 3, inf, inf
    #expect(stat("mean") == .null)                                  // -inf + inf is not a number
    #expect(stat("sd") == .null)                                    // not a number → null, never NaN
    let sm = try s.table("t | summarize lo = min(x), hi = max(x), n = count(x)")
    #expect(sm.column(named: "lo")?[0] == .float(-.infinity) && sm.column(named: "n")?[0] == .int(5))
    // Quantiles (type 7) between an infinity and another value are that infinity, never NaN.
    let q = try s.table("t | summarize q10 = quantile(x, 0.1), q60 = quantile(x, 0.6), q90 = quantile(x, 0.9)")
    #expect(q.column(named: "q10")?[0] == .float(-.infinity))      // between -inf and 1
    #expect(q.column(named: "q60")?[0] == .float(.infinity))       // between 3 and inf
    #expect(q.column(named: "q90")?[0] == .float(.infinity))       // between inf and inf
    let sorted = try s.table("t | sort x")
    #expect((0..<6).map { sorted.column(named: "x")![$0] } == [.float(-.infinity), .float(1), .float(3), .float(.infinity), .float(.infinity), .null])
    let fit = try #require(s.failure("fit linear y ~ x on t"))
    #expect(fit.message == "column 'x' has 3 infinite values (inf or -inf); a model needs finite numbers")
    let boost = try #require(s.failure("fit boost y ~ x on t"))
    #expect(boost.message.hasPrefix("column 'x' has 3 infinite values"))
    let sem = try #require(s.failure("fit sem on t { f =~ x + y }"))
    #expect(sem.message.hasPrefix("column 'x' has 3 infinite values"))
    #expect(try s.text("to_float(1e308) * 10 - to_float(1e308) * 10") == "null")   // inf - inf is null
}

@Test func accurateMessagesForFoldsEmptyTablesAndRound() throws {
    let s = makeSession()
    _ = try s.table("hs = load \"data/HolzingerSwineford1939.csv\"\nhs | head 1")
    let folds = try #require(s.failure("fit boost x1 ~ x2 + x3 on hs with folds = 1000, trees = 2"))
    #expect(folds.message == "folds = 1000 needs at least 1000 rows with a target, but there are 301")
    let empty = try #require(s.failure("e = hs | filter x1 > 100\nfit boost x1 ~ x2 on e"))
    #expect(empty.message == "fit boost: the table has no rows")
    let round = try #require(s.failure("round(2.5, 1000)"))
    #expect(round.message == "round's digits must be between -308 and 308, got 1000")
    #expect(try s.text("round(1.23456, 300)") == "1.23456")
}

@Test func semDefinitionWithAnUnknownLabelFailsAtFitPositionedAtTheName() throws {
    let s = makeSession()
    _ = try s.table("hs = load \"data/HolzingerSwineford1939.csv\"\nhs | head 1")
    let d = try #require(s.failure("m = fit sem on hs {\n  visual =~ x1 + a*x2 + x3\n  d := a * zz\n}"))
    #expect(d.message == "'zz' in the definition of 'd' is not a parameter label")
    #expect(d.span?.line == 3 && d.span?.column == 12 && d.span?.length == 2)
}

@Test func displayedCellsAreTruncatedWithAnEllipsis() throws {
    let long = String(repeating: "é", count: 1_000_000)
    let t = try Table([("name" + String(repeating: "n", count: 100), .string(StringColumn([long, "short"])))])
    let text = Renderer.textTable(t, options: SessionOptions())
    #expect(text.count < 400)
    #expect(text.contains(String(repeating: "é", count: 59) + "…"))
    let md = Renderer.markdownTable(t, options: SessionOptions())
    #expect(md.count < 400 && md.contains("…"))
    let described = Renderer.textTable(try t.describe(), options: SessionOptions())
    #expect(described.count < 1_000 && described.contains("é…"))
}

/// Found by the evaluator fuzzer: `true and true` (two scalars) and `1 in [1, 2]` in a derive on a table
/// with no rows read the first element of empty arrays. A scalar is one value whatever the row count.
@Test func scalarLogicAndMembershipOnATableWithNoRows() throws {
    let s = makeSession()
    _ = try s.table("hs = load \"data/HolzingerSwineford1939.csv\"\nhs | head 1")
    let empty = try s.table("hs | head 0 | derive y = true and null, z = 1 in [1, 2], w = null or false")
    #expect(empty.rowCount == 0)
    #expect(Array(empty.columnNames.suffix(3)) == ["y", "z", "w"])
    let one = try s.table("hs | head 1 | derive y = true and null, z = 1 in [1, 2], w = null or false, v = false and null")
    #expect(one.column(named: "y")?[0] == .null && one.column(named: "z")?[0] == .bool(true))
    #expect(one.column(named: "w")?[0] == .null && one.column(named: "v")?[0] == .bool(false))
}
