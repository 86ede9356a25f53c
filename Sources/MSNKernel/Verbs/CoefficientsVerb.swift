import MSNLanguage
import MSNTable

/// `coefficients m`: a model's results as an ordinary table to filter, sort and export. Linear and
/// logistic models give term, estimate, se, t/z, pvalue, ci_lower, ci_upper (and odds_ratio for
/// logistic ones); a boosted model its importance (gain, cover, splits); SEM and PLS models their
/// estimates; panel, DiD and event models their coefficient table. Displaying the model still shows
/// its summary.
enum CoefficientsVerb {
    static func run(_ ev: inout Evaluator, _ call: VerbCall, _ input: Value?) throws -> Value {
        try ev.checkOptions(call)
        let args = try ev.positional(call)
        let value: Value
        let span: SourceSpan
        if let input, args.isEmpty {
            value = input
            span = call.nameSpan
        } else {
            guard args.count == 1, let e = args.first?.value else {
                throw Diagnostic(.syntax, "coefficients takes one model", at: call.nameSpan, hint: "coefficients m")
            }
            value = try ev.evaluate(e)
            span = e.span
        }
        guard case .model(let m) = value else {
            throw Diagnostic(.type, "coefficients needs a fitted model, but this is \(value.kindPhrase)", at: span,
                             hint: "m = fit linear y ~ x on t, then coefficients m")
        }
        // Delegate to the verb that already builds the table, with the model piped in.
        var inner = call
        inner.arguments = []
        inner.options = []
        switch m {
        case let r as RegressionModelValue:
            guard let t = r.coefficientTable else { throw Diagnostic(.model, "the coefficient table could not be built", at: span) }
            return .table(t)
        case is BoostModelValue:
            inner.name = "importance"
            return try ModelVerbs.importance(&ev, inner, value)
        case is SEMModelValue, is PLSModelValue:
            inner.name = "estimates"
            return try PLSVerbs.estimates(&ev, inner, value)
        default:
            if let t = m.summary.table { return .table(t) }
            throw Diagnostic(.type, "a \(m.kind) model has no coefficient table", at: span,
                             hint: "coefficients covers linear, logistic, boost, sem, pls, panel, did and event models")
        }
    }
}
