import Foundation
import MSNKernel
import MSNTable

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
                let language = run.options.messageLanguage
                guard let r = resultByCell[cell.number] else {
                    let notRun = Messages.text("heading.notRun", language)
                    out += format == .md ? "\n*(\(notRun))*\n" : "(\(notRun))\n"
                    continue
                }
                if !cell.eval {
                    out += format == .md ? "\n*(\(Messages.text("heading.notEvaluated", language)))*\n" : "(\(Messages.text("heading.notEvaluatedShort", language)))\n"
                    continue
                }
                if !r.outputs.isEmpty {
                    out += "\n" + outputs(r, base: figureBase(run), format: format, options: run.options)
                }
                if timings { out += format == .md ? "\n*\(String(format: "%.3f", r.seconds)) s*\n" : "(\(String(format: "%.3f", r.seconds)) s)\n" }
            }
        }
        return out
    }

    /// The figure folder's name beside the rendering: `NB_files` for `NB.msnb`.
    public static func figureBase(_ run: NotebookRun) -> String {
        ((run.document.file as NSString).deletingPathExtension as String) + "_files"
    }

    /// A cell's outputs; figure K of cell N links `NB_files/cell-N-K.svg` (Markdown) or names it under its sketch (text).
    static func outputs(_ r: CellResult, base: String, format: Format, options: SessionOptions) -> String {
        var k = 0
        let parts = r.outputs.map { o -> String in
            guard case .figure(let f) = o else { return format == .md ? Renderer.markdown([o], options: options) : Renderer.text([o], options: options) }
            k += 1
            let path = "\(base)/cell-\(r.cell.number)-\(k).svg"
            if format == .txt { return f.sketch + "\n" + (f.caption.map { "(\($0))\n" } ?? "") + "svg: \(path)\n" }
            return "![\(f.title.replacingOccurrences(of: "]", with: ")"))](\(path))\n" + (f.caption.map { "\n*\($0)*\n" } ?? "")
        }
        return parts.joined(separator: format == .md ? "\n" : "")
    }

    /// Every figure of the run as (path relative to the rendering, SVG text), in cell order.
    public static func figures(_ run: NotebookRun) -> [(path: String, svg: String)] {
        var out: [(String, String)] = []
        let base = figureBase(run)
        for r in run.results {
            var k = 0
            for case .figure(let f) in r.outputs { k += 1; out.append(("\(base)/cell-\(r.cell.number)-\(k).svg", f.svg)) }
        }
        return out
    }

    /// Compares the run's figures with the SVG files under `folder`; nil when they match.
    public static func compareFigures(_ run: NotebookRun, folder: URL) -> String? {
        let fresh = figures(run)
        let dir = folder.appendingPathComponent(figureBase(run))
        let committed = ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { $0.hasSuffix(".svg") }.sorted()
        let freshNames = Set(fresh.map { ($0.path as NSString).lastPathComponent })
        for (path, svg) in fresh {
            guard let old = try? String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8) else {
                return "\(run.document.file): figure \(path) is not committed; re-render with make notebooks"
            }
            if old != svg {
                let a = old.split(separator: "\n", omittingEmptySubsequences: false), b = svg.split(separator: "\n", omittingEmptySubsequences: false)
                guard a.count < 1500 && b.count < 1500 else {
                    let i = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
                    return "\(run.document.file): figure \(path) differs from line \(i + 1)"
                }
                return "\(run.document.file): figure \(path) differs\n" + LineDiff.unified(old, svg, from: "committed", to: "fresh run")
            }
        }
        if let extra = committed.first(where: { !freshNames.contains($0) }) {
            return "\(run.document.file): \(figureBase(run))/\(extra) is committed but the notebook no longer draws it"
        }
        return nil
    }

    /// Writes the run's figures under `folder`, replacing the old figure folder.
    public static func writeFigures(_ run: NotebookRun, folder: URL) throws {
        let dir = folder.appendingPathComponent(figureBase(run))
        try? FileManager.default.removeItem(at: dir)
        for (path, svg) in figures(run) { try AtomicFile.write(svg, to: folder.appendingPathComponent(path).path) }
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
