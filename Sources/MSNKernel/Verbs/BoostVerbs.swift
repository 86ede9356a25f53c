import Foundation
import MSNBoost
import MSNLanguage
import MSNTable

/// `fit boost y ~ x1 + x2 [on t] [with trees = 300, depth = 4, rate = 0.05, …]` and the verbs that use
/// a fitted model: `evaluate`, `predict`, `importance`, `explain`.
enum BoostVerbs {
    static let optionNames = ["trees", "depth", "leaves", "rate", "lambda", "alpha", "gamma", "min_child_weight", "subsample",
                              "colsample", "bins", "seed", "objective", "weights", "scale_pos_weight", "valid", "early_stop", "folds", "categorical"]

    /// The target as numbers for the objective, with text levels when the target is text.
    static func encodeTarget(_ column: Column, name: String, override: String?, at span: SourceSpan) throws -> (labels: [Double], objective: Objective, classes: Int, levels: [String]?) {
        if case .string(let s) = column {
            let levels = Array(Set(s.strings.compactMap { $0 })).sorted()
            guard levels.count >= 2 else {
                throw Diagnostic(.value, "the target '\(name)' has only one level (\(levels.first ?? "none")); there is nothing to predict", at: span)
            }
            let index = Dictionary(uniqueKeysWithValues: levels.enumerated().map { ($1, Double($0)) })
            return (s.strings.map { $0.flatMap { index[$0] } ?? .nan }, levels.count == 2 ? .binary : .multiclass, levels.count, levels)
        }
        guard let d = column.doubles() else { throw Diagnostic(.type, "the target must be numbers or text", at: span) }
        let distinct = Set(d.filter { !$0.isNaN })
        guard distinct.count >= 2 else { throw Diagnostic(.value, "the target '\(name)' is constant; there is nothing to learn", at: span) }
        var objective: Objective = .regression
        var classes = 1
        if distinct.isSubset(of: [0, 1]) { objective = .binary; classes = 2 }
        else if distinct.allSatisfy({ $0 == $0.rounded() && $0 >= 0 }), let top = distinct.max(), top < 20, distinct.count == Int(top) + 1, distinct.count >= 3 {
            objective = .multiclass; classes = distinct.count
        }
        switch override {
        case nil: break
        case "regression": objective = .regression; classes = 1
        case "binary": guard distinct.isSubset(of: [0, 1]) else { throw Diagnostic(.value, "objective \"binary\" needs a 0/1 target", at: span) }; objective = .binary
        case "multiclass": guard objective == .multiclass || objective == .binary else { throw Diagnostic(.value, "objective \"multiclass\" needs class numbers 0, 1, 2, …", at: span) }; objective = .multiclass
        default: throw Diagnostic(.value, "objective is \"binary\", \"multiclass\" or \"regression\"", at: span)
        }
        return (d, objective, classes, nil)
    }

