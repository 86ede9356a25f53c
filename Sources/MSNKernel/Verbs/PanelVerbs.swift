import Foundation
import MSNLanguage
import MSNPanel
import MSNTable

/// `fit panel y ~ x1 + x2 | id [+ time] on t [with cluster = id | [id, time], se = "robust",
/// model = "random" | "fd" | "between" | "pooled", id = col, time = col, singletons = true]`
/// and `hausman m_fe, m_re`.
enum PanelVerbs {
    static let fitOptions = ["cluster", "se", "model", "id", "time", "singletons"]

    /// The parts of `y ~ a + b | k1 + k2`.
    struct Formula {
        var response: String
        var regressors: [(String, SourceSpan)]
        var absorb: [String]
        var span: SourceSpan
    }

    static func formula(_ call: VerbCall, _ t: Table, verb: String, example: String) throws -> Formula {
        guard call.arguments.count >= 2, case .binary("~", let lhs, let rhs, let span) = call.arguments[1].value else {
            throw Diagnostic(.syntax, "\(verb) needs a formula", at: call.nameSpan, hint: example)
        }
        guard case .name(let y, let ySpan) = lhs else { throw Diagnostic(.syntax, "the left of ~ must be one column", at: lhs.span) }
        _ = try requireColumn(t, y, ySpan)
        var terms = rhs, absorb: [String] = []
        if case .binary("|", let a, let fe, _) = rhs {
            terms = a
            absorb = try names(fe, t, what: "a fixed-effect key").map(\.0)
        }
        return Formula(response: y, regressors: try names(terms, t, what: "a regressor"), absorb: absorb, span: span)
    }

    /// Column names joined by `+`.
    static func names(_ e: Expr, _ t: Table, what: String) throws -> [(String, SourceSpan)] {
        switch e {
        case .binary("+", let a, let b, _): return try names(a, t, what: what) + names(b, t, what: what)
        case .name(let n, let s): _ = try requireColumn(t, n, s); return [(n, s)]
        default: throw Diagnostic(.syntax, "\(what) must be a column name (terms are joined by +)", at: e.span)
        }
    }

    static func requireColumn(_ t: Table, _ n: String, _ s: SourceSpan) throws -> Column {
        guard let c = t.column(named: n) else {
            throw Diagnostic(.unknownName, "unknown column '\(n)'", at: s, hint: Diagnostic.didYouMean(n, in: t.columnNames))
        }
        return c
    }

    /// A column name option: a bare name or a string; `[a, b]` gives several.
    static func keyOption(_ ev: inout Evaluator, _ call: VerbCall, _ name: String, _ t: Table) throws -> [String]? {
        guard let o = call.options.first(where: { $0.name == name }) else { return nil }
        func one(_ e: Expr) throws -> String {
            switch e {
            case .name(let n, let s), .string(let n, let s): _ = try requireColumn(t, n, s); return n
            default: throw Diagnostic(.syntax, "\(name) takes a column name", at: e.span, hint: "with \(name) = firm_id")
            }
        }
        if case .list(let items, _) = o.value { return try items.map(one) }
        return [try one(o.value)]
    }

