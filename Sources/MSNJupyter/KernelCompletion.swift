import Foundation
import MSNKernel

/// Completion for `complete_request` through the kernel's `Completer` (the REPL's too): verbs, the
/// columns flowing into the pipeline, bound names, options after `with`, file names inside
/// `load`/`use`/`export` strings. Jupyter counts cursor positions in Unicode code points (protocol 5.2+);
/// the completer counts UTF-8 bytes, so positions are converted both ways here.
struct KernelCompletion {
    let completer: Completer

    init(session: Session, directory: URL) {
        completer = Completer(session: session, directory: directory)
    }

    /// Matches and the code-point range they replace.
    func complete(_ code: String, cursor: Int) -> (matches: [String], start: Int, end: Int) {
        let scalars = Array(code.unicodeScalars)
        let cursor = min(max(0, cursor), scalars.count)
        let byteCursor = scalars[..<cursor].reduce(0) { $0 + UTF8.width($1) }
        let r = completer.complete(code: code, cursor: byteCursor)
        return (r.matches, KernelCompletion.codePoints(in: code, beforeByte: r.start), KernelCompletion.codePoints(in: code, beforeByte: r.end))
    }

    /// How many code points start before UTF-8 offset `byte`.
    static func codePoints(in code: String, beforeByte byte: Int) -> Int {
        var bytes = 0, count = 0
        for s in code.unicodeScalars {
            if bytes >= byte { break }
            bytes += UTF8.width(s)
            count += 1
        }
        return count
    }
}
