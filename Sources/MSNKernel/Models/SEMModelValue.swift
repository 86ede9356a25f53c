import Foundation
import MSNSEM
import MSNStats
import MSNTable

/// A fitted SEM as a language value: displays a lavaan-like summary; `estimates`, `fitmeasures`,
/// `rsquare`, `modindices` and `reliability` turn it into tables.
struct SEMModelValue: ModelValue {
    let fit: SEMFit
    /// The model in lavaan syntax, as written (for refits such as the invariance ladder).
    var model = ""
    /// The options it was fitted with.
    var options = SEMOptions()
    /// The grouping column, for several groups.
    var groupColumn: String?
    /// The group_equal keywords.
    var groupEqual: [String] = []
    /// Bootstrap intervals, when fitted with se = "bootstrap".
    var bootstrap: SEMBootstrapResult?
    var kind: String { "sem" }
    var shape: String {
        "\(fit.table.latents.count) latent, \(fit.table.observed.count) observed, \(fit.n) rows\(fit.isMultiGroup ? ", \(fit.groups.count) groups" : "")"
    }
    var summary: ModelSummary {
        let fm = Dictionary(uniqueKeysWithValues: fit.fitMeasures().map { ($0.name, $0.value) })
        func v(_ name: String) -> Double { fm[name] ?? .nan }
        var items: [ModelSummary.Item] = [
            .init("iterations", .int(fit.iterations)),
            .init("observations", .int(fit.n), note: fit.droppedRows > 0 ? "\(fit.droppedRows) rows dropped" : nil),
            .init("free parameters", .int(fit.table.freeCount)),
        ]
        if fit.isMultiGroup {
            items.append(.init("groups (\(groupColumn ?? "group"))", .text(fit.groups.map { "\($0.label) \($0.n)" }.joined(separator: ", "))))
            items.append(.init("equal across groups", .text(groupEqual.isEmpty ? "nothing (configural)" : groupEqual.joined(separator: ", "))))
        }
        if fit.missing == .fiml {
            items.append(.init("missing values", .text("full-information ML over \(fit.groups.reduce(0) { $0 + $1.patterns }) missing-data patterns (observed-information SEs)")))
        }
        items += [
            .init("chi-square", .number(v("chisq"), decimals: 3),
                  note: fit.isMultiGroup ? fit.groups.map { "\($0.label) \(SummaryValue.number(v("chisq.\($0.label)"), decimals: 3).formatted)" }.joined(separator: ", ") : nil),
            .init("df", .int(fit.df)),
            .init("p", .pValue(v("pvalue"))),
            .init("CFI", .bounded(v("cfi"), decimals: 3), note: SEMTables.verdict("cfi", v("cfi"))),
            .init("TLI", .bounded(v("tli"), decimals: 3), note: SEMTables.verdict("tli", v("tli"))),
            .init("RMSEA", .bounded(v("rmsea"), decimals: 3), note: SEMTables.verdict("rmsea", v("rmsea"))),
            .init("RMSEA 90% CI", .interval(v("rmsea.ci.lower"), v("rmsea.ci.upper"), decimals: 3, bounded: true)),
            .init("RMSEA p-close", .pValue(v("rmsea.pvalue"))),
            .init("SRMR", .bounded(v("srmr"), decimals: 3), note: SEMTables.verdict("srmr", v("srmr"))),
            .init("AIC", .number(v("aic"), decimals: 1)),
            .init("BIC", .number(v("bic"), decimals: 1)),
        ]
        if fit.robust != nil {
            let robust = fit.missing == .listwise
            items += [
                .init("scaled chi-square", .number(v("chisq.scaled"), decimals: 3), note: "Yuan–Bentler, scaling factor \(SummaryValue.number(v("chisq.scaling.factor"), decimals: 3).formatted)"),
                .init("scaled p", .pValue(v("pvalue.scaled"))),
                .init(robust ? "robust CFI" : "scaled CFI", .number(v(robust ? "cfi.robust" : "cfi.scaled"), decimals: 3), note: SEMTables.verdict("cfi", v(robust ? "cfi.robust" : "cfi.scaled"))),
                .init(robust ? "robust TLI" : "scaled TLI", .number(v(robust ? "tli.robust" : "tli.scaled"), decimals: 3), note: SEMTables.verdict("tli", v(robust ? "tli.robust" : "tli.scaled"))),
                .init(robust ? "robust RMSEA" : "scaled RMSEA", .number(v(robust ? "rmsea.robust" : "rmsea.scaled"), decimals: 3), note: SEMTables.verdict("rmsea", v(robust ? "rmsea.robust" : "rmsea.scaled"))),
            ]
        }
        var warnings = fit.warnings
        if let b = bootstrap, b.failed + b.notConverged > 0 {
            warnings.append("\(b.failed) bootstrap draws failed and \(b.notConverged) did not converge; they are left out of the intervals")
        }
        if let b = bootstrap {
            items.append(.init("bootstrap draws", .int(b.draws), note: "seed \(b.seed); \(b.draws - b.failed - b.notConverged) used; 95% percentile and BCa intervals in estimates"))
        }
        let title = fit.estimator == .mlr ? "SEM fitted by robust maximum likelihood (MLR: sandwich SEs, Yuan–Bentler scaled chi-square)"
            : "SEM fitted by maximum likelihood (lavaan defaults)"
        return ModelSummary(title: title, items: items,
                            warnings: warnings, table: try? SEMTables.estimates(fit, compact: true))
    }
}

