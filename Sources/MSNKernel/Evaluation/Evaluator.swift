import Foundation
import MSNLanguage
import MSNTable

/// Runs statements against an environment. One evaluator runs one statement; all table work is
/// vectorised over whole columns (the AST is walked once per statement, never once per row).
struct Evaluator {
    var env: Environment
    let configuration: SessionConfiguration
    let cancellation: CancellationToken
    /// The statement's source, for diagnostics rendered later.
    let source: String
    /// Side outputs (files written, warnings) produced while evaluating.
    var sideOutputs: [Output] = []
    /// True when the statement's last verb was `export` (its table is not displayed again).
    var lastVerbWasExport = false
    /// Files being `use`d, to stop cycles.
    var useStack: [String] = []
    /// User-function calls in progress (table and column functions).
    var callDepth = 0
    /// The call-depth limit and the lowest stack address this thread may reach (see `StackGuard`).
    let limits = StackGuard.limits()

    init(env: Environment, configuration: SessionConfiguration, cancellation: CancellationToken, source: String) {
        self.env = env
        self.configuration = configuration
        self.cancellation = cancellation
        self.source = source
    }

    func checkCancelled(_ span: SourceSpan) throws {
        if cancellation.isCancelled { throw Diagnostic(.interrupted, "interrupted", at: span, hint: "bindings are as they were before this statement") }
        try checkStack(span)
    }

    // MARK: - Statements

    /// Runs one statement; returns the value to display, if any.
    mutating func run(_ statement: Statement) throws -> Value? {
        switch statement {
        case .binding(let names, let expr, _):
            let value = try evaluate(expr)
            if names.count == 1 {
                env.bindings[names[0].0] = value
            } else {
                guard case .tuple(let parts) = value, parts.count == names.count else {
                    let got = (value.kindName == "table" || value.kindName.hasPrefix("model")) ? "one \(value.kindName)" : value.kindName
                    throw Diagnostic(.value, "\(names.count) names on the left, but the right side gives \(got)", at: names[0].1,
                                     hint: "split gives two tables: train, test = t | split 0.8")
                }
                for (n, v) in zip(names, parts) { env.bindings[n.0] = v }
            }
            for n in names { env.libraryNames.remove(n.0) }
            return nil
        case .expression(let expr):
            lastVerbWasExport = false
            let v = try evaluate(expr)
            return lastVerbWasExport ? nil : v
        case .function(let name, let params, let body, let span):
            if Builtins.names.contains(name) {
                throw Diagnostic(.value, "'\(name)' is a built-in function and cannot be redefined", at: span, hint: "choose another name")
            }
            if Set(params).count != params.count {
                throw Diagnostic(.value, "a parameter name appears twice in \(name)", at: span)
            }
            env.functions[name] = UserFunction(name: name, parameters: params, body: body, source: source)
            env.libraryNames.remove(name)
            return nil
        case .use(let target, let isPath, let span):
            try use(target, isPath: isPath, span: span)
            return nil
        case .set(let name, let expr, let span):
            let v = try evaluate(expr)
            try setOption(name, v, span: span, valueSpan: expr.span)
            return nil
        }
    }

    mutating func setOption(_ name: String, _ v: Value, span: SourceSpan, valueSpan: SourceSpan) throws {
        if name == "language" || name == "locale" { return try setLanguageOption(name, v, valueSpan: valueSpan) }
        let ranges: [String: (ClosedRange<Double>, String)] = [
            "rows": (1...1_000_000, "rows shown is a whole number from 1 to 1,000,000"),
            "digits": (1...17, "digits is a whole number of significant digits from 1 to 17"),
            "seed": (0...9.007_199_254_740_992e15, "a seed is a whole number ≥ 0"),
        ]
        guard let (range, rule) = ranges[name] else {
            throw Diagnostic(.unknownName, "unknown option '\(name)'", at: span,
                             hint: Diagnostic.didYouMean(name, in: ["rows", "digits", "seed", "language", "locale"]) ?? "options are rows, digits, seed, language and locale")
        }
        guard case .scalar(let c) = v, let d = c.doubleValue, d == d.rounded(), range.contains(d) else {
            throw Diagnostic(.value, "set \(name) = \(v.shape) is not allowed: \(rule)", at: valueSpan)
        }
        switch name {
        case "rows": env.options.rows = Int(d)
        case "digits": env.options.digits = Int(d)
        default: env.options.seed = UInt64(d)
        }
    }

    mutating func use(_ target: String, isPath: Bool, span: SourceSpan) throws {
        let text: String
        let path: String
        if isPath {
            let url = resolveRead(target)
            path = url.path
            guard let t = try? String(contentsOf: url, encoding: .utf8) else {
                throw Diagnostic(.data, "cannot read \(target)", at: span, hint: "the path is relative to \(configuration.readDirectory.path)")
            }
            text = t
        } else {
            let library = StdlibLocator.library(configuration.stdlibDirectory)
            path = library.path(of: target)
            guard let t = library.source(of: target), target != "prelude" else {
                let modules = library.modules
                throw Diagnostic(.unknownName, "unknown module '\(target)'", at: span,
                                 hint: Diagnostic.didYouMean(target, in: modules) ?? "modules: \(modules.joined(separator: ", "))")
            }
            text = t
        }
        guard !useStack.contains(path) else { throw Diagnostic(.value, "'use' of \(target) loops back to itself", at: span) }
        try runLibrary(text, file: (path as NSString).lastPathComponent, path: path)
    }

