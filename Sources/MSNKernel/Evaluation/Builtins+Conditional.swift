import Foundation
import MSNLanguage
import MSNTable

/// Conditional and mapping functions: `if_else`, `case(cond -> value, …, default)`,
/// `recode(x, from -> to, …, default)` and `cut(x, breaks[, labels])`.
extension Builtins {
    static let conditionalNames: Set<String> = ["if_else", "case", "recode", "cut"]

    static func conditional(_ name: String, _ args: [Expr], span: SourceSpan, evaluator ev: inout Evaluator, ctx: RowContext) throws -> Vec {
        let n = ctx.rows
        switch name {
        case "if_else":
            return try call("if", args, span: span, evaluator: &ev, ctx: ctx)
        case "case":
            let (pairs, fallback) = try arrows(name, args, span: span, usage: "case(x < 3 -> \"low\", x < 6 -> \"mid\", \"high\")")
            var conditions: [Vec] = [], values: [Vec] = []
            for (c, v) in pairs {
                let cv = try ev.evaluateRows(c, in: ctx)
                guard cv.bools(n) != nil else { throw typeError(name, c, cv, ev: ev, needs: "a true/false condition before ->") }
                conditions.append(cv)
                values.append(try ev.evaluateRows(v, in: ctx))
            }
            let other = try fallback.map { try ev.evaluateRows($0, in: ctx) }
            try sameType(name, values + (other.map { [$0] } ?? []), span: span)
            let cells: [CellValue] = (0..<n).map { i in
                for (c, v) in zip(conditions, values) { if case .bool(true) = c.cell(i) { return v.cell(i) } }
                return other?.cell(i) ?? .null
            }
            return finish(Column.from(cells), conditions + values + (other.map { [$0] } ?? []))
        case "recode":
            guard let first = args.first else { throw Diagnostic(.value, "recode needs a column and from -> to pairs", at: span, hint: "recode(sector, \"food\" -> \"agri\", \"textile\" -> \"manufacturing\")") }
            let x = try ev.evaluateRows(first, in: ctx)
            let (pairs, fallback) = try arrows(name, Array(args.dropFirst()), span: span, usage: "recode(sector, \"food\" -> \"agri\", …[, default])")
            var map: [CellValue: CellValue] = [:]
            var outputs: [Vec] = []
            for (from, to) in pairs {
                guard case .scalar(let f) = try ev.evaluate(from), case .scalar(let t) = try ev.evaluate(to) else {
                    throw Diagnostic(.type, "recode maps single values: \"old\" -> \"new\"", at: from.span)
                }
                if let xt = x.type, !f.isNull, (xt == .string) != (f.doubleValue == nil) {
                    throw Diagnostic(.type, "recode looks for \(f.doubleValue == nil ? "text" : "a number") in \(ev.label(first)), which is \(VectorOps.typeName(x))", at: from.span)
                }
                if map[Evaluator.normalized(f)] != nil { throw Diagnostic(.value, "recode maps \(f) twice", at: from.span) }
                map[Evaluator.normalized(f)] = t
                outputs.append(.scalar(t))
            }
            let other = try fallback.map { try ev.evaluateRows($0, in: ctx) }
            try sameType(name, outputs + (other.map { [$0] } ?? []), span: span)
            let cells: [CellValue] = (0..<n).map { i in
                let c = x.cell(i)
                if let to = map[Evaluator.normalized(c)] { return to }
                if c.isNull { return .null }
                return other?.cell(i) ?? c
            }
            // Unmapped values keep their own, so the column's type follows both.
            return finish(Column.from(cells), [x] + (other.map { [$0] } ?? []))
        default:
            return try cut(args, span: span, evaluator: &ev, ctx: ctx)
        }
    }

