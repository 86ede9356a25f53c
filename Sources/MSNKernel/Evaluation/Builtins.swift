import Foundation
import MSNLanguage
import MSNTable

/// The built-in functions. Each runs over whole columns; aggregates give one value for the table
/// (broadcast in row expressions) or one per group inside `summarize … by`.
public enum Builtins {
    /// Aggregate functions and their table-engine counterparts.
    static let aggregates: [String: Aggregate] = [
        "count": .count, "sum": .sum, "mean": .mean, "sd": .sd, "var": .variance, "median": .median,
        "min": .min, "max": .max, "n_distinct": .nDistinct, "first": .first,
    ]
    /// Element-wise numeric functions of one argument.
    static let math: [String: @Sendable (Double) -> Double?] = [
        "log": { $0 > 0 ? Foundation.log($0) : nil }, "exp": { Foundation.exp($0) },
        "sqrt": { $0 >= 0 ? $0.squareRoot() : nil }, "abs": { Swift.abs($0) },
        "floor": { Foundation.floor($0) }, "ceil": { Foundation.ceil($0) },
    ]
    /// Every built-in name.
    static let names: Set<String> = Set(aggregates.keys).union(math.keys).union([
        "quantile", "round", "pow", "least", "greatest", "lower", "upper", "contains", "starts_with", "len",
        "coalesce", "is_null", "to_float", "to_int", "to_string", "if", "row_number",
    ]).union(conditionalNames)

    static func arity(_ name: String, _ args: [Expr], _ range: ClosedRange<Int>, _ span: SourceSpan, usage: String) throws {
        guard range.contains(args.count) else {
            throw Diagnostic(.value, "\(name) takes \(range.lowerBound == range.upperBound ? "\(range.lowerBound)" : "\(range.lowerBound) to \(range.upperBound)") argument\(range.upperBound == 1 ? "" : "s"), but got \(args.count)",
                             at: span, hint: "usage: \(usage)")
        }
    }

