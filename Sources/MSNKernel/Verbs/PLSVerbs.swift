import MSNLanguage
import MSNPLS
import MSNTable

/// `fit pls on t { … }` and the PLS result verbs. `estimates`, `rsquare`, `reliability` and `predict`
/// are shared with other models: given a PLS model they show its tables, otherwise they fall through.
enum PLSVerbs {
    /// `fit pls on t { lavaan syntax } [with scheme, consistent, missing, missing_value, se = "bootstrap", draws, seed]`.
    static let fit: FitVerb.Fitter = { ev, call, input in
        let t = try ev.inputTable(call, input)
        guard let block = call.block else {
            throw Diagnostic(.syntax, "fit pls needs the model in braces", at: call.nameSpan,
                             hint: "fit pls on mobi { Image =~ IMAG1 + IMAG2; Satisfaction =~ CUSA1 + CUSA2; Satisfaction ~ Image }")
        }
        let (options, boot) = try PLSOptionParser.parse(&ev, call)
        let (data, _) = FitVerb.semColumns(t)
        func blockSpan(_ line: Int, _ column: Int) -> SourceSpan { block.span(line: line, column: column) }
        do {
            let spec = try PLSSpecification.parse(block.text, consistency: options.consistency)
            for name in spec.constructs.flatMap(\.items) where t.column(named: name)?.type == .string {
                throw Diagnostic(.type, "column '\(name)' is text; an indicator must be numeric", at: call.nameSpan)
            }
            let fit = try PLSFit.fit(model: block.text, data: data, options: options)
            for w in fit.warnings { ev.sideOutputs.append(.warning(Diagnostic(.model, w, at: nil, severity: .warning), source: nil)) }
            var value = PLSModelValue(fit: fit)
            if let b = boot {
                let result = fit.bootstrap(draws: b.draws, seed: b.seed, threads: b.threads)
                if result.failed + result.notConverged > 0 {
                    ev.sideOutputs.append(.warning(Diagnostic(.model, "\(result.failed) bootstrap draws failed and \(result.notConverged) did not converge; the intervals use the other \(result.draws - result.failed - result.notConverged)", at: nil, severity: .warning), source: nil))
                }
                value.bootstrap = result
            }
            return .model(value)
        } catch let e as PLSError {
            switch e {
            case .syntax(let line, let column, let message):
                throw Diagnostic(.syntax, "in the model: \(message)", at: blockSpan(line, column))
            case .unknownVariable(let name, let available):
                let span = block.firstMention(of: name)
                throw Diagnostic(.unknownName, "'\(name)' is not a numeric column of the table", at: span, hint: Diagnostic.didYouMean(name, in: available))
            default:
                throw Diagnostic(.model, e.description, at: call.nameSpan)
            }
        }
    }

    /// The PLS model given to a verb, or nil when it was given something else.
    static func model(_ ev: inout Evaluator, _ call: VerbCall, _ input: Value?) throws -> PLSModelValue? {
        var value = input
        if case .table = value { value = nil }
        if value == nil, let first = call.arguments.first { value = try ev.evaluate(first.value) }
        guard case .model(let m)? = value else { return nil }
        return m as? PLSModelValue
    }

    /// A verb that shows a PLS table, falling through to `other` for other models.
    static func table(_ make: @escaping @Sendable (PLSModelValue) throws -> Table, or other: VerbImplementation? = nil) -> VerbImplementation {
        return { ev, call, input in
            if let m = try model(&ev, call, input) {
                try ev.checkOptions(call)
                do { return .table(try make(m)) } catch let e as PLSError { throw Diagnostic(.model, e.description, at: call.nameSpan) }
            }
            if let other { return try other(&ev, call, input) }
            throw Diagnostic(.type, "\(call.name) needs a fitted PLS model", at: call.nameSpan, hint: "\(call.name) p, where p = fit pls on …")
        }
    }

    static let estimates = table({ try PLSTables.estimates($0.fit, bootstrap: $0.bootstrap) }, or: SEMBootstrapVerb.estimates)
    static let rsquare = table({ try PLSTables.rSquare($0.fit) }, or: SEMResultVerbs.rsquare)
    static let reliability = table({ try PLSTables.reliability($0.fit) }, or: SEMResultVerbs.reliability)
    static let fsquare = table { try PLSTables.fSquare($0.fit) }
    static let vif = table { try PLSTables.vif($0.fit) }
    static let crossloadings = table { try PLSTables.crossLoadings($0.fit) }
    static let effects = table { try PLSTables.effects($0.fit, bootstrap: $0.bootstrap) }

    /// `predict p on t`: the construct scores of t's rows (items standardised with the fitted means and SDs).
    static let predict: VerbImplementation = { ev, call, input in
        var modelValue: Value? = nil
        if case .model? = input { modelValue = input }
        if modelValue == nil, let first = call.arguments.first { modelValue = try? ev.evaluate(first.value) }
        guard case .model(let m)? = modelValue, let pls = m as? PLSModelValue else { return try ModelVerbs.predict(&ev, call, input) }
        try ev.checkOptions(call)
        guard let on = call.on?.first else {
            return .table(try PLSTables.scores(pls.fit))
        }
        guard case .table(let t) = try ev.evaluate(on) else { throw Diagnostic(.type, "predict … on needs a table", at: on.span) }
        let (data, _) = FitVerb.semColumns(t)
        do {
            let s = try pls.fit.scores(for: data, rows: t.rowCount)
            var out = t
            for (k, name) in pls.fit.constructNames.enumerated() { out = try out.adding(name, .float(s[k], nanIsNull: true)) }
            return .table(out)
        } catch let e as PLSError { throw Diagnostic(.model, e.description, at: call.nameSpan) }
    }
}
