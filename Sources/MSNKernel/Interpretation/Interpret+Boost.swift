import Foundation
import MSNBoost
import MSNTable

/// Interpretations of a boosted-tree model: what it predicts, how well against the base rate, the
/// top drivers, cautions; and one firm's prediction explained by its SHAP values.
enum BoostInterpretation {
    /// What the templates need from a fitted model (testable without fitting one).
    struct Facts {
        var target: String
        var trees: Int
        var features: Int
        /// "binary", "multiclass" or "regression".
        var objective: String
        /// Share of positive rows in training (binary), from the base margin.
        var positiveRate: Double?
        var trainLoss: Double
        var validLoss: Double?
        /// Features by gain share, largest first.
        var drivers: [(String, Double)]
        /// Number of classes (multiclass).
        var classes: Int? = nil
    }

    static func facts(_ m: BoostModelValue) -> Facts {
        let model = m.model
        let objective = model.objective == .binary ? "binary" : model.objective == .multiclass ? "multiclass" : "regression"
        var rate: Double? = nil
        if model.objective == .binary, model.options.baseScore == nil, !m.balancedWeights, let b = model.baseMargin.first {
            rate = 1 / (1 + Foundation.exp(-b))
        }
        return Facts(target: m.target, trees: model.rounds.count, features: model.featureNames.count, objective: objective,
                     positiveRate: rate, trainLoss: model.history.last?.train ?? .nan, validLoss: model.history.last?.valid ?? nil,
                     drivers: model.importance().map { ($0.feature, $0.gain) },
                     classes: model.objective == .multiclass ? model.baseMargin.count : nil)
    }

    /// The model, judged on its training rows (and validation rows when it has them); `test`, when
    /// given, is the `evaluate` table on held-out rows.
    static func model(_ f: Facts, test: Table?, _ c: InterpretContext) -> [String] {
        let top = f.drivers.prefix(3)
        if c.isOwner {
            var s = [c.t("boost.o.what", ["features": String(f.features), "target": f.target])]
            if let test { s += TableInterpretation.evaluate(test, c) } else { s.append(c.t("boost.o.untested")) }
            s.append(c.t("boost.o.drivers", ["list": c.list(top.map(\.0))]))
            s.append(c.t("boost.o.action"))
            return [s.joined(separator: " ")]
        }
        var out = [c.t("boost.r.what", ["trees": String(f.trees), "features": String(f.features), "target": f.target])]
        var how: [String] = []
        if test != nil {
            // Judged on held-out rows below; the training figures would only distract.
        } else if f.objective == "binary", let rate = f.positiveRate {
            let baseline = -(rate * Foundation.log(rate) + (1 - rate) * Foundation.log(1 - rate))
            how.append(c.t("boost.r.train.binary", ["loss": c.fixed(f.trainLoss, 3), "baseline": c.fixed(baseline, 3), "rate": c.percent(rate)]))
        } else if f.objective == "regression" {
            how.append(c.t("boost.r.train.regression", ["loss": c.fixed(f.trainLoss, 3)]))
        } else if f.objective == "multiclass", let k = f.classes, k > 1 {
            how.append(c.t("boost.r.train.multiclass", ["k": String(k), "loss": c.fixed(f.trainLoss, 3), "uniform": c.fixed(Foundation.log(Double(k)), 3)]))
        }
        if let v = f.validLoss, test == nil {
            how.append(c.t("boost.r.valid", ["metric": f.objective == "regression" ? "RMSE" : "log loss", "value": c.fixed(v, 3)]))
        }
        if !how.isEmpty { out.append(how.joined(separator: " ")) }
        if let test { out += TableInterpretation.evaluate(test, c) }
        out.append(c.t("boost.r.drivers", ["list": c.list(top.map { "\($0.0) (\(c.percent($0.1)))" })]))
        var cautions: [String] = []
        if let rate = f.positiveRate {
            let r = c.percent(rate)
            cautions.append(rate < 0.3 || rate > 0.7
                ? c.t("boost.r.imbalance", ["rate": r, "majority": c.percent(max(rate, 1 - rate))])
                : c.t("boost.r.balanced", ["rate": r]))
        }
        cautions.append(c.t("caution.association"))
        out.append(cautions.joined(separator: " "))
        return out
    }

    /// One row explained: SHAP contributions (margin scale), the base value, the row's feature values.
    struct Row {
        var target: String
        /// The class named "positive" (level 1) for classifiers; nil for regression.
        var positive: String?
        var features: [String]
        var values: [String]
        var contributions: [Double]
        var base: Double
        var rows: Int
    }

    static func explain(_ r: Row, _ c: InterpretContext) -> [String] {
        let binary = r.positive != nil
        let link = { (m: Double) -> Double in binary ? 1 / (1 + Foundation.exp(-m)) : m }
        let margin = r.base + r.contributions.reduce(0, +)
        let prediction = link(margin), base = link(r.base)
        let outcome = binary ? "\(r.target) = \(r.positive ?? "1")" : r.target
        let down = r.contributions.indices.filter { r.contributions[$0] < 0 }.min { r.contributions[$0] < r.contributions[$1] }
        let up = r.contributions.indices.filter { r.contributions[$0] > 0 }.max { r.contributions[$0] < r.contributions[$1] }
        let scale = c.word(binary ? "scale.logodds" : "scale.outcome")
        let show = { (p: Double) -> String in binary ? c.fixed(p, 2) : c.fixed(p, 3) }
        if c.isOwner {
            let name = { (i: Int?) -> String in i.map { r.features[$0] } ?? c.word("nothing") }
            return [c.t("explain.o", ["p": binary ? c.percent(prediction) : show(prediction), "outcome": outcome,
                                      "base": binary ? c.percent(base) : show(base), "down": name(down), "up": name(up)])]
        }
        var s = [c.t(binary ? "explain.r.binary" : "explain.r.regression", ["outcome": outcome, "p": show(prediction), "base": show(base)])]
        if let d = down {
            s.append(c.t("explain.r.down", ["feature": r.features[d], "value": r.values[d], "shap": c.fixed(r.contributions[d], 2), "scale": scale]))
        }
        if let u = up {
            s.append(c.t("explain.r.up", ["feature": r.features[u], "value": r.values[u], "shap": "+" + c.fixed(r.contributions[u], 2), "scale": scale]))
        }
        if r.rows > 1 { s.append(c.t("explain.r.rows", ["n": String(r.rows)])) }
        return [s.joined(separator: " "), c.t("caution.association")]
    }

    /// The first row of `t` explained by `m`.
    static func row(_ m: BoostModelValue, _ t: Table) throws -> Row {
        let x = try m.encoding.matrix(t)
        let first = x.map { $0.first ?? .nan }
        let phi = TreeSHAP.contributions(m.model, row: first)[0]
        let names = m.model.featureNames
        let values = names.map { n -> String in
            guard let col = t.column(named: n), t.rowCount > 0 else { return "null" }
            let cell = col[0]
            if case .float(let v) = cell { return CellFormat.number(v, digits: 4) }
            return cell.isNull ? "null" : cell.description
        }
        let positive = m.model.objective == .binary ? (m.levels.map { $0.count > 1 ? $0[1] : "1" } ?? "1") : nil
        return Row(target: m.target, positive: positive, features: names, values: values,
                   contributions: Array(phi.prefix(names.count)), base: phi.count > names.count ? phi[names.count] : 0, rows: t.rowCount)
    }
}
