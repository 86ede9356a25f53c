import Foundation
import MSNNotebook
import MSNTable

/// The notebook parts of `run` and `check`, returning exit codes.
enum NotebookCommandSupport {
    static func parseParams(_ params: [String]) -> [(String, String)]? {
        var out: [(String, String)] = []
        for p in params {
            guard let eq = p.firstIndex(of: "="), eq != p.startIndex else {
                printError("error: --param takes name=value, got '\(p)'")
                return nil
            }
            out.append((String(p[..<eq]), String(p[p.index(after: eq)...])))
        }
        return out
    }

    static func load(_ file: String) -> NotebookDocument? {
        guard let text = try? String(contentsOf: URL(fileURLWithPath: file), encoding: .utf8) else {
            printError("error: cannot read \(file)")
            return nil
        }
        do { return try NotebookDocument.parse(text, file: URL(fileURLWithPath: file).lastPathComponent) } catch {
            printError("error: \(error)")
            return nil
        }
    }

    static func runNotebook(file: String, out: String?, params: [String], format: String, keepGoing: Bool,
                            timeout: Double?, timings: Bool) -> Int32 {
        guard let fmt = NotebookRendering.Format(rawValue: format) else { printError("error: --format is md or txt"); return 2 }
        guard let overrides = parseParams(params), let doc = load(file) else { return 2 }
        let url = URL(fileURLWithPath: file)
        let outDir = URL(fileURLWithPath: out ?? "out")
        var options = RunOptions(outDirectory: outDir)
        options.parameters = overrides
        options.keepGoing = keepGoing
        options.timeout = timeout
        options.timings = timings
        options.progress = isatty(2) != 0
        let run: NotebookRun
        do { run = try NotebookRunner.run(doc, at: url, options: options) } catch {
            printError("error: \(error)")
            return 2
        }
        let base = url.deletingPathExtension().lastPathComponent
        let text = NotebookRendering.render(run, format: fmt, timings: timings)
        let final = outDir.appendingPathComponent("\(base).\(fmt.rawValue)")
        let partial = outDir.appendingPathComponent("\(base).partial.\(fmt.rawValue)")
        do {
            try NotebookRendering.writeFigures(run, folder: outDir)
            if run.succeeded {
                try AtomicFile.write(text, to: final.path)
                try? FileManager.default.removeItem(at: partial)
            } else {
                try AtomicFile.write(text, to: partial.path)
            }
        } catch {
            printError("error: cannot write the rendering: \(error.localizedDescription)")
            return 2
        }
        for r in run.results { if let p = r.problem { printError(p) } }
        if run.timedOut { printError("error: the run stopped after \(timeout ?? 0) seconds") }
        if !run.succeeded {
            printError("\(doc.file): failed; partial rendering in \(partial.path)")
            return 1
        }
        print("wrote \(final.path)")
        return 0
    }

    static func check(file: String, out: String?, params: [String]) -> Int32 {
        guard let overrides = parseParams(params), let doc = load(file) else { return 2 }
        let url = URL(fileURLWithPath: file)
        let base = url.deletingPathExtension().lastPathComponent
        let folder = out.map { URL(fileURLWithPath: $0) } ?? url.deletingLastPathComponent()
        let committed = folder.appendingPathComponent("\(base).md")
        guard let expected = try? String(contentsOf: committed, encoding: .utf8) else {
            printError("error: no committed rendering at \(committed.path); create it with: msnb run \(file) --out \(folder.path)")
            return 2
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("msnb-check-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        var options = RunOptions(outDirectory: scratch)
        options.parameters = overrides
        let run: NotebookRun
        do { run = try NotebookRunner.run(doc, at: url, options: options) } catch {
            printError("error: \(error)")
            return 2
        }
        let actual = NotebookRendering.render(run, format: .md)
        for r in run.results { if let p = r.problem { printError(p) } }
        if let report = NotebookCheck.compare(expected: expected, actual: actual, file: doc.file, format: .md) {
            printError(report)
            return 1
        }
        if let report = NotebookRendering.compareFigures(run, folder: folder) {
            printError(report)
            return 1
        }
        guard run.succeeded else { return 1 }
        print("\(doc.file): ok (\(doc.cells.count) cells match \(committed.lastPathComponent))")
        return 0
    }
}

