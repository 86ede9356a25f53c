import Foundation
import MSNLanguage
import MSNSEM
import MSNTable

/// `fit KIND …`: dispatches on the model kind. Each kind is a fitter here; adding one is a line.
enum FitVerb {
    typealias Fitter = @Sendable (inout Evaluator, VerbCall, Value?) throws -> Value
    static let fitters: [String: Fitter] = [
        "sem": fitSEM, "pls": PLSVerbs.fit, "boost": BoostVerbs.fit,
        "linear": RegressionVerbs.fitter(logistic: false), "logistic": RegressionVerbs.fitter(logistic: true),
        "panel": PanelVerbs.fitPanel, "did": EventVerbs.fitDiD, "event": EventVerbs.fitEvent,
        "efa": FactorVerbs.fitEFA,
    ]

    static let run: VerbImplementation = { ev, call, input in
        guard let first = call.arguments.first, case .name(let kind, let span) = first.value else {
            throw Diagnostic(.syntax, "fit needs a model kind", at: call.nameSpan, hint: "kinds: \(fitters.keys.sorted().joined(separator: ", "))")
        }
        guard let fitter = fitters[kind] else {
            throw Diagnostic(.unknownName, "model kind '\(kind)' is not available in this version", at: span,
                             hint: Diagnostic.didYouMean(kind, in: Array(fitters.keys)) ?? "available: \(fitters.keys.sorted().joined(separator: ", "))")
        }
        if let t = try? ev.inputTable(call, input) { try ModelInputCheck.check(t, call: call, kind: kind) }
        return try fitter(&ev, call, input)
    }

    /// The table's numeric columns by name (NaN for nulls), and every column name in order, as MSNSEM takes data.
    static func semColumns(_ t: Table) -> (data: [String: [Double]], order: [String]) {
        var data: [String: [Double]] = [:]
        for (name, column) in zip(t.columnNames, t.columns) { if let d = column.doubles() { data[name] = d } }
        return (data, t.columnNames)
    }

    /// `fit sem on t { lavaan syntax } [with std_lv = true, missing = "listwise" | "fiml", group = col,
    /// group_equal = ["loadings", …], se = "bootstrap", draws = 5000, seed = 1]`.
    static let fitSEM: Fitter = { ev, call, input in
        try ev.checkOptions(call, form: "sem")
        let t = try ev.inputTable(call, input)
        guard let block = call.block else {
            throw Diagnostic(.syntax, "fit sem needs the model in braces", at: call.nameSpan,
                             hint: "fit sem on hs { visual =~ x1 + x2 + x3 }")
        }
        let options = try SEMOptionParser.parse(&ev, call, t)
        let (data, order) = semColumns(t)
        func blockSpan(_ line: Int, _ column: Int) -> SourceSpan { block.span(line: line, column: column) }
        do {
            // Text columns cannot be indicators.
            let statements = try ModelSyntax.parse(block.text)
            for s in statements {
                for name in [s.lhs] + s.terms.map(\.name) where t.column(named: name)?.type == .string {
                    throw Diagnostic(.type, "column '\(name)' is text; a model variable must be numeric", at: blockSpan(s.line, 1))
                }
            }
            try checkDefinitions(statements, text: block.text, span: blockSpan)
            let fit = try SEMFit.fit(model: block.text, data: data, columnOrder: order, options: options)
            for w in fit.warnings { ev.sideOutputs.append(.warning(Diagnostic(.model, w, at: nil, severity: .warning), source: nil)) }
            var groupColumn: String?
            if let o = call.options.first(where: { $0.name == "group" }) {
                if case .name(let n, _) = o.value { groupColumn = n } else if case .scalar(.string(let n)) = try ev.evaluate(o.value) { groupColumn = n }
            }
            var value = SEMModelValue(fit: fit, model: block.text, options: options, groupColumn: groupColumn, groupEqual: options.groupEqual)
            value.bootstrap = try SEMBootstrapVerb.run(&ev, call, fit: fit, model: block.text, data: data, order: order, options: options)
            return .model(value)
        } catch let e as SEMError {
            switch e {
            case .syntax(let line, let column, let message):
                throw Diagnostic(.syntax, "in the model: \(message)", at: blockSpan(line, column))
            case .unknownVariable(let name, let available):
                let span = block.firstMention(of: name)
                throw Diagnostic(.unknownName, "'\(name)' is neither a latent variable (left of =~) nor a column of the table",
                                 at: span, hint: Diagnostic.didYouMean(name, in: available))
            default:
                throw Diagnostic(.model, e.description, at: call.nameSpan)
            }
        }
    }
}

