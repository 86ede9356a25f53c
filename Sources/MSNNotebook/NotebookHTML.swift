import Foundation
import MSNKernel

/// A notebook run as one self-contained HTML file: inline CSS (light and dark, and a print
/// stylesheet), the title and parameters from the front matter, a table of contents from the prose's
/// headings, prose rendered by cmark-gfm, each cell's code foldable in `<details>`, outputs as real
/// tables, styled warnings and errors, and a footer naming the msnb version and the parameters used.
/// No scripts and no network requests.
public enum NotebookHTML {
    /// The HTML document. `generator` names the tool ("msnb 0.2.0").
    public static func render(_ run: NotebookRun, generator: String) -> String {
        let parameters = run.parameters
        let doc = run.document
        var results: [Int: CellResult] = [:]
        for r in run.results { results[r.cell.number] = r }
        var body = ""
        var toc: [(level: Int, id: String, text: String)] = []
        var usedIDs: Set<String> = []
        for segment in doc.segments {
            switch segment {
            case .prose(let text):
                let html = MarkdownHTML.render(stripFrontMatter(text))
                body += addHeadingIDs(html, toc: &toc, used: &usedIDs)
            case .cell(let cell):
                body += cellHTML(cell, result: results[cell.number], options: run.options)
            }
        }
        let title = doc.frontMatter.title ?? doc.file
        let paramText = parameters.map { "\($0.0) = \(display($0.1))" }.joined(separator: ", ")
        let language = run.options.messageLanguage
        func word(_ key: String) -> String { esc(Messages.text(key, language)) }
        var out = "<!DOCTYPE html>\n<html lang=\"\(doc.frontMatter.language ?? "en")\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<meta name=\"generator\" content=\"\(esc(generator))\">\n<title>\(esc(title))</title>\n<style>\n\(NotebookHTMLStyle.css)</style>\n</head>\n<body>\n"
        out += "<header>\n<p class=\"msnb-file\">\(doc.frontMatter.title.map { esc($0) + " · " } ?? "")\(esc(doc.file))</p>\n"
        if !paramText.isEmpty { out += "<p class=\"msnb-params\">\(word("heading.parameters")): <code>\(esc(paramText))</code></p>\n" }
        if !run.succeeded { out += "<p class=\"msnb-error\">\(word("heading.runFailed"))</p>\n" }
        out += "</header>\n"
        if toc.count > 1 {
            out += "<nav class=\"msnb-toc\" aria-label=\"\(word("heading.contents"))\">\n<p><strong>\(word("heading.contents"))</strong></p>\n<ul>\n"
            for h in toc where h.level <= 3 {
                out += "<li class=\"toc-\(h.level)\"><a href=\"#\(h.id)\">\(h.text)</a></li>\n"
            }
            out += "</ul>\n</nav>\n"
        }
        out += "<main>\n\(body)</main>\n<footer>\n\(word("heading.madeWith")) \(esc(generator))"
        out += paramText.isEmpty ? " (\(word("heading.noParameters")))." : " \(word("heading.withParameters")) <code>\(esc(paramText))</code>."
        out += "\n</footer>\n</body>\n</html>\n"
        return out
    }

    /// One cell: its code in a `<details>` block (when echoed) and its outputs.
    static func cellHTML(_ cell: NotebookCell, result: CellResult?, options: SessionOptions) -> String {
        var out = "<section class=\"msnb-cell\" id=\"cell-\(cell.number)\">\n"
        let language = options.messageLanguage
        if cell.echo {
            let label = Messages.text("heading.cell", language, ["n": String(cell.number)]) + (cell.name.map { " (\($0))" } ?? "")
            out += "<details open><summary>\(esc(label))</summary><pre class=\"msnb-code\"><code>\(esc(cell.code))</code></pre></details>\n"
        }
        guard let r = result else { return out + "<p class=\"msnb-note\">(\(esc(Messages.text("heading.notRun", language))))</p>\n</section>\n" }
        if !cell.eval { return out + "<p class=\"msnb-note\">(\(esc(Messages.text("heading.notEvaluated", language))))</p>\n</section>\n" }
        if !r.ok { out += "<p class=\"msnb-error\">\(esc(r.problem ?? Messages.text("heading.cellFailed", language)))</p>\n" }
        for o in r.outputs { out += "<div class=\"msnb-output\">" + HTMLRendering.html(o, options: options) + "</div>\n" }
        return out + "</section>\n"
    }

    /// The prose without the `---` front matter block (shown in the header instead).
    static func stripFrontMatter(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first?.trimmingCharacters(in: .whitespaces) == "---",
              let end = lines.indices.dropFirst().first(where: { lines[$0].trimmingCharacters(in: .whitespaces) == "---" }) else { return text }
        return lines[(end + 1)...].joined(separator: "\n")
    }

    /// Gives each `<hN>` an id (a slug of its text, made unique) and records it for the contents.
    static func addHeadingIDs(_ html: String, toc: inout [(level: Int, id: String, text: String)], used: inout Set<String>) -> String {
        var out = ""
        var rest = Substring(html)
        while let open = rest.range(of: "<h") {
            let after = rest[open.upperBound...]
            guard let levelChar = after.first, let level = levelChar.wholeNumberValue, (1...6).contains(level),
                  after.dropFirst().first == ">", let close = after.range(of: "</h\(level)>") else {
                out += rest[..<open.upperBound]
                rest = after
                continue
            }
            let inner = after[after.index(after.startIndex, offsetBy: 2)..<close.lowerBound]
            var id = slug(String(inner))
            var k = 2
            while used.contains(id) { id = slug(String(inner)) + "-\(k)"; k += 1 }
            used.insert(id)
            toc.append((level, id, String(inner)))
            out += rest[..<open.lowerBound] + "<h\(level) id=\"\(id)\">" + inner + "</h\(level)>"
            rest = after[close.upperBound...]
        }
        return out + rest
    }

    /// Lower-case letters and digits joined by hyphens, tags removed ("1. Load the data" → "1-load-the-data").
    static func slug(_ html: String) -> String {
        var text = ""
        var inTag = false
        for c in html {
            if c == "<" { inTag = true } else if c == ">" { inTag = false } else if !inTag { text.append(c) }
        }
        let words = text.lowercased().split { !($0.isLetter || $0.isNumber) }
        return words.isEmpty ? "section" : words.joined(separator: "-")
    }

    static func display(_ v: ParameterValue) -> String {
        switch v {
        case .int(let i): return String(i)
        case .float(let d): return String(d)
        case .bool(let b): return b ? "true" : "false"
        case .string(let s): return "\"\(s)\""
        }
    }

    static func esc(_ s: String) -> String { HTMLRendering.escape(s) }
}