    /// `cond -> value` pairs followed by at most one plain default.
    private static func arrows(_ name: String, _ args: [Expr], span: SourceSpan, usage: String) throws -> ([(Expr, Expr)], Expr?) {
        var pairs: [(Expr, Expr)] = []
        var fallback: Expr? = nil
        for (k, a) in args.enumerated() {
            if case .binary("->", let l, let r, _) = a {
                if fallback != nil { throw Diagnostic(.syntax, "the default of \(name) comes last", at: a.span, hint: "usage: \(usage)") }
                pairs.append((l, r))
            } else if k == args.count - 1, !pairs.isEmpty {
                fallback = a
            } else {
                throw Diagnostic(.syntax, "\(name) expects from -> to pairs here", at: a.span, hint: "usage: \(usage)")
            }
        }
        guard !pairs.isEmpty else { throw Diagnostic(.value, "\(name) needs at least one -> pair", at: span, hint: "usage: \(usage)") }
        return (pairs, fallback)
    }

    private static func sameType(_ name: String, _ values: [Vec], span: SourceSpan) throws {
        let types = Set(values.compactMap(\.type))
        if types.count > 1, !types.allSatisfy(\.isNumeric) {
            throw Diagnostic(.type, "\(name) gives values of different types (\(types.map(\.description).sorted().joined(separator: ", ")))", at: span,
                             hint: "every result needs the same type; convert with to_string or to_float")
        }
    }

    /// `cut(x, [b0, b1, …][, labels])`: R's right-closed intervals (b0, b1], (b1, b2], …; values
    /// outside the breaks, and nulls, give null.
    static func cut(_ args: [Expr], span: SourceSpan, evaluator ev: inout Evaluator, ctx: RowContext) throws -> Vec {
        try arity("cut", args, 2...3, span, usage: "cut(x, [0, 10, 50, 250]) or cut(x, [0, 10, 50], [\"small\", \"medium\"])")
        let x = try ev.evaluateRows(args[0], in: ctx)
        guard let d = x.doubles(ctx.rows), x.type != .bool else { throw typeError("cut", args[0], x, ev: ev, needs: "numbers") }
        guard case .list(let items) = try ev.evaluate(args[1]) else {
            throw Diagnostic(.type, "cut's breaks are a list of numbers such as [0, 10, 50]", at: args[1].span)
        }
        let breaks = items.compactMap { v -> Double? in if case .scalar(let c) = v { return c.doubleValue } else { return nil } }
        guard breaks.count == items.count, breaks.count >= 2, zip(breaks, breaks.dropFirst()).allSatisfy({ $0 < $1 }) else {
            throw Diagnostic(.value, "cut needs at least two increasing numbers as breaks", at: args[1].span)
        }
        var labels = zip(breaks, breaks.dropFirst()).map { "(\(number($0)),\(number($1))]" }
        if args.count == 3 {
            guard case .list(let ls) = try ev.evaluate(args[2]), ls.count == labels.count else {
                throw Diagnostic(.value, "cut needs one label per interval (\(labels.count) here)", at: args[2].span)
            }
            labels = ls.map { if case .scalar(let c) = $0 { return c.description } else { return "" } }
        }
        var codes = [Int32](repeating: 0, count: ctx.rows)
        var valid = Bitmap(count: ctx.rows)
        for i in 0..<ctx.rows {
            let v = d.values[i]
            guard d.validity.map({ $0[i] }) ?? true, v > breaks[0], v <= breaks[breaks.count - 1] else { valid[i] = false; continue }
            var lo = 0, hi = breaks.count - 1          // find k with breaks[k] < v <= breaks[k+1]
            while hi - lo > 1 { let mid = (lo + hi) / 2; if v <= breaks[mid] { hi = mid } else { lo = mid } }
            codes[i] = Int32(lo)
        }
        let column = Column.string(StringColumn(storage: .dictionary(codes: codes, dictionary: labels), validity: valid))
        return finish(column, [x])
    }

    private static func number(_ d: Double) -> String {
        d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
    }
}
