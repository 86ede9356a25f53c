import Foundation
import MSNKernel
import MSNREPL

/// Completion for `complete_request`, with the REPL's completer (verbs, the columns flowing into the
/// pipeline, bound names, options after `with`, file names inside `load`/`use`/`export` strings).
/// Cursor positions are in Unicode code points, as protocol 5.2+ counts them.
struct KernelCompletion {
    let completer: Completer

    init(session: Session, directory: URL) {
        completer = Completer(session: session, directory: directory)
    }

    /// Matches and the code-point range they replace.
    func complete(_ code: String, cursor: Int) -> (matches: [String], start: Int, end: Int) {
        let scalars = Array(code.unicodeScalars)
        let end = min(max(0, cursor), scalars.count)
        var prefix = String.UnicodeScalarView()
        prefix.append(contentsOf: scalars[..<end])
        let before = String(prefix)
        let word = KernelCompletion.wordBeforeCursor(before)
        let head = String(before.unicodeScalars.dropLast(word.unicodeScalars.count))
        let matches = completer.candidates(before: head, word: word)
        return (matches, end - word.unicodeScalars.count, end)
    }

    /// The word being typed: inside an open string, everything after its quote (a path); otherwise
    /// the trailing identifier.
    static func wordBeforeCursor(_ before: String) -> String {
        if insideString(before), let quote = before.lastIndex(of: "\"") {
            return String(before[before.index(after: quote)...])
        }
        let word = before.reversed().prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
        return String(word.reversed())
    }

    /// Whether the text ends inside a string literal.
    static func insideString(_ s: String) -> Bool {
        var inside = false, escaped = false
        for c in s {
            if escaped { escaped = false; continue }
            if c == "\\" { escaped = true; continue }
            if c == "\"" { inside.toggle() }
        }
        return inside
    }
}
