import Foundation
import MSNBoost
import MSNLanguage
import MSNPlot
import MSNPLS
import MSNSEM
import MSNStats
import MSNTable

/// The model charts of `plot`: importance, shap, dependence, roc (boosted and regression models),
/// path (SEM), ladder and transfer (comparison reports).
extension PlotVerb {
    static func modelPlot(_ ev: inout Evaluator, _ ctx: inout PlotCall, _ input: Value?) throws -> Figure {
        var values: [(Value, Expr?)] = []
        if let input, ctx.args.isEmpty || ctx.kind == "dependence" { values.append((input, nil)) }
        if values.isEmpty, let first = ctx.args.first {
            ctx.args.removeFirst()
            if case .list(let items, _) = first { values = try items.map { (try ev.evaluate($0), $0) } }
            else { values = [(try ev.evaluate(first), first)] }
        }
        guard let (value, expr) = values.first else {
            throw Diagnostic(.value, "plot \(ctx.kind) needs a model or report", at: ctx.call.nameSpan, hint: "usage: \(ctx.usage)")
        }
        let span = expr?.span ?? ctx.call.nameSpan
        switch ctx.kind {
        case "importance":
            let b = try boost(value, ctx, span)
            let imp = b.model.importance()
            return try BarChart.horizontal(categories: imp.map(\.feature), values: imp.map(\.gain), valueName: "share of the gain",
                                           title: "What the trees rely on: importance (gain share) for \(b.target)", percent: true, options: ctx.options)
        case "shap", "dependence":
            let b = try boost(value, ctx, span)
            guard b.model.objective != .multiclass else {
                throw Diagnostic(.model, "SHAP plots cover binary and regression models in this version", at: span)
            }
            let t = try scoredTable(&ev, ctx)
            let x: [[Double]]
            do { x = try b.encoding.matrix(t) } catch let e as TableError {
                throw Diagnostic(.value, "the table does not fit the model: \(e.description)", at: ctx.call.on?.first?.span ?? span)
            }
            let names = b.model.featureNames
            var shap = [[Double]](repeating: [Double](repeating: 0, count: t.rowCount), count: names.count)
            for i in 0..<t.rowCount {
                try ev.checkCancelled(ctx.call.span)
                let phi = TreeSHAP.contributions(b.model, row: x.map { $0[i] })[0]
                for j in names.indices { shap[j][i] = phi[j] }
            }
            if ctx.kind == "shap" { return try Beeswarm.draw(features: names, shap: shap, values: x, options: ctx.options) }
            let colorExpr = ctx.colorArgument()
            guard let fe = ctx.args.first else {
                throw Diagnostic(.syntax, "plot dependence needs the feature to show", at: ctx.call.nameSpan, hint: "plot dependence m \(names.first ?? "x") on test")
            }
            func feature(_ e: Expr) throws -> Int {
                let n = try ev.columnName(e, verb: "plot dependence")
                guard let j = names.firstIndex(of: n) else {
                    throw Diagnostic(.unknownName, "the model has no feature '\(n)'", at: e.span, hint: Diagnostic.didYouMean(n, in: names) ?? "features: \(names.joined(separator: ", "))")
                }
                return j
            }
            let j = try feature(fe)
            var color = PointColor.none
            if let ce = colorExpr { let k = try feature(ce); color = .values(x[k], name: names[k]) }
            var o = ctx.options
            o.title = o.title ?? "How \(names[j]) moves the prediction (SHAP dependence)"
            return try ScatterChart.scatter(x: x[j], y: shap[j], xName: names[j], yName: "SHAP value of \(names[j])", color: color, kind: "dependence", options: o)
        case "roc":
            let t = try scoredTable(&ev, ctx)
            var curves: [(label: String, labels: [Double], scores: [Double])] = []
            for (k, (v, e)) in values.enumerated() {
                guard case .model(let any) = v, let m = any as? any PredictiveModel else {
                    throw Diagnostic(.type, "plot roc needs fitted models (boost, logistic or linear), but it was given \(v.kindPhrase)", at: e?.span ?? span)
                }
                guard m.task == .binary || m.task == .regression else {
                    throw Diagnostic(.model, "a ROC curve needs a two-class target; this model has \(m.levels?.count ?? 3) classes", at: e?.span ?? span)
                }
                guard let yc = t.column(named: m.target) else {
                    throw Diagnostic(.unknownName, "the table has no column '\(m.target)' (the model's target)", at: ctx.call.on?.first?.span ?? span)
                }
                let y = try ModelVerbs.targetLabels(yc, of: m, at: e?.span ?? span)
                let p = try ModelVerbs.scores(m, t, at: e?.span ?? span)
                var label = "model \(k + 1)"
                if let e, case .name(let n, _) = e { label = n }
                curves.append((label, y, p[0]))
            }
            return try LineChart.roc(curves, options: ctx.options)
        case "event":
            guard case .model(let any) = value, let e = any as? EventModelValue else {
                throw Diagnostic(.type, "plot event draws a fitted event study, but it was given \(value.kindPhrase)", at: span,
                                 hint: "e = fit event y ~ treat(adopt_year) | firm + year on panel, then plot event e")
            }
            let t = try e.study.table()
            let periods = (0..<t.rowCount).map { Int(t[$0, "period"].doubleValue ?? 0) }
            return try EventChart.draw(periods: periods, estimates: t.column(named: "estimate")?.doubles() ?? [],
                                       lower: t.column(named: "ci_lower")?.doubles() ?? [], upper: t.column(named: "ci_upper")?.doubles() ?? [],
                                       reference: e.study.specification.reference, response: e.study.specification.response, options: ctx.options)
        case "path":
            if case .model(let any) = value, let p = any as? PLSModelValue {
                return try PathDiagram.draw(plsPathModel(p.fit, bootstrap: p.bootstrap), options: ctx.options)
            }
            guard case .model(let any) = value, let s = any as? SEMModelValue else {
                throw Diagnostic(.type, "plot path draws a fitted SEM or PLS model, but it was given \(value.kindPhrase)", at: span, hint: "s = fit sem on t { … }, then plot path s")
            }
            return try PathDiagram.draw(try pathModel(s.fit), options: ctx.options)
        default:
            guard case .model(let any) = value, let report = any as? ComparisonReport else {
                throw Diagnostic(.type, "plot \(ctx.kind) draws a report from compare regions, but it was given \(value.kindPhrase)", at: span, hint: "usage: \(ctx.usage)")
            }
            let partName = ctx.kind
            guard let part = report.part(partName) else {
                let from = ctx.kind == "ladder" ? "a fitted SEM (compare regions s by region on firms)" : "a fitted model (compare regions m by region on firms)"
                throw Diagnostic(.value, "this report has no '\(partName)' table (it has \(report.parts.map(\.name).joined(separator: ", ")))", at: span, hint: "the \(partName) comes from comparing \(from)")
            }
            if ctx.kind == "ladder" {
                let steps = part.column(named: "step").map { c in (0..<c.count).map { CellFormat.format(c[$0], digits: 6) } } ?? []
                return try LadderChart.draw(steps: steps, cfi: part.column(named: "cfi")?.doubles() ?? [], rmsea: part.column(named: "rmsea")?.doubles() ?? [], options: ctx.options)
            }
            let rows = part.column(named: "trained_on").map { c in (0..<c.count).map { CellFormat.format(c[$0], digits: 6) } } ?? []
            let cols = part.columnNames.filter { $0 != "trained_on" }
            let m = rows.indices.map { i in cols.map { part.column(named: $0)?.doubles()?[i] ?? .nan } }
            return try Heatmap.draw(rows: rows, columns: cols, values: m, kind: "transfer", title: "Does the model travel? Trained on a row's region, scored on a column's",
                                    desc: "Transfer matrix (\(report.subject)): each cell scores a model trained on the row's region on the column's region; the diagonal is cross-validated within the region.",
                                    diverging: false, xName: "scored on", yName: "trained on", options: ctx.options)
        }
    }

