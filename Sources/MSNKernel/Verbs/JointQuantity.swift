import MSNBoost
import MSNLanguage
import MSNStats
import MSNTable

/// The quantitative side of a joint display: a model's predictions (with each firm's strongest SHAP
/// driver for a boosted model) or a column of the firms, and the per-theme comparison.
struct JointQuantity {
    /// Column name in the display ("predicted", or the outcome column).
    var name: String
    /// What it is, in words.
    var description: String
    /// How sentences name it ("predicted probability").
    var phrase: String
    /// One value per interviewed firm (NaN when missing).
    var values: [Double]
    /// "sentiment (−0.84)" per firm, for a boosted model.
    var topDriver: [String]?
    /// The model's target, shown beside the prediction when the firms have it.
    var target: String?
    /// What sentences compare, for the catalogue: "probability", "prediction" (of `target`) or "column" (`name`).
    var kind = "column"

    static func compute(_ ev: inout Evaluator, _ call: VerbCall, _ firms: Table) throws -> JointQuantity {
        if let o = call.options.first(where: { $0.name == "model" }) {
            guard case .model(let any) = try ev.evaluate(o.value), let m = any as? any PredictiveModel else {
                throw Diagnostic(.type, "model = … needs a fitted boost, linear or logistic model", at: o.value.span)
            }
            guard m.task != .multiclass else { throw Diagnostic(.value, "joint displays binary and numeric models, not multiclass ones", at: o.value.span) }
            let p = try ModelVerbs.scores(m, firms, at: o.value.span)[0]
            var drivers: [String]? = nil
            if let b = m as? BoostModelValue {
                let x = try b.encoding.matrix(firms)
                let names = b.model.featureNames
                drivers = (0..<firms.rowCount).map { i in
                    let phi = TreeSHAP.contributions(b.model, row: x.map { $0[i] })[0]
                    guard let j = names.indices.max(by: { abs(phi[$0]) < abs(phi[$1]) }) else { return "" }
                    return "\(names[j]) (\(phi[j] >= 0 ? "+" : "−")\(MixedMethodsSupport.fixed(abs(phi[j]))))"
                }
            }
            let what = m.task == .binary ? "predicted P(\(m.target) = \(m.levels?.last ?? "1")) from the \(m.kind) model" : "predicted \(m.target) from the \(m.kind) model"
            let phrase = m.task == .binary ? "predicted probability" : "predicted \(m.target)"
            return JointQuantity(name: "predicted", description: what, phrase: phrase, values: p, topDriver: drivers, target: m.target,
                                 kind: m.task == .binary ? "probability" : "prediction")
        }
        if let o = call.options.first(where: { $0.name == "outcome" }) {
            let (name, span) = try MixedMethodsSupport.columnName(o.value, verb: "joint … with outcome =")
            let c = try ev.requireColumn(firms, name, at: span)
            guard c.type != .string else { throw Diagnostic(.type, "outcome = \(name) must be a number column", at: span) }
            return JointQuantity(name: name, description: "the firms' \(name)", phrase: name, values: MixedMethodsSupport.numbers(c), topDriver: nil, target: nil)
        }
        throw Diagnostic(.value, "joint needs the quantitative result to set beside the themes", at: call.nameSpan,
                         hint: "with model = m (predicted probability and top SHAP driver) or with outcome = exported")
    }

    /// For each theme: mean of the quantity with and without it, the difference, Welch's CI and p (the
    /// sentences come from `MixedMethodsInterpretation.joint`).
    static func convergence(themes: [String], present: [[Bool?]], matched: [Int], values: [Double]) throws -> Table {
        var rows: [(theme: String, nWith: Int, nWithout: Int, with: Double, without: Double, w: WelchTwoSample, pattern: String)] = []
        for (k, theme) in themes.enumerated() {
            var a: [Double] = [], b: [Double] = []
            for (pos, i) in matched.enumerated() where values[pos].isFinite {
                if let p = present[k][i] { if p { a.append(values[pos]) } else { b.append(values[pos]) } }
            }
            let w = WelchTwoSample(a, b)
            let mean = { (x: [Double]) in x.isEmpty ? Double.nan : x.reduce(0, +) / Double(x.count) }
            let pattern = !w.lower.isFinite ? "too few firms to compare" : w.upper < 0 ? "lower with the theme" : w.lower > 0 ? "higher with the theme" : "no clear difference"
            rows.append((theme, a.count, b.count, mean(a), mean(b), w, pattern))
        }
        return try Table([
            ("theme", MixedMethodsSupport.texts(rows.map(\.theme))),
            ("n_with", MixedMethodsSupport.ints(rows.map(\.nWith))), ("n_without", MixedMethodsSupport.ints(rows.map(\.nWithout))),
            ("mean_with", MixedMethodsSupport.floats(rows.map(\.with))), ("mean_without", MixedMethodsSupport.floats(rows.map(\.without))),
            ("difference", MixedMethodsSupport.floats(rows.map(\.w.difference))),
            ("ci_lower", MixedMethodsSupport.floats(rows.map(\.w.lower))), ("ci_upper", MixedMethodsSupport.floats(rows.map(\.w.upper))),
            ("t", MixedMethodsSupport.floats(rows.map(\.w.t))), ("df", MixedMethodsSupport.floats(rows.map(\.w.df))),
            ("p", MixedMethodsSupport.floats(rows.map(\.w.p))), ("pattern", MixedMethodsSupport.texts(rows.map(\.pattern))),
        ])
    }
}
