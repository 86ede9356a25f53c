import Foundation
import MSNKernel
import Testing

/// docs/language.md: every ```msnb example runs, in order, in one session, and every help entry
/// (usage, summary, example) appears in the document, so `:help` and the docs say the same.
private let document = (try? String(contentsOf: repositoryRoot.appendingPathComponent("docs/language.md"), encoding: .utf8)) ?? ""

private func examples(_ text: String) -> [(line: Int, code: String)] {
    var out: [(Int, String)] = []
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    var i = 0
    while i < lines.count {
        if lines[i] == "```msnb" {
            var j = i + 1
            while j < lines.count && lines[j] != "```" { j += 1 }
            out.append((i + 2, lines[(i + 1)..<j].joined(separator: "\n")))
            i = j
        }
        i += 1
    }
    return out
}

@Test func everyLanguageDocExampleRuns() {
    let blocks = examples(document)
    #expect(blocks.count >= 20)
    let s = makeSession()
    for b in blocks {
        let r = s.execute(b.code, origin: SourceOrigin(file: "language.md", firstLine: b.line))
        #expect(r.succeeded, "docs/language.md:\(b.line): \(Renderer.text(r.outputs, options: s.options))")
    }
}

@Test func helpCatalogMatchesTheDocs() {
    for e in HelpCatalog.entries {
        #expect(document.contains("### `\(e.topic)`\n\n\(e.summary)\n\nUsage: `\(e.usage)`\n\n```msnb\n\(e.example)\n```"),
                "docs/language.md lacks the help entry for \(e.topic)")
    }
    #expect(HelpCatalog.help(for: "split")?.contains("train, test = hs | split 0.8 by school seed 42") == true)
    #expect(HelpCatalog.help(for: "nothing") == nil)
}