    static func call(_ name: String, _ args: [Expr], span: SourceSpan, evaluator ev: inout Evaluator, ctx: RowContext) throws -> Vec {
        let n = ctx.rows
        if let agg = aggregates[name] ?? (name == "quantile" ? .quantile(0) : nil) {
            return try aggregate(name, agg, args, span: span, evaluator: &ev, ctx: ctx)
        }
        if let f = math[name] {
            try arity(name, args, 1...1, span, usage: "\(name)(x)")
            return try mapNumeric(try ev.evaluateRows(args[0], in: ctx), n, name: name, arg: args[0], ev: ev) { f($0) }
        }
        if conditionalNames.contains(name) { return try conditional(name, args, span: span, evaluator: &ev, ctx: ctx) }
        switch name {
        case "round":
            try arity(name, args, 1...2, span, usage: "round(x, digits)")
            let digits = args.count == 2 ? try integerArgument(args[1], ev: &ev, ctx: ctx, name: name) : 0
            guard (-308...308).contains(digits) else {
                throw Diagnostic(.value, "round's digits must be between -308 and 308, got \(digits)", at: args[1].span,
                                 hint: "a float keeps about 17 significant digits, so round(x, 17) already leaves x as it is")
            }
            let scale = Foundation.pow(10.0, Double(digits))
            // Where scaling leaves the float range the value has fewer digits than asked for: it stays as it is.
            return try mapNumeric(try ev.evaluateRows(args[0], in: ctx), n, name: name, arg: args[0], ev: ev) { x in
                let y = (x * scale).rounded() / scale
                return y.isFinite ? y : x
            }
        case "pow":
            try arity(name, args, 2...2, span, usage: "pow(x, y)")
            return try VectorOps.arithmetic("^", operand(args[0], &ev, ctx), operand(args[1], &ev, ctx), rows: n, at: span)
        case "least", "greatest":
            guard !args.isEmpty else { throw Diagnostic(.value, "\(name) needs at least one argument", at: span) }
            let vs = try args.map { try ev.evaluateRows($0, in: ctx) }
            var out = [Double?](repeating: nil, count: n)
            for (v, a) in zip(vs, args) {
                guard let d = v.doubles(n) else { throw typeError(name, a, v, ev: ev, needs: "numbers") }
                for i in 0..<n where !(d.validity.map { !$0[i] } ?? false) {
                    let x = d.values[i]
                    out[i] = out[i].map { name == "least" ? Swift.min($0, x) : Swift.max($0, x) } ?? x
                }
            }
            return finish(.float(TypedColumn(optionals: out)), vs)
        case "lower", "upper", "len":
            try arity(name, args, 1...1, span, usage: "\(name)(text)")
            let v = try ev.evaluateRows(args[0], in: ctx)
            guard v.type == .string || v.type == nil else { throw typeError(name, args[0], v, ev: ev, needs: "text") }
            let cells: [CellValue] = (0..<n).map { i in
                guard case .string(let s) = v.cell(i) else { return .null }
                switch name {
                case "lower": return .string(s.lowercased())
                case "upper": return .string(s.uppercased())
                default: return .int(Int64(s.count))
                }
            }
            return finish(Column.from(cells, type: name == "len" ? .int : .string), [v])
        case "contains", "starts_with":
            try arity(name, args, 2...2, span, usage: "\(name)(text, \"part\")")
            let v = try ev.evaluateRows(args[0], in: ctx), p = try ev.evaluateRows(args[1], in: ctx)
            guard v.type == .string || v.type == nil else { throw typeError(name, args[0], v, ev: ev, needs: "text") }
            let cells: [CellValue] = (0..<n).map { i in
                guard case .string(let s) = v.cell(i), case .string(let part) = p.cell(i) else { return .null }
                return .bool(name == "contains" ? s.contains(part) : s.hasPrefix(part))
            }
            return finish(Column.from(cells, type: .bool), [v, p])
        case "row_number":
            try arity(name, args, 0...0, span, usage: "row_number()")
            return .column(.int(TypedColumn((0..<n).map { Int64($0 + 1) })))
        case "coalesce":
            guard !args.isEmpty else { throw Diagnostic(.value, "coalesce needs at least one argument", at: span) }
            let vs = try args.map { try ev.evaluateRows($0, in: ctx) }
            let cells: [CellValue] = (0..<n).map { i in vs.first { !$0.isNull(i) }?.cell(i) ?? .null }
            return finish(Column.from(cells), vs)
        case "is_null":
            try arity(name, args, 1...1, span, usage: "is_null(x)")
            let v = try ev.evaluateRows(args[0], in: ctx)
            return finish(.bool(TypedColumn((0..<n).map { v.isNull($0) })), [v])
        case "to_float", "to_int", "to_string":
            try arity(name, args, 1...1, span, usage: "\(name)(x)")
            let v = try ev.evaluateRows(args[0], in: ctx)
            let cells: [CellValue] = (0..<n).map { i in convert(v.cell(i), name) }
            let type: DataType = name == "to_float" ? .float : (name == "to_int" ? .int : .string)
            return finish(Column.from(cells, type: type), [v])
        case "if":
            try arity(name, args, 3...3, span, usage: "if(condition, value_if_true, value_if_false)")
            let c = try ev.evaluateRows(args[0], in: ctx)
            guard c.bools(n) != nil else { throw typeError(name, args[0], c, ev: ev, needs: "true/false (a comparison)") }
            let a = try ev.evaluateRows(args[1], in: ctx), b = try ev.evaluateRows(args[2], in: ctx)
            if let ta = a.type, let tb = b.type, ta != tb, !(ta.isNumeric && tb.isNumeric) {
                throw Diagnostic(.type, "if gives \(VectorOps.typeName(a)) when true but \(VectorOps.typeName(b)) when false", at: span,
                                 hint: "both branches need the same type")
            }
            let cells: [CellValue] = (0..<n).map { i in
                guard case .bool(let t) = c.cell(i) else { return .null }
                return t ? a.cell(i) : b.cell(i)
            }
            return finish(Column.from(cells), [c, a, b])
        default:
            let candidates = Array(names) + Array(ev.env.functions.keys)
            throw Diagnostic(.unknownName, "unknown function '\(name)'", at: span,
                             hint: Habits.functionHint(name) ?? Diagnostic.didYouMean(name, in: candidates) ?? "see :help functions")
        }
    }

    /// A column result, or a scalar when every input was a scalar.
    static func finish(_ c: Column, _ inputs: [Vec]) -> Vec {
        let allScalar = inputs.allSatisfy { if case .scalar = $0 { return true } else { return false } }
        return allScalar && c.count > 0 ? .scalar(c[0]) : .column(c)
    }

    static func operand(_ e: Expr, _ ev: inout Evaluator, _ ctx: RowContext) throws -> VectorOps.Operand {
        VectorOps.Operand(vec: try ev.evaluateRows(e, in: ctx), label: ev.label(e), span: e.span)
    }

    static func typeError(_ name: String, _ arg: Expr, _ v: Vec, ev: Evaluator, needs: String) -> Diagnostic {
        Diagnostic(.type, "\(name) needs \(needs), but \(ev.label(arg)) is \(VectorOps.typeName(v))", at: arg.span)
    }

