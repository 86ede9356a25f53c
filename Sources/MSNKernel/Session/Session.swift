import Foundation
import MSNLanguage
import MSNTable

/// A kernel session: bindings, functions and options that persist across `execute` calls.
/// The REPL, the notebook runner and `msnb run` all drive this one API.
public final class Session {
    private var env = Environment()
    private var configuration: SessionConfiguration
    private var statements: [String] = []
    /// Warnings raised while starting (e.g. no Stdlib found).
    public private(set) var startupWarnings: [String] = []
    /// Cancels the running statement from another thread.
    public let cancellation = CancellationToken()

    /// A session; loads `Stdlib/prelude.msq` unless the configuration says not to.
    public init(configuration: SessionConfiguration = SessionConfiguration()) {
        self.configuration = configuration
        env.options = configuration.options
        KernelThread.run { loadPrelude() }
    }

    private func loadPrelude() {
        guard configuration.loadPrelude else { return }
        let library = StdlibLocator.library(configuration.stdlibDirectory)
        guard let text = library.source(of: "prelude") else {
            startupWarnings.append("msnb: cannot read the standard library's prelude at \(library.path(of: "prelude"))")
            return
        }
        var ev = Evaluator(env: env, configuration: configuration, cancellation: cancellation, source: "")
        do {
            try ev.runLibrary(text, file: "prelude.msq", path: library.path(of: "prelude"))
            env = ev.env
        } catch {
            startupWarnings.append("msnb: the prelude failed to load: \(error)")
        }
    }

    /// Session options (`rows`, `digits`, `seed`, terminal width).
    public var options: SessionOptions {
        get { env.options }
        set { env.options = newValue }
    }

    /// Source of every statement that succeeded, in order (for the REPL's `:save`).
    public var successfulStatements: [String] { statements }

    /// Parses and runs every statement in `source`; stops at the first failure, whose error is the
    /// last output. A failing statement leaves every binding as it was. Syntax errors anywhere stop
    /// the whole source before anything runs, and all of them are reported.
    /// Runs on a kernel thread (`KernelThread`), so that limits do not depend on the caller's stack.
    public func execute(_ source: String, origin: SourceOrigin = .repl) -> ExecutionResult {
        KernelThread.run { executeHere(source, origin: origin) }
    }

    private func executeHere(_ source: String, origin: SourceOrigin) -> ExecutionResult {
        let result = executeInEnglish(source, origin: origin)
        // Messages are written in English and translated here, once (`set language "id"`; see Localizer).
        let language = env.options.messageLanguage
        guard language != .en else { return result }
        return ExecutionResult(outputs: result.outputs.map { Localizer.translate($0, to: language) }, succeeded: result.succeeded)
    }

    private func executeInEnglish(_ source: String, origin: SourceOrigin) -> ExecutionResult {
        let fileText = String(repeating: "\n", count: max(0, origin.firstLine - 1)) + source
        let (parsed, diagnostics) = Parser.parse(source, file: origin.file, firstLine: origin.firstLine, verbs: Verbs.names)
        if !diagnostics.isEmpty {
            return ExecutionResult(outputs: diagnostics.map { .error($0, source: fileText) }, succeeded: false)
        }
        var outputs: [Output] = []
        for statement in parsed {
            cancellation.reset()
            var ev = Evaluator(env: env, configuration: configuration, cancellation: cancellation, source: fileText)
            do {
                let value = try ev.run(statement.statement)
                outputs += ev.sideOutputs
                env = ev.env
                statements.append(statement.source)
                if let value { outputs += Session.outputs(for: value, digits: env.options.digits) }
            } catch let d as Diagnostic {
                outputs += ev.sideOutputs.filter { if case .warning = $0 { return true } else { return false } }
                outputs.append(.error(d, source: fileText))
                return ExecutionResult(outputs: outputs, succeeded: false)
            } catch {
                outputs.append(.error(Diagnostic(.runtime, "\(error)", at: statement.statement.span), source: fileText))
                return ExecutionResult(outputs: outputs, succeeded: false)
            }
        }
        return ExecutionResult(outputs: outputs, succeeded: true)
    }