/// Tables made from a fitted SEM.
enum SEMTables {
    /// A plain-words verdict under the usual cut-offs (Hu & Bentler 1999; Browne & Cudeck 1993).
    static func verdict(_ measure: String, _ v: Double) -> String? {
        switch measure {
        case "cfi", "tli": return v >= 0.95 ? "good (≥ .95)" : (v >= 0.90 ? "acceptable (≥ .90)" : "poor (< .90)")
        case "rmsea": return v <= 0.06 ? "good (≤ .06)" : (v <= 0.08 ? "acceptable (≤ .08)" : "poor (> .08)")
        case "srmr": return v <= 0.08 ? "good (≤ .08)" : "poor (> .08)"
        default: return nil
        }
    }

    static func estimates(_ fit: SEMFit, compact: Bool = false) throws -> Table {
        let rows = try fit.estimateRows()
        func col(_ f: (EstimateRow) -> Double?) -> Column { .float(TypedColumn(optionals: rows.map(f))) }
        var pairs: [(String, Column)] = [
            ("lhs", .string(StringColumn(rows.map(\.lhs)))), ("op", .string(StringColumn(rows.map(\.op)))),
            ("rhs", .string(StringColumn(rows.map(\.rhs)))),
        ]
        if fit.isMultiGroup { pairs.append(groupColumn(fit, rows.map(\.group))) }
        if !compact { pairs.append(("label", .string(StringColumn(rows.map { $0.label.isEmpty ? nil : $0.label })))) }
        pairs += [("est", col { $0.est }), ("se", col { $0.se }), ("z", col { $0.z }), ("pvalue", col { $0.pvalue })]
        if !compact { pairs += [("ci_lower", col { $0.ciLower }), ("ci_upper", col { $0.ciUpper }), ("std_lv", col { $0.stdLV })] }
        pairs.append(("std_all", col { $0.stdAll }))
        if !compact {
            // Delta-method 95% intervals of std_all, as lavaan's standardizedSolution().
            let se = fit.standardizedAllSE()
            let z = 1.959963984540054
            let lo = zip(rows, se).map { r, s in r.stdAll.flatMap { v in s.map { v - z * $0 } } }
            let hi = zip(rows, se).map { r, s in r.stdAll.flatMap { v in s.map { v + z * $0 } } }
            pairs += [("std_all_ci_lower", .float(TypedColumn(optionals: lo))), ("std_all_ci_upper", .float(TypedColumn(optionals: hi)))]
        }
        return try Table(pairs)
    }

