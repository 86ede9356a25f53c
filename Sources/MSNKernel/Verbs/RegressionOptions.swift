import Foundation
import MSNLanguage
import MSNStats
import MSNTable

/// The `with` options of `fit linear` / `fit logistic`: `weights = w` (analytic weights, a column),
/// `se = "classical" | "robust" | "hc0" | "hc1" | "hc2" | "hc3"` and `cluster = col | [a, b]`.
struct RegressionOptions {
    static let names = ["weights", "se", "cluster"]

    /// The weight column's name and values (NaN = missing), if given.
    var weights: (name: String, values: [Double])?
    /// Which standard errors; cluster codes are filled in by `covariance(keeping:)`.
    var seKind: CovarianceKind = .classical
    /// The cluster columns' names and per-row codes (−1 = missing).
    var clusters: [(name: String, codes: [Int])] = []

    static func parse(_ ev: inout Evaluator, _ call: VerbCall, _ t: Table) throws -> RegressionOptions {
        try ev.checkOptions(call, form: call.arguments.first.map { if case .name(let k, _) = $0.value { return k } else { return "linear" } } ?? "linear")
        var o = RegressionOptions()
        if let opt = call.options.first(where: { $0.name == "weights" }) {
            let name = try ev.columnName(opt.value, verb: "weights =")
            let column = try ev.requireColumn(t, name, at: opt.value.span)
            guard let d = column.doubles() else { throw Diagnostic(.type, "weights must be a numeric column; '\(name)' is text", at: opt.value.span) }
            if let bad = d.first(where: { !$0.isNaN && !($0 > 0 && $0.isFinite) }) {
                throw Diagnostic(.value, "weights must be positive; '\(name)' has \(bad)", at: opt.value.span, hint: "filter the rows with zero or negative weight first")
            }
            o.weights = (name, d)
        }
        if let (value, span) = try ev.option(call, "se") {
            guard case .scalar(.string(let s)) = value else { throw Diagnostic(.type, "se must be a string", at: span, hint: "se = \"robust\"") }
            let kinds: [String: CovarianceKind] = ["classical": .classical, "robust": .hc1, "hc0": .hc0, "hc1": .hc1, "hc2": .hc2, "hc3": .hc3]
            guard let k = kinds[s.lowercased()] else {
                throw Diagnostic(.value, "unknown se '\(s)'", at: span, hint: "se = \"classical\", \"robust\" (HC1), \"hc0\", \"hc1\", \"hc2\" or \"hc3\"; for clusters use cluster = col")
            }
            o.seKind = k
        }
        if let opt = call.options.first(where: { $0.name == "cluster" }) {
            let items: [Expr]
            if case .list(let xs, _) = opt.value { items = xs } else { items = [opt.value] }
            guard (1...2).contains(items.count) else { throw Diagnostic(.value, "cluster takes one column or two ([a, b])", at: opt.value.span) }
            if o.seKind != .classical { throw Diagnostic(.value, "give either se = … or cluster = …, not both", at: opt.span) }
            for e in items {
                let name = try ev.columnName(e, verb: "cluster =")
                let column = try ev.requireColumn(t, name, at: e.span)
                o.clusters.append((name, codes(column)))
            }
        }
        return o
    }

    /// Integer codes of a column's values (−1 for missing), in order of first appearance.
    static func codes(_ column: Column) -> [Int] {
        var seen: [String: Int] = [:]
        return (0..<column.count).map { i in
            if column.isNull(i) { return -1 }
            let key = "\(column[i])"
            if let c = seen[key] { return c }
            seen[key] = seen.count
            return seen.count - 1
        }
    }

    /// Whether row i has a weight and every cluster code.
    func complete(_ i: Int) -> Bool {
        if let w = weights, w.values[i].isNaN { return false }
        return clusters.allSatisfy { $0.codes[i] >= 0 }
    }

    /// The covariance kind restricted to the kept rows.
    func covariance(keeping rows: [Int]) -> CovarianceKind {
        clusters.isEmpty ? seKind : .cluster(clusters.map { c in rows.map { c.codes[$0] } })
    }

    /// A phrase for the summary: "analytic weights w; clustered (CR1, 40 clusters) by firm".
    func label(_ kind: CovarianceKind) -> String? {
        var parts: [String] = []
        if let w = weights { parts.append("analytic weights \(w.name)") }
        if kind != .classical { parts.append("standard errors \(kind.label)" + (clusters.isEmpty ? "" : " by \(clusters.map(\.name).joined(separator: " and "))")) }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }
}
