import Testing
@testable import MSNLanguage

/// Golden cases: source → S-expression dump of its statements (joined by newlines).
private let golden: [(String, String)] = [
    ("firms = load \"data/exporters.csv\"", "(bind firms (verb load \"data/exporters.csv\"))"),
    ("firms | filter region == \"Java\" and export_volume > 1000 | head 5",
     "(| (| firms (verb filter (and (== region \"Java\") (> export_volume 1000)))) (verb head 5))"),
    ("firms\n  | derive log_vol = log(export_volume), margin_pct = profit_margin * 100\n  | sort mean_vol desc",
     "(| (| firms (verb derive (= log_vol (call log export_volume)) (= margin_pct (* profit_margin 100)))) (verb sort mean_vol desc))"),
    ("x | summarize n = count(), m = mean(v) by sector, region",
     "(| x (verb summarize (= n (call count)) (= m (call mean v)) (by sector region)))"),
    ("clean = firms | drop nulls export_volume | drop outliers export_volume, profit_margin with k = 3",
     "(bind clean (| (| firms (verb drop nulls export_volume)) (verb drop outliers export_volume profit_margin (with k=3))))"),
    ("train, test = clean | split 0.8 by exported seed 42",
     "(bind train test (| clean (verb split 0.8 (by exported) (seed 42))))"),
    ("def zscore(x) = (x - mean(x)) / sd(x)", "(def zscore (x) (/ (- x (call mean x)) (call sd x)))"),
    ("def exporters(t) = t | filter exported == 1", "(def exporters (t) (| t (verb filter (== exported 1))))"),
    ("firms | exporters | derive z = zscore(export_volume) | describe",
     "(| (| (| firms (call exporters)) (verb derive (= z (call zscore export_volume)))) (verb describe))"),
    ("m = fit boost exported ~ sentiment + fx_volatility on train with trees = 300, depth = 4, rate = 0.05",
     "(bind m (verb fit boost (~ exported (+ sentiment fx_volatility)) (on train) (with trees=300 depth=4 rate=0.05)))"),
    ("m = train | fit boost exported ~ . - firm_id", "(bind m (| train (verb fit boost (~ exported (- . firm_id)))))"),
    ("fit linear y ~ a * b + c : d on t", "(verb fit linear (~ y (+ (* a b) (: c d))) (on t))"),
    ("m = w | fit panel lwage ~ union + hours | nr + year | part fit",
     "(bind m (| (| w (verb fit panel (~ lwage (| (+ union hours) (+ nr year))))) (verb part fit)))"),
    ("hausman fe, re", "(verb hausman fe re)"),
    ("predict m on test | select firm_id, exported, .pred, .prob",
     "(| (verb predict m (on test)) (verb select firm_id exported .pred .prob))"),
    ("s = fit sem on hs {\n  visual =~ x1 + x2\n  textual =~ x4 + x5\n}",
     "(bind s (verb fit sem (on hs) {block 1:20 2 lines}))"),
    ("compare regions firms by region on export_volume, sentiment, sector",
     "(verb compare regions firms (by region) (on export_volume sentiment sector))"),
    ("simulate exporters n = 500 seed = 42", "(verb simulate exporters (= n 500) (seed 42))"),
    ("x | filter region in [\"Java\", \"Bali\"] and v is not null", "(| x (verb filter (and (in region [\"Java\" \"Bali\"]) (is-not-null v))))"),
    ("y = load \"x.csv\" with delimiter = \";\", na = [\"\", \"-\"], types = {id: \"string\"}",
     "(bind y (verb load \"x.csv\" (with delimiter=\";\" na=[\"\" \"-\"] types={id: \"string\"})))"),
    ("x | select keep = `export volume`, -b", "(| x (verb select (= keep export volume) (- b)))"),
    ("a = 2 ^ 3 ^ 2 - -1", "(bind a (- (^ 2 (^ 3 2)) (- 1)))"),
    ("use \"helpers.msq\"\nuse likert\nset rows = 20", "(use \"helpers.msq\")\n(use likert)\n(set rows 20)"),
    ("t | join regions on region with kind = \"left\"", "(| t (verb join regions (on region) (with kind=\"left\")))"),
    ("# a comment\nx = 1 # trailing\n\ny = if(x > 0, \"pos\", \"neg\")", "(bind x 1)\n(bind y (call if (> x 0) \"pos\" \"neg\"))"),
]

@Test(arguments: golden.indices)
func parsesToGoldenTree(_ i: Int) {
    let (source, expected) = golden[i]
    let (statements, diagnostics) = parseForTest(source)
    #expect(diagnostics.isEmpty, "\(diagnostics)")
    #expect(statements.map { ASTDump.statement($0.statement) }.joined(separator: "\n") == expected)
}

@Test func statementSourceIsKept() {
    let (s, _) = parseForTest("a = 1\nb = a |\n  head 2\n")
    #expect(s.map(\.source) == ["a = 1", "b = a |\n  head 2"])
}

@Test func reportsSeveralErrorsWithPositions() {
    let (statements, diagnostics) = parseForTest("a = 1 )\nb = 2\nc = 3 3\nd = 4", file: "x.msq")
    #expect(diagnostics.count == 2)
    #expect(diagnostics[0].span == SourceSpan(file: "x.msq", line: 1, column: 7, length: 1))
    #expect(diagnostics[1].span == SourceSpan(file: "x.msq", line: 3, column: 7, length: 1))
    #expect(diagnostics[1].message == "unexpected '3' after the end of the statement")
    #expect(statements.map { ASTDump.statement($0.statement) } == ["(bind b 2)", "(bind d 4)"])
}

@Test func equalsInsteadOfDoubleEqualsTeaches() {
    let (_, d) = parseForTest("y = region = \"Java\"", file: "lab.msq")
    #expect(d.first?.message == "'=' assigns; to compare use '=='")
    #expect(d.first?.span?.column == 12)
}

@Test func completenessRules() {
    #expect(Parser.isComplete("x = 1"))
    #expect(!Parser.isComplete("x = (1 +"))
    #expect(!Parser.isComplete("firms |"))
    #expect(!Parser.isComplete("firms | filter a >"))
    #expect(!Parser.isComplete("s = fit sem on hs {\n visual =~ x1"))
    #expect(Parser.isComplete("s = fit sem on hs {\n visual =~ x1\n}"))
    #expect(!Parser.isComplete("x = [1,"))
    #expect(!Parser.isComplete("a and"))
    #expect(Parser.isComplete(""))
}

/// `seed` at the end of a line continues the statement as a clause word (`split 0.8 seed` ↵ `42`),
/// but not when it is the value of `seed = seed` (a notebook parameter named seed).
@Test func seedAsAValueEndsTheLine() {
    #expect(!Parser.isComplete("t | split 0.8 seed"))
    #expect(Parser.isComplete("t | split 0.8 seed = seed"))
    #expect(Parser.isComplete("t | split 0.8 seed seed"))
    let (statements, diagnostics) = parseForTest("a = t | sample 5 seed = seed\nb = 2", file: "x.msq")
    #expect(diagnostics.isEmpty)
    #expect(statements.count == 2)
}
