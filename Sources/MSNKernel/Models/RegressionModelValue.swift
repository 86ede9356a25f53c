import Foundation
import MSNBoost
import MSNLanguage
import MSNStats
import MSNTable

/// The terms of a linear-model formula: main effects, `a * b` (a + b + a:b) and `a : b`, `.` and
/// `- name`; text variables become treatment-coded dummies (the first level, alphabetically, is the base).
struct RegressionTerms: Sendable {
    /// Each term is a list of variables multiplied together.
    let terms: [[String]]
    /// Levels of text variables (from the training table).
    let levels: [String: [String]]

    static func resolve(_ rhs: Expr, table: Table, target: String) throws -> RegressionTerms {
        var terms: [[String]] = []
        var removed: Set<String> = []
        func expand(_ e: Expr) throws -> [[String]] {
            switch e {
            case .binary("+", let a, let b, _): return try expand(a) + expand(b)
            case .binary("*", let a, let b, _):
                let l = try expand(a), r = try expand(b)
                return l + r + l.flatMap { x in r.map { x + $0 } }
            case .binary(":", let a, let b, _):
                let l = try expand(a), r = try expand(b)
                return l.flatMap { x in r.map { x + $0 } }
            case .binary("-", let a, let b, _):
                for t in try expand(b) { removed.insert(t.joined(separator: ":")) }
                return try expand(a)
            case .dot: return table.columnNames.filter { $0 != target }.map { [$0] }
            case .name(let n, let s):
                guard table.column(named: n) != nil else {
                    throw Diagnostic(.unknownName, "unknown column '\(n)' in the formula", at: s, hint: Diagnostic.didYouMean(n, in: table.columnNames))
                }
                return [[n]]
            default: throw Diagnostic(.syntax, "a formula term must be a column, '.', a * b, a : b or - name", at: e.span)
            }
        }
        var seen = Set<String>()
        for t in try expand(rhs) where !removed.contains(t.joined(separator: ":")) && seen.insert(t.joined(separator: ":")).inserted {
            terms.append(t)
        }
        var levels: [String: [String]] = [:]
        for v in Set(terms.flatMap { $0 }) {
            if case .string(let s)? = table.column(named: v) { levels[v] = Array(Set(s.strings.compactMap { $0 })).sorted() }
        }
        return RegressionTerms(terms: terms, levels: levels)
    }

    /// The design matrix (with intercept) of `table`; rows with a missing value in any used column are
    /// reported in `complete` (false) and must be dropped by the caller.
    func design(_ table: Table) throws -> (DesignMatrix, complete: [Bool]) {
        let n = table.rowCount
        var complete = [Bool](repeating: true, count: n)
        var cache: [String: [(String, [Double])]] = [:]
        func columns(_ v: String) throws -> [(String, [Double])] {
            if let c = cache[v] { return c }
            guard let col = table.column(named: v) else { throw TableError.unknownColumn(v, available: table.columnNames) }
            var out: [(String, [Double])] = []
            if let lv = levels[v] {
                guard case .string(let s) = col else { throw TableError.typeMismatch(column: v, expected: "text (as in training)", found: col.type) }
                let values = s.strings
                for (i, x) in values.enumerated() where x == nil { complete[i] = false }
                for level in lv.dropFirst() { out.append(("\(v)=\(level)", values.map { $0 == level ? 1 : 0 })) }
            } else {
                guard let d = col.doubles() else { throw TableError.typeMismatch(column: v, expected: "numbers", found: col.type) }
                for (i, x) in d.enumerated() where x.isNaN { complete[i] = false }
                out.append((v, d))
            }
            cache[v] = out
            return out
        }
        var names = ["(Intercept)"]
        var cols = [[Double](repeating: 1, count: n)]
        for term in terms {
            var acc: [(String, [Double])] = [("", [Double](repeating: 1, count: n))]
            for v in term {
                let vc = try columns(v)
                acc = acc.flatMap { a in vc.map { b in (a.0.isEmpty ? b.0 : a.0 + ":" + b.0, zip(a.1, b.1).map { $0 * $1 }) } }
            }
            for (name, c) in acc { names.append(name); cols.append(c) }
        }
        return (DesignMatrix(names: names, columns: cols), complete)
    }
}

