import Foundation
import MSNBoost
import MSNLanguage
import MSNStats
import MSNTable

/// Form 2 of `compare regions`: a fitted boost, linear or logistic model refitted in each region.
/// Parts: `transfer` (trained on the row's region, scored on the column's; the diagonal by k-fold
/// cross-validation), `pooled` (the model itself scored in each region) and `drivers` (gain shares or
/// coefficients, pooled and per region).
enum CompareModels {
    static func run(_ ev: inout Evaluator, _ call: VerbCall, model m: any PredictiveModel) throws -> ComparisonReport {
        try ev.checkOptions(call, form: "model")
        var k = 5
        if let (v, span) = try ev.option(call, "folds") {
            guard case .scalar(let c) = v, let d = c.doubleValue, d == d.rounded(), d >= 2, d <= 1e9 else {
                throw Diagnostic(.value, "folds must be a whole number from 2 to 1,000,000,000", at: span)
            }
            k = Int(d)
        }
        let seed = try ev.seed(call)
        let (t, onSpan) = try CompareRows.table(&ev, call, model: "m")
        let refitter = try RegionRefitter(m)
        for name in refitter.columns where t.column(named: name) == nil {
            throw Diagnostic(.unknownName, "the table has no column '\(name)', which the model uses", at: onSpan,
                             hint: Diagnostic.didYouMean(name, in: t.columnNames) ?? "the model was fitted on a table with \(name)")
        }
        let split = try CompareVerb.regions(&ev, call, t)
        let byName = split.name
        guard !refitter.columns.contains(byName) else {
            throw Diagnostic(.value, "'\(byName)' is in the model; a model that uses the region cannot be refitted within regions",
                             at: call.by?.first?.span ?? call.nameSpan, hint: "fit the model without \(byName), then compare")
        }
        let usable: [Bool]
        do { usable = try refitter.usableRows(t) } catch let e as TableError {
            throw Diagnostic(.value, "the table does not fit the model: \(e.description)", at: onSpan)
        }
        let dropped = split.allRows.filter { !usable[$0] }.count
        if dropped > 0 {
            ev.sideOutputs.append(.warning(Diagnostic(.data, "\(dropped) row\(dropped == 1 ? "" : "s") with a missing target\(m is BoostModelValue ? "" : " or predictor") left out",
                                                      at: onSpan, severity: .warning), source: ev.source))
        }
        let regionTables = split.rows.map { rows in t.take(rows.filter { usable[$0] }) }
        try check(regionTables, split: split, refitter: refitter, folds: k, at: call, onSpan: onSpan)

        // Fit in each region, score everywhere; the diagonal is cross-validated.
        let labels = split.labels
        var fits: [RegionRefitter.Fitted] = []
        var transfer = [[Double]](repeating: [Double](repeating: .nan, count: labels.count), count: labels.count)
        var current = 0
        do {
            for (a, ta) in regionTables.enumerated() {
                current = a
                try ev.checkCancelled(call.nameSpan)
                let fitted = try refitter.fit(ta)
                if let w = fitted.warning {
                    ev.sideOutputs.append(.warning(Diagnostic(.model, "in region '\(labels[a])': \(w)", at: call.nameSpan, severity: .warning), source: ev.source))
                }
                fits.append(fitted)
                for (b, tb) in regionTables.enumerated() where b != a { transfer[a][b] = try refitter.metric(of: fitted.model, on: tb) }
                transfer[a][a] = try refitter.crossValidated(ta, folds: k, seed: seed)
            }
        } catch let e as RegressionError {
            throw Diagnostic(.model, "refitting in region '\(labels[current])': \(e.description)", at: call.nameSpan,
                             hint: "leave the region out (| filter \(byName) != \"\(labels[current])\") or simplify the formula")
        } catch let e as BoostError {
            throw Diagnostic(.model, "refitting in region '\(labels[current])': \(e.description)", at: call.nameSpan)
        } catch let e as TableError {
            throw Diagnostic(.value, "the table does not fit the model: \(e.description)", at: onSpan)
        }
        let pooled = try regionTables.map { try refitter.metric(of: m, on: $0) }
        let tables = try CompareModelTables(refitter: refitter, regions: labels, sizes: regionTables.map(\.rowCount),
                                            transfer: transfer, pooled: pooled, fits: fits)
        return ComparisonReport(subject: "\(m.kind) model", paragraph: tables.paragraph(model: m, by: byName, folds: k), parts: tables.parts)
    }

    /// Enough rows, both classes and every text level in every region — or a diagnostic naming the region.
    static func check(_ tables: [Table], split: RegionSplit, refitter: RegionRefitter, folds k: Int, at call: VerbCall, onSpan: SourceSpan) throws {
        let needed = max(10, k, 2 * (refitter.coefficientCount ?? 0))
        let span = call.by?.first?.span ?? call.nameSpan
        let leaveOut = { (region: String) in "leave it out (| filter \(split.name) != \"\(region)\")" }
        for (t, region) in zip(tables, split.labels) {
            if t.rowCount < needed {
                let why = needed == k ? "\(k)-fold cross-validation" : (needed == 10 ? "refitting the model" : "refitting \(refitter.coefficientCount ?? 0) coefficients")
                throw Diagnostic(.data, "region '\(region)' has \(t.rowCount) usable row\(t.rowCount == 1 ? "" : "s"); \(why) needs at least \(needed)",
                                 at: span, hint: needed == k ? "use fewer folds (with folds = 5) or \(leaveOut(region))" : leaveOut(region))
            }
            if refitter.pooled.task == .binary {
                let y = refitter.labels(t)
                for c in [0.0, 1.0] where y.filter({ $0 == c }).count < 2 {
                    let level = refitter.pooled.levels.map { "'\($0[Int(c)])'" } ?? "\(Int(c))"
                    throw Diagnostic(.data, "region '\(region)' has \(y.filter { $0 == c }.count) row\(y.filter { $0 == c }.count == 1 ? "" : "s") with \(refitter.pooled.target) = \(level); a classifier needs at least 2 of each class in every region",
                                     at: span, hint: leaveOut(region))
                }
            }
            for (column, levels) in refitter.textLevels {
                guard case .string(let s)? = t.column(named: column) else { continue }
                let present = Set(s.strings.compactMap { $0 })
                let missing = levels.filter { !present.contains($0) }
                if !missing.isEmpty {
                    throw Diagnostic(.data, "region '\(region)' has no rows with \(column) = \(missing.map { "'\($0)'" }.joined(separator: ", ")), a level the model uses; the region's model could not estimate it",
                                     at: span, hint: "filter that level out before fitting and comparing (| filter \(column) != \"\(missing[0])\"), or drop \(column) from the formula")
                }
            }
        }
    }
}
