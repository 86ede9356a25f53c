import MSNLanguage

/// Positions inside a verb's `{ … }` block (a lavaan model for `fit sem` and `fit pls`), shared by both.
extension RawBlock {
    /// The file span of block line `line`, column `column` (both 1-based within the block).
    func span(line: Int, column: Int, length: Int = 1) -> SourceSpan {
        SourceSpan(file: file, line: self.line + line - 1, column: line == 1 ? self.column + column - 1 : column, length: length)
    }

    /// The span of the first mention of `name` in the block (the engines report unknown names without a position).
    func firstMention(of name: String) -> SourceSpan {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let index = lines.firstIndex { $0.contains(name) } ?? 0
        let column = lines.isEmpty ? 1 : (lines[index].range(of: name).map { lines[index].distance(from: lines[index].startIndex, to: $0.lowerBound) + 1 } ?? 1)
        return span(line: index + 1, column: column, length: name.count)
    }
}
