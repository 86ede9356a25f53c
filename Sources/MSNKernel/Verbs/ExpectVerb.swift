import Foundation
import MSNLanguage
import MSNTable

/// `expect condition [on t] [with message = "…"]`, or `t | expect condition`: a claim that must hold.
/// A claim that holds shows one line (`✓ mean(x1) > 4.9  (4.94 > 4.9)`); one that does not is an
/// error that fails the cell and the run, naming the values on both sides of each comparison.
/// Inside a table (piped in or given with `on`) names are its columns and aggregates run over its rows;
/// `all(cond)` / `any(cond)` test a condition on every row; `nrow(x)` / `ncol(x)` count a table's rows
/// and columns (`nrow()` is the input table's).
enum ExpectVerb {
    static let optionNames = ["message"]

    static func run(_ ev: inout Evaluator, _ call: VerbCall, _ input: Value?) throws -> Value {
        try ev.checkOptions(call)
        let args = try ev.positional(call)
        guard args.count == 1, let condition = args.first?.value else {
            throw Diagnostic(.syntax, "expect takes one condition", at: args.dropFirst().first?.value.span ?? call.nameSpan,
                             hint: "for example: expect nrow(firms) == 500, or firms | expect mean(exported) < 0.3")
        }
        var table: Table?
        if let input {
            guard case .table(let t) = input else {
                throw Diagnostic(.type, "expect works on a table, but it was given \(input.kindPhrase)", at: call.nameSpan,
                                 hint: "pipe in a table, e.g. coefficients m | expect all(p < 0.05)")
            }
            table = t
        } else if let on = call.on?.first {
            guard case .table(let t) = try ev.evaluate(on) else { throw Diagnostic(.type, "expect … on needs a table", at: on.span) }
            table = t
        }
        var message: String?
        if let (v, span) = try ev.option(call, "message") {
            guard case .scalar(.string(let s)) = v else { throw Diagnostic(.type, "message must be text in quotes", at: span) }
            message = s
        }
        var checker = ExpectChecker(table: table)
        let holds = try checker.test(condition, &ev)
        let text = ExprText.render(condition)
        var seen = Set<String>()
        let evidence = checker.evidence.filter { seen.insert($0).inserted }.joined(separator: "; ")
        guard holds else {
            var m = "expectation failed: \(text)"
            if let message { m += " — \(message)" }
            if !evidence.isEmpty { m += " (\(evidence))" }
            throw Diagnostic(.runtime, m, at: ExprText.span(condition), hint: evidence.isEmpty ? nil : "the values: \(evidence)")
        }
        return .scalar(.string("✓ \(text)" + (evidence.isEmpty ? "" : "  (\(evidence))")))
    }
}

/// Tests an `expect` condition and keeps the values it compared, for the message.
struct ExpectChecker {
    let table: Table?
    var evidence: [String] = []

    private static let comparisons: Set<String> = ["==", "!=", "<", "<=", ">", ">="]

    mutating func test(_ e: Expr, _ ev: inout Evaluator) throws -> Bool {
        switch e {
        case .binary("and", let a, let b, _):
            return try test(a, &ev) && test(b, &ev)
        case .binary("or", let a, let b, _):
            return try test(a, &ev) || test(b, &ev)
        case .unary("not", let a, _):
            return try !test(a, &ev)
        case .binary(let op, let a, let b, let span) where Self.comparisons.contains(op):
            let left = try side(a, &ev), right = try side(b, &ev)
            let holds = try compare(op, left, right, at: span)
            let shown = [(a, left), (b, right)].filter { !Self.isLiteral($0.0) }
                .map { "\(ExprText.render($0.0)) = \(Session.display($0.1, digits: ev.env.options.digits))" }
            evidence += shown
            return holds
        case .call(let f, let args, let span) where f == "all" || f == "any":
            return try quantified(f, args, span, &ev)
        default:
            let v = try side(e, &ev)
            guard case .bool(let b) = v else {
                throw Diagnostic(.type, "expect needs a condition that is true or false, but this is \(v.isNull ? "null" : v.description)", at: e.span,
                                 hint: "compare it with something: expect x > 0")
            }
            return b
        }
    }

    /// `all(cond)` / `any(cond)` over the rows of the table.
    private mutating func quantified(_ f: String, _ args: [Expr], _ span: SourceSpan, _ ev: inout Evaluator) throws -> Bool {
        guard args.count == 1 else { throw Diagnostic(.value, "\(f) takes one condition", at: span, hint: "\(f)(p < 0.05)") }
        guard let table else {
            throw Diagnostic(.value, "\(f)(…) needs a table to look at", at: span, hint: "pipe one in: estimates s | expect \(f)(std_all > 0.7)")
        }
        let v = try ev.evaluateRows(counts(args[0], &ev), in: RowContext(table: table, grouping: nil, locals: [:]))
        guard let (values, validity) = v.bools(table.rowCount) else {
            throw Diagnostic(.type, "\(f)(…) needs a condition (true or false on each row)", at: args[0].span)
        }
        let isTrue = (0..<table.rowCount).map { values[$0] && (validity?[$0] ?? true) }
        let failing = isTrue.indices.filter { !isTrue[$0] }
        let holds = f == "all" ? failing.isEmpty : failing.count < table.rowCount
        if f == "all", !failing.isEmpty {
            evidence.append("\(failing.count) of \(table.rowCount) rows fail: " + failing.prefix(3).map { describeRow($0, args[0], table, &ev) }.joined(separator: ", ")
                            + (failing.count > 3 ? ", …" : ""))
        } else if f == "any", !holds {
            evidence.append("none of \(table.rowCount) rows")
        }
        return holds
    }

