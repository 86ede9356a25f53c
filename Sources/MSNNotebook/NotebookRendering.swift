import Foundation
import MSNKernel

/// Renders a run as Markdown (the notebook with each cell's output under it) or plain text. Each
/// cell's rendering starts with a marker comment so `check` can name the first cell that differs.
public enum NotebookRendering {
    /// The output format (`html` is made by `NotebookHTML`).
    public enum Format: String, Sendable, CaseIterable, Hashable { case md, txt, html }

    /// The marker that starts cell `n`'s rendering.
    static func marker(_ n: Int, format: Format) -> String {
        format == .md ? "<!-- msnb cell \(n) -->" : "──── cell \(n) ────"
    }

    /// The rendered document.
    public static func render(_ run: NotebookRun, format: Format, timings: Bool = false) -> String {
        var out = ""
        var resultByCell: [Int: CellResult] = [:]
        for r in run.results { resultByCell[r.cell.number] = r }
        for segment in run.document.segments {
            switch segment {
            case .prose(let text):
                out += text + "\n"
            case .cell(let cell):
                out += marker(cell.number, format: format) + "\n"
                if cell.echo {
                    out += format == .md ? "\(cell.fence)\n\(cell.code)\n```\n" : cell.code.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n") + "\n"
                }
                guard let r = resultByCell[cell.number] else {
                    out += format == .md ? "\n*(not run)*\n" : "(not run)\n"
                    continue
                }
                if !cell.eval { out += format == .md ? "\n*(not evaluated: eval=false)*\n" : "(not evaluated)\n"; continue }
                if !r.outputs.isEmpty {
                    out += "\n" + (format == .md ? Renderer.markdown(r.outputs, options: run.options) : Renderer.text(r.outputs, options: run.options))
                }
                if timings { out += format == .md ? "\n*\(String(format: "%.3f", r.seconds)) s*\n" : "(\(String(format: "%.3f", r.seconds)) s)\n" }
            }
        }
        return out
    }

    /// Splits a rendering into the text before the first cell and one chunk per cell.
    static func chunks(_ text: String, format: Format) -> [String] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var out: [String] = []
        var current: [Substring] = []
        let prefix = format == .md ? "<!-- msnb cell " : "──── cell "
        for line in lines {
            if line.hasPrefix(prefix) { out.append(current.joined(separator: "\n")); current = [] }
            current.append(line)
        }
        out.append(current.joined(separator: "\n"))
        return out
    }
}
