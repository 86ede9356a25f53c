import Foundation

/// Finds the standard library folder (`Stdlib/`, holding `prelude.msq`), in this order:
/// 1. the configured folder; 2. `$MSNB_STDLIB`; 3. `Stdlib/` or `../share/msnb/Stdlib` beside the
/// executable; 4. the first `Stdlib/` found walking up from the executable's folder (a source checkout's
/// `.build/debug/msnb`); 5. the same walk from the current directory.
public enum StdlibLocator {
    /// The folder, or nil when none is found.
    public static func find(_ configured: URL? = nil) -> URL? {
        let fm = FileManager.default
        func ok(_ u: URL) -> Bool { fm.fileExists(atPath: u.appendingPathComponent("prelude.msq").path) }
        if let configured, ok(configured) { return configured }
        if let env = ProcessInfo.processInfo.environment["MSNB_STDLIB"], ok(URL(fileURLWithPath: env)) {
            return URL(fileURLWithPath: env)
        }
        let exe = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().deletingLastPathComponent()
        for c in [exe.appendingPathComponent("Stdlib"), exe.appendingPathComponent("../share/msnb/Stdlib").standardized] where ok(c) {
            return c
        }
        for start in [exe, URL(fileURLWithPath: fm.currentDirectoryPath)] {
            var dir = start
            for _ in 0..<8 {
                let c = dir.appendingPathComponent("Stdlib")
                if ok(c) { return c }
                let parent = dir.deletingLastPathComponent()
                if parent.path == dir.path { break }
                dir = parent
            }
        }
        return nil
    }

    /// Module names (files other than the prelude) in the folder.
    public static func modules(in dir: URL) -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return files.filter { $0.hasSuffix(".msq") && $0 != "prelude.msq" }.map { String($0.dropLast(4)) }.sorted()
    }
}