    static func stringOption(_ ev: inout Evaluator, _ call: VerbCall, _ name: String, allowed: [String]) throws -> String? {
        guard let (v, span) = try ev.option(call, name) else { return nil }
        guard case .scalar(.string(let s)) = v, allowed.contains(s) else {
            throw Diagnostic(.value, "\(name) must be one of \(allowed.map { "\"\($0)\"" }.joined(separator: ", "))", at: span)
        }
        return s
    }

    /// The specification of `fit panel` from the formula and options.
    static func specification(_ ev: inout Evaluator, _ call: VerbCall, _ t: Table, _ f: Formula) throws -> PanelSpecification {
        let model = try stringOption(&ev, call, "model", allowed: ["fe", "within", "random", "re", "fd", "between", "pooled"])
        var estimator: PanelEstimator
        switch model {
        case nil, "fe", "within": estimator = .within
        case "random", "re": estimator = .random
        case "fd": estimator = .firstDifference
        case "between": estimator = .between
        default: estimator = .pooled
        }
        var spec = PanelSpecification(response: f.response, regressors: f.regressors.map(\.0), estimator: estimator)
        spec.id = try keyOption(&ev, call, "id", t)?.first
        spec.time = try keyOption(&ev, call, "time", t)?.first
        if estimator == .within {
            spec.absorb = f.absorb
            guard !f.absorb.isEmpty else {
                throw Diagnostic(.syntax, "a fixed-effects model needs the keys to absorb after |", at: f.span,
                                 hint: "\(f.response) ~ … | firm_id + year, or with model = \"random\" | \"fd\" | \"between\" | \"pooled\"")
            }
        } else {
            // `| id + time` names the panel keys for the other estimators.
            spec.id = spec.id ?? f.absorb.first
            spec.time = spec.time ?? (f.absorb.count > 1 ? f.absorb[1] : nil)
        }
        let se = try stringOption(&ev, call, "se", allowed: ["iid", "standard", "robust", "cluster"])
        if let cluster = try keyOption(&ev, call, "cluster", t) {
            spec.variance = .clustered(cluster)
        } else if se == "cluster" {
            guard let id = spec.entityKey else { throw Diagnostic(.value, "se = \"cluster\" needs cluster = column", at: call.nameSpan) }
            spec.variance = .clustered([id])
        } else if se == "robust" {
            spec.variance = .robust
        }
        if let (v, span) = try ev.option(call, "singletons") {
            guard case .scalar(.bool(let keep)) = v else { throw Diagnostic(.value, "singletons must be true (keep) or false (drop)", at: span) }
            spec.dropSingletons = !keep
        }
        return spec
    }

    /// Fits and turns engine errors into positioned diagnostics.
    static func run(_ ev: inout Evaluator, _ call: VerbCall, _ t: Table, _ spec: PanelSpecification, at span: SourceSpan,
                    terms: [(String, SourceSpan)] = []) throws -> PanelFit {
        do {
            let fit = try PanelFit.fit(t, spec)
            for note in fit.notes { ev.sideOutputs.append(.warning(Diagnostic(.data, note, at: nil, severity: .warning), source: nil)) }
            if fit.counts.rowsMissing > 0 {
                ev.sideOutputs.append(.warning(Diagnostic(.data, "\(fit.counts.rowsMissing) rows with missing values were left out", at: nil, severity: .warning), source: nil))
            }
            return fit
        } catch let e as PanelError {
            var hint: String?
            var at = span
            if case .unknownColumn(let n, let available) = e { hint = Diagnostic.didYouMean(n, in: available) }
            if case .collinear(let names) = e {
                hint = "drop the variable, or use model = \"random\" or \"pooled\" for variables that do not change over time"
                if let s = terms.first(where: { names.contains($0.0) })?.1 { at = s }
            }
            throw Diagnostic(.model, e.description, at: at, hint: hint)
        }
    }

    static let fitPanel: FitVerb.Fitter = { ev, call, input in
        try ev.checkOptions(call, form: "panel")
        let t = try ev.inputTable(call, input)
        let f = try formula(call, t, verb: "fit panel", example: "fit panel lwage ~ union + married | nr + year on wages")
        let spec = try specification(&ev, call, t, f)
        return .model(PanelModelValue(fit: try run(&ev, call, t, spec, at: f.span, terms: f.regressors)))
    }

    /// `hausman m_fe, m_re`: a one-row table (statistic, df, pvalue, terms).
    static let hausman: VerbImplementation = { ev, call, input in
        try ev.checkOptions(call)
        let args = try ev.positional(call)
        guard args.count == 2 else {
            throw Diagnostic(.syntax, "hausman needs two panel models: the fixed-effects one, then the random-effects one", at: call.nameSpan,
                             hint: "hausman m_fe, m_re")
        }
        var fits: [PanelFit] = []
        for a in args {
            guard case .model(let m) = try ev.evaluate(a.value), let p = m as? PanelModelValue else {
                throw Diagnostic(.type, "hausman compares two panel models (from fit panel)", at: a.value.span)
            }
            fits.append(p.fit)
        }
        do {
            let h = try HausmanTest(consistent: fits[0], efficient: fits[1])
            return .table(try Table([
                ("statistic", .float(TypedColumn([h.statistic]))), ("df", .int(TypedColumn([Int64(h.degreesOfFreedom)]))),
                ("pvalue", .float(TypedColumn([h.pValue]))), ("terms", .string(StringColumn([h.terms.joined(separator: " ")]))),
            ]))
        } catch let e as PanelError {
            throw Diagnostic(.model, e.description, at: call.nameSpan)
        }
    }
}
