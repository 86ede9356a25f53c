import Foundation
import MSNBoost
import MSNTable

/// Chooses the template family for a value: a fitted model (boost, linear, logistic, SEM, PLS, panel),
/// a `compare regions` or `synergy` report, or a result table (`evaluate`, `importance`, `explain`,
/// `reliability`), recognised by its columns. Returns nil when there is no message for it.
enum Interpreter {
    static func interpret(_ value: Value, _ c: InterpretContext) -> ModelSummary? {
        switch value {
        case .model(let m): return model(m, c)
        case .table(let t): return table(t, c)
        default: return nil
        }
    }

    static func model(_ m: any ModelValue, _ c: InterpretContext) -> ModelSummary? {
        switch m {
        case let v as InterpretationValue: return v.summary
        case let b as BoostModelValue:
            return c.summary(subject: "boost → \(b.target)", BoostInterpretation.model(BoostInterpretation.facts(b), test: nil, c))
        case let r as RegressionModelValue:
            guard let table = r.coefficientTable else { return nil }
            var fit = RegressionInterpretation.Fit(kind: r.kind, target: r.target, outcome: r.target, n: r.rows, r2: .nan)
            switch r.fit {
            case .linear(let f):
                fit.r2 = f.rSquared; fit.adjustedR2 = f.adjustedRSquared; fit.f = f.fStatistic; fit.fP = f.fPValue; fit.residualDF = f.residualDF
            case .logistic(let f):
                fit.r2 = f.mcFaddenR2
                fit.outcome = "\(r.target) = \(r.levels.map { $0.count > 1 ? $0[1] : "1" } ?? "1")"
            }
            return c.summary(subject: "\(r.kind) → \(r.target)", RegressionInterpretation.regression(fit, table, c))
        case let s as SEMModelValue:
            let measures = Dictionary(s.fit.fitMeasures().map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
            guard let estimates = try? SEMTables.estimates(s.fit) else { return nil }
            return c.summary(subject: "sem", SEMInterpretation.interpret(measures: measures, estimates: estimates, n: s.fit.n, c))
        case let p as PLSModelValue:
            guard let paths = p.pathTable else { return nil }
            return c.summary(subject: "pls", ModelInterpretation.pls(paths: paths, rSquared: p.fit.rSquared.map { ($0.construct, $0.r2) }, c))
        case let p as PanelModelValue:
            guard let table = try? p.fit.coefficientTable() else { return nil }
            let s = p.fit.specification
            let estimator: String
            switch s.estimator {
            case .within: estimator = "within"
            case .random: estimator = "random"
            case .pooled: estimator = "pooled"
            case .between: estimator = "between"
            case .firstDifference: estimator = "fd"
            }
            let se: String
            switch s.variance {
            case .iid: se = "iid"
            case .robust: se = "robust"
            case .clustered: se = "clustered"
            }
            return c.summary(subject: "\(p.kind) → \(s.response)", ModelInterpretation.panel(
                estimator: estimator, se: se, entity: s.entityKey, target: s.response, n: p.fit.counts.observations,
                df: p.fit.tDegreesOfFreedom, coefficients: table, c))
        case let e as EventModelValue:
            guard let table = try? e.study.table() else { return nil }
            let s = e.study.specification
            let design = EventInterpretation.Design(target: s.response, cohort: s.cohort, unit: s.unit, time: s.time,
                                                    method: s.method.rawValue, rows: e.study.fit.counts.observations,
                                                    reference: s.reference, cohorts: e.study.cohorts.count)
            return c.summary(subject: "event → \(s.response)", EventInterpretation.event(design, table, c))
        case let r as MixedMethodsResult:
            return c.summary(subject: r.kind, MixedMethodsInterpretation.paragraphs(r, c))
        case let r as ComparisonReport:
            if r.subject == "synergy", let pairs = r.part("pairs") {
                return c.summary(subject: "synergy", ModelInterpretation.synergy(pairs: pairs, tests: r.part("tests"), c))
            }
            if let tests = r.part("tests") { return c.summary(subject: "compare regions (data)", ModelInterpretation.compareData(tests: tests, c)) }
            if let pooled = r.part("pooled") {
                return c.summary(subject: "compare regions (\(r.subject))", ModelInterpretation.compareModel(pooled: pooled, drivers: r.part("drivers"), c))
            }
            if let ladder = r.part("ladder") { return c.summary(subject: "compare regions (sem)", ModelInterpretation.compareSEM(ladder: ladder, c)) }
            return nil
        default:
            return nil
        }
    }

    static func table(_ t: Table, _ c: InterpretContext) -> ModelSummary? {
        let names = Set(t.columnNames)
        if names.isSuperset(of: ["fold", "metric", "value"]) {
            return c.summary(subject: "evaluate", TableInterpretation.crossValidation(t, c))
        }
        if names.isSuperset(of: ["metric", "value"]) {
            let p = TableInterpretation.evaluate(t, c)
            return p.isEmpty ? nil : c.summary(subject: "evaluate", p)
        }
        if names.isSuperset(of: ["feature", "gain"]) { return c.summary(subject: "importance", TableInterpretation.importance(t, c)) }
        if names.isSuperset(of: ["feature", "mean_abs_shap"]) {
            return c.summary(subject: "explain", TableInterpretation.shapGlobal(t, c, logOdds: false))
        }
        if names.contains("alpha"), names.contains("ave"), names.contains("factor") || names.contains("construct") {
            return c.summary(subject: "reliability", TableInterpretation.reliability(t, c))
        }
        return nil
    }
}
