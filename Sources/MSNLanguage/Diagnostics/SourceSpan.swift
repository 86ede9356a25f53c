/// A stretch of source text: 1-based line and column (in characters), its length, and the file.
public struct SourceSpan: Sendable, Equatable, CustomStringConvertible {
    /// File name shown in diagnostics (`analysis.msq`, `<repl>`).
    public var file: String
    /// 1-based line in the file.
    public var line: Int
    /// 1-based column, counted in characters.
    public var column: Int
    /// Number of characters covered (at least 1 when shown).
    public var length: Int

    /// A span.
    public init(file: String = "<input>", line: Int, column: Int, length: Int) {
        self.file = file
        self.line = line
        self.column = column
        self.length = length
    }

    /// `file:line:column`.
    public var description: String { "\(file):\(line):\(column)" }

    /// The smallest span covering both (same line: from the first start to the last end).
    public func through(_ other: SourceSpan) -> SourceSpan {
        guard other.line == line else { return self }
        let start = min(column, other.column)
        let end = max(column + length, other.column + other.length)
        return SourceSpan(file: file, line: line, column: start, length: end - start)
    }
}
