import Foundation
import MSNKernel
import MSNNotebook
import Testing
@testable import MSNREPL

private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

private func session() -> Session {
    Session(configuration: SessionConfiguration(directory: root.appendingPathComponent("Notebooks"),
                                                stdlibDirectory: root.appendingPathComponent("Stdlib")))
}

@Test func sessionSurvivesErrorsAndMetaCommandsWork() {
    var out = "", err = ""
    let reader = ScriptedLineReader(["n = 5", "n | head", ":tables", ":rows 3", "hs = load \"data/HolzingerSwineford1939.csv\"",
                                     ":schema hs", ":schema hz", ":help filter", ":bogus", "n + 1"])
    let loop = REPLLoop(session: session(), reader: reader, interactive: true, out: { out += $0 }, err: { err += $0 })
    #expect(loop.run() == 0)
    #expect(err.contains("head works on a table, but it was given an int"))
    #expect(out.contains("  n       int     5"))
    #expect(out.contains("school  string      0"))
    #expect(err.contains("'hz' is not a bound table; did you mean 'hs'?"))
    #expect(out.contains("filter — Keeps the rows where the condition is true"))
    #expect(err.contains("unknown command ':bogus'"))
    #expect(out.hasSuffix("6\n\n"))            // the binding survived the error; EOF prints a newline
    #expect(loop.session.options.rows == 3)
    #expect(reader.history.contains("n | head"))
}

@Test func saveRoundTripReRunsToTheSameResults() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("msnb-save-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let path = dir.appendingPathComponent("saved.msnb").path
    // The notebook will sit in `dir`, so it loads data by absolute path.
    let data = root.appendingPathComponent("Notebooks/data/HolzingerSwineford1939.csv").path
    var out = ""
    let lines = ["hs = load \"\(data)\"", "bad = hs | filter nope > 1", "by_school = hs | summarize n = count(), m = mean(x1) by school",
                 "by_school", ":save \(path)"]
    let loop = REPLLoop(session: session(), reader: ScriptedLineReader(lines), interactive: true, out: { out += $0 }, err: { _ in })
    _ = loop.run()
    #expect(out.contains("saved 3 statements to \(path)"))
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(!text.contains("nope"))
    let doc = try NotebookDocument.parse(text, file: "saved.msnb")
    #expect(doc.cells.map(\.code) == Array(lines[0...0]) + Array(lines[2...3]))
    let run = try NotebookRunner.run(doc, at: URL(fileURLWithPath: path), options: RunOptions(outDirectory: dir))
    #expect(run.succeeded)
    guard case .table(let t, _)? = run.results.last?.outputs.last else { Issue.record("table"); return }
    #expect(Renderer.textTable(t, options: SessionOptions()) == Renderer.textTable(try loop.session.table("by_school"), options: SessionOptions()))
}

extension Session {
    func table(_ name: String) throws -> MSNTableTable {
        guard case .table(let t)? = value(of: name) else { throw CocoaError(.coderValueNotFound) }
        return t
    }
}

import MSNTable
typealias MSNTableTable = Table

/// The real binary in a pseudo-terminal: Tab completes a column, Ctrl-C clears a line, brackets continue.
@Test(.enabled(if: FileManager.default.fileExists(atPath: root.appendingPathComponent(".build/debug/msnb").path)))
func endToEndInAPseudoTerminal() throws {
    let script = try #require(Bundle.module.url(forResource: "pty_session", withExtension: "py", subdirectory: "Fixtures"))
    let history = FileManager.default.temporaryDirectory.appendingPathComponent("msnb-history-\(UUID().uuidString)")
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3", script.path, root.appendingPathComponent(".build/debug/msnb").path,
                   root.appendingPathComponent("Notebooks").path, history.path]
    let pipe = Pipe()
    p.standardOutput = pipe
    try p.run()
    let screen = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    #expect(screen.contains("msnb 0.2.0 — :help for help"))
    #expect(screen.contains("\n27\r"))                    // 27 children are 15 or older (pandas: (ageyr >= 15).sum())
    #expect(screen.contains("^C"))
    #expect(screen.contains("  ...> "))                   // the open bracket continued the input
    #expect(screen.contains("[1, 2]"))
    let saved = (try? String(contentsOf: history, encoding: .utf8)) ?? ""
    #expect(saved.contains("hs | filter ageyr  >= 15 | count"))   // Tab completed `agey` (and added a space)
    #expect(!saved.contains("this line is cancelled"))
}

@Test func resetLoadTimingAndQuitMetaCommands() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("msnb-meta-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let script = dir.appendingPathComponent("lib.msq"), nb = dir.appendingPathComponent("nb.msnb")
    try "b = 41\ndef plus1(x) = x + 1\n".write(to: script, atomically: true, encoding: .utf8)
    try "# A notebook\n\n```msnb\nc = 2\n```\n\n```msnb {error=expected}\nnope\n```\n\n```msnb\nd = c * 10\n```\n"
        .write(to: nb, atomically: true, encoding: .utf8)
    var out = "", err = ""
    let lines = ["a = 1", ":reset", "a", ":load \(script.path)", "plus1(b)", ":load \(nb.path)", "d",
                 ":timing on", "5", ":timing off", "6", ":timing maybe", ":tables", ":quit", "7"]
    let loop = REPLLoop(session: session(), reader: ScriptedLineReader(lines), interactive: true, out: { out += $0 }, err: { err += $0 })
    #expect(loop.run() == 0)
    #expect(out.hasPrefix("session reset\n"))
    #expect(err.contains("error: unknown name 'a'"))
    #expect(out.contains("\n42\n"))                                   // the script's binding and function
    #expect(out.contains("\n20\n"))                                   // the notebook ran past its expected error
    #expect(out.range(of: "\n5\ntime: [0-9]+\\.[0-9]{3} s\n6\n", options: .regularExpression) != nil)
    #expect(err.contains("usage: :timing on|off"))
    #expect(out.contains("  b       int     41\n  c       int     2\n  d       int     20\n  3 rows"))
    #expect(!out.contains("\n7\n"))                                   // nothing runs after :quit
}
