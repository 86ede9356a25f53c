import Foundation
import MSNLanguage
import MSNTable

/// A verb's implementation: the call as parsed and the piped-in value, if any.
typealias VerbImplementation = @Sendable (inout Evaluator, VerbCall, Value?) throws -> Value

extension Evaluator {
    /// Runs a verb call, with the piped-in value (or nil at the head of a pipeline).
    mutating func runVerb(_ call: VerbCall, input: Value?) throws -> Value {
        try checkCancelled(call.span)
        guard let implementation = Verbs.all[call.name] else {
            throw Diagnostic(.unknownName, "the verb '\(call.name)' is not available in this version of msnb", at: call.nameSpan,
                             hint: "available verbs: \(Verbs.all.keys.sorted().joined(separator: ", "))")
        }
        lastVerbWasExport = false
        do {
            return ResultFormats.annotate(try implementation(&self, call, input), verb: call.name)
        } catch let e as TableError {
            try checkCancelled(call.span)
            throw Diagnostic(.value, e.description, at: call.nameSpan)
        } catch {
            // An engine stopped because Ctrl-C (or a timeout) asked it to: report it as the interruption.
            try checkCancelled(call.span)
            throw error
        }
    }

    /// The table a verb works on: piped in, or given with `on`.
    mutating func inputTable(_ call: VerbCall, _ input: Value?, usesOnForOtherThings: Bool = false) throws -> Table {
        if let input {
            guard case .table(let t) = input else {
                throw Diagnostic(.type, "\(call.name) works on a table, but it was given \(input.kindPhrase)", at: call.nameSpan)
            }
            return t
        }
        if !usesOnForOtherThings, let on = call.on?.first {
            guard case .table(let t) = try evaluate(on) else {
                throw Diagnostic(.type, "\(call.name) … on needs a table", at: on.span)
            }
            return t
        }
        throw Diagnostic(.value, "\(call.name) needs a table", at: call.nameSpan,
                         hint: "pipe one in (firms | \(call.name) …)\(usesOnForOtherThings ? "" : " or add 'on firms'")")
    }

    /// Checks that only the `with` options the verb registry lists for this verb (and form) are present.
    func checkOptions(_ call: VerbCall, form: String = "") throws {
        try checkOptions(call, allowed: Verbs.options(call.name, form: form))
    }

    private func checkOptions(_ call: VerbCall, allowed: [String]) throws {
        for o in call.options where !allowed.contains(o.name) {
            throw Diagnostic(.unknownName, "\(call.name) has no option '\(o.name)'", at: o.span,
                             hint: Diagnostic.didYouMean(o.name, in: allowed) ?? (allowed.isEmpty ? "\(call.name) takes no options" : "options: \(allowed.joined(separator: ", "))"))
        }
    }

    /// The value of option `name`, if given.
    mutating func option(_ call: VerbCall, _ name: String) throws -> (Value, SourceSpan)? {
        guard let o = call.options.first(where: { $0.name == name }) else { return nil }
        return (try evaluate(o.value), o.value.span)
    }

    /// A column name written as a bare name or in backticks.
    func columnName(_ e: Expr, verb: String) throws -> String {
        guard case .name(let n, _) = e else {
            throw Diagnostic(.syntax, "\(verb) expects a column name here", at: e.span)
        }
        return n
    }

    /// Checks that `name` is a column of `t`, with a did-you-mean.
    func requireColumn(_ t: Table, _ name: String, at span: SourceSpan) throws -> Column {
        if let c = t.column(named: name) { return c }
        throw Diagnostic(.unknownName, "unknown column '\(name)'", at: span,
                         hint: Diagnostic.didYouMean(name, in: t.columnNames) ?? "the table's columns are: \(t.columnNames.prefix(12).joined(separator: ", "))")
    }

    /// Evaluates a row expression over table `t` into a full column.
    mutating func columnValues(_ e: Expr, on t: Table) throws -> Column {
        try evaluateRows(e, in: RowContext(table: t, grouping: nil, locals: [:])).column(t.rowCount)
    }

    /// A number argument (int or float).
    mutating func number(_ e: Expr, what: String) throws -> Double {
        guard case .scalar(let c) = try evaluate(e), let d = c.doubleValue else {
            throw Diagnostic(.type, "\(what) must be a number", at: e.span)
        }
        return d
    }

    /// The seed clause, or the session's seed.
    mutating func seed(_ call: VerbCall) throws -> UInt64 {
        guard let s = call.seed else { return env.options.seed }
        let d = try number(s, what: "the seed")
        guard d >= 0, d == d.rounded(), d <= 9.007_199_254_740_992e15 else {
            throw Diagnostic(.value, "the seed must be a whole number from 0 to 2^53", at: s.span)
        }
        return UInt64(d)
    }

    /// Positional arguments only (named ones are an error naming the verb).
    func positional(_ call: VerbCall) throws -> [VerbArgument] {
        if let named = call.arguments.first(where: { $0.name != nil }), let span = named.nameSpan {
            throw Diagnostic(.syntax, "\(call.name) does not take named arguments like '\(named.name ?? "")ヽ= …'".replacingOccurrences(of: "ヽ", with: " "), at: span)
        }
        return call.arguments
    }
}
