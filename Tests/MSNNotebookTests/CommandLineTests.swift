import Foundation
import Testing

/// End-to-end runs of the built `msnb` binary (built by `swift build --build-tests`).
let msnbBinary = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent(".build/debug/msnb")

func runMSNB(_ args: [String], stdin: String? = nil, cwd: URL? = nil) throws -> (status: Int32, out: String, err: String) {
    let p = Process()
    p.executableURL = msnbBinary
    p.arguments = args
    if let cwd { p.currentDirectoryURL = cwd }
    let out = Pipe(), err = Pipe(), input = Pipe()
    p.standardOutput = out
    p.standardError = err
    p.standardInput = input
    try p.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
}

@Test(.enabled(if: FileManager.default.fileExists(atPath: msnbBinary.path)))
func notebookRunWritesAtomicallyAndKeepsPreviousOnFailure() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("msnb-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let nb = dir.appendingPathComponent("n.msnb")
    try "---\nparams:\n  k: 2\n---\n```msnb\nk * 10\n```\n".write(to: nb, atomically: true, encoding: .utf8)
    let ok = try runMSNB(["run", nb.path, "--out", dir.appendingPathComponent("out").path])
    #expect(ok.status == 0)
    let rendered = try String(contentsOf: dir.appendingPathComponent("out/n.md"), encoding: .utf8)
    #expect(rendered.contains("```\n20\n```"))
    let withParam = try runMSNB(["run", nb.path, "--out", dir.appendingPathComponent("out2").path, "--param", "k=5"])
    #expect(withParam.status == 0)
    #expect(try String(contentsOf: dir.appendingPathComponent("out2/n.md"), encoding: .utf8).contains("```\n50\n```"))
    let bad = try runMSNB(["run", nb.path, "--param", "kk=1"])
    #expect(bad.status == 2 && bad.err.contains("unknown parameter 'kk'; the notebook's parameters are: k"))
    // A failing run leaves the previous rendering and writes a partial one.
    try "---\nparams:\n  k: 2\n---\n```msnb\nk * nope\n```\n".write(to: nb, atomically: true, encoding: .utf8)
    let failed = try runMSNB(["run", nb.path, "--out", dir.appendingPathComponent("out").path])
    #expect(failed.status == 1)
    #expect(failed.err.contains("n.msnb:6: cell 1 failed"))
    #expect(try String(contentsOf: dir.appendingPathComponent("out/n.md"), encoding: .utf8) == rendered)
    #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/n.partial.md").path))
}

@Test(.enabled(if: FileManager.default.fileExists(atPath: msnbBinary.path)))
func scriptsAndPipedInputAndExitCodes() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("msnb-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let script = dir.appendingPathComponent("s.msq")
    try "a = 2\na * 3\nb = a | head\nc = 1\n".write(to: script, atomically: true, encoding: .utf8)
    let r = try runMSNB(["run", script.path])
    #expect(r.status == 1 && r.out == "6\n" && r.err.contains("s.msq:3:9"))
    let k = try runMSNB(["run", script.path, "--keep-going"])
    #expect(k.status == 1 && k.out == "6\n")
    let piped = try runMSNB([], stdin: "x = 4\nx\n  | head 1\nx + 1\n")
    #expect(piped.status == 1)   // `x | head 1` fails: x is a number
    let good = try runMSNB([], stdin: "x = [1,\n 2]\nx\n")
    #expect(good.status == 0 && good.out == "[1, 2]\n" && good.err.isEmpty)
    let usage = try runMSNB(["run"])
    #expect(usage.status == 2)
    #expect(try runMSNB(["--version"]).out.hasPrefix("0.2.0"))
}
