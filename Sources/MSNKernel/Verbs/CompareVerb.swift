import Foundation
import MSNLanguage
import MSNTable

/// `compare regions …`: the same question asked of each region.
///
/// - `compare regions t by region on a, b, c [with pairwise = true]`: the variables across regions (form 1).
/// - `compare regions m by region on t [with folds = 5] [seed S]`: a fitted boost, linear or logistic
///   model refitted in each region (form 2).
/// - `compare regions s by region on t`: a fitted SEM's measurement-invariance ladder and its
///   structural paths compared between regions (form 3).
/// - `compare regions p by region on t [with draws, permutations, seed, threads]`: a fitted PLS model's
///   PLS-MGA and MICOM (form 4, ComparePLS).
enum CompareVerb {
    static let kinds = ["regions"]

    static let run: VerbImplementation = { ev, call, input in
        var arguments = call.arguments.map(\.value)
        // `compare regions (firms | filter …) by …` parses as a call of `regions`: unwrap it.
        if case .call(let name, let inner, let span)? = arguments.first, inner.count == 1 {
            arguments = [.name(name, span)] + inner + arguments.dropFirst()
        }
        guard let first = arguments.first, case .name(let kind, let span) = first else {
            throw Diagnostic(.syntax, "compare needs what to compare", at: call.nameSpan,
                             hint: "compare regions firms by region on export_volume, sentiment")
        }
        guard kinds.contains(kind) else {
            throw Diagnostic(.unknownName, "compare '\(kind)' is not available", at: span,
                             hint: Diagnostic.didYouMean(kind, in: kinds) ?? "available: compare regions")
        }
        let subjectValue: Value
        let subjectSpan: SourceSpan
        if let input {
            guard arguments.count == 1 else {
                throw Diagnostic(.syntax, "compare regions takes the table or model from the pipe or after 'regions', not both",
                                 at: arguments[1].span)
            }
            subjectValue = input
            subjectSpan = call.nameSpan
        } else {
            guard arguments.count == 2 else {
                throw Diagnostic(.syntax, arguments.count < 2 ? "compare regions needs a table or a fitted model"
                                 : "compare regions takes one table or model", at: arguments.count < 2 ? span : arguments[2].span,
                                 hint: "compare regions firms by region on export_volume, sector  or  compare regions m by region on firms")
            }
            subjectValue = try ev.evaluate(arguments[1])
            subjectSpan = arguments[1].span
        }
        switch subjectValue {
        case .table(let t):
            return .model(try CompareData.run(&ev, call, table: t))
        case .model(let m):
            if let sem = m as? SEMModelValue {
                return .model(try CompareSEM.run(&ev, call, model: sem, at: subjectSpan))
            }
            if let pls = m as? PLSModelValue {
                return .model(try ComparePLS.run(&ev, call, model: pls, at: subjectSpan))
            }
            guard let predictive = m as? any PredictiveModel else {
                throw Diagnostic(.type, "a \(m.kind) model cannot be compared across regions", at: subjectSpan,
                                 hint: "compare regions works on a table, or on a model from fit boost, fit linear or fit logistic")
            }
            return .model(try CompareModels.run(&ev, call, model: predictive))
        default:
            throw Diagnostic(.type, "compare regions needs a table or a fitted model, but it was given \(subjectValue.kindPhrase)", at: subjectSpan)
        }
    }

    /// The grouping column named by `by`, checked: one column, known, at least two levels.
    static func regions(_ ev: inout Evaluator, _ call: VerbCall, _ t: Table) throws -> RegionSplit {
        guard let by = call.by, by.count == 1, let expr = by.first else {
            throw Diagnostic(.syntax, "compare regions needs one grouping column after 'by'", at: call.by?.last?.span ?? call.nameSpan,
                             hint: "compare regions firms by region on export_volume")
        }
        let name = try ev.columnName(expr, verb: "compare regions")
        let column = try ev.requireColumn(t, name, at: expr.span)
        let split = RegionSplit(column: column, name: name)
        guard split.labels.count >= 2 else {
            throw Diagnostic(.value, "the grouping column '\(name)' has \(split.labels.isEmpty ? "no values" : "a single level ('\(split.labels[0])')"); there is nothing to compare",
                             at: expr.span, hint: "group by a column with two or more values")
        }
        if split.nullRows > 0 {
            ev.sideOutputs.append(.warning(Diagnostic(.data, "\(split.nullRows) row\(split.nullRows == 1 ? "" : "s") without a \(name) \(split.nullRows == 1 ? "was" : "were") left out",
                                                      at: expr.span, severity: .warning), source: ev.source))
        }
        return split
    }
}

/// The rows of each region: labels in natural order (text alphabetically, numbers by value); rows
/// whose region is null belong to none and are counted.
struct RegionSplit {
    /// The grouping column's name.
    let name: String
    /// Region labels, in order.
    let labels: [String]
    /// Row indices of each region, ascending.
    let rows: [[Int]]
    /// Rows with no region.
    let nullRows: Int

    init(column: Column, name: String) {
        self.name = name
        var keyOf: [String: Int] = [:]
        var keys: [(label: String, order: Double)] = []
        var members: [[Int]] = []
        var nulls = 0
        let numbers = column.doubles()
        for i in 0..<column.count {
            let cell = column[i]
            if cell.isNull { nulls += 1; continue }
            let label: String
            if case .string(let s) = cell { label = s } else { label = cell.description }
            if let k = keyOf[label] { members[k].append(i); continue }
            keyOf[label] = keys.count
            keys.append((label, numbers?[i] ?? 0))
            members.append([i])
        }
        let order = keys.indices.sorted { a, b in
            numbers == nil ? keys[a].label < keys[b].label : keys[a].order < keys[b].order
        }
        labels = order.map { keys[$0].label }
        rows = order.map { members[$0] }
        nullRows = nulls
    }

    /// Every row that has a region, ascending.
    var allRows: [Int] { rows.flatMap { $0 }.sorted() }
}
