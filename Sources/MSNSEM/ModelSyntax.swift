/// One term on the right of a lavaan operator: modifiers (`0.5*`, `NA*`, `a*`) and a variable.
public struct SyntaxTerm: Sendable, Equatable {
    /// The variable (or "1" for an intercept).
    public var name: String
    /// A fixed value (`1*x`).
    public var fixed: Double?
    /// Explicitly free (`NA*x`).
    public var forcedFree: Bool
    /// A label (`a*x`); equal labels are equality constraints.
    public var label: String?
    /// Per-group modifiers from `c(…)*x` (one per group), empty when none.
    public var perGroup: [GroupModifier] = []
}

/// One group's element of a `c(…)` modifier: a fixed value, `NA` (free) or a label.
public struct GroupModifier: Sendable, Equatable {
    /// A fixed value.
    public var fixed: Double?
    /// `NA`: explicitly free.
    public var forcedFree: Bool
    /// A label.
    public var label: String?
}

/// One lavaan statement: `lhs =~ terms`, `lhs <~ terms`, `lhs ~ terms`, `lhs ~~ terms`, `name := expression`.
public struct SyntaxStatement: Sendable, Equatable {
    /// Left-hand side.
    public var lhs: String
    /// Operator: `=~`, `<~`, `~`, `~~`, `:=`.
    public var op: String
    /// Right-hand terms (empty for `:=`).
    public var terms: [SyntaxTerm]
    /// The expression text of a `:=` definition.
    public var definition: String?
    /// 1-based line in the model text.
    public var line: Int
}

/// Parses lavaan model syntax (the subset msnb supports: `=~`, `<~`, `~`, `~~`, `~ 1`, `:=`, modifiers
/// `1*x`, `NA*x`, `a*x`, per-group `c(1, NA)*x` / `c(a1, a2)*x`, several modifiers per term, `;` or
/// newlines between statements, `#` comments).
public enum ModelSyntax {
    /// Parses `text`; positions in errors are lines and columns of `text`.
    public static func parse(_ text: String) throws -> [SyntaxStatement] {
        var out: [SyntaxStatement] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = String(rawLine)
            if let hash = line.firstIndex(where: { $0 == "#" || $0 == "!" }) { line = String(line[..<hash]) }
            var column = 1
            for piece in line.split(separator: ";", omittingEmptySubsequences: false) {
                let s = String(piece)
                defer { column += s.count + 1 }
                if s.trimmingCharacters(in: .whitespaces).isEmpty { continue }
                out.append(try statement(s, line: index + 1, column: column))
            }
        }
        return out
    }

    /// `<~` (a formative, mode B composite) is parsed for PLS; the covariance-based engine rejects it.
    private static let operators = [":=", "=~", "<~", "~~", "~"]

    static func statement(_ s: String, line: Int, column: Int) throws -> SyntaxStatement {
        guard let (op, range) = operators.lazy.compactMap({ op in s.range(of: op).map { (op, $0) } }).first else {
            let col = column + (s.firstIndex { $0 != " " }.map { s.distance(from: s.startIndex, to: $0) } ?? 0)
            throw SEMError.syntax(line: line, column: col, message: "expected an operator (=~, <~, ~, ~~ or :=)")
        }
        let lhs = s[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
        let rhsText = String(s[range.upperBound...])
        let opColumn = column + s.distance(from: s.startIndex, to: range.lowerBound)
        guard isName(lhs) else {
            throw SEMError.syntax(line: line, column: column, message: lhs.isEmpty ? "nothing on the left of \(op)" : "'\(lhs)' is not a variable name")
        }
        if op == ":=" {
            guard !rhsText.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw SEMError.syntax(line: line, column: opColumn, message: "nothing to define after :=")
            }
            return SyntaxStatement(lhs: lhs, op: op, terms: [], definition: rhsText.filter { !$0.isWhitespace }, line: line)
        }
        var terms: [SyntaxTerm] = []
        var termColumn = opColumn + op.count
        for part in rhsText.split(separator: "+", omittingEmptySubsequences: false) {
            defer { termColumn += part.count + 1 }
            let pieces = part.split(separator: "*", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            let lead = part.prefix { $0 == " " }.count
            guard let name = pieces.last, !name.isEmpty else {
                throw SEMError.syntax(line: line, column: termColumn + lead, message: "expected a variable name after \(op)")
            }
            guard isName(name) || name == "1" || (op == "~" && isInteraction(name)) else {
                throw SEMError.syntax(line: line, column: termColumn + lead, message: "'\(name)' is not a variable name")
            }
            var term = SyntaxTerm(name: name, fixed: nil, forcedFree: false, label: nil)
            for m in pieces.dropLast() {
                if m.hasPrefix("c("), m.hasSuffix(")") {
                    let inner = m.dropFirst(2).dropLast().split(separator: ",", omittingEmptySubsequences: false)
                    term.perGroup = try inner.map { raw in
                        let e = raw.trimmingCharacters(in: .whitespaces)
                        if e == "NA" { return GroupModifier(fixed: nil, forcedFree: true, label: nil) }
                        if let v = Double(e) { return GroupModifier(fixed: v, forcedFree: false, label: nil) }
                        if isName(e) { return GroupModifier(fixed: nil, forcedFree: false, label: e) }
                        throw SEMError.syntax(line: line, column: termColumn + lead, message: "'\(e)' in \(m) is not a value, NA or a label")
                    }
                } else if m == "NA" { term.forcedFree = true }
                else if let v = Double(m) { term.fixed = v }
                else if isName(m) { term.label = m }
                else { throw SEMError.syntax(line: line, column: termColumn + lead, message: "'\(m)' is not a value or a label") }
            }
            terms.append(term)
        }
        return SyntaxStatement(lhs: lhs, op: op, terms: terms, definition: nil, line: line)
    }

    /// `a:b` on the right of `~`: an interaction term (used by PLS; lavaan writes the same).
    public static func isInteraction(_ s: String) -> Bool {
        let parts = s.split(separator: ":", omittingEmptySubsequences: false)
        return parts.count == 2 && parts.allSatisfy { isName(String($0)) }
    }

    static func isName(_ s: String) -> Bool {
        guard let f = s.first, f.isLetter || f == "_" || f == "." else { return false }
        return s.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
    }
}
