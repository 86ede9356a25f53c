import Foundation
import MSNNotebook

/// Converts between `.msnb` and Jupyter `.ipynb` (nbformat 4.5). Prose becomes Markdown cells, msnb
/// cells code cells (fence options kept in cell metadata, `error=expected` as the `raises-exception`
/// tag), front-matter params a first code cell tagged `parameters` with one `name = value` line each
/// (what papermill's msnb translator injects). The front matter itself rides in notebook metadata.
public enum NotebookConversion {
    /// The ipynb JSON object for a parsed notebook.
    public static func ipynb(from doc: NotebookDocument) -> JSONObject {
        var cells: [JSONObject] = []
        var frontMatter: String?
        for segment in doc.segments {
            switch segment {
            case .prose(let text):
                var prose = text
                if cells.isEmpty && frontMatter == nil, let (fm, rest) = splitFrontMatter(text) {
                    frontMatter = fm
                    if !doc.frontMatter.params.isEmpty { cells.append(parametersCell(doc.frontMatter.params)) }
                    prose = rest
                }
                let trimmed = trimBlankLines(prose)
                if !trimmed.isEmpty { cells.append(cell("markdown", id: "md-\(cells.count + 1)", source: trimmed, metadata: [:])) }
            case .cell(let c):
                var tags: [String] = []
                if c.expectsError { tags.append("raises-exception") }
                if !c.eval { tags.append("skip-execution") }
                var metadata: JSONObject = ["msnb": ["fence": c.fence] as JSONObject]
                if !tags.isEmpty { metadata["tags"] = tags }
                var code = cell("code", id: cellID(c), source: c.code, metadata: metadata)
                code["execution_count"] = NSNull()
                code["outputs"] = [Any]()
                cells.append(code)
            }
        }
        var metadata: JSONObject = [
            "kernelspec": ["name": "msnb", "display_name": "msnb", "language": "msnb"] as JSONObject,
            "language_info": ["name": "msnb", "file_extension": ".msq", "mimetype": "text/x-msnb"] as JSONObject,
        ]
        if let title = doc.frontMatter.title { metadata["title"] = title }
        if let frontMatter { metadata["msnb"] = ["front_matter": frontMatter] as JSONObject }
        return ["nbformat": 4, "nbformat_minor": 5, "metadata": metadata, "cells": cells]
    }

    /// `.msnb` text for an ipynb JSON object.
    public static func msnb(from nb: JSONObject) throws -> String {
        guard let cells = nb["cells"] as? [JSONObject] else { throw JupyterError.convert("not a notebook: no 'cells' list") }
        let metadata = nb["metadata"] as? JSONObject ?? [:]
        var blocks: [String] = []
        var params: [(String, String)]? = nil
        for c in cells {
            let source = sourceText(c["source"])
            let cellMeta = c["metadata"] as? JSONObject ?? [:]
            let tags = cellMeta["tags"] as? [String] ?? []
            switch c["cell_type"] as? String {
            case "code":
                if tags.contains("parameters") && params == nil { params = parameterLines(source); continue }
                if tags.contains("injected-parameters") { continue }
                let fence = (cellMeta["msnb"] as? JSONObject)?["fence"] as? String ?? fenceLine(tags: tags)
                blocks.append("\(fence)\n\(source)\n" + closingFence(fence))
            default:
                blocks.append(source)
            }
        }
        var head = ""
        let stored = (metadata["msnb"] as? JSONObject)?["front_matter"] as? String
        if let stored, params == nil || params.map({ $0.map { "\($0.0): \($0.1)" } }) == storedParams(stored) {
            head = stored
        } else if params != nil || metadata["title"] != nil {
            head = frontMatterText(title: metadata["title"] as? String, params: params ?? [])
        }
        return (head.isEmpty ? [] : [head]) .joined() + (head.isEmpty ? "" : "\n\n") + blocks.joined(separator: "\n\n") + "\n"
    }

