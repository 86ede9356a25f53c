import Foundation
import MSNLanguage
import MSNTable

/// What a row expression sees: the table, its grouping (inside `summarize … by`), and the
/// parameters of the user function being expanded.
struct RowContext {
    let table: Table
    let grouping: Grouping?
    var locals: [String: Vec]
    /// True outside any table (statement-level arithmetic): names are bindings, not columns.
    var scalarOnly = false

    /// Rows the expression produces: groups in summarize, else table rows.
    var rows: Int { grouping?.groupCount ?? table.rowCount }
}

extension Evaluator {
    /// Evaluates a row expression over whole columns.
    mutating func evaluateRows(_ e: Expr, in ctx: RowContext) throws -> Vec {
        try checkStack(e.span)
        switch e {
        case .integer(let v, _): return .scalar(.int(v))
        case .number(let v, _): return .scalar(.float(v))
        case .string(let s, _): return .scalar(.string(s))
        case .bool(let b, _): return .scalar(.bool(b))
        case .null: return .scalar(.null)
        case .name(let n, let span): return try resolveName(n, span: span, in: ctx)
        case .unary(let op, let x, let span):
            let v = VectorOps.Operand(vec: try evaluateRows(x, in: ctx), label: label(x), span: x.span)
            _ = span
            return op == "not" ? try VectorOps.not(v, rows: ctx.rows) : try VectorOps.negate(v, rows: ctx.rows)
        case .binary(let op, let a, let b, let span):
            if op == "~" || op == ":" {
                throw Diagnostic(.syntax, "'\(op)' belongs in a model formula (fit … y ~ x), not in a row expression", at: span)
            }
            // A loop over the left spine of `a + b - c …`, so long flat chains need no stack.
            var spine: [(op: String, right: Expr, span: SourceSpan)] = [(op, b, span)]
            var left = a
            while case .binary(let op2, let a2, let b2, let span2) = left, op2 != "~", op2 != ":" {
                spine.append((op2, b2, span2))
                left = a2
            }
            var acc = VectorOps.Operand(vec: try evaluateRows(left, in: ctx), label: label(left), span: left.span)
            for step in spine.reversed() {
                let vb = VectorOps.Operand(vec: try evaluateRows(step.right, in: ctx), label: label(step.right), span: step.right.span)
                let v: Vec
                switch step.op {
                case "and", "or": v = try VectorOps.logic(step.op, acc, vb, rows: ctx.rows)
                case "==", "!=", "<", "<=", ">", ">=": v = try VectorOps.compare(step.op, acc, vb, rows: ctx.rows, at: step.span)
                default: v = try VectorOps.arithmetic(step.op, acc, vb, rows: ctx.rows, at: step.span)
                }
                acc = VectorOps.Operand(vec: v, label: "this expression", span: step.span)
            }
            return acc.vec
        case .isNull(let x, let negated, _):
            let v = try evaluateRows(x, in: ctx)
            switch v {
            case .scalar(let s): return .scalar(.bool(s.isNull != negated))
            case .column(let c): return .column(.bool(TypedColumn((0..<c.count).map { c.isNull($0) != negated })))
            }
        case .isIn(let x, let listExpr, let negated, let span):
            let v = try evaluateRows(x, in: ctx)
            guard case .list(let items) = try evaluate(listExpr) else {
                throw Diagnostic(.type, "'in' needs a list on its right, such as [\"Java\", \"Bali\"]", at: span)
            }
            let set = Set(items.compactMap { item -> CellValue? in
                if case .scalar(let s) = item { return Evaluator.normalized(s) }
                return nil
            })
            if let t = v.type, let first = set.first(where: { !$0.isNull }) {
                let listIsText: Bool = { if case .string = first { return true } else { return false } }()
                if (t == .string) != listIsText {
                    throw Diagnostic(.type, "cannot look for \(listIsText ? "text" : "numbers") in \(label(x)), which is \(VectorOps.typeName(v))", at: span)
                }
            }
            // A scalar is one value whatever the row count (also on a table with no rows).
            let n: Int = { if case .scalar = v { return 1 }; return ctx.rows }()
            var out = [Bool](repeating: false, count: n)
            var valid = Bitmap(count: n)
            for i in 0..<n {
                if v.isNull(i) { valid[i] = false; continue }
                out[i] = set.contains(Evaluator.normalized(v.cell(i))) != negated
            }
            if case .scalar = v { return .scalar(valid[0] ? .bool(out[0]) : .null) }
            return .column(.bool(TypedColumn(out, validity: valid)))
        case .call(let name, let args, let span):
            if let f = env.functions[name] { return try callColumnFunction(f, args: args, span: span, in: ctx) }
            return try Builtins.call(name, args, span: span, evaluator: &self, ctx: ctx)
        case .list, .record:
            throw Diagnostic(.type, "a list cannot be a column value", at: e.span, hint: "use 'in' to test membership: x in [1, 2]")
        case .dot(let span):
            throw Diagnostic(.syntax, "'.' means 'all other columns' and only works in a formula after ~", at: span)
        case .verb(let call):
            throw Diagnostic(.syntax, "the verb '\(call.name)' cannot be used inside an expression", at: call.nameSpan,
                             hint: "start a new pipeline stage with |")
        case .pipe(_, _, let span):
            throw Diagnostic(.syntax, "a pipeline cannot be used inside a row expression", at: span)
        }
    }

