import Foundation

/// The standard library's modules (`prelude`, `likert`, `finance`…) and where they come from.
public struct StandardLibrary: Sendable {
    /// A folder of `.msq` files, or nil for the copy compiled into the binary.
    public let folder: URL?

    /// The source of module `name`, or nil.
    public func source(of name: String) -> String? {
        guard let folder else { return EmbeddedStdlib.modules[name] }
        return try? String(contentsOf: folder.appendingPathComponent(name + ".msq"), encoding: .utf8)
    }

    /// Where module `name` is, for messages ("Stdlib/likert.msq" or "<msnb>/likert.msq").
    public func path(of name: String) -> String {
        folder.map { $0.appendingPathComponent(name + ".msq").path } ?? "<msnb>/\(name).msq"
    }

    /// Module names other than the prelude, sorted.
    public var modules: [String] {
        let names: [String]
        if let folder {
            names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
                .filter { $0.hasSuffix(".msq") }.map { String($0.dropLast(4)) }
        } else {
            names = Array(EmbeddedStdlib.modules.keys)
        }
        return names.filter { $0 != "prelude" }.sorted()
    }
}

/// Chooses the standard library: the configured folder, else `$MSNB_STDLIB` (for developing the
/// library without rebuilding), else the copy compiled into the binary from `Stdlib/` at build time.
public enum StdlibLocator {
    /// The library to use.
    public static func library(_ configured: URL? = nil) -> StandardLibrary {
        let fm = FileManager.default
        func ok(_ u: URL) -> Bool { fm.fileExists(atPath: u.appendingPathComponent("prelude.msq").path) }
        if let configured, ok(configured) { return StandardLibrary(folder: configured) }
        if let env = ProcessInfo.processInfo.environment["MSNB_STDLIB"], !env.isEmpty, ok(URL(fileURLWithPath: env)) {
            return StandardLibrary(folder: URL(fileURLWithPath: env))
        }
        return StandardLibrary(folder: nil)
    }
}
