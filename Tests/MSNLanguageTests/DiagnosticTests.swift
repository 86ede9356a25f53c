import Testing
@testable import MSNLanguage

@Test func rendersCaretAndHintExactly() {
    let source = "firms = load \"x.csv\"\nx = 1\nfirms | filter export_vol > 1000"
    let d = Diagnostic(.unknownName, "unknown column 'export_vol'",
                       at: SourceSpan(file: "analysis.msq", line: 3, column: 16, length: 10),
                       hint: Diagnostic.didYouMean("export_vol", in: ["firm_id", "export_volume", "region"]))
    #expect(d.render(source: source) == """
    error: unknown column 'export_vol'
     --> analysis.msq:3:16
      |
    3 | firms | filter export_vol > 1000
      |                ^^^^^^^^^^ did you mean 'export_volume'?

    """)
}

@Test func didYouMeanNeedsACloseName() {
    #expect(EditDistance.distance("kitten", "sitting") == 3)
    #expect(EditDistance.distance("mena", "mean") == 1)   // a swap of neighbours is one edit
    #expect(EditDistance.closest(to: "regon", in: ["region", "sector"]) == "region")
    #expect(EditDistance.closest(to: "zzz", in: ["region", "sector"]) == nil)
    #expect(EditDistance.closest(to: "exp", in: ["export_volume", "sector"]) == "export_volume")
}

@Test func lexerReportsBadCharactersAndUnterminatedStrings() {
    let (_, d) = parseForTest("x = \"abc\ny = 2 @ 3", file: "f.msq")
    #expect(d.contains { $0.message == "unterminated string" && $0.span?.line == 1 })
    #expect(d.contains { $0.message == "unexpected character '@'" && $0.span?.line == 2 && $0.span?.column == 7 })
}