    /// Ints compare equal to equal floats in `in` lists.
    static func normalized(_ c: CellValue) -> CellValue {
        if case .int(let i) = c { return .float(Double(i)) }
        return c
    }

    /// How an expression is named in messages: "column 'region' (string)", "the number 5".
    func label(_ e: Expr) -> String {
        switch e {
        case .name(let n, _): return "'\(n)'"
        case .string(let s, _): return "\"\(s)\""
        case .integer(let v, _): return "\(v)"
        case .number(let v, _): return "\(v)"
        case .call(let f, _, _): return "\(f)(…)"
        default: return "this expression"
        }
    }

    mutating func resolveName(_ n: String, span: SourceSpan, in ctx: RowContext) throws -> Vec {
        if n.hasPrefix("@") { return try bindingOnly(String(n.dropFirst()), span: span) }
        if let v = ctx.locals[n] { return v }
        if !ctx.scalarOnly {
            if let g = ctx.grouping {
                if let key = g.keys.column(named: n) { warnIfShadowed(n, span: span); return .column(key) }
                if ctx.table.column(named: n) != nil {
                    throw Diagnostic(.value, "column '\(n)' is not summarized", at: span,
                                     hint: "wrap it in an aggregate such as mean(\(n)), or add it to 'by'")
                }
            } else if let c = ctx.table.column(named: n) {
                warnIfShadowed(n, span: span)
                return .column(c)
            }
        }
        if let v = env.bindings[n] {
            if case .scalar(let s) = v { return .scalar(s) }
            throw Diagnostic(.type, "'\(n)' is a \(v.kindName), not a column or a single value", at: span,
                             hint: ctx.scalarOnly ? nil : "columns here: \(ctx.table.columnNames.prefix(8).joined(separator: ", "))")
        }
        if ctx.scalarOnly { throw unknownName(n, at: span) }
        let candidates = ctx.table.columnNames + Array(ctx.locals.keys)
        let hint = Diagnostic.didYouMean(n, in: candidates)
            ?? "the table's columns are: \(ctx.table.columnNames.prefix(12).joined(separator: ", "))\(ctx.table.columnCount > 12 ? ", …" : "")"
        return try { throw Diagnostic(.unknownName, "unknown column '\(n)'", at: span, hint: hint) }()
    }

    mutating func callColumnFunction(_ f: UserFunction, args: [Expr], span: SourceSpan, in ctx: RowContext) throws -> Vec {
        guard args.count == f.parameters.count else {
            throw Diagnostic(.value, "\(f.name) takes \(f.parameters.count) argument\(f.parameters.count == 1 ? "" : "s") (\(f.parameters.joined(separator: ", "))), but got \(args.count)", at: span)
        }
        var inner = ctx
        inner.locals = [:]
        for (p, a) in zip(f.parameters, args) { inner.locals[p] = try evaluateRows(a, in: ctx) }
        try enterCall(f.name, at: span)
        defer { callDepth -= 1 }
        do {
            return try evaluateRows(f.body, in: inner)
        } catch var d as Diagnostic {
            if !Evaluator.isRecursionError(d) && !d.message.contains(" (in function ") { d.message += " (in function \(f.name))" }
            d.span = span
            throw d
        }
    }

    /// `@name`: the binding (a parameter or a single value), never a column.
    mutating func bindingOnly(_ n: String, span: SourceSpan) throws -> Vec {
        guard let v = env.bindings[n] else { throw unknownName(n, at: span) }
        guard case .scalar(let s) = v else {
            throw Diagnostic(.type, "'@\(n)' is a \(v.kindName), not a single value", at: span)
        }
        // The statement already says which is meant (`region == @region`): drop the shadowing warning.
        let shadow = "'\(n)' here is the column; a value '\(n)' is also bound"
        sideOutputs.removeAll { if case .warning(let d, _) = $0 { return d.message == shadow } else { return false } }
        return .scalar(s)
    }

    /// A column hides a binding (a notebook parameter, say) of the same name: say so once per statement.
    mutating func warnIfShadowed(_ n: String, span: SourceSpan) {
        guard case .scalar = env.bindings[n] else { return }
        let message = "'\(n)' here is the column; a value '\(n)' is also bound"
        let said = sideOutputs.contains { if case .warning(let d, _) = $0 { return d.message == message } else { return false } }
        guard !said else { return }
        sideOutputs.append(.warning(Diagnostic(.value, message, at: span, hint: "write @\(n) for the bound value", severity: .warning), source: source))
    }
}
