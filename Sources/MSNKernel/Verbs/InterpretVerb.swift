import Foundation
import MSNBoost
import MSNLanguage
import MSNTable

/// `interpret X [on t] [with for = "researcher"|"owner"]`: the result in words, from tested templates,
/// in the session's language (`set language "id"`). `interpret m on test` judges a model on held-out
/// rows; `interpret m on firm`, with one row, explains that firm's prediction.
enum InterpretVerb {
    static let options = ["for"]

    static let run: VerbImplementation = { ev, call, input in
        try ev.checkOptions(call)
        var audience = Audience.researcher
        if let (v, span) = try ev.option(call, "for") {
            guard case .scalar(.string(let s)) = v, let a = Audience(rawValue: s) else {
                throw Diagnostic(.value, "for must be \"researcher\" or \"owner\"", at: span, hint: "interpret m with for = \"owner\"")
            }
            audience = a
        }
        let c = InterpretContext(language: ev.sessionLanguage, numbers: NumberText(locale: ev.env.options.locale), audience: audience)
        var value = input
        if value == nil, let first = call.arguments.first { value = try ev.evaluate(first.value) }
        guard let value else {
            throw Diagnostic(.value, "interpret needs a result", at: call.nameSpan, hint: "interpret m, or m | evaluate on test | interpret")
        }
        if let on = call.on?.first {
            guard case .table(let t) = try ev.evaluate(on) else { throw Diagnostic(.type, "interpret … on needs a table", at: on.span) }
            return .model(InterpretationValue(summary: try onRows(value, t, c, at: call.nameSpan)))
        }
        guard let summary = Interpreter.interpret(value, c) else {
            throw Diagnostic(.type, Messages.text("error.interpretNothing", .en, ["kind": value.kindPhrase]), at: call.nameSpan,
                             hint: "interpret takes a fitted model (boost, linear, logistic, sem, pls, panel, event), an agreement, prevalence or joint result, a compare regions or synergy report, or the table of evaluate, importance, explain or reliability")
        }
        return .model(InterpretationValue(summary: summary))
    }

    /// `interpret m on t`: one row explains that firm (boost models); more rows judge the model there.
    static func onRows(_ value: Value, _ t: Table, _ c: InterpretContext, at span: SourceSpan) throws -> ModelSummary {
        guard case .model(let any) = value, let m = any as? any PredictiveModel else {
            throw Diagnostic(.type, "interpret … on needs a fitted boost, linear or logistic model, but it was given \(value.kindPhrase)", at: span)
        }
        if t.rowCount == 1, let b = m as? BoostModelValue {
            guard b.model.objective != .multiclass else {
                throw Diagnostic(.value, "interpret … on one row covers binary and regression models in this version", at: span)
            }
            let row: BoostInterpretation.Row
            do { row = try BoostInterpretation.row(b, t) } catch let e as TableError {
                throw Diagnostic(.value, "the table does not fit the model: \(e.description)", at: span)
            }
            return c.summary(subject: "explain → \(b.target)", BoostInterpretation.explain(row, c))
        }
        let metrics = try evaluate(m, t, at: span)
        if let b = m as? BoostModelValue {
            return c.summary(subject: "boost → \(b.target)", BoostInterpretation.model(BoostInterpretation.facts(b), test: metrics, c))
        }
        return c.summary(subject: "evaluate", TableInterpretation.evaluate(metrics, c))
    }

    /// The `evaluate` table of `m` on `t`.
    static func evaluate(_ m: any PredictiveModel, _ t: Table, at span: SourceSpan) throws -> Table {
        guard let yc = t.column(named: m.target) else {
            throw Diagnostic(.unknownName, "the table has no column '\(m.target)' (the model's target)", at: span)
        }
        let labels = try ModelVerbs.targetLabels(yc, of: m, at: span)
        let scored = try ModelVerbs.scores(m, t, at: span)
        let keep = labels.indices.filter { i in !labels[i].isNaN && !scored.contains { $0[i].isNaN } }
        let p = scored.map { col in keep.map { col[$0] } }
        let y = keep.map { labels[$0] }
        let metrics: [(String, Double)]
        switch m.task {
        case .binary: metrics = Metrics.binary(labels: y, probabilities: p[0])
        case .multiclass: metrics = Metrics.multiclass(labels: y, probabilities: p)
        case .regression: metrics = Metrics.regression(labels: y, predictions: p[0])
        }
        return try Table([("metric", .string(StringColumn(metrics.map(\.0)))), ("value", Column.float(metrics.map(\.1), nanIsNull: true))])
    }
}
