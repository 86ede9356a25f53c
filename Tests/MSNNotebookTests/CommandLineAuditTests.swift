import Foundation
import Testing

/// The `msnb` command's contract (issue 2 §4, issue 3 "msnb run", issue 5 "run"): exact stdout, exit codes,
/// `--keep-going` after the subcommand, and `inspect`.

private func scratch() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("msnb-cli-audit-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
}

@Test(.enabled(if: FileManager.default.fileExists(atPath: msnbBinary.path)))
func scriptOutputIsExactAndKeepGoingCarriesOn() throws {
    let dir = try scratch()
    let ok = dir.appendingPathComponent("ok.msq")
    try "a = 2\na * 3\n".write(to: ok, atomically: true, encoding: .utf8)
    let good = try runMSNB(["run", ok.path])
    // Exactly the statement's output: no blank line added when the command exits.
    #expect(good.status == 0 && good.out == "6\n" && good.err.isEmpty)

    let bad = dir.appendingPathComponent("bad.msq")
    try "a = 2\nb = a | head\na * 3\na + 1\n".write(to: bad, atomically: true, encoding: .utf8)
    let stop = try runMSNB(["run", bad.path])
    #expect(stop.status == 1 && stop.out == "")                 // stops at the first error
    #expect(stop.err.contains("error: head works on a table, but it was given an int\n --> \(bad.path):2:9"))
    // `--keep-going` written after the subcommand (the usual place) must reach `run`.
    let go = try runMSNB(["run", bad.path, "--keep-going"])
    #expect(go.status == 1 && go.out == "6\n3\n")
    let before = try runMSNB(["--keep-going", "run", bad.path])
    #expect(before.status == 1 && before.out == "6\n3\n")
}

@Test(.enabled(if: FileManager.default.fileExists(atPath: msnbBinary.path)))
func notebookKeepGoingRunsLaterCells() throws {
    let dir = try scratch()
    let nb = dir.appendingPathComponent("k.msnb")
    try "```msnb\nnope + 1\n```\n\n```msnb\n40 + 2\n```\n".write(to: nb, atomically: true, encoding: .utf8)
    let out = dir.appendingPathComponent("out")
    let stop = try runMSNB(["run", nb.path, "--out", out.path])
    #expect(stop.status == 1)
    #expect(try !String(contentsOf: out.appendingPathComponent("k.partial.md"), encoding: .utf8).contains("42"))
    let go = try runMSNB(["run", nb.path, "--out", out.path, "--keep-going"])
    #expect(go.status == 1)
    #expect(try String(contentsOf: out.appendingPathComponent("k.partial.md"), encoding: .utf8).contains("```\n42\n```"))
    #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("k.md").path))
}

@Test(.enabled(if: FileManager.default.fileExists(atPath: msnbBinary.path)))
func inspectPrintsSchemaAndDescribeWithExitCodes() throws {
    let dir = try scratch()
    let csv = dir.appendingPathComponent("f.csv")
    try "id,region,vol\n1,Java,10\n2,Bali,\n3,Java,30\n".write(to: csv, atomically: true, encoding: .utf8)
    let r = try runMSNB(["inspect", csv.path])
    #expect(r.status == 0 && r.err.isEmpty)
    #expect(r.out.hasPrefix("\(csv.path): 3 rows × 3 columns\n"))
    // Schema: name, inferred type, nulls.
    #expect(r.out.contains("  region  string      0\n"))
    #expect(r.out.contains("  vol     int         1\n"))
    // Describe: vol has 2 values 10 and 30 → mean 20, sd sqrt(200) = 14.14, quartiles 15/20/25.
    let volRow = r.out.split(separator: "\n").first { $0.hasPrefix("  vol ") && $0.contains("20") }
    #expect(volRow.map { $0.split(separator: " ").map(String.init) }
        == ["vol", "int", "2", "1", "20", "14.14", "10", "15", "20", "25", "30", "null", "null", "null"])
    let javaRow = r.out.split(separator: "\n").first { $0.hasPrefix("  region ") && $0.contains("Java") }
    #expect(javaRow?.split(separator: " ").suffix(3).map(String.init) == ["2", "Java", "2"])

    let ragged = dir.appendingPathComponent("r.csv")
    try "a,b,c\n1,2,3\n4,5\n".write(to: ragged, atomically: true, encoding: .utf8)
    let data = try runMSNB(["inspect", ragged.path])
    #expect(data.status == 1 && data.out.isEmpty && data.err == "error: \(ragged.path):3: expected 3 fields, found 2\n")
    let missing = try runMSNB(["inspect", dir.appendingPathComponent("nope.csv").path])
    #expect(missing.status == 2 && missing.err.contains("cannot read the file"))  // I/O, as for run and check
    #expect(try runMSNB(["inspect"]).status == 2)                     // missing argument
    #expect(try runMSNB(["inspect", csv.path, "--bogus"]).status == 2)  // unknown option
    let help = try runMSNB(["--help"])
    #expect(help.status == 0 && help.out.contains("USAGE: msnb") && help.out.contains("inspect"))
    let version = try runMSNB(["--version"])
    #expect(version.status == 0 && version.out.hasPrefix("0.2.0") && version.err.isEmpty)
}
