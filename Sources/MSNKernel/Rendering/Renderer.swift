import Foundation
import MSNLanguage
import MSNPlot
import MSNTable

/// Turns outputs into text (aligned tables with column types, head and tail of long tables, middle
/// columns elided to fit a terminal) or Markdown (pipe tables); `HTMLRendering` and `MIMEBundle` make
/// HTML and Jupyter bundles from the same outputs. Rendering never changes results.
public enum Renderer {
    /// Plain text for a terminal or a `.txt` report.
    public static func text(_ outputs: [Output], options: SessionOptions) -> String {
        outputs.map { render($0, options: options, markdown: false) }.joined()
    }

    /// Markdown for a `.md` report.
    public static func markdown(_ outputs: [Output], options: SessionOptions) -> String {
        outputs.map { render($0, options: options, markdown: true) }.joined(separator: "\n")
    }

    static func render(_ o: Output, options: SessionOptions, markdown: Bool) -> String {
        switch o {
        case .text(let s): return markdown ? "```\n\(s)\n```\n" : s + "\n"
        case .table(let t, let caption):
            let body = markdown ? markdownTable(t, options: options) : textTable(t, options: options)
            return (caption.map { markdown ? "**\($0)**\n\n" : "\($0)\n" } ?? "") + body
        case .model(_, let summary):
            return markdown ? SummaryRendering.markdown(summary, options: options) : SummaryRendering.text(summary, options: options)
        case .fileWritten(let path, let rows, let columns):
            return Messages.text("heading.wrote", options.messageLanguage, ["path": path, "rows": String(rows), "columns": String(columns)]) + "\n"
        case .figure(let f):
            if markdown { return "**\(f.title)**\n\n```\n\(f.sketch)\n```\n" }
            let file = FigureFiles.write(f, directory: options.plotsDirectory).map { "svg: \($0)\n" }
                ?? "(\(Messages.text("heading.svgNotWritten", options.messageLanguage)))\n"
            return f.sketch + "\n" + (f.caption.map { "(\($0))\n" } ?? "") + file
        case .warning(let d, let source), .error(let d, let source):
            let r = Localizer.renderedDiagnostic(d.render(source: source), options.messageLanguage)
            return markdown ? "```\n\(r)```\n" : r
        }
    }

    /// Which rows to show: all, or the first and last halves of `options.rows` with a gap marker.
    static func visibleRows(_ n: Int, limit: Int) -> (head: [Int], tail: [Int]) {
        guard n > limit else { return (Array(0..<n), []) }
        let headCount = (limit + 1) / 2
        let tailCount = limit - headCount
        return (Array(0..<headCount), Array((n - tailCount)..<n))
    }

    /// An aligned text table with names and types on top and a shape line below.
    public static func textTable(_ t: Table, options: SessionOptions) -> String {
        let (head, tail) = visibleRows(t.rowCount, limit: options.rows)
        var columns = Array(0..<t.columnCount)
        var cells: [[String]] = columns.map { j in
            [CellFormat.truncated(t.columnNames[j]), t.columns[j].type.description] + (head + tail).map { CellFormat.display(t.columns[j][$0], options: options, as: t.columnFormats[t.columnNames[j]]) }
        }
        var widths = cells.map { $0.map(\.count).max() ?? 0 }
        var elided = 0
        if let width = options.terminalWidth {
            while columns.count > 2 && widths.reduce(0, +) + 2 * widths.count + 3 > width {
                let mid = columns.count / 2
                columns.remove(at: mid); cells.remove(at: mid); widths.remove(at: mid)
                elided += 1
            }
        }
        let numeric = columns.map { t.columns[$0].type.isNumeric }
        func line(_ r: Int) -> String {
            var parts: [String] = []
            for (k, col) in cells.enumerated() {
                let s = col[r]
                let pad = String(repeating: " ", count: widths[k] - s.count)
                parts.append(numeric[k] && r >= 2 ? pad + s : s + pad)
                if elided > 0 && k == cells.count / 2 - 1 { parts.append(r == 1 ? " " : "…") }
            }
            var text = "  " + parts.joined(separator: "  ")
            while let last = text.last, last.isWhitespace { text.removeLast() }
            return text
        }
        var lines = [line(0), line(1)]
        for r in 0..<head.count { lines.append(line(r + 2)) }
        if !tail.isEmpty {
            lines.append("  …")
            for r in 0..<tail.count { lines.append(line(head.count + r + 2)) }
        }
        var footer = "  " + Localizer.tableShape(t.rowCount, t.columnCount, options.messageLanguage)
        if !tail.isEmpty { let hidden = t.rowCount - head.count - tail.count
            footer += " (" + Messages.text(hidden == 1 ? "heading.moreRow" : "heading.moreRows", options.messageLanguage, ["n": String(hidden)]) + ")" }
        if elided > 0 { footer += ", " + Messages.text("heading.columnsElided", options.messageLanguage, ["n": String(elided)]) }
        lines.append(footer)
        return lines.joined(separator: "\n") + "\n"
    }

    /// A Markdown pipe table, head and tail of long tables, with a shape line.
    public static func markdownTable(_ t: Table, options: SessionOptions) -> String {
        guard t.columnCount > 0 else { return "*(" + Messages.text("heading.noColumns", options.messageLanguage, ["n": String(t.rowCount)]) + ")*\n" }
        let (head, tail) = visibleRows(t.rowCount, limit: options.rows)
        func escape(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }
        var lines = ["| " + t.columnNames.map { escape(CellFormat.truncated($0)) }.joined(separator: " | ") + " |"]
        lines.append("|" + t.columns.map { $0.type.isNumeric ? "---:|" : "---|" }.joined())
        func row(_ i: Int) -> String { "| " + t.columns.indices.map { escape(CellFormat.display(t.columns[$0][i], options: options, as: t.columnFormats[t.columnNames[$0]])) }.joined(separator: " | ") + " |" }
        lines += head.map(row)
        if !tail.isEmpty {
            lines.append("| " + t.columns.map { _ in "…" }.joined(separator: " | ") + " |")
            lines += tail.map(row)
        }
        let types = t.columns.map { $0.type.description }.joined(separator: ", ")
        lines.append("")
        lines.append("*" + Localizer.tableShape(t.rowCount, t.columnCount, options.messageLanguage) + " (\(types))*")
        return lines.joined(separator: "\n") + "\n"
    }
}
