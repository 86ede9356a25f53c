import Foundation

/// Writes the msnb kernelspec: `kernel.json` (argv with the absolute path of this binary) and the two
/// logo files, in Jupyter's kernels folder for the user, a prefix, or the running Python's prefix.
public enum KernelSpec {
    /// Where to install.
    public enum Location: Equatable, Sendable {
        /// `$JUPYTER_DATA_DIR` or `~/.local/share/jupyter` (Linux).
        case user
        /// `PREFIX/share/jupyter`.
        case prefix(String)
        /// The active virtualenv or conda prefix (`$VIRTUAL_ENV`, `$CONDA_PREFIX`), else `python3`'s `sys.prefix`.
        case sysPrefix
    }

    /// The kernel.json content for `executable`.
    public static func json(executable: String) -> JSONObject {
        ["argv": [executable, "kernel", "-f", "{connection_file}"], "display_name": "msnb", "language": "msnb",
         "interrupt_mode": "signal", "metadata": ["debugger": false] as JSONObject]
    }

    /// Installs the kernelspec; returns its folder.
    @discardableResult
    public static func install(_ location: Location, executable: String) throws -> URL {
        let dir = try kernelsDirectory(location).appendingPathComponent("msnb")
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let data = try JSONSerialization.data(withJSONObject: json(executable: executable), options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
            try data.write(to: dir.appendingPathComponent("kernel.json"))
            try Logo.png(size: 32).write(to: dir.appendingPathComponent("logo-32x32.png"))
            try Logo.png(size: 64).write(to: dir.appendingPathComponent("logo-64x64.png"))
        } catch {
            throw JupyterError.install("cannot write the kernelspec in \(dir.path): \(error.localizedDescription)")
        }
        return dir
    }

    /// `…/share/jupyter/kernels` for the location.
    static func kernelsDirectory(_ location: Location) throws -> URL {
        let env = ProcessInfo.processInfo.environment
        switch location {
        case .user:
            if let d = env["JUPYTER_DATA_DIR"], !d.isEmpty { return URL(fileURLWithPath: d).appendingPathComponent("kernels") }
            let data = env["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (NSHomeDirectory() + "/.local/share")
            return URL(fileURLWithPath: data).appendingPathComponent("jupyter/kernels")
        case .prefix(let p):
            return URL(fileURLWithPath: p).appendingPathComponent("share/jupyter/kernels")
        case .sysPrefix:
            var prefix = env["VIRTUAL_ENV"].flatMap { $0.isEmpty ? nil : $0 } ?? env["CONDA_PREFIX"].flatMap { $0.isEmpty ? nil : $0 }
            if prefix == nil { prefix = try pythonPrefix() }
            let p = prefix ?? "/usr/local"
            return URL(fileURLWithPath: p).appendingPathComponent("share/jupyter/kernels")
        }
    }

    static func pythonPrefix() throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", "import sys; print(sys.prefix)"]
        let pipe = Pipe()
        p.standardOutput = pipe
        do { try p.run() } catch { throw JupyterError.install("--sys-prefix needs python3 on PATH") }
        p.waitUntilExit()
        let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard p.terminationStatus == 0, !out.isEmpty else { throw JupyterError.install("cannot ask python3 for sys.prefix") }
        return out
    }
}
