import Foundation
import MSNKernel
import MSNLanguage

/// How to run a notebook.
public struct RunOptions: Sendable {
    /// Where exports and the rendering go.
    public var outDirectory: URL
    /// `--param name=value` overrides, as text (converted to each parameter's type).
    public var parameters: [(String, String)] = []
    /// Keep running after a failing cell.
    public var keepGoing = false
    /// Stop the whole run after this many seconds.
    public var timeout: Double? = nil
    /// Show per-cell wall times in the rendering (off by default so renderings are reproducible).
    public var timings = false
    /// Print one progress line per cell to stderr.
    public var progress = false
    /// Where the standard library is (nil: found automatically).
    public var stdlibDirectory: URL? = nil
    /// Let `export` write outside `outDirectory` (`msnb run --allow-outside`; never for `check`).
    public var allowOutside = false

    /// Options writing to `outDirectory`.
    public init(outDirectory: URL) { self.outDirectory = outDirectory }
}

/// What one cell did.
public struct CellResult: Sendable {
    /// The cell.
    public var cell: NotebookCell
    /// Its outputs (empty when not evaluated).
    public var outputs: [Output]
    /// Whether it behaved as intended (succeeded, or failed when `error=expected`).
    public var ok: Bool
    /// Why it is not ok, when it is not.
    public var problem: String?
    /// Wall time in seconds.
    public var seconds: Double
}

/// The result of running a notebook.
public struct NotebookRun: Sendable {
    /// The notebook.
    public var document: NotebookDocument
    /// Cells that ran (or were skipped), in order; cells after a failure are absent unless keep-going.
    public var results: [CellResult]
    /// Session options at the end (rows, digits) for rendering.
    public var options: SessionOptions
    /// Whether the run hit its time limit.
    public var timedOut: Bool
    /// The parameter values the run used (defaults and overrides), in front-matter order.
    public var parameters: [(name: String, value: ParameterValue)] = []
    /// True when every cell behaved as intended and the run finished.
    public var succeeded: Bool { !timedOut && results.count == document.cells.count && results.allSatisfy(\.ok) }
}

/// Runs notebooks in one kernel session, cell by cell.
public enum NotebookRunner {
    /// Converts `--param` texts to the types of the front matter's defaults; unknown names are errors
    /// that list the known ones.
    public static func resolveParameters(_ fm: FrontMatter, overrides: [(String, String)]) throws -> [(String, ParameterValue)] {
        var values = fm.params.map { ($0.name, value($0.value)) }
        for (name, text) in overrides {
            guard let i = values.firstIndex(where: { $0.0 == name }) else {
                let known = fm.params.map(\.name)
                throw NotebookError.parameter("unknown parameter '\(name)'; " + (known.isEmpty ? "this notebook has no parameters" : "the notebook's parameters are: \(known.joined(separator: ", "))"))
            }
            values[i].1 = try convert(text, like: fm.params[i].value, name: name)
        }
        return values
    }

    static func value(_ d: FrontMatter.ParameterDefault) -> ParameterValue {
        switch d {
        case .int(let v): return .int(v)
        case .float(let v): return .float(v)
        case .bool(let v): return .bool(v)
        case .string(let s): return .string(s)
        }
    }

    static func convert(_ text: String, like d: FrontMatter.ParameterDefault, name: String) throws -> ParameterValue {
        switch d {
        case .int:
            guard let v = Int64(text) else { throw NotebookError.parameter("parameter '\(name)' is a whole number; '\(text)' is not") }
            return .int(v)
        case .float:
            guard let v = Double(text) else { throw NotebookError.parameter("parameter '\(name)' is a number; '\(text)' is not") }
            return .float(v)
        case .bool:
            guard ["true", "false"].contains(text) else { throw NotebookError.parameter("parameter '\(name)' is true or false; '\(text)' is not") }
            return .bool(text == "true")
        case .string: return .string(text)
        }
    }

    /// Runs `document` (read from `notebookURL`) with `options`.
    public static func run(_ document: NotebookDocument, at notebookURL: URL, options: RunOptions) throws -> NotebookRun {
        let params = try resolveParameters(document.frontMatter, overrides: options.parameters)
        var configuration = SessionConfiguration(
            directory: notebookURL.deletingLastPathComponent(), writeDirectory: options.outDirectory,
            stdlibDirectory: options.stdlibDirectory)
        configuration.confineWrites = !options.allowOutside
        let session = Session(configuration: configuration)
        // `language: id` in the front matter: the whole notebook in that language (as `set language "id"`).
        if let code = document.frontMatter.language, let language = MessageLanguage(code: code) { session.options.language = language.rawValue }
        for (n, v) in params { session.bind(n, to: v) }
        let units = document.cells.map {
            RunUnit(source: $0.code, origin: SourceOrigin(file: document.file, firstLine: $0.firstLine),
                    expectsError: $0.expectsError, evaluate: $0.eval)
        }
        let total = document.cells.count
        var index = 0
        let outcome = Runner(session: session).run(units, policy: RunPolicy(keepGoing: options.keepGoing, timeout: options.timeout), onResult: { r in
            let cell = document.cells[index]
            index += 1
            guard options.progress, r.unit.evaluate else { return }
            FileHandle.standardError.write(Data("[\(cell.number)/\(total)] \(cell.name ?? "cell \(cell.number)") \(String(format: "%.2fs", r.seconds))\(r.ok ? "" : " FAILED")\n".utf8))
        })
        let results = zip(document.cells, outcome.results).map { cell, r in
            CellResult(cell: cell, outputs: r.result.outputs, ok: r.ok, problem: problem(cell, r, document: document, timeout: options.timeout), seconds: r.seconds)
        }
        return NotebookRun(document: document, results: results, options: session.options, timedOut: outcome.timedOut,
                           parameters: params.map { (name: $0.0, value: $0.1) })
    }

    /// Why a cell is not ok, or nil when it is.
    static func problem(_ cell: NotebookCell, _ r: UnitResult, document: NotebookDocument, timeout: Double?) -> String? {
        if r.timedOut { return "the run timed out after \(timeout ?? 0) seconds in \(cell.label)" }
        if cell.expectsError && r.result.succeeded { return "\(cell.label) was expected to fail (error=expected) but succeeded" }
        if !r.result.succeeded, !cell.expectsError, case .error(let d, let src)? = r.result.outputs.last {
            return "\(document.file):\(d.span?.line ?? cell.firstLine): \(cell.label) failed\n" + d.render(source: src)
        }
        return nil
    }
}