extension FitVerb {
    /// Every name in a `:=` definition must be a parameter label (`a*x`) or an earlier definition;
    /// an unknown one is an error at fit time, positioned at the name.
    static func checkDefinitions(_ statements: [SyntaxStatement], text: String, span: (Int, Int) -> SourceSpan) throws {
        var known = Set<String>()
        for s in statements {
            for term in s.terms {
                if let l = term.label { known.insert(l) }
                for g in term.perGroup { if let l = g.label { known.insert(l) } }
            }
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for s in statements where s.op == ":=" {
            let line = s.line - 1 < lines.count ? Array(lines[s.line - 1]) : []
            let opAt = (0..<max(0, line.count - 1)).first { line[$0] == ":" && line[$0 + 1] == "=" && String(line[..<$0]).contains(s.lhs) } ?? 0
            var i = opAt + 2
            while i < line.count {
                guard line[i].isLetter || line[i] == "_" || line[i] == "." else { i += 1; continue }
                let start = i
                while i < line.count && (line[i].isLetter || line[i].isNumber || line[i] == "_" || line[i] == ".") { i += 1 }
                let name = String(line[start..<i])
                if line[..<start].last?.isNumber == true { continue }   // the exponent of 1e5
                if !known.contains(name) {
                    var at = span(s.line, start + 1)
                    at.length = name.count
                    throw Diagnostic(.unknownName, "'\(name)' in the definition of '\(s.lhs)' is not a parameter label", at: at,
                                     hint: Diagnostic.didYouMean(name, in: Array(known))
                                        ?? (known.isEmpty ? "label a parameter first, e.g. f =~ a*x1" : "labels: \(known.sorted().joined(separator: ", "))"))
                }
            }
            known.insert(s.lhs)
        }
    }
}

/// `estimates s`, `fitmeasures s`, `rsquare s`, `modindices s`, `reliability s`.
enum SEMResultVerbs {
    static func model(_ ev: inout Evaluator, _ call: VerbCall, _ input: Value?) throws -> SEMModelValue {
        try ev.checkOptions(call)
        var value = input
        if value == nil, let first = call.arguments.first { value = try ev.evaluate(first.value) }
        guard let value else {
            throw Diagnostic(.value, "\(call.name) needs a fitted model", at: call.nameSpan, hint: "\(call.name) s, where s = fit sem on …")
        }
        guard case .model(let m) = value, let sem = m as? SEMModelValue else {
            throw Diagnostic(.type, "\(call.name) needs a fitted SEM, but it was given a \(value.kindName)", at: call.nameSpan)
        }
        return sem
    }

    static func wrap(_ make: @escaping @Sendable (SEMFit) throws -> Table) -> VerbImplementation {
        return { ev, call, input in
            let m = try model(&ev, call, input)
            do { return .table(try make(m.fit)) } catch let e as SEMError { throw Diagnostic(.model, e.description, at: call.nameSpan) }
        }
    }

    static let estimates = wrap { try SEMTables.estimates($0) }
    static let fitmeasures = wrap { try SEMTables.fitMeasures($0) }
    static let rsquare = wrap { try SEMTables.rSquare($0) }
    static let modindices = wrap { try SEMTables.modIndices($0) }
    static let reliability = wrap { try SEMTables.reliability($0) }
}
