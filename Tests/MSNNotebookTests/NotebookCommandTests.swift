import Foundation
import Testing

/// Issue 5 through the real binary: paths (read beside the notebook, export under --out), `--format txt`,
/// `--timeout`, progress lines only on a terminal, and `check`'s exit codes.

private func notebookFolder(slowRows: Int) throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("msnb-nbcmd-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("src"), withIntermediateDirectories: true)
    try "id,v\n1,2\n2,3\n".write(to: dir.appendingPathComponent("src/d.csv"), atomically: true, encoding: .utf8)
    try """
    ---
    title: T
    params:
      k: 2
    ---

    # T

    ```msnb {name=load}
    d = load "d.csv"
    d | derive w = v * k | export "w.csv"
    ```

    ```msnb {name=slow}
    simulate exporters n = \(slowRows) seed = 1 | sort export_volume | count
    ```

    """.write(to: dir.appendingPathComponent("src/nb.msnb"), atomically: true, encoding: .utf8)
    return dir
}

@Test(.enabled(if: FileManager.default.fileExists(atPath: msnbBinary.path)))
func pathsFormatTxtAndCheckExitCodes() throws {
    let dir = try notebookFolder(slowRows: 50)
    let nb = dir.appendingPathComponent("src/nb.msnb").path
    // Run from an unrelated folder: `load` reads beside the notebook, `export` writes under --out.
    let r = try runMSNB(["run", nb, "--out", dir.appendingPathComponent("out").path, "--format", "txt"], cwd: FileManager.default.temporaryDirectory)
    #expect(r.status == 0 && r.err.isEmpty)                                  // no progress lines: stderr is a pipe
    let txt = try String(contentsOf: dir.appendingPathComponent("out/nb.txt"), encoding: .utf8)
    #expect(txt.contains("──── cell 1 ────\n    d = load \"d.csv\"") && txt.contains("wrote w.csv (2 rows × 3 columns)"))
    #expect(try String(contentsOf: dir.appendingPathComponent("out/w.csv"), encoding: .utf8) == "id,v,w\n1,2,4\n2,3,6\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("src").path).sorted() == ["d.csv", "nb.msnb"])
    #expect(try runMSNB(["run", nb, "--format", "pdf"]).status == 2)
    // check: 2 without a committed rendering, 0 when it matches, 1 (with a diff) when a number changed.
    #expect(try runMSNB(["check", nb]).status == 2)
    _ = try runMSNB(["run", nb, "--out", dir.appendingPathComponent("src").path])
    let ok = try runMSNB(["check", nb])
    #expect(ok.status == 0 && ok.out == "nb.msnb: ok (2 cells match nb.md)\n")
    let md = dir.appendingPathComponent("src/nb.md")
    let committed = try String(contentsOf: md, encoding: .utf8)
    try committed.replacingOccurrences(of: "\n50\n", with: "\n51\n").write(to: md, atomically: true, encoding: .utf8)
    let drift = try runMSNB(["check", nb])
    #expect(drift.status == 1 && drift.err.contains("the rendering differs in cell 2") && drift.err.contains("\n-51\n+50\n"))
}

@Test(.enabled(if: FileManager.default.fileExists(atPath: msnbBinary.path)))
func timeoutStopsTheRunAndKeepsAPartialRendering() throws {
    let dir = try notebookFolder(slowRows: 200_000)
    let out = dir.appendingPathComponent("out")
    let r = try runMSNB(["run", dir.appendingPathComponent("src/nb.msnb").path, "--out", out.path, "--timeout", "0.5"])
    #expect(r.status == 1)
    #expect(r.err.contains("error: the run stopped after 0.5 seconds"))
    let partial = try String(contentsOf: out.appendingPathComponent("nb.partial.md"), encoding: .utf8)
    #expect(partial.contains("wrote w.csv") && partial.contains("error: interrupted"))
    #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("nb.md").path))
}

@Test(.enabled(if: FileManager.default.fileExists(atPath: msnbBinary.path) && FileManager.default.fileExists(atPath: "/usr/bin/script")))
func progressLinesOnATerminal() throws {
    let dir = try notebookFolder(slowRows: 50)
    // `script` gives the command a pseudo-terminal; stdout is discarded so only stderr's progress remains.
    let command = "'\(msnbBinary.path)' run '\(dir.appendingPathComponent("src/nb.msnb").path)' --out '\(dir.appendingPathComponent("out").path)' >/dev/null"
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/script")
    p.arguments = ["-qec", command, "/dev/null"]
    let pipe = Pipe()
    p.standardOutput = pipe
    p.standardInput = FileHandle.nullDevice
    try p.run()
    let screen = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    #expect(p.terminationStatus == 0)
    #expect(screen.range(of: "^\\[1/2\\] load [0-9]+\\.[0-9]{2}s\r\n\\[2/2\\] slow [0-9]+\\.[0-9]{2}s\r\n$", options: .regularExpression) != nil)
}
