import Foundation
import MSNKernel
import MSNLanguage
import MSNTable

/// The repository root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A session reading from Notebooks/ (so `data/…` paths work) and writing to a fresh temporary folder.
func makeSession(writeTo out: URL? = nil) -> Session {
    let dir = out ?? FileManager.default.temporaryDirectory.appendingPathComponent("msnb-kernel-\(UUID().uuidString)")
    return Session(configuration: SessionConfiguration(
        directory: repositoryRoot.appendingPathComponent("Notebooks"), writeDirectory: dir,
        stdlibDirectory: repositoryRoot.appendingPathComponent("Stdlib")))
}

extension Session {
    /// Runs source that must succeed and returns its last output's table.
    func table(_ source: String) throws -> Table {
        let r = execute(source, origin: SourceOrigin(file: "test.msq"))
        guard r.succeeded else { throw TestFailure(message: Renderer.text(r.outputs, options: options)) }
        for o in r.outputs.reversed() { if case .table(let t, _) = o { return t } }
        throw TestFailure(message: "no table in the output")
    }

    /// Runs source that must succeed and returns its last text output.
    func text(_ source: String) throws -> String {
        let r = execute(source, origin: SourceOrigin(file: "test.msq"))
        guard r.succeeded else { throw TestFailure(message: Renderer.text(r.outputs, options: options)) }
        for o in r.outputs.reversed() { if case .text(let s) = o { return s } }
        throw TestFailure(message: "no text in the output")
    }

    /// Runs source that must fail and returns its error diagnostic.
    func failure(_ source: String) -> Diagnostic? {
        let r = execute(source, origin: SourceOrigin(file: "test.msq"))
        guard !r.succeeded, case .error(let d, _)? = r.outputs.last else { return nil }
        return d
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
