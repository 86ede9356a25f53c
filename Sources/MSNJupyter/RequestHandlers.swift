import Foundation
import MSNKernel

/// The shell requests that touch the session: execute, complete, inspect, is_complete, history; and
/// the kernel_info reply. Runs on the shell thread.
struct RequestHandlers {
    let server: KernelServer
    var interpreter: KernelInterpreter { server.interpreter }

    static let version = "0.1.0"

    /// The kernel_info_reply content.
    static func kernelInfo() -> JSONObject {
        ["status": "ok", "protocol_version": "5.3", "implementation": "msnb", "implementation_version": version,
         "language_info": ["name": "msnb", "version": version, "mimetype": "text/x-msnb", "file_extension": ".msq",
                           "codemirror_mode": "r", "pygments_lexer": "text"] as JSONObject,
         "banner": "msnb \(version) — an analysis language for MSME internationalisation research",
         "help_links": helpLinks(),
         "debugger": false]
    }

    /// The language reference beside the binary's checkout (docs/language.md), when there is one.
    static func helpLinks() -> [[String: String]] {
        guard let exe = Bundle.main.executableURL?.resolvingSymlinksInPath() else { return [] }
        var dir = exe.deletingLastPathComponent()
        for _ in 0..<4 {
            let doc = dir.appendingPathComponent("docs/language.md")
            if FileManager.default.fileExists(atPath: doc.path) { return [["text": "msnb language reference", "url": doc.absoluteString]] }
            dir = dir.deletingLastPathComponent()
        }
        return []
    }

    /// execute_request: execute_input, outputs, error, execute_reply; aborts the queue after a failure
    /// when stop_on_error.
    func execute(_ m: WireMessage, on socket: ZMQSocket) {
        let code = m.content["code"] as? String ?? ""
        let silent = m.content["silent"] as? Bool ?? false
        let storeHistory = silent ? false : (m.content["store_history"] as? Bool ?? true)
        let stopOnError = m.content["stop_on_error"] as? Bool ?? true
        let publishing = !silent
        if let topic = KernelInterpreter.helpRequest(code) { return page(topic, m, on: socket, store: storeHistory) }
        let countBefore = interpreter.executionCount + (storeHistory ? 1 : 0)
        if publishing {
            server.publish(m.reply(type: "execute_input", content: ["code": code, "execution_count": countBefore], session: server.sessionID).toIOPub())
        }
        let result = code.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            ? ExecutionResult(outputs: [], succeeded: true)
            : interpreter.execute(code, storeHistory: storeHistory)
        let count = interpreter.executionCount
        let messages = ExecutionMessages.iopub(result, executionCount: count, options: interpreter.session.options)
        if storeHistory, let shown = messages.last(where: { $0.type == "execute_result" }),
           let text = (shown.content["data"] as? JSONObject)?["text/plain"] as? String { interpreter.recordOutput(text) }
        if publishing {
            for (type, content) in messages {
                server.publish(m.reply(type: type, content: content, session: server.sessionID).toIOPub())
            }
        }
        let status = result.succeeded ? "ok" : "error"
        server.send(m.reply(type: "execute_reply", content: ExecutionMessages.reply(result, executionCount: count),
                            session: server.sessionID, metadata: ["status": status]), on: socket)
        if !result.succeeded && stopOnError { server.abortQueuedExecutions() }
    }

    /// `?fit` / `:help fit`: the help text as a pager payload, as IPython answers `?`.
    func page(_ topic: String, _ m: WireMessage, on socket: ZMQSocket, store: Bool) {
        if store { interpreter.store(m.content["code"] as? String ?? "") }
        let text = HelpCatalog.help(for: topic)
            ?? "no help for '\(topic)'; topics: " + HelpCatalog.topics().joined(separator: ", ")
        let payload: [JSONObject] = [["source": "page", "data": ["text/plain": text], "start": 0]]
        server.send(m.reply(type: "execute_reply", content: ["status": "ok", "execution_count": interpreter.executionCount,
                                                             "payload": payload, "user_expressions": [String: Any]()],
                            session: server.sessionID, metadata: ["status": "ok"]), on: socket)
    }

    /// complete, inspect, is_complete and history (answered from the content alone).
    var content: ContentRequests { ContentRequests(interpreter: interpreter, completion: server.completion) }
    func complete(_ c: JSONObject) -> JSONObject { content.complete(c) }
    func inspect(_ c: JSONObject) -> JSONObject { content.inspect(c) }
    func isComplete(_ c: JSONObject) -> JSONObject { content.isComplete(c) }
    func history(_ c: JSONObject) -> JSONObject { content.history(c) }
}
