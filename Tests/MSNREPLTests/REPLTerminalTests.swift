import Foundation
import Testing

/// Issue 4 on a real terminal: Ctrl-C cancels a running statement and keeps bindings, history collapses
/// repeated entries and warns once when it cannot be written, wide tables elide middle columns, long
/// tables show head and tail, `:timing on` prints wall time.

private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
private let binary = root.appendingPathComponent(".build/debug/msnb")

/// Runs Fixtures/pty_more.py against the real binary and returns the screen text without colour codes.
private func terminalSession(history: String) throws -> String {
    let script = try #require(Bundle.module.url(forResource: "pty_more", withExtension: "py", subdirectory: "Fixtures"))
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3", script.path, binary.path, root.appendingPathComponent("Notebooks").path, history]
    let pipe = Pipe()
    p.standardOutput = pipe
    try p.run()
    let screen = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    return screen.replacingOccurrences(of: "\u{1B}\\[[0-9;]*[A-Za-z]", with: "", options: .regularExpression)
}

@Test(.enabled(if: FileManager.default.fileExists(atPath: binary.path)))
func ctrlCCancelsARunningStatementAndTablesFitTheTerminal() throws {
    let history = FileManager.default.temporaryDirectory.appendingPathComponent("msnb-history-\(UUID().uuidString)")
    let screen = try terminalSession(history: history.path)
    // The statement was stopped (at the verb after the one running) and bound nothing; n0 survived.
    #expect(screen.contains("^Cerror: interrupted"))
    #expect(screen.contains("bindings are as they were before this statement"))
    #expect(screen.contains("msnb> n0\r\n7\r\n"))
    #expect(screen.contains("error: unknown name 'slow'"))
    // A long boost fit stops between trees: well before its 5000 trees, and binds nothing.
    let seconds = screen.components(separatedBy: "CANCEL_FIT_SECONDS=").last.flatMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    #expect((seconds ?? 99) < 5, "Ctrl-C took \(seconds ?? -1) s to stop the fit")
    #expect(screen.contains("error: unknown name 'm'"))
    // 64 columns: Holzinger–Swineford's 15 columns do not fit, so middle ones are elided; :rows 4 shows
    // two rows at each end (ids 1, 2 … 349, 351).
    #expect(screen.contains("  id   sex  ageyr  agemo  …  x6       x7       x8     x9\r\n"))
    #expect(screen.contains("    2    2     13      7  …  1.28571  3.78261   6.25  7.91667\r\n  …\r\n  349 "))
    #expect(screen.contains("301 rows × 15 columns (297 more rows not shown), 7 columns elided"))
    #expect(screen.range(of: "14\r\ntime: [0-9]+\\.[0-9]{3} s\r\n", options: .regularExpression) != nil)
    // History: `n0 + 1` was entered twice in a row and is kept once.
    let saved = try String(contentsOf: history, encoding: .utf8).split(separator: "\n")
    #expect(saved.filter { $0 == "n0 + 1" }.count == 1)
    #expect(saved.prefix(3) == ["n0 = 7", "n0 + 1", "slow = simulate exporters n = 200000 seed = 1 | sort export_volume | count"])
}

@Test(.enabled(if: FileManager.default.fileExists(atPath: binary.path)))
func unwritableHistoryWarnsOnceAndTheSessionGoesOn() throws {
    let screen = try terminalSession(history: "/nonexistent-msnb-folder/history")
    #expect(screen.components(separatedBy: "warning: cannot write history").count == 2)   // exactly one warning
    #expect(screen.contains("msnb> n0 * 2\r\n14\r\n"))
}
