import Foundation
@testable import MSNKernel
import MSNLanguage
import Testing

/// The catalogue covers what the code asks of it: every key the templates, renderers and notebook
/// reports use exists in both languages, and the renderers write no English words outside the
/// catalogue (issue 20: headings and labels go through `Messages`, so `set language "id"` reaches them).
private func sources(_ folders: [String], files: [String] = []) throws -> [(name: String, text: String)] {
    var out: [(String, String)] = []
    for folder in folders {
        let url = repositoryRoot.appendingPathComponent(folder)
        for name in try FileManager.default.contentsOfDirectory(atPath: url.path).sorted() where name.hasSuffix(".swift") && !name.hasPrefix("Messages+") {
            out.append((name, try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8)))
        }
    }
    for f in files { out.append(((f as NSString).lastPathComponent, try String(contentsOf: repositoryRoot.appendingPathComponent(f), encoding: .utf8))) }
    return out
}

/// String literals of a line, without `\(…)` interpolations (a literal's own quotes end it).
private func literals(_ line: Substring) -> [String] {
    var out: [String] = [], current = "", inside = false, escaped = false, depth = 0
    for ch in line {
        if !inside { if ch == "\"" { inside = true; current = "" }; continue }
        if depth > 0 { if ch == "(" { depth += 1 } else if ch == ")" { depth -= 1 }; continue }
        if escaped { escaped = false; if ch == "(" { depth = 1 } else { current.append(ch) }; continue }
        if ch == "\\" { escaped = true; continue }
        if ch == "\"" { inside = false; out.append(current); continue }
        current.append(ch)
    }
    return out
}

@Test func everyKeyTheCodeUsesIsCatalogued() throws {
    let en = Messages.english, id = Messages.indonesian
    // A quoted key anywhere on a line, inside interpolations too (`\(Messages.text("heading.notRun", l))`).
    let quotedKey = try Regex("\"([a-z][a-zA-Z0-9]*(?:\\.[a-zA-Z0-9]+)+)\"")
    // Key families: `error`, `heading`, … and the template families after `interp.` (`agr`, `eval`, …);
    // a dotted literal of another family (lavaan's "rmsea.ci.lower") is not a key.
    var families: Set<String> = []
    for key in en.keys {
        let parts = key.split(separator: ".")
        families.insert(String(parts[0]))
        if parts[0] == "interp", parts.count > 1 { families.insert(String(parts[1])) }
    }
    var used: Set<String> = []
    for file in try sources(["Sources/MSNKernel/Interpretation", "Sources/MSNKernel/Rendering"],
                            files: ["Sources/MSNNotebook/NotebookHTML.swift", "Sources/MSNNotebook/NotebookRendering.swift",
                                    "Sources/MSNKernel/Verbs/InterpretVerb.swift"]) {
        for line in file.text.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
            for match in line.matches(of: quotedKey) {
                guard let captured = match.output[1].substring else { continue }
                let lit = String(captured)
                guard families.contains(String(lit.split(separator: ".")[0])) else { continue }
                // Templates name keys without the `interp.` prefix (`c.t("agr.r.main")`).
                let key = en[lit] != nil ? lit : "interp." + lit
                used.insert(key)
                #expect(en[key] != nil, "\(file.name): '\(lit)' is not in the English catalogue")
                #expect(id[key] != nil, "\(file.name): '\(lit)' is not in the Indonesian catalogue")
            }
        }
    }
    // The scan sees the keys (a sanity check that it reads the sources at all).
    for key in ["interp.agr.r.main", "heading.notEvaluated", "heading.contents"] { #expect(used.contains(key), "the scan missed \(key)") }
    #expect(used.count > 150)
}

@Test func renderersWriteNoEnglishOutsideTheCatalogue() throws {
    // Literals with two English words in a row are output wording; each must come from Messages. The
    // allowed ones are markup and `msnb check`'s developer messages.
    let allowed = ["msnb cell", "DOCTYPE", "is not committed", "differs from line", "fresh run", "is committed but",
                   "figure", "html lang", "meta name", "meta charset", "nav class"]
    let words = try Regex("[A-Za-z]{2,} [A-Za-z]{2,}")
    var found: [String] = []
    for file in try sources(["Sources/MSNKernel/Rendering"],
                            files: ["Sources/MSNNotebook/NotebookHTML.swift", "Sources/MSNNotebook/NotebookRendering.swift"]) {
        for line in file.text.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
            for lit in literals(line) {
                let text = lit.replacing(try Regex("<[^>]*>"), with: "")
                guard text.firstMatch(of: words) != nil, !allowed.contains(where: text.contains) else { continue }
                found.append("\(file.name): \"\(lit)\"")
            }
        }
    }
    #expect(found.isEmpty, "English wording outside the catalogue (add a heading.* key): \(found)")
}

@Test func rendererWordingInIndonesian() throws {
    let s = makeSession()
    _ = s.execute("set language \"id\"\nset rows = 4")
    let long = Renderer.text(s.execute("hs = load \"data/HolzingerSwineford1939.csv\"\nhs | select x1, x2 | head 12").outputs, options: s.options)
    #expect(long.contains("12 baris × 2 kolom (8 baris lagi tidak ditampilkan)"), "\(long)")
    #expect(Messages.text("heading.wrote", .id, ["path": "a.csv", "rows": "3", "columns": "2"]) == "a.csv ditulis (3 baris × 2 kolom)")
    #expect(Renderer.text([.fileWritten(path: "a.csv", rows: 3, columns: 2)], options: s.options) == "a.csv ditulis (3 baris × 2 kolom)\n")
    // Summary wording of the mixed-methods verbs goes through the localizer.
    let r = s.execute("codes = load \"data/interview_codes.csv\"\nagreement codes by coder on theme with draws = 0", origin: SourceOrigin(file: "t"))
    let summaries = r.outputs.compactMap { o -> ModelSummary? in if case .model(_, let s) = o { return s } else { return nil } }
    guard let summary = summaries.last else { Issue.record("no summary: \(Renderer.text(r.outputs, options: s.options))"); return }
    #expect(summary.title == "kesepakatan antarpengode: 2 pengode, 6 responden, 3 tema")
    #expect(summary.items.contains { $0.label == "persentase kesepakatan" })
    #expect(summary.warnings.contains("Dengan 6 responden, selangnya lebar; laporkan selang itu bersama κ."))
    // Common errors of other verbs.
    #expect(Localizer.translate("model must be one of \"within\", \"random\"", to: .id) == "model harus salah satu dari \"within\", \"random\"")
    #expect(Localizer.translate("export needs one file name in quotes", to: .id) == "export memerlukan satu nama berkas dalam tanda kutip")
    #expect(Localizer.translate("max_iterations is a whole number ≥ 1", to: .id) == "max_iterations berupa bilangan bulat ≥ 1")
}