    static func integerArgument(_ e: Expr, ev: inout Evaluator, ctx: RowContext, name: String) throws -> Int {
        guard case .scalar(let c) = try ev.evaluateRows(e, in: ctx), let d = c.doubleValue, d == d.rounded() else {
            throw Diagnostic(.type, "\(name) needs a whole number here", at: e.span)
        }
        guard abs(d) <= 1e15 else { throw Diagnostic(.value, "\(name) needs a whole number between -10^15 and 10^15 here", at: e.span) }
        return Int(d)
    }

    static func mapNumeric(_ v: Vec, _ n: Int, name: String, arg: Expr, ev: Evaluator, _ f: (Double) -> Double?) throws -> Vec {
        guard let d = v.doubles(n) else { throw typeError(name, arg, v, ev: ev, needs: "numbers") }
        var out = [Double](repeating: 0, count: n)
        var valid = d.validity ?? Bitmap(count: n)
        for i in 0..<n where valid[i] {
            if let y = f(d.values[i]), !y.isNaN { out[i] = y } else { valid[i] = false }
        }
        return finish(.float(TypedColumn(out, validity: valid)), [v])
    }

    /// `d` without its fraction as an integer; nil when it is not finite or lies outside Int64's range
    /// (`to_int("1e300")` is null, like any text that is no integer).
    static func truncatedInt(_ d: Double) -> CellValue? {
        let t = d.rounded(.towardZero)
        return t.isFinite && t >= -9.223372036854775808e18 && t < 9.223372036854775808e18 ? .int(Int64(t)) : nil
    }

    static func convert(_ c: CellValue, _ name: String) -> CellValue {
        switch (name, c) {
        case (_, .null): return .null
        case ("to_string", _): return .string(c.description)
        case ("to_float", .string(let s)): return Double(s.trimmingCharacters(in: .whitespaces)).map(CellValue.float) ?? .null
        case ("to_float", _): return c.doubleValue.map(CellValue.float) ?? .null
        case ("to_int", .string(let s)):
            let t = s.trimmingCharacters(in: .whitespaces)
            if let i = Int64(t) { return .int(i) }
            return Double(t).flatMap(truncatedInt) ?? .null
        case ("to_int", _):
            return c.doubleValue.flatMap(truncatedInt) ?? .null
        default: return .null
        }
    }

    static func aggregate(_ name: String, _ agg: Aggregate, _ args: [Expr], span: SourceSpan, evaluator ev: inout Evaluator, ctx: RowContext) throws -> Vec {
        var agg = agg
        if name == "quantile" {
            try arity(name, args, 2...2, span, usage: "quantile(x, p)")
            guard case .scalar(let c) = try ev.evaluateRows(args[1], in: ctx), let p = c.doubleValue, (0...1).contains(p) else {
                throw Diagnostic(.value, "quantile's p must be a number between 0 and 1", at: args[1].span)
            }
            agg = .quantile(p)
        } else if name == "count" {
            try arity(name, args, 0...1, span, usage: "count() or count(x) for non-null values")
            if args.count == 1 { agg = .countNonNull }
        } else {
            try arity(name, args, 1...1, span, usage: "\(name)(x)")
        }
        // Arguments of an aggregate are row expressions over the whole table.
        let rowCtx = RowContext(table: ctx.table, grouping: nil, locals: ctx.grouping == nil ? ctx.locals : [:], scalarOnly: ctx.scalarOnly)
        // count() per group: the group sizes, without a column of placeholders.
        if args.isEmpty, agg == .count, let g = ctx.grouping { return .column(.int(TypedColumn(g.counts()))) }
        let column: Column
        if args.isEmpty {
            column = .int(TypedColumn([Int64](repeating: 0, count: ctx.table.rowCount)))
        } else {
            let v = try ev.evaluateRows(args[0], in: rowCtx)
            if v.type == .string, ![.count, .countNonNull, .nDistinct, .first, .min, .max].contains(agg) {
                throw typeError(name, args[0], v, ev: ev, needs: "numbers")
            }
            if case .scalar(let s) = v, ctx.scalarOnly {
                return .scalar(try Vec.repeatColumn(s, 1).aggregate(agg))
            }
            column = v.column(ctx.table.rowCount)
        }
        do {
            if let g = ctx.grouping { return .column(try column.aggregate(agg, by: g)) }
            return .scalar(try column.aggregate(agg))
        } catch let e as TableError {
            throw Diagnostic(.value, e.description, at: span)
        }
    }
}
