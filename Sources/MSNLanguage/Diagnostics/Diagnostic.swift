/// A problem found in a program: what kind, where, a message a newcomer understands, and a hint.
/// Diagnostics are values; nothing is printed until a front end renders them.
public struct Diagnostic: Error, Sendable, Equatable, CustomStringConvertible {
    /// Error or warning.
    public enum Severity: String, Sendable { case error, warning, note }
    /// What went wrong, broadly.
    public enum Kind: String, Sendable {
        /// Unreadable source: bad token, missing bracket.
        case syntax
        /// A name that is not bound (column, table, function, verb, option).
        case unknownName
        /// A value of the wrong type.
        case type
        /// A bad argument value (e.g. `split 1.5`).
        case value
        /// Data problems: malformed CSV, missing file.
        case data
        /// Model fitting problems.
        case model
        /// The user interrupted the statement.
        case interrupted
        /// Anything else at run time.
        case runtime
    }

    /// Error or warning.
    public var severity: Severity
    /// The broad kind.
    public var kind: Kind
    /// The message, without position.
    public var message: String
    /// Where in the source; nil for problems with no place (e.g. a file that cannot be read).
    public var span: SourceSpan?
    /// A hint shown under the caret, such as "did you mean 'export_volume'?".
    public var hint: String?

    /// A diagnostic.
    public init(_ kind: Kind, _ message: String, at span: SourceSpan?, hint: String? = nil, severity: Severity = .error) {
        self.kind = kind
        self.message = message
        self.span = span
        self.hint = hint
        self.severity = severity
    }

    /// `error: message (at file:line:column)` on one line.
    public var description: String {
        var s = "\(severity.rawValue): \(message)"
        if let span { s += " (at \(span))" }
        if let hint { s += " — \(hint)" }
        return s
    }

    /// The hint "did you mean 'x'?" for the candidate closest to `name`, if any is close.
    public static func didYouMean(_ name: String, in candidates: [String]) -> String? {
        EditDistance.closest(to: name, in: candidates).map { "did you mean '\($0)'?" }
    }

    /// Renders the diagnostic with the offending line and a caret:
    /// ```
    /// error: unknown column 'export_vol'
    ///   --> analysis.msq:3:18
    ///    |
    ///  3 | firms | filter export_vol > 1000
    ///    |                ^^^^^^^^^^ did you mean 'export_volume'?
    /// ```
    /// `source` is the text the span's line numbers refer to (the whole file), or nil.
    public func render(source: String?) -> String {
        var out = "\(severity.rawValue): \(message)\n"
        guard let span else {
            if let hint { out += "  = hint: \(hint)\n" }
            return out
        }
        let gutter = String(span.line).count
        let pad = String(repeating: " ", count: gutter)
        out += "\(pad)--> \(span.file):\(span.line):\(span.column)\n"
        guard let source, let line = Self.line(span.line, of: source) else {
            if let hint { out += "\(pad) = hint: \(hint)\n" }
            return out
        }
        var text = String(line)
        if text.hasSuffix("\r") { text.removeLast() }
        text = text.replacingTabs()
        out += "\(pad) |\n"
        out += "\(span.line) | \(text)\n"
        let caretCount = max(1, min(span.length, max(1, text.count - span.column + 1)))
        let carets = String(repeating: " ", count: max(0, span.column - 1)) + String(repeating: "^", count: caretCount)
        out += "\(pad) | \(carets)" + (hint.map { " \($0)" } ?? "") + "\n"
        return out
    }

    /// Line `number` (from 1) of `source`, found by scanning bytes up to it: rendering many
    /// diagnostics of a long source must not split the whole source each time.
    static func line(_ number: Int, of source: String) -> Substring? {
        guard number >= 1 else { return nil }
        let u = source.utf8
        var start = u.startIndex
        for _ in 1..<number {
            guard let newline = u[start...].firstIndex(of: 0x0A) else { return nil }
            start = u.index(after: newline)
        }
        return source[start..<(u[start...].firstIndex(of: 0x0A) ?? u.endIndex)]
    }
}

extension String {
    /// Tabs become single spaces so that carets line up with characters.
    func replacingTabs() -> String { utf8.contains(0x09) ? String(map { $0 == "\t" ? " " : $0 }) : self }
}
