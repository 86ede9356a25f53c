import MSNLanguage
import MSNPlot
import MSNTable

/// Outputs as HTML fragments: tables as real `<table>` elements with numbers right-aligned, model
/// summaries as a title, a table of labelled values, paragraphs and warnings; diagnostics in `<pre>`.
/// Used by Jupyter's `text/html` and by HTML reports; class names start with `msnb-` for styling.
public enum HTMLRendering {
    /// Every output as one HTML fragment.
    public static func html(_ outputs: [Output], options: SessionOptions) -> String {
        outputs.map { html($0, options: options) }.joined(separator: "\n")
    }

    /// One output as an HTML fragment.
    public static func html(_ o: Output, options: SessionOptions) -> String {
        switch o {
        case .text(let s): return "<pre class=\"msnb-text\">\(escape(s))</pre>"
        case .table(let t, let caption): return table(t, caption: caption, options: options)
        case .model(_, let s): return summary(s, options: options)
        case .fileWritten(let path, let rows, let columns):
            return "<p class=\"msnb-file\">wrote <code>\(escape(path))</code> (\(rows) rows × \(columns) columns)</p>"
        case .warning(let d, let source):
            return "<pre class=\"msnb-warning\">\(escape(Localizer.renderedDiagnostic(d.render(source: source), options.messageLanguage)))</pre>"
        case .error(let d, let source):
            return "<pre class=\"msnb-error\">\(escape(Localizer.renderedDiagnostic(d.render(source: source), options.messageLanguage)))</pre>"
        case .figure(let f):
            return "<figure class=\"msnb-figure\">\(inlineSVG(f.svg))" + (f.caption.map { "<figcaption>\(escape($0))</figcaption>" } ?? "") + "</figure>"
        }
    }

    /// A table: column names with their types, the head and tail of long tables, and a shape caption.
    public static func table(_ t: Table, caption: String?, options: SessionOptions) -> String {
        let (head, tail) = Renderer.visibleRows(t.rowCount, limit: options.rows)
        let numeric = t.columns.map { $0.type.isNumeric }
        func cellTag(_ j: Int) -> String { numeric[j] ? "<td class=\"num\">" : "<td>" }
        var out = "<table class=\"msnb-table\">"
        var shape = Localizer.tableShape(t.rowCount, t.columnCount, options.messageLanguage)
        if let caption { shape = caption + " — " + shape }
        out += "<caption>\(escape(shape))</caption><thead><tr>"
        for (j, name) in t.columnNames.enumerated() {
            out += "<th\(numeric[j] ? " class=\"num\"" : "") title=\"\(escape(t.columns[j].type.description))\">\(escape(name))</th>"
        }
        out += "</tr></thead><tbody>"
        func row(_ i: Int) -> String {
            "<tr>" + t.columns.indices.map { cellTag($0) + escape(CellFormat.display(t.columns[$0][i], options: options, as: t.columnFormats[t.columnNames[$0]])) + "</td>" }.joined() + "</tr>"
        }
        out += head.map(row).joined()
        if !tail.isEmpty {
            out += "<tr class=\"msnb-gap\">" + t.columns.map { _ in "<td>…</td>" }.joined() + "</tr>"
            out += tail.map(row).joined()
        }
        return out + "</tbody></table>"
    }

    /// A model summary.
    public static func summary(_ s: ModelSummary, options: SessionOptions) -> String {
        var out = "<div class=\"msnb-model\"><p class=\"msnb-title\"><strong>\(escape(s.title))</strong></p>"
        if !s.items.isEmpty {
            out += "<table class=\"msnb-summary\"><tbody>"
            for item in s.items {
                out += "<tr><th>\(escape(item.label))</th><td class=\"num\">\(escape(options.numberText.format(item.value)))</td><td>\(escape(item.note ?? ""))</td></tr>"
            }
            out += "</tbody></table>"
        }
        for p in s.paragraphs { out += "<p>\(escape(options.numberText.localize(p)))</p>" }
        for w in s.warnings { out += "<p class=\"msnb-warning\">\(escape(Messages.text("heading.warning", options.messageLanguage))): \(escape(w))</p>" }
        if let t = s.table { out += table(ResultFormats.annotate(t), caption: nil, options: options) }
        return out + "</div>"
    }

    /// An SVG document for inline use in HTML: without the XML declaration (not allowed inside HTML).
    static func inlineSVG(_ svg: String) -> String {
        guard svg.hasPrefix("<?xml"), let end = svg.range(of: "?>") else { return svg }
        return String(svg[end.upperBound...]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Escapes `&`, `<`, `>` and quotes for text and attribute values.
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }
}
