/// An expression node with its span.
public indirect enum Expr: Sendable, Equatable {
    /// An integer literal.
    case integer(Int64, SourceSpan)
    /// A floating point literal.
    case number(Double, SourceSpan)
    /// A string literal.
    case string(String, SourceSpan)
    /// `true` or `false`.
    case bool(Bool, SourceSpan)
    /// `null`.
    case null(SourceSpan)
    /// A name: a column, a binding or a parameter.
    case name(String, SourceSpan)
    /// The formula dot (`y ~ .`): all other columns.
    case dot(SourceSpan)
    /// `[a, b, c]`.
    case list([Expr], SourceSpan)
    /// `{key: value, …}`.
    case record([(String, Expr)], SourceSpan)
    /// `-x`, `not x`.
    case unary(String, Expr, SourceSpan)
    /// `a + b`, `a == b`, `a and b`, `y ~ x` (formulas are `~` trees), `a : b`.
    case binary(String, Expr, Expr, SourceSpan)
    /// `x in [..]` (negated: `x not in [..]`).
    case isIn(Expr, Expr, negated: Bool, SourceSpan)
    /// `x is null` / `x is not null`.
    case isNull(Expr, negated: Bool, SourceSpan)
    /// `f(a, b)`.
    case call(String, [Expr], SourceSpan)
    /// A verb call, alone or as a pipeline stage.
    case verb(VerbCall)
    /// `input | stage`.
    case pipe(Expr, Expr, SourceSpan)

    /// The node's span.
    public var span: SourceSpan {
        switch self {
        case .integer(_, let s), .number(_, let s), .string(_, let s), .bool(_, let s), .null(let s), .name(_, let s),
             .dot(let s), .list(_, let s), .record(_, let s), .unary(_, _, let s), .binary(_, _, _, let s),
             .isIn(_, _, _, let s), .isNull(_, _, let s), .call(_, _, let s), .pipe(_, _, let s):
            return s
        case .verb(let v): return v.span
        }
    }

    public static func == (a: Expr, b: Expr) -> Bool { ASTDump.expr(a) == ASTDump.expr(b) }
}

/// One argument of a verb: positional (`x > 1`, `-a`, `mean_vol desc`) or named (`n = count()`).
public struct VerbArgument: Sendable {
    /// The name in `name = expr`, else nil.
    public var name: String?
    /// Where the name is.
    public var nameSpan: SourceSpan?
    /// The value.
    public var value: Expr
    /// `desc` after the argument (sort).
    public var descending: Bool
}

/// A `with key = value` option.
public struct VerbOption: Sendable {
    /// The option's name.
    public var name: String
    /// The value.
    public var value: Expr
    /// Where the name is.
    public var span: SourceSpan
}

/// A braced block kept as raw text (e.g. a lavaan model), with where it starts in the file.
public struct RawBlock: Sendable, Equatable {
    /// The text between the braces.
    public var text: String
    /// File line of the character after `{`.
    public var line: Int
    /// Column of the character after `{`.
    public var column: Int
    /// The file.
    public var file: String
}

/// A verb call: `verb args [by …] [on …] [seed …] [with …] [{ block }]`.
public struct VerbCall: Sendable {
    /// The verb's name.
    public var name: String
    /// Where the verb's name is.
    public var nameSpan: SourceSpan
    /// Positional and named arguments, in order.
    public var arguments: [VerbArgument]
    /// The `by` clause, if any.
    public var by: [Expr]?
    /// The `on` clause, if any.
    public var on: [Expr]?
    /// The `seed` clause, if any.
    public var seed: Expr?
    /// `with` options.
    public var options: [VerbOption]
    /// A raw braced block.
    public var block: RawBlock?
    /// The whole call's span (first line).
    public var span: SourceSpan
}
