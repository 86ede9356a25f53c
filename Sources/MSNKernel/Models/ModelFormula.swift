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

/// How a table's columns become model features: numbers as they are, bools as 0/1, text either one-hot
/// encoded over the training levels (a missing value is missing in every indicator) or, for boosted
/// trees' native categorical splits, as one feature holding the level's code (0 … 63; a level not seen
/// in training is −1, which every categorical split sends right).
struct FeatureEncoding: Sendable {
    struct Source: Sendable {
        let column: String
        let levels: [String]?
        /// One feature of level codes instead of one indicator per level.
        var native = false
    }
    let sources: [Source]

    /// Most levels a native categorical feature may have (a split's category set is 64 bits).
    static let maxNativeLevels = 64

    /// Feature names: columns, and `column=level` for text indicators.
    var names: [String] {
        sources.flatMap { s in s.native ? [s.column] : s.levels.map { $0.map { "\(s.column)=\($0)" } } ?? [s.column] }
    }

    /// Indices of the features that hold category codes.
    var categoricalFeatures: Set<Int> {
        var out = Set<Int>(), index = 0
        for s in sources {
            if s.native { out.insert(index) }
            index += s.native ? 1 : (s.levels?.count ?? 1)
        }
        return out
    }

    /// Text columns become native categorical features when `native` is true and they have 3 … 64
    /// levels; otherwise (and always for 2 levels) indicators.
    static func fit(_ table: Table, columns: [String], native: Bool = false) -> FeatureEncoding {
        FeatureEncoding(sources: columns.map { name in
            guard case .string(let s)? = table.column(named: name) else { return Source(column: name, levels: nil) }
            let levels = Array(Set(s.strings.compactMap { $0 })).sorted()
            return Source(column: name, levels: levels, native: native && levels.count > 2 && levels.count <= maxNativeLevels)
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
                if s.native {
                    let code = Dictionary(uniqueKeysWithValues: levels.enumerated().map { ($1, Double($0)) })
                    out.append(values.map { $0.map { code[$0] ?? -1 } ?? .nan })
                    continue
                }
                for level in levels { out.append(values.map { $0.map { $0 == level ? 1 : 0 } ?? .nan }) }
            } else {
                guard let d = c.doubles() else { throw TableError.typeMismatch(column: s.column, expected: "numbers (as in training)", found: c.type) }
                out.append(d)
            }
        }
        return out
    }
}
