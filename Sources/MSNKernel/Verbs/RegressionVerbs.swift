import Foundation
import MSNBoost
import MSNLanguage
import MSNStats
import MSNTable

/// `fit linear y ~ a * b + c on t` and `fit logistic y ~ … on t`, with `weights = w`, `se = "robust"`,
/// `cluster = col | [a, b]` (`RegressionOptions`).
enum RegressionVerbs {
    static func fitter(logistic: Bool) -> FitVerb.Fitter {
        return { ev, call, input in
            let t = try ev.inputTable(call, input)
            let options = try RegressionOptions.parse(&ev, call, t)
            guard call.arguments.count >= 2, case .binary("~", let lhs, let rhs, _) = call.arguments[1].value else {
                throw Diagnostic(.syntax, "fit \(logistic ? "logistic" : "linear") needs a formula", at: call.nameSpan, hint: "fit linear y ~ a + b on t")
            }
            guard case .name(let target, let targetSpan) = lhs, let yc = t.column(named: target) else {
                throw Diagnostic(.unknownName, "the left of ~ must be a column of the table", at: lhs.span, hint: Diagnostic.didYouMean(ev.label(lhs), in: t.columnNames))
            }
            _ = targetSpan
            let terms = try RegressionTerms.resolve(rhs, table: t, target: target)
            var y: [Double]
            var levels: [String]? = nil
            if logistic {
                let encoded = try BoostVerbs.encodeTarget(yc, name: target, override: nil, at: lhs.span)
                guard encoded.objective == .binary else {
                    throw Diagnostic(.value, "fit logistic needs a 0/1 or two-level target; '\(target)' has more values", at: lhs.span)
                }
                y = encoded.labels
                levels = encoded.levels
            } else {
                guard let d = yc.doubles() else { throw Diagnostic(.type, "fit linear needs a numeric target; '\(target)' is text", at: lhs.span) }
                y = d
            }
            let (x, complete) = try terms.design(t)
            let keep = (0..<t.rowCount).filter { complete[$0] && !y[$0].isNaN && options.complete($0) }
            if keep.count < t.rowCount {
                ev.sideOutputs.append(.warning(Diagnostic(.data, "\(t.rowCount - keep.count) rows with missing values were left out", at: nil, severity: .warning), source: nil))
            }
            let design = DesignMatrix(names: x.names, columns: x.columns.map { c in keep.map { c[$0] } })
            y = keep.map { y[$0] }
            let weights = options.weights.map { w in keep.map { w.values[$0] } }
            let kind = options.covariance(keeping: keep)
            func warn(_ text: String) { ev.sideOutputs.append(.warning(Diagnostic(.model, text, at: call.nameSpan, severity: .warning), source: nil)) }
            do {
                if logistic {
                    let f = try LogisticRegression(design: design, response: y, weights: weights, covariance: kind)
                    if let w = f.separationWarning { warn(w) }
                    if let w = EventsPerVariable.warning(labels: y, parameters: design.names.filter { $0 != "(Intercept)" }.count) { warn(w) }
                    if f.conditionNumber > LinearRegression.conditionWarningThreshold { warn(LinearRegression.conditionWarning(f.conditionNumber)) }
                    return .model(RegressionModelValue(fit: .logistic(f), target: target, terms: terms, levels: levels, rows: keep.count, inference: options.label(kind)))
                }
                let f = try LinearRegression(design: design, response: y, weights: weights, covariance: kind)
                for w in f.warnings { warn(w) }
                return .model(RegressionModelValue(fit: .linear(f), target: target, terms: terms, levels: nil, rows: keep.count, inference: options.label(kind)))
            } catch let e as RegressionError {
                throw Diagnostic(.model, e.description, at: call.arguments[1].value.span)
            }
        }
    }
}
