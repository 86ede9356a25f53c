import Foundation

/// What reading a line gave.
public enum LineResult: Equatable, Sendable {
    /// A line (without its newline).
    case line(String)
    /// Ctrl-C at the prompt.
    case interrupted
    /// End of input (Ctrl-D, or the end of piped input).
    case eof
}

/// Reads input lines: libedit on a terminal, plain reads otherwise, scripted lines in tests.
public protocol LineReader: AnyObject {
    /// Reads one line after showing `prompt` (interactive readers only).
    func readLine(prompt: String) -> LineResult
    /// Records an accepted entry in history.
    func remember(_ entry: String)
    /// Whether more input is already waiting (a pasted block): the loop then waits for the next line
    /// before running a complete entry, in case that line starts with `|` and continues it.
    var hasPendingInput: Bool { get }
}

extension LineReader {
    public var hasPendingInput: Bool { false }
}

/// Whether standard input has bytes ready to read now.
func standardInputHasBytes() -> Bool {
    var fds = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
    return poll(&fds, 1, 0) > 0 && fds.revents & Int16(POLLIN) != 0
}

/// Reads standard input without editing, prompts or escapes (pipes and files).
public final class PlainLineReader: LineReader {
    /// A reader of standard input.
    public init() {}
    public func readLine(prompt: String) -> LineResult {
        guard let s = Swift.readLine(strippingNewline: true) else { return .eof }
        return .line(s.hasSuffix("\r") ? String(s.dropLast()) : s)
    }
    public func remember(_ entry: String) {}
}

/// Returns prepared lines (tests).
public final class ScriptedLineReader: LineReader {
    private var lines: [String]
    /// Entries remembered, in order.
    public private(set) var history: [String] = []
    /// A reader that returns `lines` and then end of input.
    public init(_ lines: [String]) { self.lines = lines }
    public func readLine(prompt: String) -> LineResult { lines.isEmpty ? .eof : .line(lines.removeFirst()) }
    public func remember(_ entry: String) { history.append(entry) }
    /// Scripted lines arrive as one pasted block.
    public var hasPendingInput: Bool { !lines.isEmpty }
}
