import Foundation

/// The shell requests answered from the message content alone, without sockets: complete, inspect,
/// is_complete and history. `RequestHandlers` sends their replies; the Jupyter fuzz target
/// (Sources/MSNFuzz) feeds them decoded messages of any shape.
public struct ContentRequests {
    let interpreter: KernelInterpreter
    let completion: KernelCompletion

    /// Answers for `interpreter`'s session.
    public init(interpreter: KernelInterpreter) {
        self.interpreter = interpreter
        completion = KernelCompletion(session: interpreter.session, directory: interpreter.directory)
    }

    init(interpreter: KernelInterpreter, completion: KernelCompletion) {
        self.interpreter = interpreter
        self.completion = completion
    }

    /// The reply content for a request of `type`, or nil when the type is not one of these four.
    public func reply(to type: String, content c: JSONObject) -> JSONObject? {
        switch type {
        case "complete_request": return complete(c)
        case "inspect_request": return inspect(c)
        case "is_complete_request": return isComplete(c)
        case "history_request": return history(c)
        default: return nil
        }
    }

    func complete(_ c: JSONObject) -> JSONObject {
        let code = c["code"] as? String ?? ""
        let cursor = c["cursor_pos"] as? Int ?? code.unicodeScalars.count
        let r = completion.complete(code, cursor: cursor)
        return ["status": "ok", "matches": r.matches, "cursor_start": r.start, "cursor_end": r.end, "metadata": [String: Any]()]
    }

    func inspect(_ c: JSONObject) -> JSONObject {
        let code = c["code"] as? String ?? ""
        let cursor = c["cursor_pos"] as? Int ?? code.count
        guard let text = interpreter.inspect(code, cursor: cursor) else {
            return ["status": "ok", "found": false, "data": [String: Any](), "metadata": [String: Any]()]
        }
        return ["status": "ok", "found": true, "data": ["text/plain": text], "metadata": [String: Any]()]
    }

    func isComplete(_ c: JSONObject) -> JSONObject {
        let status = interpreter.isComplete(c["code"] as? String ?? "")
        return status == "incomplete" ? ["status": status, "indent": "  "] : ["status": status]
    }

    func history(_ c: JSONObject) -> JSONObject {
        let output = c["output"] as? Bool ?? false
        let entries = interpreter.historyEntries(access: c["hist_access_type"] as? String ?? "tail", n: c["n"] as? Int,
                                                 start: c["start"] as? Int ?? 0, stop: c["stop"] as? Int,
                                                 pattern: c["pattern"] as? String ?? "*", unique: c["unique"] as? Bool ?? false)
        let rows: [[Any]] = entries.map { e in
            [1, e.line, output ? [e.input, e.output.map { $0 as Any } ?? NSNull()] as [Any] : e.input as Any]
        }
        return ["status": "ok", "history": rows]
    }
}