    static func fitMeasures(_ fit: SEMFit) throws -> Table {
        let m = fit.fitMeasures()
        return try Table([
            ("measure", .string(StringColumn(m.map(\.name)))),
            ("value", .float(TypedColumn(m.map(\.value), validity: Bitmap(m.map { !$0.value.isNaN })))),
            ("verdict", .string(StringColumn(m.map { verdict($0.name, $0.value) }))),
        ])
    }

    /// The `group` column (labels; null for defined parameters).
    static func groupColumn(_ fit: SEMFit, _ groups: [Int]) -> (String, Column) {
        ("group", .string(StringColumn(groups.map { $0 > 0 ? fit.groupLabel($0) : nil })))
    }

    static func rSquare(_ fit: SEMFit) throws -> Table {
        let r = fit.rSquare()
        var pairs: [(String, Column)] = fit.isMultiGroup ? [groupColumn(fit, r.map(\.group))] : []
        pairs += [("variable", .string(StringColumn(r.map(\.variable)))), ("r2", .float(TypedColumn(r.map(\.r2))))]
        return try Table(pairs)
    }

    static func modIndices(_ fit: SEMFit) throws -> Table {
        let m = try fit.modificationIndices()
        var pairs: [(String, Column)] = [
            ("lhs", .string(StringColumn(m.map(\.lhs)))), ("op", .string(StringColumn(m.map(\.op)))), ("rhs", .string(StringColumn(m.map(\.rhs)))),
        ]
        if fit.isMultiGroup { pairs.append(groupColumn(fit, m.map(\.group))) }
        return try Table(pairs + [
            ("mi", .float(TypedColumn(m.map(\.mi)))),
            ("epc", .float(TypedColumn(m.map(\.epc)))), ("sepc_all", .float(TypedColumn(m.map(\.sepcAll)))),
        ])
    }

    static func reliability(_ fit: SEMFit) throws -> Table {
        var out: Table?
        for g in 1...fit.groups.count {
            var part = try reliability(fit, group: g)
            if fit.isMultiGroup {
                let (name, col) = groupColumn(fit, [Int](repeating: g, count: part.rowCount))
                part = try Table([(name, col)] + zip(part.columnNames, part.columns).map { ($0, $1) })
            }
            if let previous = out { out = try previous.concatenating(part) } else { out = part }
        }
        guard let out else { return try reliability(fit, group: 1) }
        return out
    }

    /// Reliability, Fornell–Larcker and HTMT of one group.
    static func reliability(_ fit: SEMFit, group: Int) throws -> Table {
        let r = fit.reliability(group: group)
        let (fs, fl) = fit.fornellLarcker(group: group)
        let (_, h) = fit.htmt(group: group)
        var pairs: [(String, Column)] = [
            ("factor", .string(StringColumn(r.map(\.factor)))), ("items", .int(TypedColumn(r.map { Int64($0.indicators) }))),
            ("alpha", .float(TypedColumn(r.map(\.alpha)))), ("cr", .float(TypedColumn(r.map(\.compositeReliability)))),
            ("ave", .float(TypedColumn(r.map(\.ave)))),
        ]
        let index = r.map { f in fs.firstIndex(of: f.factor) ?? 0 }
        for (j, g) in fs.enumerated() {
            pairs.append(("fl_\(g)", .float(TypedColumn(index.map { fl[$0, j] }))))
        }
        for (j, g) in fs.enumerated() {
            pairs.append(("htmt_\(g)", .float(TypedColumn<Double>(optionals: index.map { $0 == j ? nil : h[$0, j] }))))
        }
        return try Table(pairs)
    }
}
