import Foundation
import MSNBoost
import MSNLanguage
import MSNTable

/// `evaluate m on t`, `predict m on t`, `importance m`, `explain m [on t]`.
enum ModelVerbs {
    /// The boosted model named by the first argument or piped in, and the table after `on`.
    static func operands(_ ev: inout Evaluator, _ call: VerbCall, _ input: Value?, needsTable: Bool) throws -> (any PredictiveModel, Table?) {
        try ev.checkOptions(call)
        var modelValue: Value? = nil
        var table: Table? = nil
        if let input {
            if case .model = input { modelValue = input } else if case .table(let t) = input { table = t }
        }
        if modelValue == nil, let first = call.arguments.first { modelValue = try ev.evaluate(first.value) }
        guard let modelValue else {
            throw Diagnostic(.value, "\(call.name) needs a fitted model", at: call.nameSpan, hint: "\(call.name) m on test")
        }
        guard case .model(let m) = modelValue, let boost = m as? any PredictiveModel else {
            throw Diagnostic(.type, "\(call.name) needs a fitted model (boost, linear or logistic), but it was given \(modelValue.kindPhrase)", at: call.nameSpan)
        }
        if table == nil, let on = call.on?.first {
            guard case .table(let t) = try ev.evaluate(on) else { throw Diagnostic(.type, "\(call.name) … on needs a table", at: on.span) }
            table = t
        }
        if needsTable && table == nil {
            throw Diagnostic(.value, "\(call.name) needs the rows to score", at: call.nameSpan, hint: "\(call.name) m on test")
        }
        if let table {
            try ModelInputCheck.checkScoring(table, columns: boost.inputColumns, verb: call.name, at: call.on?.first?.span ?? call.nameSpan)
        }
        return (boost, table)
    }

    static func scores(_ m: any PredictiveModel, _ t: Table, at span: SourceSpan) throws -> [[Double]] {
        do { return try m.score(t) } catch let e as TableError {
            throw Diagnostic(.value, "the table does not fit the model: \(e.description)", at: span)
        }
    }

    static func boost(_ m: any PredictiveModel, _ call: VerbCall) throws -> BoostModelValue {
        guard let b = m as? BoostModelValue else {
            throw Diagnostic(.type, "\(call.name) needs a model from fit boost; for a \(m.kind) model, display it to see its coefficients", at: call.nameSpan)
        }
        return b
    }

