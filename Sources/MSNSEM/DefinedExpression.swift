import Foundation

/// Evaluates the right side of a `:=` definition (numbers, labels, + − * / ^, parentheses).
struct DefinedExpression {
    private let tokens: [String]
    private var pos = 0
    private let values: [String: Double]

    /// The value of `text` with labels bound to `values`.
    static func evaluate(_ text: String, values: [String: Double]) throws -> Double {
        var e = DefinedExpression(tokens: tokenize(text), values: values)
        let v = try e.sum()
        guard e.pos == e.tokens.count else { throw SEMError.syntax(line: 1, column: 1, message: "cannot read the definition '\(text)'") }
        return v
    }

    private init(tokens: [String], values: [String: Double]) {
        self.tokens = tokens
        self.values = values
    }

    static func tokenize(_ s: String) -> [String] {
        var out: [String] = []
        var cur = ""
        for c in s {
            if "+-*/^()".contains(c) { if !cur.isEmpty { out.append(cur); cur = "" }; out.append(String(c)) }
            else if c == " " { if !cur.isEmpty { out.append(cur); cur = "" } }
            else { cur.append(c) }
        }
        if !cur.isEmpty { out.append(cur) }
        return out
    }

    /// Labels the expression uses.
    static func labels(_ text: String) -> [String] {
        tokenize(text).filter { t in ModelSyntax.isName(t) }
    }

    private mutating func sum() throws -> Double {
        var v = try product()
        while pos < tokens.count, tokens[pos] == "+" || tokens[pos] == "-" {
            let op = tokens[pos]; pos += 1
            let r = try product()
            v = op == "+" ? v + r : v - r
        }
        return v
    }

    private mutating func product() throws -> Double {
        var v = try power()
        while pos < tokens.count, tokens[pos] == "*" || tokens[pos] == "/" {
            let op = tokens[pos]; pos += 1
            let r = try power()
            v = op == "*" ? v * r : v / r
        }
        return v
    }

    private mutating func power() throws -> Double {
        let base = try atom()
        if pos < tokens.count, tokens[pos] == "^" { pos += 1; return Foundation.pow(base, try power()) }
        return base
    }

    private mutating func atom() throws -> Double {
        guard pos < tokens.count else { throw SEMError.syntax(line: 1, column: 1, message: "a definition ends too early") }
        let t = tokens[pos]; pos += 1
        if t == "(" {
            let v = try sum()
            guard pos < tokens.count, tokens[pos] == ")" else { throw SEMError.syntax(line: 1, column: 1, message: "missing ) in a definition") }
            pos += 1
            return v
        }
        if t == "-" { return -(try atom()) }
        if let d = Double(t) { return d }
        guard let v = values[t] else { throw SEMError.syntax(line: 1, column: 1, message: "'\(t)' in a definition is not a parameter label") }
        return v
    }
}
