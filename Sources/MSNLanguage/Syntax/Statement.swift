/// A statement of a script, notebook cell or REPL entry.
public enum Statement: Sendable {
    /// `name = expr` or `a, b = expr`.
    case binding(names: [(String, SourceSpan)], value: Expr, span: SourceSpan)
    /// An expression whose value is displayed.
    case expression(Expr)
    /// `def name(params) = body`.
    case function(name: String, parameters: [String], body: Expr, span: SourceSpan)
    /// `use "file.msq"` or `use module`.
    case use(target: String, isPath: Bool, span: SourceSpan)
    /// `set name = value`.
    case set(name: String, value: Expr, span: SourceSpan)

    /// The statement's span.
    public var span: SourceSpan {
        switch self {
        case .binding(_, _, let s), .function(_, _, _, let s), .use(_, _, let s), .set(_, _, let s): return s
        case .expression(let e): return e.span
        }
    }
}

/// A parsed statement with its source text (for `:save` and echoing).
public struct ParsedStatement: Sendable {
    /// The statement.
    public var statement: Statement
    /// The exact source text of the statement.
    public var source: String
}
