@testable import MSNLanguage

/// The verbs the parser tests use (the kernel passes its registry's names; the language module has none).
let testVerbs: Set<String> = [
    "load", "filter", "select", "derive", "summarize", "sort", "head", "tail", "join", "distinct", "describe",
    "count", "drop", "sample", "split", "export", "fit", "evaluate", "importance", "predict", "explain",
    "estimates", "fitmeasures", "rsquare", "modindices", "reliability", "compare", "part", "simulate", "hausman",
]

/// `Parser.parse` with the test verbs.
func parseForTest(_ source: String, file: String = "<input>", firstLine: Int = 1) -> (statements: [ParsedStatement], diagnostics: [Diagnostic]) {
    Parser.parse(source, file: file, firstLine: firstLine, verbs: testVerbs)
}
