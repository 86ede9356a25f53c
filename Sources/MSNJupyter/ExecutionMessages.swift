import Foundation
import MSNKernel
import MSNLanguage

/// Turns one `ExecutionResult` into Jupyter iopub messages (as type + content pairs) and the
/// execute_reply's content. Warnings and files written are streams; the last displayed value is the
/// `execute_result`, earlier ones `display_data`; a failure is an `error` whose traceback is the
/// caret diagnostic.
enum ExecutionMessages {
    /// An iopub message to publish: its type and content.
    typealias Message = (type: String, content: JSONObject)

    /// The iopub messages for `result`.
    static func iopub(_ result: ExecutionResult, executionCount: Int, options: SessionOptions) -> [Message] {
        let lastValue = result.outputs.lastIndex(where: isValue)
        var messages: [Message] = []
        for (i, o) in result.outputs.enumerated() {
            switch o {
            case .warning:
                messages.append(("stream", ["name": "stderr", "text": Renderer.text([o], options: options)]))
            case .fileWritten:
                messages.append(("stream", ["name": "stdout", "text": Renderer.text([o], options: options)]))
            case .error(let d, let source):
                messages.append(("error", errorContent(d, source: source)))
            default:
                var data: JSONObject = MIMEBundle.bundle(o, options: options)
                if let plain = data["text/plain"] as? String, plain.hasSuffix("\n") { data["text/plain"] = String(plain.dropLast()) }
                if i == lastValue {
                    messages.append(("execute_result", ["execution_count": executionCount, "data": data, "metadata": [String: Any]()]))
                } else {
                    messages.append(("display_data", ["data": data, "metadata": [String: Any]()]))
                }
            }
        }
        return messages
    }

    /// The execute_reply content.
    static func reply(_ result: ExecutionResult, executionCount: Int) -> JSONObject {
        var content: JSONObject = ["execution_count": executionCount]
        if let failure = result.outputs.last(where: { if case .error = $0 { return true } else { return false } }),
           case .error(let d, let source) = failure, !result.succeeded {
            content.merge(errorContent(d, source: source)) { $1 }
            content["status"] = "error"
        } else {
            content["status"] = "ok"
            content["payload"] = [Any]()
            content["user_expressions"] = [String: Any]()
        }
        return content
    }

    /// ename (the diagnostic's kind), evalue (its message), traceback (the caret lines).
    static func errorContent(_ d: Diagnostic, source: String?) -> JSONObject {
        let lines = d.render(source: source).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return ["ename": errorName(d.kind), "evalue": d.message,
                "traceback": lines.last == "" ? Array(lines.dropLast()) : lines]
    }

    static func errorName(_ kind: Diagnostic.Kind) -> String {
        switch kind {
        case .syntax: return "SyntaxError"
        case .unknownName: return "NameError"
        case .type: return "TypeError"
        case .value: return "ValueError"
        case .data: return "DataError"
        case .model: return "ModelError"
        case .interrupted: return "KeyboardInterrupt"
        case .runtime: return "RuntimeError"
        }
    }

    static func isValue(_ o: Output) -> Bool {
        switch o {
        case .warning, .error, .fileWritten: return false
        default: return true
        }
    }
}
