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

    /// What `msnb run` was asked to do with a notebook.
    struct RunRequest {
        var out: String?
        var overrides: [(String, String)]
        var formats: [NotebookRendering.Format]
        var keepGoing: Bool
        var timeout: Double?
        var timings: Bool
        /// Let the notebook's exports write outside the output folder (`--allow-outside`).
        var allowOutside = false
    }

    /// `--format` values to formats: md, txt, html, or all; default md. Nil after printing an error.
    static func formats(_ values: [String]) -> [NotebookRendering.Format]? {
        var out: [NotebookRendering.Format] = []
        for v in values.isEmpty ? ["md"] : values {
            if v == "all" { out += NotebookRendering.Format.allCases; continue }
            guard let f = NotebookRendering.Format(rawValue: v) else { printError("error: --format is md, txt, html or all; got '\(v)'"); return nil }
            out.append(f)
        }
        var seen = Set<NotebookRendering.Format>()
        return out.filter { seen.insert($0).inserted }
    }

    /// Every `.msnb` file under `folder`, sorted by path.
    static func notebooks(in folder: String) -> [String] {
        let root = URL(fileURLWithPath: folder)
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        var found: [String] = []
        for case let url as URL in walker where url.pathExtension == "msnb" {
            let rel = url.path.hasPrefix(root.path + "/") ? String(url.path.dropFirst(root.path.count + 1)) : url.lastPathComponent
            found.append((folder as NSString).appendingPathComponent(rel))
        }
        return found.sorted()
    }

    /// A notebook's path inside `folder` without its extension (`id/01-tour` for `folder/id/01-tour.msnb`),
    /// so renderings of notebooks with the same name in different subfolders never share a folder.
    static func relativeStem(of file: String, in folder: String) -> String {
        let root = URL(fileURLWithPath: folder).standardizedFileURL.path
        let path = URL(fileURLWithPath: file).standardizedFileURL.deletingPathExtension().path
        if path.hasPrefix(root + "/") { return String(path.dropFirst(root.count + 1)) }
        return URL(fileURLWithPath: path).lastPathComponent
    }

    /// Runs every notebook in a folder (sorted), each rendering under OUT/SUBFOLDERS/NAME/ (the input's
    /// subfolders mirrored); a line per notebook and a summary; exit 1 if any failed.
    static func runFolder(_ folder: String, _ request: RunRequest) -> Int32 {
        let files = notebooks(in: folder)
        guard !files.isEmpty else { printError("error: no .msnb notebooks in \(folder)"); return 2 }
        var failed: [String] = []
        for f in files {
            var r = request
            r.out = ((request.out ?? "out") as NSString).appendingPathComponent(relativeStem(of: f, in: folder))
            let code = runNotebook(file: f, r)
            print("\(code == 0 ? "ok    " : "FAILED") \(f)")
            if code != 0 { failed.append(f) }
        }
        print("\(files.count - failed.count) of \(files.count) notebooks ran" + (failed.isEmpty ? "" : "; failed: \(failed.joined(separator: ", "))"))
        return failed.isEmpty ? 0 : 1
    }

    static func runNotebook(file: String, _ request: RunRequest) -> Int32 {
        guard let doc = load(file) else { return 2 }
        doc.warnings.forEach(printError)
        let url = URL(fileURLWithPath: file)
        let outDir = URL(fileURLWithPath: request.out ?? "out")
        var options = RunOptions(outDirectory: outDir)
        options.parameters = request.overrides
        options.keepGoing = request.keepGoing
        options.timeout = request.timeout
        options.timings = request.timings
        options.allowOutside = request.allowOutside
        options.progress = isatty(2) != 0
        let run: NotebookRun
        do { run = try NotebookRunner.run(doc, at: url, options: options) } catch {
            printError("error: \(error)")
            return 2
        }
        let base = url.deletingPathExtension().lastPathComponent
        var written: [String] = []
        for fmt in request.formats {
            let text = fmt == .html ? NotebookHTML.render(run, generator: "msnb \(MSNBCommand.versionLine)")
                                    : NotebookRendering.render(run, format: fmt, timings: request.timings)
            let final = outDir.appendingPathComponent("\(base).\(fmt.rawValue)")
            let partial = outDir.appendingPathComponent("\(base).partial.\(fmt.rawValue)")
            do {
                if fmt != .html { try NotebookRendering.writeFigures(run, folder: outDir) }
                if run.succeeded {
                    try AtomicFile.write(text, to: final.path)
                    try? FileManager.default.removeItem(at: partial)
                    written.append(final.path)
                } else {
                    try AtomicFile.write(text, to: partial.path)
                    written.append(partial.path)
                }
            } catch {
                printError("error: cannot write the rendering: \(error.localizedDescription)")
                return 2
            }
        }
        for r in run.results { if let p = r.problem { printError(p) } }
        if run.timedOut { printError("error: the run stopped after \(request.timeout ?? 0) seconds") }
        if !run.succeeded {
            printError("\(doc.file): failed; partial rendering in \(written.joined(separator: ", "))")
            return 1
        }
        for w in written { print("wrote \(w)") }
        return 0
    }

    /// `msnb check FOLDER`: checks every notebook in it; exit 1 if any drifted or failed.
    static func checkFolder(_ folder: String, overrides: [(String, String)]) -> Int32 {
        let files = notebooks(in: folder)
        guard !files.isEmpty else { printError("error: no .msnb notebooks in \(folder)"); return 2 }
        // One scratch root for the whole check, the input's subfolders mirrored under it.
        let scratchRoot = FileManager.default.temporaryDirectory.appendingPathComponent("msnb-check-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratchRoot) }
        var failed: [String] = []
        for f in files {
            let scratch = scratchRoot.appendingPathComponent(relativeStem(of: f, in: folder))
            if check(file: f, out: nil, overrides: overrides, scratch: scratch) != 0 { failed.append(f) }
        }
        print("\(files.count - failed.count) of \(files.count) notebooks match their renderings" + (failed.isEmpty ? "" : "; differ or fail: \(failed.joined(separator: ", "))"))
        return failed.isEmpty ? 0 : 1
    }

    /// Checks one notebook; its run writes into `scratch` (a fresh temporary folder when nil), removed afterwards.
    static func check(file: String, out: String?, overrides: [(String, String)], scratch given: URL? = nil) -> Int32 {
        guard let doc = load(file) else { return 2 }
        let url = URL(fileURLWithPath: file)
        let base = url.deletingPathExtension().lastPathComponent
        let folder = out.map { URL(fileURLWithPath: $0) } ?? url.deletingLastPathComponent()
        let committed = folder.appendingPathComponent("\(base).md")
        guard let expected = try? String(contentsOf: committed, encoding: .utf8) else {
            printError("error: no committed rendering at \(committed.path); create it with: msnb run \(file) --out \(folder.path)")
            return 2
        }
        let scratch = given ?? FileManager.default.temporaryDirectory.appendingPathComponent("msnb-check-\(UUID().uuidString)")
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
        let exercises = Set(doc.cells.filter { $0.exercise != nil }.map(\.number))
        if let report = NotebookCheck.compare(expected: expected, actual: actual, file: doc.file, format: .md, ignoring: exercises) {
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

