import Foundation
import Testing

/// Issue 16 through the real binary: the REPL survives recursion and deep nesting (findings 1–2),
/// notebook exports stay in the output folder (3), temp files explain themselves (5), huge cells are
/// cut on display (13).

private let repoRoot = msnbBinary.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

private func scratch() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("msnb-hard-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
}

@Test(.enabled(if: FileManager.default.fileExists(atPath: msnbBinary.path)))
func replSurvivesRecursionAndDeepNesting() throws {
    let deep = "x = " + String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000)
    let input = "def g(x) = g(x)\ng(1)\ndef a(x) = b(x)\ndef b(x) = a(x)\na(1)\n\(deep)\n40 + 2\n"
    let r = try runMSNB(["--keep-going"], stdin: input)
    #expect(r.status == 1)
    #expect(r.err.contains("error: recursion deeper than 8192 calls in 'g'"))
    #expect(r.err.contains("calls in 'a'") || r.err.contains("calls in 'b'"))
    #expect(r.err.contains("error: nesting deeper than 1,000 levels"))
    #expect(r.out.contains("42"))
    let dir = try scratch()
    try "def f(t) = t | f\nt = load \"\(repoRoot.path)/Notebooks/data/HolzingerSwineford1939.csv\"\nt | f\n"
        .write(to: dir.appendingPathComponent("r.msq"), atomically: true, encoding: .utf8)
    let run = try runMSNB(["run", dir.appendingPathComponent("r.msq").path])
    #expect(run.status == 1 && run.err.contains("recursion deeper than 8192 calls in 'f'"))
    // A notebook reports it in its cell and stops there, as a script does.
    try "```msnb\ndef g(x) = g(x)\ng(1)\n```\n".write(to: dir.appendingPathComponent("r.msnb"), atomically: true, encoding: .utf8)
    let nb = try runMSNB(["run", dir.appendingPathComponent("r.msnb").path, "--out", dir.appendingPathComponent("out").path])
    #expect(nb.status == 1 && nb.err.contains("recursion deeper than 8192 calls in 'g'"), "\(nb.err)")
}