    /// Serialized ipynb (pretty, sorted keys, one-space indent as Jupyter writes).
    public static func ipynbData(from doc: NotebookDocument) throws -> Data {
        var data = try JSONSerialization.data(withJSONObject: ipynb(from: doc), options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        data.append(0x0A)
        return data
    }

    // MARK: pieces

    static func cell(_ type: String, id: String, source: String, metadata: JSONObject) -> JSONObject {
        ["cell_type": type, "id": id, "metadata": metadata, "source": sourceLines(source)]
    }

    /// nbformat's id: 1–64 of [A-Za-z0-9-_], unique in the notebook.
    static func cellID(_ c: NotebookCell) -> String {
        let name = (c.name ?? "").map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "-" }
        return "cell-\(c.number)" + (name.isEmpty ? "" : "-" + String(name.prefix(40)))
    }

    static func parametersCell(_ params: [(name: String, value: FrontMatter.ParameterDefault)]) -> JSONObject {
        let code = params.map { "\($0.name) = \($0.value.description)" }.joined(separator: "\n")
        var c = cell("code", id: "parameters", source: code, metadata: ["tags": ["parameters"]])
        c["execution_count"] = NSNull()
        c["outputs"] = [Any]()
        return c
    }

    /// Jupyter stores source as a list of lines, each but the last ending in "\n".
    static func sourceLines(_ s: String) -> [String] {
        var lines = s.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) + "\n" }
        if let last = lines.popLast() { lines.append(String(last.dropLast())) }
        return lines.filter { !$0.isEmpty }
    }

    static func sourceText(_ v: Any?) -> String {
        if let s = v as? String { return s }
        return (v as? [String] ?? []).joined()
    }

    /// `---` … `---` at the start of the first prose segment, and the rest.
    static func splitFrontMatter(_ text: String) -> (String, String)? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first?.trimmingCharacters(in: .whitespaces) == "---",
              let end = lines.indices.dropFirst().first(where: { lines[$0].trimmingCharacters(in: .whitespaces) == "---" }) else { return nil }
        return (lines[...end].joined(separator: "\n"), lines[(end + 1)...].joined(separator: "\n"))
    }

    static func trimBlankLines(_ s: String) -> String {
        var lines = s.split(separator: "\n", omittingEmptySubsequences: false)
        while let f = lines.first, f.trimmingCharacters(in: .whitespaces).isEmpty { lines.removeFirst() }
        while let l = lines.last, l.trimmingCharacters(in: .whitespaces).isEmpty { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// `name = value` lines of a parameters cell (papermill appends its own after it; comments skipped).
    static func parameterLines(_ source: String) -> [(String, String)] {
        source.split(separator: "\n").compactMap { line in
            let t = line.trimmingCharacters(in: .whitespaces)
            guard !t.hasPrefix("#"), let eq = t.firstIndex(of: "=") else { return nil }
            return (t[..<eq].trimmingCharacters(in: .whitespaces), t[t.index(after: eq)...].trimmingCharacters(in: .whitespaces))
        }
    }

    static func storedParams(_ frontMatter: String) -> [String] {
        var out: [String] = [], inParams = false
        for line in frontMatter.split(separator: "\n") {
            if line.hasPrefix("params:") { inParams = true; continue }
            if inParams && (line.hasPrefix(" ") || line.hasPrefix("\t")) {
                out.append(line.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ":  ", with: ": "))
            } else { inParams = false }
        }
        return out
    }

    static func frontMatterText(title: String?, params: [(String, String)]) -> String {
        var lines = ["---"]
        if let title { lines.append("title: \(title)") }
        if !params.isEmpty { lines.append("params:"); lines += params.map { "  \($0.0): \($0.1)" } }
        lines.append("---")
        return lines.joined(separator: "\n")
    }

    static func fenceLine(tags: [String]) -> String {
        var options: [String] = []
        if tags.contains("raises-exception") { options.append("error=expected") }
        if tags.contains("skip-execution") { options.append("eval=false") }
        return "```msnb" + (options.isEmpty ? "" : " {\(options.joined(separator: ", "))}")
    }

    static func closingFence(_ fence: String) -> String {
        let t = fence.drop { $0 == " " }
        guard let c = t.first else { return "```" }
        return String(t.prefix { $0 == c })
    }
}