    /// The outputs that display a value: one, plus one captioned table per part of a model that has parts.
    static func outputs(for value: Value, digits: Int) -> [Output] {
        guard case .model(let m) = value else { return [output(for: value, digits: digits)] }
        return [output(for: value, digits: digits)] + m.parts.map { .table(ResultFormats.annotate($0.table), caption: $0.name) }
    }

    /// A scalar as displayed: floats to `digits` significant digits (as in tables), keeping a `.0` on
    /// whole floats so that they still read as floats.
    static func display(_ c: CellValue, digits: Int) -> String {
        guard case .float(let v) = c else { return c.isNull ? "null" : c.description }
        let s = CellFormat.number(v, digits: digits)
        return s.contains(where: { $0 == "." || $0 == "e" || $0.isLetter }) ? s : s + ".0"
    }

    static func output(for value: Value, digits: Int) -> Output {
        switch value {
        case .table(let t): return .table(t, caption: nil)
        case .model(let m): return .model(kind: m.kind, summary: m.summary)
        case .scalar(let c): return .text(display(c, digits: digits))
        case .tuple(let parts):
            return .text(parts.map { "\($0.kindName) \($0.shape)" }.joined(separator: ", "))
        case .list(let items):
            return .text("[" + items.map { if case .scalar(let c) = $0 { return display(c, digits: digits) } else { return $0.kindName } }.joined(separator: ", ") + "]")
        case .figure(let f): return .figure(f)
        case .record(let pairs):
            return .text("{" + pairs.map { "\($0.0): \($0.1.shape)" }.joined(separator: ", ") + "}")
        }
    }

    /// True when `source` is a complete statement sequence; the REPL continues the input while false.
    public func isComplete(_ source: String) -> Bool { Parser.isComplete(source) }

    /// Binds a parameter value (notebook front matter and `--param`).
    public func bind(_ name: String, to value: ParameterValue) {
        env.bindings[name] = .scalar(value.cell)
        env.libraryNames.remove(name)
    }

    /// Binds a value made elsewhere (a table read once and shared by many sessions, as the fuzz
    /// target does) as if a statement had assigned it.
    public func bind(_ name: String, value: Value) {
        env.bindings[name] = value
        env.libraryNames.remove(name)
    }

    /// The value bound to `name`, if any.
    public func value(of name: String) -> Value? { env.bindings[name] }

    /// User-visible bindings: name, kind and shape, sorted by name (library names hidden).
    public func bindings() -> [(name: String, kind: String, shape: String)] {
        env.bindings.filter { !env.libraryNames.contains($0.key) }.sorted { $0.key < $1.key }
            .map { ($0.key, $0.value.kindName, $0.value.shape) }
    }

    /// Names of user and library functions.
    public var functionNames: [String] { env.functions.keys.sorted() }

    /// The schema of a bound table (column, type, nulls), or nil.
    public func schema(of name: String) -> Table? {
        guard case .table(let t)? = env.bindings[name] else { return nil }
        var columns: [(String, Column)] = [
            ("column", .string(StringColumn(t.columnNames))),
            ("type", .string(StringColumn(t.columns.map { $0.type.description }))),
            ("nulls", .int(TypedColumn(t.columns.map { Int64($0.nullCount) }))),
        ]
        // Variable labels (SPSS/Stata/SAS files), when the table has any.
        if !t.columnLabels.isEmpty { columns.append(("label", .string(StringColumn(t.columnNames.map { t.columnLabels[$0] })))) }
        return try? Table(columns)
    }

    /// Forgets every binding, function and statement, then reloads the prelude.
    public func reset() {
        let options = env.options
        close()
        env.options = options
        loadPrelude()
    }

    /// Drops every binding, function and statement on a kernel thread: releasing a very deep syntax tree
    /// (a `def` of 100,000 stages) recurses, deeper than a front end's main thread has stack for.
    public func close() {
        KernelThread.run {
            env = Environment()
            statements = []
        }
    }

    /// Verbs this build provides.
    public var verbNames: [String] { Verbs.names.sorted() }

    /// Column names of a bound table (for completion).
    public func columns(of name: String) -> [String] {
        guard case .table(let t)? = env.bindings[name] else { return [] }
        return t.columnNames
    }
}