    /// Runs a library file's statements in this environment; its names are marked as library names.
    mutating func runLibrary(_ text: String, file: String, path: String) throws {
        let (statements, diagnostics) = Parser.parse(text, file: file, verbs: Verbs.names)
        if let d = diagnostics.first { throw d }
        useStack.append(path)
        defer { useStack.removeLast() }
        let before = Set(env.bindings.keys).union(env.functions.keys)
        for s in statements { _ = try run(s.statement) }
        let after = Set(env.bindings.keys).union(env.functions.keys)
        env.libraryNames.formUnion(after.subtracting(before))
    }

    // MARK: - Values

    /// Evaluates an expression outside any table (statement level, verb arguments).
    mutating func evaluate(_ e: Expr) throws -> Value {
        try checkCancelled(e.span)
        switch e {
        case .integer(let v, _): return .scalar(.int(v))
        case .number(let v, _): return .scalar(.float(v))
        case .string(let s, _): return .scalar(.string(s))
        case .bool(let b, _): return .scalar(.bool(b))
        case .null: return .scalar(.null)
        case .name(let n, let span):
            if let v = env.bindings[n] { return v }
            if n.hasPrefix("@"), let v = env.bindings[String(n.dropFirst())] { return v }
            if env.functions[n] != nil || Builtins.names.contains(n) {
                throw Diagnostic(.value, "'\(n)' is a function; call it with parentheses, e.g. \(n)(x)", at: span)
            }
            throw unknownName(n, at: span)
        case .dot(let span):
            throw Diagnostic(.syntax, "'.' means 'all other columns' and only works in a formula after ~", at: span)
        case .list(let items, _):
            return .list(try items.map { try evaluate($0) })
        case .record(let pairs, _):
            return .record(try pairs.map { ($0.0, try evaluate($0.1)) })
        case .verb(let call):
            return try runVerb(call, input: nil)
        case .pipe:
            // A loop over the chain `a | s1 | s2 …` (a left-deep tree), so long pipelines need no stack.
            var stages: [Expr] = []
            var head = e
            while case .pipe(let input, let stage, _) = head { stages.append(stage); head = input }
            var value = try evaluate(head)
            for stage in stages.reversed() {
                try checkCancelled(stage.span)
                value = try runStage(stage, input: value)
            }
            return value
        case .call(let name, let args, let span):
            if let f = env.functions[name] {
                let values = try args.map { try evaluate($0) }
                if let t = values.first, case .table = t { return try callTableFunction(f, args: values, at: span) }
                return try scalarCall(e)
            }
            _ = name
            return try scalarCall(e)
        default:
            return try scalarCall(e)
        }
    }

    /// Evaluates a scalar expression (arithmetic on numbers, builtin calls on scalars).
    mutating func scalarCall(_ e: Expr) throws -> Value {
        let empty = Table(rowCount: 1)
        let v = try evaluateRows(e, in: RowContext(table: empty, grouping: nil, locals: [:], scalarOnly: true))
        switch v {
        case .scalar(let s): return .scalar(s)
        case .column(let c): return .scalar(c.count > 0 ? c[0] : .null)
        }
    }

    /// A pipeline stage: a verb, or a user function taking the table as its first argument.
    mutating func runStage(_ stage: Expr, input: Value) throws -> Value {
        switch stage {
        case .verb(let call): return try runVerb(call, input: input)
        case .call(let name, let args, let span):
            guard let f = env.functions[name] else {
                if Builtins.names.contains(name) {
                    throw Diagnostic(.value, "'\(name)' works on columns, not on a whole table", at: span,
                                     hint: "use it inside a verb, e.g. | derive y = \(name)(x)")
                }
                throw Diagnostic(.unknownName, "unknown verb or function '\(name)'", at: span,
                                 hint: Habits.verbHint(name) ?? Diagnostic.didYouMean(name, in: Array(Verbs.all.keys) + Array(env.functions.keys)))
            }
            let values = try [input] + args.map { try evaluate($0) }
            return try callTableFunction(f, args: values, at: span)
        default:
            throw Diagnostic(.syntax, "expected a verb after '|'", at: stage.span)
        }
    }

    mutating func callTableFunction(_ f: UserFunction, args: [Value], at span: SourceSpan) throws -> Value {
        guard args.count == f.parameters.count else {
            throw Diagnostic(.value, "\(f.name) takes \(f.parameters.count) argument\(f.parameters.count == 1 ? "" : "s") (\(f.parameters.joined(separator: ", "))), but got \(args.count)", at: span)
        }
        var inner = self
        try inner.enterCall(f.name, at: span)
        for (p, v) in zip(f.parameters, args) { inner.env.bindings[p] = v }
        let result: Value
        do {
            result = try inner.evaluate(f.body)
        } catch var d as Diagnostic where Evaluator.isRecursionError(d) {
            d.span = span
            throw d
        }
        sideOutputs += inner.sideOutputs
        return result
    }

    func unknownName(_ n: String, at span: SourceSpan) -> Diagnostic {
        let candidates = Array(env.bindings.keys) + Array(env.functions.keys) + Array(Verbs.all.keys)
        return Diagnostic(.unknownName, "unknown name '\(n)'", at: span,
                          hint: Diagnostic.didYouMean(n, in: candidates) ?? "bind it first, e.g. \(n) = load \"file.csv\"")
    }
}