    static func boost(_ v: Value, _ ctx: PlotCall, _ span: SourceSpan) throws -> BoostModelValue {
        guard case .model(let any) = v, let b = any as? BoostModelValue else {
            let hint = v.kindName.hasPrefix("model:linear") || v.kindName.hasPrefix("model:logistic")
                ? "a \(v.kindName.dropFirst(6)) model's coefficients are in its display; plot \(ctx.kind) needs a model from fit boost (plot roc works for it)"
                : "fit one with: m = fit boost y ~ . on train"
            throw Diagnostic(.type, "plot \(ctx.kind) needs boosted trees, but it was given \(v.kindPhrase)", at: span, hint: hint)
        }
        return b
    }

    /// The table after `on`, with rows.
    static func scoredTable(_ ev: inout Evaluator, _ ctx: PlotCall) throws -> Table {
        guard let on = ctx.call.on?.first else {
            throw Diagnostic(.value, "plot \(ctx.kind) needs the rows to score", at: ctx.call.nameSpan, hint: "usage: \(ctx.usage)")
        }
        guard case .table(let t) = try ev.evaluate(on) else { throw Diagnostic(.type, "plot \(ctx.kind) … on needs a table", at: on.span) }
        guard t.rowCount > 0 else { throw Diagnostic(.value, "the table after 'on' has no rows", at: on.span) }
        return t
    }