    static let fit: FitVerb.Fitter = { ev, call, input in
        try ev.checkOptions(call, form: "boost")
        let t = try ev.inputTable(call, input)
        guard call.arguments.count >= 2 else {
            throw Diagnostic(.syntax, "fit boost needs a formula", at: call.nameSpan, hint: "fit boost exported ~ sentiment + fx_volatility on train")
        }
        let formula = try ModelFormula.resolve(call.arguments[1].value, table: t)
        var options = BoostOptions()
        options.seed = try ev.seed(call)
        var objectiveOverride: String? = nil
        var weightsBalanced = false
        var valid: Table? = nil
        var folds: Int? = nil
        var native = true
        for o in call.options {
            let v = try ev.evaluate(o.value)
            func number() throws -> Double {
                guard case .scalar(let c) = v, let d = c.doubleValue else { throw Diagnostic(.type, "\(o.name) must be a number", at: o.value.span) }
                return d
            }
            func whole(_ min: Int) throws -> Int {
                let d = try number()
                guard d == d.rounded(), d >= Double(min), d <= 1e9 else { throw Diagnostic(.value, "\(o.name) must be a whole number from \(min) to 1,000,000,000", at: o.value.span) }
                return Int(d)
            }
            switch o.name {
            case "trees": options.trees = try whole(1)
            case "depth": options.depth = try whole(0)
            case "leaves": options.leaves = try whole(2)
            case "rate": options.rate = try number()
            case "lambda": options.lambda = try number()
            case "alpha": options.alpha = try number()
            case "gamma": options.gamma = try number()
            case "min_child_weight": options.minChildWeight = try number()
            case "subsample": options.subsample = try number()
            case "colsample": options.colsample = try number()
            case "bins": options.bins = try whole(2)
            case "seed": options.seed = UInt64(try whole(0))
            case "scale_pos_weight": options.scalePosWeight = try number()
            case "early_stop": options.earlyStop = try whole(1)
            case "folds": folds = try whole(2)
            case "categorical":
                guard case .scalar(.string(let s)) = v, s == "native" || s == "onehot" else {
                    throw Diagnostic(.value, "categorical is \"native\" or \"onehot\"", at: o.value.span)
                }
                native = s == "native"
            case "objective":
                guard case .scalar(.string(let s)) = v else { throw Diagnostic(.type, "objective is a string", at: o.value.span) }
                objectiveOverride = s
            case "weights":
                guard case .scalar(.string("balanced")) = v else { throw Diagnostic(.value, "weights = \"balanced\" is the only weighting", at: o.value.span) }
                weightsBalanced = true
            case "valid":
                guard case .table(let vt) = v else { throw Diagnostic(.type, "valid must be a table", at: o.value.span) }
                valid = vt
            default: break
            }
        }
        guard let targetColumn = t.column(named: formula.target) else { throw Diagnostic(.unknownName, "unknown column", at: call.nameSpan) }
        let target = try encodeTarget(targetColumn, name: formula.target, override: objectiveOverride, at: call.arguments[1].value.span)
        // Rows with a missing target are dropped.
        let keep = target.labels.indices.filter { !target.labels[$0].isNaN }
        guard !keep.isEmpty else { throw Diagnostic(.value, "the training table has no rows with a target value", at: call.nameSpan) }
        let train = keep.count == t.rowCount ? t : t.take(keep)
        if keep.count < t.rowCount {
            ev.sideOutputs.append(.warning(Diagnostic(.data, "\(t.rowCount - keep.count) rows with a missing \(formula.target) were left out", at: nil, severity: .warning), source: nil))
        }
        let labels = keep.map { target.labels[$0] }
        options.objective = target.objective
        options.classes = target.classes
        let encoding = FeatureEncoding.fit(train, columns: formula.predictors, native: native)
        let features = try encoding.matrix(train)
        options.categorical = encoding.categoricalFeatures
        if native {
            for s in encoding.sources where (s.levels?.count ?? 0) > FeatureEncoding.maxNativeLevels {
                ev.sideOutputs.append(.warning(Diagnostic(.data, "'\(s.column)' has \(s.levels?.count ?? 0) levels, more than the \(FeatureEncoding.maxNativeLevels) a native categorical split takes; it is one-hot encoded", at: nil, severity: .warning), source: nil))
            }
        }
        var weights: [Double]? = nil
        if weightsBalanced {
            var counts: [Double: Double] = [:]
            for y in labels { counts[y, default: 0] += 1 }
            let k = Double(counts.count), n = Double(labels.count)
            weights = labels.map { n / (k * (counts[$0] ?? 1)) }
        }
        var validation: ([[Double]], [Double])? = nil
        if let valid {
            guard let vc = valid.column(named: formula.target) else { throw Diagnostic(.unknownName, "the validation table has no column '\(formula.target)'", at: call.nameSpan) }
            let vl = try encodeTarget(vc, name: formula.target, override: objectiveOverride, at: call.nameSpan).labels
            validation = (try encoding.matrix(valid), vl)
        } else if options.earlyStop != nil {
            throw Diagnostic(.value, "early_stop needs a validation table", at: call.nameSpan, hint: "with valid = test, early_stop = 20")
        }
        if let k = folds, k > labels.count, let o = call.options.first(where: { $0.name == "folds" }) {
            throw Diagnostic(.value, "folds = \(k) needs at least \(k) rows with a target, but there are \(labels.count)", at: o.value.span,
                             hint: "every fold is tested on at least one row; use folds = 5 or 10")
        }
        do {
            let token = ev.cancellation
            let stop: @Sendable () -> Bool = { token.isCancelled }
            let model = try BoostModel.train(features: features, names: encoding.names, labels: labels, weights: weights,
                                             options: options, validation: validation, shouldStop: stop)
            let cv = try folds.map { try crossValidate(k: $0, features: features, labels: labels, weights: weights, options: options, shouldStop: stop) }
            return .model(BoostModelValue(model: model, target: formula.target, encoding: encoding, levels: target.levels,
                                          trainingFeatures: features, crossValidation: cv, balancedWeights: weightsBalanced))
        } catch let e as BoostError {
            throw Diagnostic(.model, e.description, at: call.nameSpan)
        }
    }

    /// k-fold cross-validation (seeded fold assignment) of the primary metric: AUC, accuracy or RMSE.
    static func crossValidate(k: Int, features: [[Double]], labels: [Double], weights: [Double]?, options: BoostOptions,
                              shouldStop: (@Sendable () -> Bool)? = nil) throws -> Table {
        var order = Array(labels.indices)
        var rng = SeededGenerator(seed: options.seed &+ 7919)
        rng.shuffle(&order)
        var foldOf = [Int](repeating: 0, count: labels.count)
        for (position, row) in order.enumerated() { foldOf[row] = position % k }
        var values: [Double] = []
        let name = options.objective == .binary ? "auc" : (options.objective == .multiclass ? "accuracy" : "rmse")
        for fold in 0..<k {
            let trainRows = labels.indices.filter { foldOf[$0] != fold }, testRows = labels.indices.filter { foldOf[$0] == fold }
            let m = try BoostModel.train(features: features.map { c in trainRows.map { c[$0] } }, names: features.indices.map { "f\($0)" },
                                         labels: trainRows.map { labels[$0] }, weights: weights.map { w in trainRows.map { w[$0] } }, options: options,
                                         shouldStop: shouldStop)
            let tf = features.map { c in testRows.map { c[$0] } }, tl = testRows.map { labels[$0] }
            let p = m.predict(tf)
            let metrics: [(String, Double)]
            switch options.objective ?? .regression {
            case .binary: metrics = Metrics.binary(labels: tl, probabilities: p[0])
            case .multiclass: metrics = Metrics.multiclass(labels: tl, probabilities: p)
            case .regression: metrics = Metrics.regression(labels: tl, predictions: p[0])
            }
            values.append(metrics.first { $0.0 == name }?.1 ?? .nan)
        }
        return try Table([
            ("fold", .int(TypedColumn((1...k).map(Int64.init)))),
            ("metric", .string(StringColumn([String?](repeating: name, count: k)))),
            ("value", .float(TypedColumn(values))),
        ])
    }
}
