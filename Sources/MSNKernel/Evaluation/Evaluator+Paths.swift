import Foundation
import MSNLanguage

/// Where `load`, `use` and `export` read and write.
extension Evaluator {
    func resolveRead(_ path: String) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path) : configuration.readDirectory.appendingPathComponent(path)
    }

    func resolveWrite(_ path: String) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path) : configuration.writeDirectory.appendingPathComponent(path)
    }

    /// Where `export` writes `path`: as `resolveWrite`, but when writes are confined (notebooks) a path
    /// that leaves the output folder — `..`, an absolute path, a symlink pointing out — is an error.
    func resolveExport(_ path: String, at span: SourceSpan) throws -> URL {
        let url = resolveWrite(path).standardizedFileURL
        guard configuration.confineWrites else { return url }
        let root = Evaluator.realPath(configuration.writeDirectory.standardizedFileURL)
        let real = Evaluator.realPath(url)
        guard real.hasPrefix(root.hasSuffix("/") ? root : root + "/") else {
            throw Diagnostic(.value, "export \"\(path)\" would write outside the notebook's output folder", at: span,
                             hint: "a notebook writes only under its output folder (\(configuration.writeDirectory.path)); use a relative path such as \"results/\(url.lastPathComponent)\"")
        }
        return URL(fileURLWithPath: real)
    }

    /// `url` with the symlinks of its deepest existing ancestor resolved and the rest appended.
    static func realPath(_ url: URL) -> String {
        var existing = url
        var rest: [String] = []
        while !FileManager.default.fileExists(atPath: existing.path) && existing.path != "/" {
            rest.insert(existing.lastPathComponent, at: 0)
            existing = existing.deletingLastPathComponent()
        }
        return rest.reduce(existing.resolvingSymlinksInPath()) { $0.appendingPathComponent($1) }.path
    }
}