    static let evaluate: VerbImplementation = { ev, call, input in
        let (m, table) = try operands(&ev, call, input, needsTable: false)
        guard let t = table else {
            if let cv = (m as? BoostModelValue)?.crossValidation { return .table(cv) }
            throw Diagnostic(.value, "evaluate needs the rows to score", at: call.nameSpan, hint: "evaluate m on test, or fit with folds = 5 for cross-validation")
        }
        guard let yc = t.column(named: m.target) else {
            throw Diagnostic(.unknownName, "the table has no column '\(m.target)' (the model's target)", at: call.nameSpan)
        }
        let labels = try targetLabels(yc, of: m, at: call.nameSpan)
        let scored = try scores(m, t, at: call.nameSpan)
        let keep = labels.indices.filter { i in !labels[i].isNaN && !scored.contains { $0[i].isNaN } }
        let unscored = labels.indices.filter { i in !labels[i].isNaN }.count - keep.count
        if unscored > 0 {
            ev.sideOutputs.append(.warning(Diagnostic(.data, "\(unscored) row\(unscored == 1 ? "" : "s") with a missing predictor could not be scored and \(unscored == 1 ? "is" : "are") left out of the metrics", at: call.nameSpan, severity: .warning), source: nil))
        }
        let p = scored.map { col in keep.map { col[$0] } }
        let y = keep.map { labels[$0] }
        if m.task == .binary, let (value, span) = try ev.option(call, "optimism") {
            let method = try EvaluateOptimism.method(&ev, call, value, at: span)
            do { return .table(try EvaluateOptimism.table(&ev, call, model: m, training: t, method: method)) } catch let e as RefitError {
                throw Diagnostic(.model, "\(e)", at: call.nameSpan)
            }
        }
        if m.task == .binary {
            let out = try EvaluateBinary.table(&ev, call, labels: y, probabilities: p[0])
            if let metric = out.column(named: "metric"), let value = out.column(named: "value") {
                let undefined = (0..<out.rowCount).compactMap { i -> String? in
                    guard value.isNull(i), case .string(let name) = metric[i] else { return nil }
                    return name
                }
                if !undefined.isEmpty {
                    ev.sideOutputs.append(.warning(Diagnostic(.value, "\(undefined.joined(separator: ", ")) cannot be computed on these \(y.count) rows (a class is missing or never predicted); shown as null", at: call.nameSpan, severity: .warning), source: nil))
                }
            }
            return .table(out)
        }
        if let o = call.options.first {
            throw Diagnostic(.value, "\(o.name) applies to models of a binary outcome; this model's target is \(m.task == .multiclass ? "multiclass" : "numeric")", at: o.span)
        }
        let metrics: [(String, Double)]
        switch m.task {
        case .binary: metrics = Metrics.binary(labels: y, probabilities: p[0])
        case .multiclass: metrics = Metrics.multiclass(labels: y, probabilities: p)
        case .regression:
            var r = Metrics.regression(labels: y, predictions: p[0])
            // A linear probability model (0/1 target): also accuracy at 0.5 and AUC, to set beside classifiers.
            if Set(y) == [0, 1] {
                let hits = zip(y, p[0]).filter { ($1 >= 0.5 ? 1.0 : 0.0) == $0 }.count
                r += [("accuracy", Double(hits) / Double(y.count)), ("auc", Metrics.auc(labels: y, scores: p[0]))]
            }
            metrics = r
        }
        let undefined = metrics.filter { $0.1.isNaN }.map(\.0)
        if !undefined.isEmpty {
            ev.sideOutputs.append(.warning(Diagnostic(.value, "\(undefined.joined(separator: ", ")) cannot be computed on these \(y.count) rows (a class is missing or never predicted); shown as null", at: call.nameSpan, severity: .warning), source: nil))
        }
        return .table(try Table([("metric", .string(StringColumn(metrics.map(\.0)))), ("value", Column.float(metrics.map(\.1), nanIsNull: true))]))
    }

    /// The scored rows' target as the model's class numbers: text through the model's own levels (a
    /// subset of rows may lack some levels), numbers as they are (a subset may hold one class only).
    static func targetLabels(_ column: Column, of m: any PredictiveModel, at span: SourceSpan) throws -> [Double] {
        if let levels = m.levels {
            guard case .string(let s) = column else {
                throw Diagnostic(.type, "the model's target '\(m.target)' was text (\(levels.joined(separator: ", "))), but here it is \(column.type.description)", at: span)
            }
            let index = Dictionary(uniqueKeysWithValues: levels.enumerated().map { ($1, Double($0)) })
            if let unseen = s.strings.compactMap({ $0 }).first(where: { index[$0] == nil }) {
                throw Diagnostic(.value, "the target '\(m.target)' has the level '\(unseen)', which the model never saw", at: span,
                                 hint: "levels in training: \(levels.joined(separator: ", "))")
            }
            return s.strings.map { $0.flatMap { index[$0] } ?? .nan }
        }
        guard let d = column.doubles() else { throw Diagnostic(.type, "the model's target '\(m.target)' must be numbers here", at: span) }
        return d
    }

