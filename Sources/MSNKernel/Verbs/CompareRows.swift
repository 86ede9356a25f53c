import MSNLanguage
import MSNTable

/// The rows a `compare regions` of a fitted model refits it on: the one table after `on`.
enum CompareRows {
    /// The table after `on`, with its span; `name` is the model's letter in the hint ("m", "s", "p").
    static func table(_ ev: inout Evaluator, _ call: VerbCall, model name: String) throws -> (table: Table, span: SourceSpan) {
        let hint = "compare regions \(name) by region on firms"
        guard let on = call.on, let onExpr = on.first else {
            throw Diagnostic(.syntax, "compare regions needs the rows to refit the model on, after 'on'", at: call.nameSpan, hint: hint)
        }
        guard on.count == 1, case .table(let t) = try ev.evaluate(onExpr) else {
            throw Diagnostic(.type, "compare regions \(name) … on needs one table", at: on.count == 1 ? onExpr.span : on[1].span, hint: hint)
        }
        return (t, onExpr.span)
    }
}