@Test(.enabled(if: FileManager.default.fileExists(atPath: msnbBinary.path)))
func notebookExportsStayInTheOutputFolder() throws {
    let dir = try scratch()
    let nb = dir.appendingPathComponent("nb.msnb")
    let outside = dir.appendingPathComponent("escaped.csv")
    for target in ["../escaped.csv", outside.path] {
        try "```msnb\nt = load \"\(repoRoot.path)/Notebooks/data/HolzingerSwineford1939.csv\"\nt | head 2 | export \"\(target)\"\n```\n"
            .write(to: nb, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("out")
        let r = try runMSNB(["run", nb.path, "--out", out.path])
        #expect(r.status == 1)
        #expect(r.err.contains("would write outside the notebook's output folder"))
        #expect(!FileManager.default.fileExists(atPath: outside.path))
        // check runs in a scratch folder and refuses just the same; --allow-outside is not an option of check.
        try "placeholder\n".write(to: dir.appendingPathComponent("nb.md"), atomically: true, encoding: .utf8)
        let c = try runMSNB(["check", nb.path])
        #expect(c.status == 1 && c.err.contains("would write outside"))
        #expect(try runMSNB(["check", nb.path, "--allow-outside"]).status != 0)
        #expect(!FileManager.default.fileExists(atPath: outside.path))
        // run --allow-outside lifts it.
        let allowed = try runMSNB(["run", nb.path, "--out", out.path, "--allow-outside"])
        #expect(allowed.status == 0, "\(allowed.err)")
        #expect(FileManager.default.fileExists(atPath: outside.path))
        try FileManager.default.removeItem(at: outside)
    }
    // Inside the folder (a subfolder) is fine; a script keeps ordinary paths.
    try "```msnb\nt = load \"\(repoRoot.path)/Notebooks/data/HolzingerSwineford1939.csv\"\nt | head 2 | export \"sub/in.csv\"\n```\n"
        .write(to: nb, atomically: true, encoding: .utf8)
    #expect(try runMSNB(["run", nb.path, "--out", dir.appendingPathComponent("out").path]).status == 0)
    #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/sub/in.csv").path))
    let script = dir.appendingPathComponent("s.msq")
    try "t = load \"\(repoRoot.path)/Notebooks/data/HolzingerSwineford1939.csv\"\nt | head 2 | export \"../script.csv\"\n"
        .write(to: script, atomically: true, encoding: .utf8)
    #expect(try runMSNB(["run", script.path, "--out", dir.appendingPathComponent("out").path]).status == 0)
    #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("script.csv").path))
}

@Test(.enabled(if: FileManager.default.fileExists(atPath: msnbBinary.path)))
func exportRefusesDevicesAndWritesThroughSymlinks() throws {
    let dir = try scratch()
    let target = dir.appendingPathComponent("real.csv")
    try "old\n".write(to: target, atomically: true, encoding: .utf8)
    try FileManager.default.createSymbolicLink(at: dir.appendingPathComponent("link.csv"), withDestinationURL: target)
    // A path with a format's extension that leads to a device (through a symlink) is refused; a path
    // without an extension is refused earlier, for its format.
    try FileManager.default.createSymbolicLink(at: dir.appendingPathComponent("null.csv"), withDestinationURL: URL(fileURLWithPath: "/dev/null"))
    let load = "t = load \"\(repoRoot.path)/Notebooks/data/HolzingerSwineford1939.csv\"\n"
    let r = try runMSNB(["--keep-going"], stdin: load + "t | head 2 | export \"link.csv\"\nt | head 1 | export \"null.csv\"\nt | head 1 | export \"/dev/null\"\n", cwd: dir)
    #expect(r.err.contains("null.csv is a device, not a regular file; export writes only regular files"), "\(r.err)")
    #expect(r.err.contains("msnb cannot write .(no extension) files"))
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dir.appendingPathComponent("link.csv").path) == target.path)
    #expect(try String(contentsOf: target, encoding: .utf8).split(separator: "\n").count == 3)
}

@Test(.enabled(if: FileManager.default.fileExists(atPath: msnbBinary.path)))
func inspectOfAHugeFieldPrintsAShortTable() throws {
    let dir = try scratch()
    let csv = dir.appendingPathComponent("big.csv")
    try ("id,text\n1," + String(repeating: "x", count: 5_000_000) + "\n2,short\n").write(to: csv, atomically: true, encoding: .utf8)
    let r = try runMSNB(["inspect", csv.path])
    #expect(r.status == 0)
    #expect(r.out.utf8.count < 4_000)
    #expect(r.out.contains(String(repeating: "x", count: 59) + "…"))
}

@Test(.enabled(if: FileManager.default.fileExists(atPath: msnbBinary.path)))
func aVeryDeepDefinitionIsReleasedWithoutCrashing() throws {
    // A 100,000-stage `def` is a 100,000-deep syntax tree; dropping it recurses. Before, the process crashed
    // at exit (SIGSEGV) in `msnb run` and in piped input, releasing it on the main thread's 8 MB stack.
    let dir = try scratch()
    let source = "t = load \"\(repoRoot.path)/Notebooks/data/HolzingerSwineford1939.csv\"\n"
        + "def f(t) = t" + String(repeating: " | head 5", count: 100_000) + "\nt | f | select id, sex\n"
    try source.write(to: dir.appendingPathComponent("deep.msq"), atomically: true, encoding: .utf8)
    let run = try runMSNB(["run", dir.appendingPathComponent("deep.msq").path])
    #expect(run.status == 0 && run.out.contains("5 rows"), "\(run.err.prefix(300))")
    let piped = try runMSNB([], stdin: source)
    #expect(piped.status == 0 && piped.out.contains("5 rows"), "\(piped.err.prefix(300))")
}