    static let predict: VerbImplementation = { ev, call, input in
        let (m, table) = try operands(&ev, call, input, needsTable: true)
        guard let t = table else { return .scalar(.null) }
        let p = try scores(m, t, at: call.nameSpan)
        var out = t
        switch m.task {
        case .regression:
            out = try out.adding(".pred", Column.float(p[0], nanIsNull: true))
        case .binary:
            let cls: [Int?] = p[0].map { $0.isNaN ? nil : ($0 >= 0.5 ? 1 : 0) }
            out = try out.adding(".pred", m.levels.map { l in .string(StringColumn(cls.map { $0.map { l[$0] } })) }
                ?? .int(TypedColumn<Int64>(optionals: cls.map { $0.map(Int64.init) })))
            out = try out.adding(".prob", Column.float(p[0], nanIsNull: true))
        case .multiclass:
            let n = p[0].count
            let best = (0..<n).map { i in (0..<p.count).max { p[$0][i] < p[$1][i] } ?? 0 }
            out = try out.adding(".pred", m.levels.map { l in .string(StringColumn(best.map { l[$0] })) } ?? .int(TypedColumn(best.map(Int64.init))))
            out = try out.adding(".prob", .float(TypedColumn((0..<n).map { p[best[$0]][$0] })))
        }
        return .table(out)
    }

    static let importance: VerbImplementation = { ev, call, input in
        let (any, _) = try operands(&ev, call, input, needsTable: false)
        let m = try boost(any, call)
        let imp = m.model.importance()
        return .table(try Table([
            ("feature", .string(StringColumn(imp.map(\.feature)))), ("gain", .float(TypedColumn(imp.map(\.gain)))),
            ("cover", .float(TypedColumn(imp.map(\.cover)))), ("splits", .float(TypedColumn(imp.map(\.splits)))),
            ("bar", .string(StringColumn(imp.map { String(repeating: "█", count: Int(($0.gain * 40).rounded())) }))),
        ]))
    }

    static let explain: VerbImplementation = { ev, call, input in
        let (any, table) = try operands(&ev, call, input, needsTable: false)
        let m = try boost(any, call)
        guard m.model.objective != .multiclass else {
            throw Diagnostic(.value, "explain covers binary and regression models in this version", at: call.nameSpan)
        }
        let names = m.model.featureNames
        if let (value, span) = try ev.option(call, "interactions") {
            guard case .scalar(.bool(let on)) = value else { throw Diagnostic(.type, "interactions must be true or false", at: span) }
            if on {
                guard let t = table else {
                    throw Diagnostic(.value, "explain … with interactions = true needs the rows to explain", at: call.nameSpan, hint: "explain m on test with interactions = true")
                }
                return .table(try ExplainInteractions.table(m, t, at: call.nameSpan))
            }
        }
        if let t = table {
            let x: [[Double]]
            do { x = try m.encoding.matrix(t) } catch let e as TableError {
                throw Diagnostic(.value, "the table does not fit the model: \(e.description)", at: call.nameSpan)
            }
            let rows = (0..<t.rowCount).map { i in TreeSHAP.contributions(m.model, row: x.map { $0[i] })[0] }
            var pairs: [(String, Column)] = [("row", .int(TypedColumn((1...max(1, t.rowCount)).prefix(t.rowCount).map(Int64.init))))]
            for (j, name) in names.enumerated() { pairs.append((name, .float(TypedColumn(rows.map { $0[j] })))) }
            pairs.append(("base_value", .float(TypedColumn(rows.map { $0[names.count] }))))
            pairs.append(("margin", .float(TypedColumn(rows.map { $0.reduce(0, +) }))))
            return .table(try Table(pairs))
        }
        // Mean |SHAP| over the training rows: the global ranking.
        let x = m.trainingFeatures
        let n = x.first?.count ?? 0
        var sums = [Double](repeating: 0, count: names.count)
        for i in 0..<n {
            let phi = TreeSHAP.contributions(m.model, row: x.map { $0[i] })[0]
            for j in 0..<names.count { sums[j] += abs(phi[j]) }
        }
        let ranked = names.indices.sorted { sums[$0] > sums[$1] }
        return .table(try Table([
            ("feature", .string(StringColumn(ranked.map { names[$0] }))),
            ("mean_abs_shap", .float(TypedColumn(ranked.map { sums[$0] / Double(max(1, n)) }))),
        ]))
    }
}
