import MSNTable

/// Lays out a `ModelSummary` as text or Markdown: the title, one aligned line per item, the
/// paragraphs, the warnings, then the table.
enum SummaryRendering {
    /// Text for a terminal or `.txt` report.
    static func text(_ s: ModelSummary, options: SessionOptions) -> String {
        var lines = [s.title]
        let width = s.items.map(\.label.count).max() ?? 0
        for item in s.items {
            let pad = String(repeating: " ", count: width - item.label.count)
            lines.append("  \(item.label)\(pad)  \(options.numberText.format(item.value))" + (item.note.map { "  (\($0))" } ?? ""))
        }
        for w in s.warnings { lines.append("  \(Messages.text("heading.warning", options.messageLanguage)): \(w)") }
        for p in s.paragraphs { lines.append(ReportFormat.wrap(options.numberText.localize(p), width: 100)) }
        var out = lines.joined(separator: "\n") + "\n"
        if let t = s.table { out += Renderer.textTable(ResultFormats.annotate(t), options: options) }
        return out
    }

    /// Markdown: the title in bold, the items as a list, paragraphs, warnings in a quote, the table.
    static func markdown(_ s: ModelSummary, options: SessionOptions) -> String {
        var out = "**\(escape(s.title))**\n\n"
        for item in s.items {
            out += "- \(escape(item.label)): \(escape(options.numberText.format(item.value)))" + (item.note.map { " — \(escape($0))" } ?? "") + "\n"
        }
        for p in s.paragraphs { out += "\n" + escape(options.numberText.localize(p)) + "\n" }
        for w in s.warnings { out += "\n> **\(Messages.text("heading.warning", options.messageLanguage)):** \(escape(w))\n" }
        if let t = s.table { out += "\n" + Renderer.markdownTable(ResultFormats.annotate(t), options: options) }
        return out
    }

    /// Escapes the Markdown characters that would change a plain phrase (`*` and backticks; an
    /// underscore inside a word is literal in CommonMark).
    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            if "*`".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }
}
