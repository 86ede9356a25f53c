import Foundation
import MSNBoost
import MSNLanguage
import MSNStats
import MSNTable

/// `synergy m on t [seed N]`: which drivers of a boosted model work together. Pairs are ranked by mean
/// |SHAP interaction|, with Friedman's H² (seeded sample of 100 rows) for the ten strongest; the three
/// strongest are tested by refitting a linear (numeric target) or logistic (0/1 target) regression on
/// the model's features with and without the pair's product (likelihood-ratio test, 1 df).
enum SynergyVerb {
    static let run: VerbImplementation = { ev, call, input in
        let (any, table) = try ModelVerbs.operands(&ev, call, input, needsTable: true)
        let m = try ModelVerbs.boost(any, call)
        guard m.model.objective != .multiclass, let t = table else {
            throw Diagnostic(.value, "synergy covers binary and regression boosted models", at: call.nameSpan)
        }
        let x: [[Double]]
        do { x = try m.encoding.matrix(t) } catch let e as TableError {
            throw Diagnostic(.value, "the table does not fit the model: \(e.description)", at: call.nameSpan)
        }
        let seed = try ev.seed(call)
        let pairs = Synergy.pairs(m.model, rows: (0..<t.rowCount).map { i in x.map { $0[i] } }, seed: seed)
        let pairTable = try Table([
            ("feature", .string(StringColumn(pairs.map(\.feature)))), ("with", .string(StringColumn(pairs.map(\.with)))),
            ("mean_abs_interaction", .float(TypedColumn(pairs.map(\.meanAbsInteraction)))), ("h2", .float(TypedColumn(pairs.map(\.hSquared)))),
        ])
        let tests = try likelihoodRatioTests(m, x, t, Array(pairs.prefix(3)), at: call.nameSpan)
        return .model(ComparisonReport(subject: "synergy", paragraph: paragraph(pairs, tests), parts: [("pairs", pairTable), ("tests", tests.table)]))
    }

    /// LR tests of the product term for each pair, on complete rows.
    static func likelihoodRatioTests(_ m: BoostModelValue, _ x: [[Double]], _ t: Table, _ pairs: [PairInteraction],
                                     at span: SourceSpan) throws -> (table: Table, p: [Double]) {
        guard let yc = t.column(named: m.target), var y = yc.doubles() else {
            throw Diagnostic(.value, "synergy needs the target '\(m.target)' as a numeric column of the table", at: span)
        }
        if let levels = m.levels, case .string(let s) = yc { y = s.strings.map { $0 == nil ? .nan : ($0 == levels.last ? 1 : 0) } }
        let names = m.model.featureNames
        let keep = (0..<y.count).filter { i in !y[i].isNaN && x.allSatisfy { !$0[i].isNaN } }
        let base = [[Double](repeating: 1, count: keep.count)] + x.map { c in keep.map { c[$0] } }
        let yk = keep.map { y[$0] }
        func logLikelihood(_ columns: [[Double]], _ names: [String]) throws -> Double {
            let d = DesignMatrix(names: names, columns: columns)
            if m.model.objective == .binary { return try LogisticRegression(design: d, response: yk).logLikelihood }
            let f = try LinearRegression(design: d, response: yk)
            return Double(columns.count) - f.aic / 2
        }
        var lr: [Double] = [], p: [Double] = []
        do {
            let l0 = try logLikelihood(base, ["(Intercept)"] + names)
            for pair in pairs {
                guard let j = names.firstIndex(of: pair.feature), let k = names.firstIndex(of: pair.with) else { continue }
                let product = zip(base[j + 1], base[k + 1]).map { $0 * $1 }
                let l1 = try logLikelihood(base + [product], ["(Intercept)"] + names + ["\(pair.feature):\(pair.with)"])
                lr.append(max(0, 2 * (l1 - l0)))
                p.append(Distributions.chiSquaredUpperTail(lr.last ?? 0, df: 1))
            }
        } catch let e as RegressionError {
            throw Diagnostic(.model, "the regression check could not be fitted: \(e.description)", at: span)
        }
        let table = try Table([
            ("term", .string(StringColumn(pairs.prefix(lr.count).map { "\($0.feature):\($0.with)" }))),
            ("model", .string(StringColumn(Array(repeating: m.model.objective == .binary ? "logistic" : "linear", count: lr.count)))),
            ("lr_chi2", .float(TypedColumn(lr))), ("df", .int(TypedColumn(Array(repeating: Int64(1), count: lr.count)))),
            ("pvalue", .float(TypedColumn(p))),
        ])
        return (table, p)
    }

    static func paragraph(_ pairs: [PairInteraction], _ tests: (table: Table, p: [Double])) -> String {
        guard let top = pairs.first else { return "The model has fewer than two features, so there are no pairs to rank." }
        var s = "The strongest synergy is \(top.feature) × \(top.with): together they move the prediction by "
            + "\(ReportFormat.stat(top.meanAbsInteraction)) on average beyond their separate effects (H² \(ReportFormat.stat(top.hSquared)))."
        if pairs.count > 1 {
            s += " Next: " + pairs.dropFirst().prefix(2).map { "\($0.feature) × \($0.with) (\(ReportFormat.stat($0.meanAbsInteraction)))" }.joined(separator: ", ") + "."
        }
        let confirmed = zip(pairs, tests.p).filter { $0.1 < 0.05 }.map { "\($0.0.feature) × \($0.0.with)" }
        s += confirmed.isEmpty ? " Adding the top pairs' products to a regression does not improve it significantly."
            : " A regression with the product term confirms \(confirmed.joined(separator: ", ")) (likelihood-ratio test, p < .05)."
        return s
    }
}
