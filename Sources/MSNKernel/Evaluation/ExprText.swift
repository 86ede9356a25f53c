import MSNLanguage
import MSNTable

/// An expression written back as msnb source (`mean(x1) > 4.9`), for messages that quote a condition.
enum ExprText {
    private static let precedence: [String: Int] = [
        "or": 1, "and": 2, "==": 4, "!=": 4, "<": 4, "<=": 4, ">": 4, ">=": 4,
        "+": 5, "-": 5, "*": 6, "/": 6, "%": 6, ":": 7, "^": 8, "~": 0, "->": 0, "|": 0,
    ]

    /// From the expression's leftmost token through its own span (an operator's span is the operator).
    static func span(_ e: Expr) -> SourceSpan {
        var left = e
        while true {
            switch left {
            case .binary(_, let a, _, _), .isIn(let a, _, _, _), .isNull(let a, _, _), .pipe(let a, _, _): left = a
            default: return left.span.line == e.span.line && left.span.column <= e.span.column ? left.span.through(e.span) : e.span
            }
        }
    }

    /// A pipeline `a | s1 | s2` without inner parentheses.
    private static func chain(_ e: Expr) -> String {
        guard case .pipe(let a, let b, _) = e else { return render(e) }
        return "\(chain(a)) | \(render(b))"
    }

    /// The expression as source text.
    static func render(_ e: Expr) -> String { render(e, parent: 0) }

    private static func render(_ e: Expr, parent: Int) -> String {
        switch e {
        case .integer(let v, _): return String(v)
        case .number(let v, _): return CellValue.float(v).description
        case .string(let s, _): return "\"\(s)\""
        case .bool(let b, _): return b ? "true" : "false"
        case .null: return "null"
        case .name(let n, _):
            let plain = n.first.map { $0.isLetter || $0 == "_" || $0 == "@" || $0 == "." } == true
                && n.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "@" || $0 == "." }
            return plain ? n : "`\(n)`"
        case .dot: return "."
        case .list(let items, _): return "[" + items.map(render).joined(separator: ", ") + "]"
        case .record(let pairs, _): return "{" + pairs.map { "\($0.0): \(render($0.1))" }.joined(separator: ", ") + "}"
        case .unary(let op, let x, _): return op == "not" ? "not \(render(x, parent: 3))" : "-\(render(x, parent: 9))"
        case .binary(let op, let a, let b, _):
            let p = precedence[op] ?? 0
            let text = "\(render(a, parent: p)) \(op) \(render(b, parent: p + 1))"
            return p < parent ? "(\(text))" : text
        case .isIn(let x, let list, let negated, _): return "\(render(x, parent: 4)) \(negated ? "not in" : "in") \(render(list))"
        case .isNull(let x, let negated, _): return "\(render(x, parent: 4)) is \(negated ? "not " : "")null"
        case .call(let f, let args, _):
            return "\(f)(" + args.map { if case .pipe = $0 { return chain($0) } else { return render($0) } }.joined(separator: ", ") + ")"
        case .pipe: return "(\(chain(e)))"
        case .verb(let v): return v.name + " …"
        }
    }
}
