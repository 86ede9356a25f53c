import Foundation
import MSNKernel
import MSNLanguage
import MSNTable
import Testing

private func hsSession() -> Session {
    let s = makeSession()
    _ = s.execute("hs = load \"data/HolzingerSwineford1939.csv\"")
    return s
}

@Test func unknownColumnSuggestsClosest() {
    let s = hsSession()
    let r = s.execute("x = 1\nhs | filter agyr > 12", origin: SourceOrigin(file: "analysis.msq"))
    guard case .error(let d, let source)? = r.outputs.last else { Issue.record("expected an error"); return }
    #expect(d.message == "unknown column 'agyr'")
    #expect(d.span == SourceSpan(file: "analysis.msq", line: 2, column: 13, length: 4))
    #expect(d.hint == "did you mean 'ageyr'?")
    #expect(d.render(source: source) == """
    error: unknown column 'agyr'
     --> analysis.msq:2:13
      |
    2 | hs | filter agyr > 12
      |             ^^^^ did you mean 'ageyr'?

    """)
}

@Test func typeErrorsNameTheColumnType() {
    let s = hsSession()
    #expect(s.failure("hs | filter school > 3")?.message == "cannot compare 'school', which is text, with 3, which is a number")
    #expect(s.failure("hs | derive y = school + 1")?.message == "cannot use '+' on 'school', which is text")
    #expect(s.failure("hs | split 1.5")?.message == "split fraction must be between 0 and 1, got 1.5")
    #expect(s.failure("hs | filter x1")?.message == "filter needs a true/false condition, but 'x1' is a number")
    #expect(s.failure("hs | filter school = \"Pasteur\"")?.message == "'=' assigns; to compare use '=='")
}

@Test func unknownNamesVerbsFunctionsOptions() {
    let s = hsSession()
    #expect(s.failure("hz | head 3")?.hint == "did you mean 'hs'?")
    #expect(s.failure("hs | derive y = mena(x1)")?.hint == "did you mean 'mean'?")
    #expect(s.failure("hs | drop outliers x1 with kk = 3")?.hint == "did you mean 'k'?")
    #expect(s.failure("hs | sumarize n = count()")?.hint == "did you mean 'summarize'?")
    #expect(s.failure("t = load \"data/HolzingerSwineford.csv\"")?.hint == "did you mean 'HolzingerSwineford1939.csv'? (in data/)")
}

@Test func errorsLeaveBindingsIntact() throws {
    let s = hsSession()
    _ = s.execute("n = 5")
    let r = s.execute("n = 6\nm = hs | filter nope > 1\nn = 7")
    #expect(!r.succeeded)
    // The first statement ran and is kept; the failing one changed nothing; the third never ran.
    #expect(try s.text("n") == "6")
    #expect(s.value(of: "m") == nil)
    let parse = s.execute("n = 8\nn = = 9")
    #expect(!parse.succeeded)
    #expect(try s.text("n") == "6")   // syntax errors stop the whole entry before it runs
}

@Test func severalSyntaxErrorsAtOnce() {
    let s = makeSession()
    let r = s.execute("a = (1\nb = 2\n", origin: SourceOrigin(file: "x.msq"))
    #expect(!r.succeeded)
    let r2 = s.execute("a = 1 )\nb = 2 2\n", origin: SourceOrigin(file: "x.msq"))
    let errors = r2.outputs.compactMap { if case .error(let d, _) = $0 { return d.span?.line } else { return nil } }
    #expect(errors == [1, 2])
}

@Test func countAfterFilterMatchesPredicateProperty() throws {
    // Property: for several thresholds, count after filter equals the rows where the predicate is true.
    let s = hsSession()
    let hs = try s.table("hs")
    guard let x1 = hs.column(named: "x1")?.doubles() else { Issue.record("x1"); return }
    for threshold in stride(from: 2.0, through: 8.0, by: 0.75) {
        let expected = x1.filter { $0 > threshold }.count
        #expect(try s.text("hs | filter x1 > \(threshold) | count") == String(expected))
    }
    // Property: split partitions the rows, for several seeds and fractions.
    for (seed, f) in [(1, 0.5), (2, 0.8), (99, 0.3)] {
        _ = s.execute("a, b = hs | split \(f) by school seed \(seed)")
        let a = try s.table("a"), b = try s.table("b")
        let ids = Set((0..<a.rowCount).map { a[$0, "id"] } + (0..<b.rowCount).map { b[$0, "id"] })
        #expect(a.rowCount + b.rowCount == 301 && ids.count == 301)
    }
}