    /// A fitted SEM's standardized solution as a diagram (the first group of a multi-group fit).
    static func pathModel(_ fit: SEMFit) throws -> PathModel {
        let rows = try fit.estimateRows().filter { $0.group <= 1 }
        func edge(_ r: EstimateRow, _ from: String, _ to: String) -> PathModel.Edge {
            PathModel.Edge(from, to, estimate: r.stdAll ?? r.est, pvalue: r.pvalue ?? .nan)
        }
        var residuals: [String: Double] = [:]
        var covariances: [PathModel.Edge] = []
        let latents = fit.table.latents
        for r in rows where r.op == "~~" {
            if r.lhs == r.rhs {
                // Exogenous latents have variances, not residuals: a latent is drawn with a loop only if it is an outcome.
                if !latents.contains(r.lhs) || rows.contains(where: { $0.op == "~" && $0.lhs == r.lhs }) { residuals[r.lhs] = r.stdAll ?? r.est }
            } else {
                covariances.append(edge(r, r.lhs, r.rhs))
            }
        }
        return PathModel(latents: latents,
                         loadings: rows.filter { $0.op == "=~" }.map { edge($0, $0.lhs, $0.rhs) },
                         regressions: rows.filter { $0.op == "~" }.map { edge($0, $0.rhs, $0.lhs) },
                         covariances: covariances, residuals: residuals)
    }

    /// A fitted PLS model as a diagram: loadings of `=~` constructs, outer weights of `<~` composites (arrows
    /// into the composite), path coefficients, and 1 − R² at each endogenous construct; stars from the
    /// bootstrap (z = estimate / bootstrap SE) when the model was fitted with se = "bootstrap".
    static func plsPathModel(_ fit: PLSFit, bootstrap: PLSBootstrapResult?) -> PathModel {
        func p(_ kind: String, _ lhs: String, _ rhs: String, _ est: Double) -> Double {
            guard let b = bootstrap, let i = b.parameters.firstIndex(where: { $0.kind == kind && $0.lhs == lhs && $0.rhs == rhs }),
                  b.intervals[i].se > 0 else { return .nan }
            return Distributions.twoSidedNormalP(est / b.intervals[i].se)
        }
        var loadings: [PathModel.Edge] = []
        var formative: Set<String> = []
        for (k, c) in fit.spec.constructs.enumerated() {
            let mode = c.mode == .b
            if mode { formative.insert(c.name) }
            for (t, item) in c.items.enumerated() {
                let est = mode ? fit.weights[k][t] : fit.loadings[k][t]
                loadings.append(PathModel.Edge(c.name, item, estimate: est, pvalue: p(mode ? "weight" : "loading", c.name, item, est)))
            }
        }
        let paths = fit.spec.paths.enumerated().map { i, path in
            PathModel.Edge(path.from, path.to, estimate: fit.pathCoefficients[i], pvalue: p("path", path.to, path.from, fit.pathCoefficients[i]))
        }
        var residuals: [String: Double] = [:]
        for r in fit.rSquared { residuals[r.construct] = 1 - r.r2 }
        var m = PathModel(latents: fit.constructNames, loadings: loadings, regressions: paths, covariances: [], residuals: residuals)
        m.formative = formative
        return m
    }
}
