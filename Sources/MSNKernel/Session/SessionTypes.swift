import Foundation
import MSNLanguage
import MSNPlot
import MSNTable
import Synchronization

/// Where source text came from, so diagnostics name the file and the file's line numbers.
public struct SourceOrigin: Sendable {
    /// File name shown in diagnostics.
    public var file: String
    /// File line of the source's first line.
    public var firstLine: Int
    /// An origin.
    public init(file: String, firstLine: Int = 1) {
        self.file = file
        self.firstLine = firstLine
    }
    /// The REPL's origin.
    public static let repl = SourceOrigin(file: "<repl>")
}

/// Session-wide options, set with `set rows = 20`, `set digits = 4`, `set seed = 42`.
public struct SessionOptions: Sendable, Equatable {
    /// Rows shown when a table is displayed.
    public var rows: Int = 10
    /// Significant digits shown for floats.
    public var digits: Int = 6
    /// Default seed for sample, split and models.
    public var seed: UInt64 = 42
    /// Terminal width for eliding wide tables (nil: never elide).
    public var terminalWidth: Int? = nil
    /// Where text rendering writes figures' SVG files (the REPL's `:plots DIR`); nil: a `msnb-plots`
    /// folder in the temporary directory.
    public var plotsDirectory: String? = nil
    /// The language of interpretations, verdicts, summary wording, warnings and errors
    /// (`set language "id"`; a notebook's `language: id`): "en" or "id".
    public var language: String = "en"
    /// How numbers are written in text, Markdown and HTML renderings (`set locale "id"`: a decimal
    /// comma); CSV and workbook exports are never affected.
    public var locale: String = "en"
    /// Default options.
    public init() {}
}

/// How a session resolves files.
public struct SessionConfiguration: Sendable {
    /// Relative paths in `load` and `use` resolve here (a notebook's folder).
    public var readDirectory: URL
    /// Relative paths in `export` resolve here (`--out DIR`).
    public var writeDirectory: URL
    /// The standard library folder; found automatically when nil (see `StdlibLocator`).
    public var stdlibDirectory: URL?
    /// Initial options.
    public var options: SessionOptions
    /// Whether to load `Stdlib/prelude.msq` at start.
    public var loadPrelude: Bool
    /// When true (notebooks), `export` paths resolve under `writeDirectory` and a path that leaves it
    /// is an error; scripts and the REPL keep ordinary paths.
    public var confineWrites = false

    /// A configuration reading and writing relative to `directory` (default: the current directory).
    public init(directory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
                writeDirectory: URL? = nil, stdlibDirectory: URL? = nil, options: SessionOptions = SessionOptions(),
                loadPrelude: Bool = true) {
        readDirectory = directory
        self.writeDirectory = writeDirectory ?? directory
        self.stdlibDirectory = stdlibDirectory
        self.options = options
        self.loadPrelude = loadPrelude
    }
}

/// One typed result of executing source. Rendering is separate (`Renderer`).
public enum Output: Sendable {
    /// Plain text (a scalar's value, a message).
    case text(String)
    /// A table, with an optional caption.
    case table(Table, caption: String?)
    /// A fitted model's summary (title, labelled values, paragraphs, warnings, a table).
    case model(kind: String, summary: ModelSummary)
    /// A file the statement wrote.
    case fileWritten(path: String, rows: Int, columns: Int)
    /// A warning, with the source it points into.
    case warning(Diagnostic, source: String?)
    /// A chart: SVG for documents, a text sketch for terminals.
    case figure(Figure)
    /// The error that stopped execution, with the source it points into.
    case error(Diagnostic, source: String?)
}

/// The outputs of one `execute` call, and whether every statement succeeded.
public struct ExecutionResult: Sendable {
    /// Outputs in order; a failure's error is last.
    public var outputs: [Output]
    /// True when no statement failed.
    public var succeeded: Bool
    /// A result.
    public init(outputs: [Output], succeeded: Bool) {
        self.outputs = outputs
        self.succeeded = succeeded
    }
}

/// Completion candidates for the word before the cursor.
public struct Completion: Sendable, Equatable {
    /// UTF-8 offset where the replaced word starts.
    public var replaceFrom: Int
    /// Candidates, sorted.
    public var candidates: [String]
}

/// A parameter value bound from a notebook's front matter or `--param`.
public enum ParameterValue: Sendable, Equatable {
    /// An integer.
    case int(Int64)
    /// A float.
    case float(Double)
    /// A string.
    case string(String)
    /// A bool.
    case bool(Bool)

    var cell: CellValue {
        switch self {
        case .int(let v): return .int(v)
        case .float(let v): return .float(v)
        case .string(let v): return .string(v)
        case .bool(let v): return .bool(v)
        }
    }
}

/// Cancels the running statement from any thread (a SIGINT handler's poller, a timeout).
public final class CancellationToken: Sendable {
    private let flag = Atomic<Bool>(false)
    /// A token, not cancelled.
    public init() {}
    /// Asks the running statement to stop at its next check.
    public func cancel() { flag.store(true, ordering: .relaxed) }
    /// Whether cancellation was asked for.
    public var isCancelled: Bool { flag.load(ordering: .relaxed) }
    /// Clears the request (done before each statement).
    public func reset() { flag.store(false, ordering: .relaxed) }
}
