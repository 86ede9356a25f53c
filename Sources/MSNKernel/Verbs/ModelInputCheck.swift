import MSNLanguage
import MSNTable

/// Checks every model's input before fitting: a table with rows, and no infinite values in the
/// columns the model names (NaN never reaches a table: it reads as null). The policy is in
/// docs/language.md, "Numbers".
enum ModelInputCheck {
    static func check(_ t: Table, call: VerbCall, kind: String) throws {
        guard t.rowCount > 0 else {
            throw Diagnostic(.value, "fit \(kind): the table has no rows", at: call.nameSpan, hint: "check the filter that made it")
        }
        var names = Set<String>()
        var usesAll = false
        var stack: [Expr] = call.arguments.dropFirst().map(\.value) + call.options.map(\.value)
        while let e = stack.popLast() {
            switch e {
            case .name(let n, _): names.insert(n)
            case .dot: usesAll = true
            case .unary(_, let x, _), .isNull(let x, _, _): stack.append(x)
            case .binary(_, let a, let b, _), .isIn(let a, let b, _, _), .pipe(let a, let b, _): stack += [a, b]
            case .call(_, let args, _), .list(let args, _): stack += args
            default: break
            }
        }
        if let block = call.block {
            var word = ""
            for ch in block.text + " " {
                if ch.isLetter || ch.isNumber || ch == "_" || ch == "." { word.append(ch) } else { names.insert(word); word = "" }
            }
        }
        for (name, column) in zip(t.columnNames, t.columns) where usesAll || names.contains(name) {
            guard case .float(let c) = column else { continue }
            var count = 0
            for i in 0..<c.count where c.values[i].isInfinite && !c.isNull(i) { count += 1 }
            if count > 0 {
                throw Diagnostic(.value, "column '\(name)' has \(count) infinite value\(count == 1 ? "" : "s") (inf or -inf); a model needs finite numbers",
                                 at: call.nameSpan, hint: "leave them out first: | filter abs(\(name)) < 1e308")
            }
        }
    }

    /// Checks the rows a fitted model scores (`predict`, `evaluate`, `explain`, `synergy`): an infinite
    /// value in a column the model reads has no branch or product that means anything, so it is an
    /// error that counts them, at `span` (the `on` table). Nulls are allowed: boosted trees send them
    /// down each split's missing-value branch, linear and logistic models predict null for the row.
    static func checkScoring(_ t: Table, columns: [String], verb: String, at span: SourceSpan) throws {
        for name in columns {
            guard case .float(let c)? = t.column(named: name) else { continue }
            var count = 0, first = -1
            for i in 0..<c.count where c.values[i].isInfinite && !c.isNull(i) {
                if first < 0 { first = i }
                count += 1
            }
            if count > 0 {
                throw Diagnostic(.value, "\(verb): column '\(name)' has \(count) infinite value\(count == 1 ? "" : "s") (inf or -inf; the first in row \(first + 1)); a model can only score finite numbers",
                                 at: span, hint: "leave them out first: | filter abs(\(name)) < 1e308, or replace them with null")
            }
        }
    }
}