/// A fitted linear or logistic regression as a language value.
struct RegressionModelValue: PredictiveModel {
    enum Fit: @unchecked Sendable { case linear(LinearRegression), logistic(LogisticRegression) }
    let fit: Fit
    let target: String
    let terms: RegressionTerms
    let levels: [String]?
    let rows: Int
    /// Weights and standard-error kind, when not plain OLS/ML ("analytic weights w; standard errors robust (HC1)").
    var inference: String? = nil

    var kind: String { if case .linear = fit { return "linear" } else { return "logistic" } }
    var task: Objective { if case .linear = fit { return .regression } else { return .binary } }
    var shape: String { "\(coefficients.count) coefficients, \(rows) rows" }

    var coefficients: [Coefficient] {
        switch fit {
        case .linear(let f): return f.coefficients
        case .logistic(let f): return f.coefficients
        }
    }

    var summary: ModelSummary {
        switch fit {
        case .linear(let f):
            return ModelSummary(title: "linear regression (\(inference?.contains("weights") == true ? "WLS" : "OLS")) of \(target)", items: [
                .init("rows", .int(rows)),
                .init("inference", .text(inference ?? "classical standard errors")),
                .init("R²", .bounded(f.rSquared, decimals: 3)),
                .init("adjusted R²", .bounded(f.adjustedRSquared, decimals: 3)),
                .init("F", .number(f.fStatistic, decimals: 3), note: "p " + SummaryValue.pValue(f.fPValue).formatted),
                .init("AIC", .number(f.aic, decimals: 2)),
            ], table: coefficientTable)
        case .logistic(let f):
            return ModelSummary(title: "logistic regression (IRLS) of \(target)\(levels.map { " (1 = \($0[1]))" } ?? "")", items: [
                .init("rows", .int(rows)),
                .init("inference", .text(inference ?? "classical standard errors")),
                .init("iterations", .int(f.iterations)),
                .init("McFadden R²", .bounded(f.mcFaddenR2, decimals: 3)),
                .init("log-likelihood", .number(f.logLikelihood, decimals: 3)),
                .init("AIC", .number(f.aic, decimals: 2)),
            ], warnings: f.separationWarning.map { [$0] } ?? [], table: coefficientTable)
        }
    }

    /// The coefficients with SE, statistic, p, CI (and odds ratios for logistic models).
    var coefficientTable: Table? {
        let c = coefficients
        var pairs: [(String, Column)] = [
            ("term", .string(StringColumn(c.map(\.term)))), ("estimate", .float(TypedColumn(c.map(\.estimate)))),
            ("se", .float(TypedColumn(c.map(\.se)))), (kind == "linear" ? "t" : "z", .float(TypedColumn(c.map(\.statistic)))),
            ("pvalue", .float(TypedColumn(c.map(\.pValue)))), ("ci_lower", .float(TypedColumn(c.map(\.ciLower)))),
            ("ci_upper", .float(TypedColumn(c.map(\.ciUpper)))),
        ]
        if kind == "logistic" { pairs.append(("odds_ratio", .float(TypedColumn(c.map { Foundation.exp($0.estimate) })))) }
        return try? Table(pairs)
    }

    /// A logistic model's average marginal effects (dy/dx on P(y = 1), delta-method SEs), shown after
    /// the coefficients and picked with `m | part margins`.
    var parts: [(name: String, table: Table)] {
        guard case .logistic(let f) = fit else { return [] }
        let c = f.marginalEffects
        guard let t = try? Table([
            ("term", .string(StringColumn(c.map(\.term)))), ("dydx", .float(TypedColumn(c.map(\.estimate)))),
            ("se", .float(TypedColumn(c.map(\.se)))), ("z", .float(TypedColumn(c.map(\.statistic)))),
            ("pvalue", .float(TypedColumn(c.map(\.pValue)))), ("ci_lower", .float(TypedColumn(c.map(\.ciLower)))),
            ("ci_upper", .float(TypedColumn(c.map(\.ciUpper)))),
        ]) else { return [] }
        return [("margins", t)]
    }

    func score(_ table: Table) throws -> [[Double]] {
        let (x, complete) = try terms.design(table)
        var p: [Double]
        switch fit {
        case .linear(let f): p = f.predict(x)
        case .logistic(let f): p = f.predict(x)
        }
        for i in 0..<p.count where !complete[i] { p[i] = .nan }
        return [p]
    }
}