    /// "row 3 (std_all = 0.694)": the left side of a comparison at a failing row.
    private func describeRow(_ row: Int, _ cond: Expr, _ table: Table, _ ev: inout Evaluator) -> String {
        guard case .binary(let op, let a, _, _) = cond, Self.comparisons.contains(op),
              let v = try? ev.evaluateRows(a, in: RowContext(table: table, grouping: nil, locals: [:])) else { return "row \(row + 1)" }
        return "row \(row + 1): \(ExprText.render(a)) = \(Session.display(v.cell(row), digits: ev.env.options.digits))"
    }

    /// `nrow(x)` / `ncol(x)`, pipelines and bound one-cell tables anywhere in `e`, replaced by their values.
    private func counts(_ e: Expr, _ ev: inout Evaluator) throws -> Expr {
        switch e {
        case .call(let f, let args, let span) where f == "nrow" || f == "ncol":
            let t: Table
            if let a = args.first {
                guard case .table(let x) = try ev.evaluate(a) else { throw Diagnostic(.type, "\(f)(…) needs a table", at: a.span) }
                t = x
            } else if let table {
                t = table
            } else {
                throw Diagnostic(.value, "\(f)() needs a table", at: span, hint: "write \(f)(firms)")
            }
            return .integer(Int64(f == "nrow" ? t.rowCount : t.columnCount), span)
        case .pipe, .verb:
            return try literal(ev.evaluate(e), e)
        case .name(let n, _):
            if case .table? = ev.env.bindings[n], table?.column(named: n) == nil { return try literal(ev.evaluate(e), e) }
            return e
        case .binary(let op, let a, let b, let span): return .binary(op, try counts(a, &ev), try counts(b, &ev), span)
        case .unary(let op, let a, let span): return .unary(op, try counts(a, &ev), span)
        case .call(let f, let args, let span): return .call(f, try args.map { try counts($0, &ev) }, span)
        default: return e
        }
    }

    /// A one-cell table (or a single value) as a literal in the expression.
    private func literal(_ v: Value, _ e: Expr) throws -> Expr {
        let cell: CellValue
        switch v {
        case .scalar(let c): cell = c
        case .table(let t) where t.rowCount == 1 && t.columnCount == 1: cell = t.columns[0][0]
        default:
            throw Diagnostic(.type, "\(ExprText.render(e)) is \(v.kindPhrase), not a single value", at: e.span,
                             hint: "a table counts as a value when it has one row and one column (t | summarize m = mean(x)); count rows with nrow(t)")
        }
        switch cell {
        case .int(let i): return .integer(i, e.span)
        case .float(let d): return .number(d, e.span)
        case .string(let x): return .string(x, e.span)
        case .bool(let b): return .bool(b, e.span)
        case .null: return .null(e.span)
        }
    }

    /// One side of a comparison: a single value.
    private func side(_ original: Expr, _ ev: inout Evaluator) throws -> CellValue {
        let e = try counts(original, &ev)
        if let table {
            let v = try ev.evaluateRows(e, in: RowContext(table: table, grouping: nil, locals: [:]))
            switch v {
            case .scalar(let c): return c
            case .column(let c) where c.count == 1: return v.cell(0)
            case .column(let c):
                throw Diagnostic(.value, "\(ExprText.render(original)) gives \(c.count) values, one per row; expect compares single values", at: e.span,
                                 hint: "use all(…) or any(…), an aggregate such as mean(…), or filter to one row first")
            }
        }
        switch try ev.evaluate(e) {
        case .scalar(let c): return c
        case let other:
            throw Diagnostic(.type, "\(ExprText.render(original)) is \(other.kindPhrase), not a single value", at: e.span,
                             hint: "a table counts as a value when it has one row and one column (t | summarize m = mean(x)); or count rows with nrow(t)")
        }
    }

    private func compare(_ op: String, _ a: CellValue, _ b: CellValue, at span: SourceSpan) throws -> Bool {
        if a.isNull || b.isNull { return false }
        if let x = a.doubleValue, let y = b.doubleValue { return VectorOps.compareOrdered(op, x, y) }
        switch (a, b) {
        case (.string(let x), .string(let y)):
            return VectorOps.compareOrdered(op, x, y)
        case (.bool(let x), .bool(let y)) where op == "==" || op == "!=":
            return (x == y) == (op == "==")
        default:
            throw Diagnostic(.type, "cannot compare \(a.description) with \(b.description)", at: span)
        }
    }

    private static func isLiteral(_ e: Expr) -> Bool {
        switch e {
        case .integer, .number, .string, .bool, .null: return true
        case .unary("-", let x, _): return isLiteral(x)
        default: return false
        }
    }
}
