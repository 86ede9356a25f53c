/// A lexical token with its span and source offsets.
public struct Token: Sendable, Equatable {
    /// Token kinds.
    public enum Kind: Sendable, Equatable {
        /// A name: `firms`, `export_volume`, `.pred`, or a backticked `` `export volume` ``.
        case identifier(String)
        /// An integer literal.
        case integer(Int64)
        /// A floating point literal.
        case number(Double)
        /// A string literal, escapes resolved.
        case string(String)
        /// A reserved word (`and`, `by`, `def`, …).
        case keyword(String)
        /// Punctuation or an operator (`|`, `==`, `(`, …).
        case symbol(String)
        /// End of a statement.
        case newline
        /// End of input.
        case end
    }

    /// What the token is.
    public var kind: Kind
    /// Where it is.
    public var span: SourceSpan
    /// UTF-8 offsets of the token in the source, for raw blocks.
    public var start: Int
    /// UTF-8 end offset (exclusive).
    public var end: Int
    /// True when the identifier was written in backticks (never a keyword or verb).
    public var quoted = false

    /// Whether the token is the symbol `s`.
    public func isSymbol(_ s: String) -> Bool { kind == .symbol(s) }
    /// Whether the token is the keyword `k`.
    public func isKeyword(_ k: String) -> Bool { kind == .keyword(k) }

    /// The identifier's name, if the token is one.
    public var identifier: String? { if case .identifier(let n) = kind { return n } else { return nil } }

    /// How the token reads in messages.
    public var display: String {
        switch kind {
        case .identifier(let n): return "'\(n)'"
        case .integer(let v): return "'\(v)'"
        case .number(let v): return "'\(v)'"
        case .string(let s): return "\"\(s)\""
        case .keyword(let k): return "'\(k)'"
        case .symbol(let s): return "'\(s)'"
        case .newline: return "end of line"
        case .end: return "end of input"
        }
    }
}

/// The reserved words of the language.
public enum Keywords {
    /// Words that cannot name a column unless written in backticks.
    public static let all: Set<String> = [
        "and", "or", "not", "in", "is", "null", "true", "false", "def", "use", "set", "by", "on", "with",
        "seed", "desc", "asc",
    ]
}
