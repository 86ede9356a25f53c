/// S-expression dumps of syntax trees, for golden tests and debugging.
public enum ASTDump {
    /// The dump of one statement.
    public static func statement(_ s: Statement) -> String {
        switch s {
        case .binding(let names, let value, _):
            return "(bind \(names.map(\.0).joined(separator: " ")) \(expr(value)))"
        case .expression(let e):
            return expr(e)
        case .function(let name, let params, let body, _):
            return "(def \(name) (\(params.joined(separator: " "))) \(expr(body)))"
        case .use(let target, let isPath, _):
            return isPath ? "(use \"\(target)\")" : "(use \(target))"
        case .set(let name, let value, _):
            return "(set \(name) \(expr(value)))"
        }
    }

    /// The dump of one expression.
    public static func expr(_ e: Expr) -> String {
        switch e {
        case .integer(let v, _): return String(v)
        case .number(let v, _): return String(v)
        case .string(let s, _): return "\"\(s)\""
        case .bool(let b, _): return b ? "true" : "false"
        case .null: return "null"
        case .name(let n, _): return n
        case .dot: return "."
        case .list(let items, _): return "[" + items.map(expr).joined(separator: " ") + "]"
        case .record(let pairs, _): return "{" + pairs.map { "\($0.0): \(expr($0.1))" }.joined(separator: ", ") + "}"
        case .unary(let op, let x, _): return "(\(op) \(expr(x)))"
        case .binary(let op, let a, let b, _): return "(\(op) \(expr(a)) \(expr(b)))"
        case .isIn(let x, let list, let neg, _): return "(\(neg ? "not-in" : "in") \(expr(x)) \(expr(list)))"
        case .isNull(let x, let neg, _): return "(\(neg ? "is-not-null" : "is-null") \(expr(x)))"
        case .call(let f, let args, _): return "(call \(f)" + args.map { " " + expr($0) }.joined() + ")"
        case .pipe(let a, let b, _): return "(| \(expr(a)) \(expr(b)))"
        case .verb(let v): return verb(v)
        }
    }

    static func verb(_ v: VerbCall) -> String {
        var parts = ["verb \(v.name)"]
        for a in v.arguments {
            var s = a.name.map { "(= \($0) \(expr(a.value)))" } ?? expr(a.value)
            if a.descending { s += " desc" }
            parts.append(s)
        }
        if let by = v.by { parts.append("(by " + by.map(expr).joined(separator: " ") + ")") }
        if let on = v.on { parts.append("(on " + on.map(expr).joined(separator: " ") + ")") }
        if let seed = v.seed { parts.append("(seed \(expr(seed)))") }
        if !v.options.isEmpty { parts.append("(with " + v.options.map { "\($0.name)=\(expr($0.value))" }.joined(separator: " ") + ")") }
        if let b = v.block { parts.append("{block \(b.line):\(b.column) \(b.text.split(whereSeparator: \.isNewline).count) lines}") }
        return "(" + parts.joined(separator: " ") + ")"
    }
}
