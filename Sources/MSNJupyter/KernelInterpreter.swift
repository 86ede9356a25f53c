import Foundation
import MSNKernel
import MSNLanguage

/// The language side of the kernel, free of sockets: runs code in one `Session`, keeps the input
/// history and the execution counter, and answers completion, inspection and is-complete questions.
/// Used from the shell thread only; `cancel()` may be called from any thread.
public final class KernelInterpreter: @unchecked Sendable {
    /// The session code runs in.
    public let session: Session
    /// Execution counter (IPython's `In [n]`).
    public private(set) var executionCount = 0
    /// Inputs stored in history, with their execution counts and displayed result (text/plain).
    public private(set) var history: [HistoryEntry] = []

    /// One stored input.
    public struct HistoryEntry: Sendable {
        /// Its execution count.
        public var line: Int
        /// The code.
        public var input: String
        /// The text of its result, if it had one.
        public var output: String?
    }
    let directory: URL
    /// Runs statements on a worker thread with a known stack (the shell thread waits for it).
    let runner: Runner

    /// An interpreter over a new session reading and writing relative to `directory`.
    public init(directory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) {
        self.directory = directory
        session = Session(configuration: SessionConfiguration(directory: directory))
        runner = Runner(session: session)
    }

    /// Runs `code`; counts it and keeps it in history when `storeHistory`.
    public func execute(_ code: String, storeHistory: Bool) -> ExecutionResult {
        if storeHistory {
            executionCount += 1
            history.append(HistoryEntry(line: executionCount, input: code))
        }
        let origin = SourceOrigin(file: "In[\(executionCount)]")
        return runner.execute(code, origin: origin)
    }

    /// Records the displayed result of the latest stored input (for history with output).
    func recordOutput(_ text: String) {
        if !history.isEmpty { history[history.count - 1].output = text }
    }

    /// Counts and stores an input that is not run as code (a help request, `?fit`).
    func store(_ code: String) {
        executionCount += 1
        history.append(HistoryEntry(line: executionCount, input: code))
    }

    /// The help topic of `?topic` or `:help topic` input (IPython's `?` pages help), or nil.
    static func helpRequest(_ code: String) -> String? {
        let t = code.trimmingCharacters(in: .whitespacesAndNewlines)
        if t.hasPrefix("?") { return String(t.dropFirst()).trimmingCharacters(in: .whitespaces) }
        if t.hasPrefix(":help ") { return String(t.dropFirst(6)).trimmingCharacters(in: .whitespaces) }
        if t.hasSuffix("?") && !t.contains("\n") && !t.contains(" ") { return String(t.dropLast()) }
        return nil
    }

    /// Asks the running statement to stop (interrupt_request, SIGINT); bindings stay as they were.
    public func cancel() { session.cancellation.cancel() }

    /// `complete`, `incomplete` (more lines needed) or `invalid` (a syntax error no more lines can fix).
    public func isComplete(_ code: String) -> String {
        if !session.isComplete(code) { return Parser.hasUnbalancedCloser(code) ? "invalid" : "incomplete" }
        let (_, diagnostics) = Parser.parse(code, file: "<input>", firstLine: 1, verbs: Set(session.verbNames))
        return diagnostics.isEmpty ? "complete" : "invalid"
    }

    /// Help for the word at `cursor` (a verb or function), or the schema of a bound table; nil if none.
    public func inspect(_ code: String, cursor: Int) -> String? {
        let word = Self.word(in: code, around: cursor)
        guard !word.isEmpty else { return nil }
        if let next = Self.wordAfter(word, in: code, around: cursor), let help = HelpCatalog.help(for: word + " " + next) { return help }
        if let help = HelpCatalog.help(for: word) { return help }
        if let schema = session.schema(of: word) {
            var all = SessionOptions()
            all.rows = max(all.rows, schema.rowCount)
            return "table \(word)\n" + Renderer.text([.table(schema, caption: nil)], options: all)
        }
        return nil
    }

    /// History entries (session 1 is this kernel's), for `history_request`.
    public func historyEntries(access: String, n: Int?, start: Int, stop: Int?, pattern: String, unique: Bool) -> [HistoryEntry] {
        var picked: [HistoryEntry]
        switch access {
        case "range":
            picked = history.filter { entry in entry.line >= start && (stop.map { entry.line < $0 } ?? true) }
        case "search":
            let regex = Self.globRegex(pattern)
            picked = history.filter { $0.input.range(of: regex, options: .regularExpression) != nil }
            if unique {
                var seen = Set<String>()
                picked = picked.reversed().filter { seen.insert($0.input).inserted }.reversed()
            }
            if let n, n > 0 { picked = Array(picked.suffix(n)) }
        default:
            picked = Array(history.suffix(max(0, n ?? 10)))   // a negative n (from any client) means none
        }
        return picked
    }

    /// A glob (`*`, `?`) as an anchored regular expression, as IPython's history search reads it.
    static func globRegex(_ glob: String) -> String {
        var out = "^"
        for c in glob {
            switch c {
            case "*": out += ".*"
            case "?": out += "."
            default: out += NSRegularExpression.escapedPattern(for: String(c))
            }
        }
        return out + "$"
    }

    /// The word after the one around `cursor` (`boost` in `fit boost`), if any.
    static func wordAfter(_ word: String, in code: String, around cursor: Int) -> String? {
        let chars = Array(code)
        var i = min(max(0, cursor), chars.count)
        while i < chars.count && (chars[i].isLetter || chars[i].isNumber || chars[i] == "_") { i += 1 }
        let rest = String(chars[i...]).drop { $0 == " " }
        let next = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
        return next.isEmpty ? nil : String(next)
    }

    /// The identifier around `cursor` (a character offset).
    static func word(in code: String, around cursor: Int) -> String {
        let chars = Array(code)
        let isWord: (Character) -> Bool = { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
        var lo = min(max(0, cursor), chars.count), hi = lo
        while lo > 0 && isWord(chars[lo - 1]) { lo -= 1 }
        while hi < chars.count && isWord(chars[hi]) { hi += 1 }
        return String(chars[lo..<hi])
    }
}

extension Parser {
    /// Whether a `)`, `]` or `}` closes nothing (outside strings and comments), which no further line can fix.
    static func hasUnbalancedCloser(_ code: String) -> Bool {
        var depth = 0, inString = false, escaped = false, inComment = false
        for c in code {
            if inComment { if c == "\n" { inComment = false }; continue }
            if inString {
                if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { inString = false }
                continue
            }
            switch c {
            case "\"": inString = true
            case "#": inComment = true
            case "(", "[", "{": depth += 1
            case ")", "]", "}": depth -= 1; if depth < 0 { return true }
            default: break
            }
        }
        return false
    }
}
