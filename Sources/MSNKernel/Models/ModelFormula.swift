import MSNLanguage
import MSNTable

/// A model formula `target ~ a + b - c` or `target ~ . - id`, resolved against a table.
struct ModelFormula {
    let target: String
    let predictors: [String]

    /// Resolves `expr` (a `~` expression) against the columns of `table`.
    static func resolve(_ expr: Expr, table: Table, allowInteractions: Bool = false) throws -> ModelFormula {
        guard case .binary("~", let lhs, let rhs, let span) = expr else {
            throw Diagnostic(.syntax, "expected a formula such as exported ~ sentiment + fx_volatility", at: expr.span)
        }
        guard case .name(let target, let targetSpan) = lhs else {
            throw Diagnostic(.syntax, "the left of ~ must be one column (the target)", at: lhs.span)
        }
        guard table.column(named: target) != nil else {
            throw Diagnostic(.unknownName, "unknown column '\(target)'", at: targetSpan, hint: Diagnostic.didYouMean(target, in: table.columnNames))
        }
        var add: [String] = [], remove: Set<String> = []
        func walk(_ e: Expr, negative: Bool) throws {
            switch e {
            case .binary("+", let a, let b, _): try walk(a, negative: negative); try walk(b, negative: negative)
            case .binary("-", let a, let b, _): try walk(a, negative: negative); try walk(b, negative: !negative)
            case .dot:
                if !negative { add += table.columnNames.filter { $0 != target } }
            case .name(let n, let s):
                guard table.column(named: n) != nil else {
                    throw Diagnostic(.unknownName, "unknown column '\(n)' in the formula", at: s, hint: Diagnostic.didYouMean(n, in: table.columnNames))
                }
                if negative { remove.insert(n) } else { add.append(n) }
            case .binary(let op, _, _, let s) where op == "*" || op == ":":
                throw Diagnostic(.value, "interaction terms (\(op)) are for linear models; boosted trees find interactions themselves",
                                 at: s, hint: "list the variables with +")
            default:
                throw Diagnostic(.syntax, "a formula term must be a column name, '.', or '- name'", at: e.span)
            }
        }
        try walk(rhs, negative: false)
        var seen = Set<String>()
        let predictors = add.filter { !remove.contains($0) && $0 != target && seen.insert($0).inserted }
        guard !predictors.isEmpty else { throw Diagnostic(.value, "the formula has no predictors", at: span) }
        return ModelFormula(target: target, predictors: predictors)
    }
}

/// How a table's columns become model features: numbers as they are, bools as 0/1, text one-hot
/// encoded over the training levels (a missing value is missing in every indicator).
struct FeatureEncoding: Sendable {
    struct Source: Sendable { let column: String; let levels: [String]? }
    let sources: [Source]

    /// Feature names: columns, and `column=level` for text indicators.
    var names: [String] {
        sources.flatMap { s in s.levels.map { $0.map { "\(s.column)=\($0)" } } ?? [s.column] }
    }

    static func fit(_ table: Table, columns: [String]) -> FeatureEncoding {
        FeatureEncoding(sources: columns.map { name in
            guard case .string(let s)? = table.column(named: name) else { return Source(column: name, levels: nil) }
            return Source(column: name, levels: Array(Set(s.strings.compactMap { $0 })).sorted())
        })
    }

    /// Column-major features of `table`.
    func matrix(_ table: Table) throws -> [[Double]] {
        var out: [[Double]] = []
        for s in sources {
            guard let c = table.column(named: s.column) else { throw TableError.unknownColumn(s.column, available: table.columnNames) }
            if let levels = s.levels {
                guard case .string(let sc) = c else { throw TableError.typeMismatch(column: s.column, expected: "text (as in training)", found: c.type) }
                let values = sc.strings
                for level in levels { out.append(values.map { $0.map { $0 == level ? 1 : 0 } ?? .nan }) }
            } else {
                guard let d = c.doubles() else { throw TableError.typeMismatch(column: s.column, expected: "numbers (as in training)", found: c.type) }
                out.append(d)
            }
        }
        return out
    }
}
