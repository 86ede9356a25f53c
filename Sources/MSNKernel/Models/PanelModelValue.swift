import Foundation
import MSNPanel
import MSNTable

/// A fitted panel model (`fit panel`, `fit did`, `fit event`) as a language value: coefficients as the
/// summary table, the counts and fit measures as the `fit` part.
struct PanelModelValue: ModelValue {
    let fit: PanelFit
    /// `panel`, `did` or `event`.
    var kind: String = "panel"
    /// Extra summary lines (the event-study warning, Sun–Abraham aggregation).
    var extra: [String] = []

    var shape: String { "\(fit.terms.count) coefficients, \(fit.counts.observations) rows" }
    var summaryTable: Table? { try? fit.coefficientTable() }
    var parts: [(name: String, table: Table)] { (try? fit.measuresTable()).map { [("fit", $0)] } ?? [] }

    static func estimatorName(_ spec: PanelSpecification) -> String {
        switch spec.estimator {
        case .within: return "fixed effects (absorbed: \(spec.absorb.joined(separator: " + ")))"
        case .pooled: return "pooled OLS"
        case .between: return "between (OLS on entity means)"
        case .firstDifference: return "first differences"
        case .random: return "random effects (Swamy–Arora)"
        }
    }

    static func varianceName(_ v: PanelVariance) -> String {
        switch v {
        case .iid: return "conventional"
        case .robust: return "heteroskedasticity-robust (HC1)"
        case .clustered(let k): return "clustered by \(k.joined(separator: " and "))"
        }
    }

    var summary: String {
        let s = fit.specification, c = fit.counts
        func f(_ name: String) -> String { fit.measure(name).map { String(format: "%.4f", $0) } ?? "–" }
        var sample = "\(c.observations) rows used"
        if let e = c.entities { sample += ", \(e) \(s.entityKey ?? "entities")" }
        if let p = c.periods { sample += ", \(p) \(s.timeKey ?? "periods")" }
        var left: [String] = []
        if c.rowsMissing > 0 { left.append("\(c.rowsMissing) with missing values") }
        if c.singletons > 0 { left.append("\(c.singletons) singleton\(c.singletons == 1 ? "" : "s")") }
        if !left.isEmpty { sample += " (left out: \(left.joined(separator: ", ")))" }
        var lines = ["\(kind == "panel" ? "panel model" : kind == "did" ? "difference-in-differences" : "event study"): \(s.response), \(Self.estimatorName(s))",
                     "  \(sample)",
                     "  standard errors: \(Self.varianceName(s.variance))\(c.clusters.isEmpty ? "" : " (\(c.clusters.map(String.init).joined(separator: " × ")) clusters)"), t with \(fit.tDegreesOfFreedom) df"]
        switch s.estimator {
        case .within: lines.append("  R² within \(f("r2_within")), overall \(f("r2_overall")), with the effects \(f("r2_lsdv")); F \(f("f_wald")) (p \(f("f_wald_p")))")
        case .random:
            lines.append("  R² within \(f("r2_within")), between \(f("r2_between")), overall \(f("r2_overall")); F \(f("f_wald")) (p \(f("f_wald_p")))")
            lines.append("  σ²(entity) \(f("sigma2_u")), σ²(idiosyncratic) \(f("sigma2_e")), ρ \(f("rho")), θ \(f("theta"))")
        default: lines.append("  R² \(f("r2"))\(s.estimator == .firstDifference ? " (uncentred)" : ""); F \(f("f_wald")) (p \(f("f_wald_p")))")
        }
        lines += fit.notes.filter { !$0.contains("singleton") }.map { "  note: \($0)" }
        lines += extra.map { "  \($0)" }
        return lines.joined(separator: "\n")
    }
}

/// A fitted event study (`fit event`) as a language value: the coefficients by relative period as the
/// summary table; the underlying regression's coefficients and fit as parts.
struct EventModelValue: ModelValue {
    let study: EventStudy
    var extra: [String] = []
    var kind: String { "event" }
    var shape: String { "\(study.periods.count) periods, \(study.fit.counts.observations) rows" }
    var summaryTable: Table? { try? study.table() }
    var parts: [(name: String, table: Table)] {
        var out: [(String, Table)] = []
        if study.specification.method == .sunab, let c = try? study.fit.coefficientTable() { out.append(("interactions", c)) }
        if let m = try? study.fit.measuresTable() { out.append(("fit", m)) }
        return out
    }

    var summary: String {
        let s = study.specification, c = study.fit.counts
        let method = s.method == .sunab ? "Sun–Abraham interaction-weighted (fixest's sunab aggregation)" : "two-way fixed effects"
        var lines = [
            "event study: \(s.response) around treat(\(s.cohort)), \(method); unit and time effects (\(s.unit) + \(s.time))",
            "  window [\(s.window.lowerBound), \(s.window.upperBound)] (ends binned), reference period \(s.reference); \(study.cohorts.count) adoption cohorts",
            "  \(c.observations) rows used, \(c.entities ?? 0) \(s.unit), \(c.periods ?? 0) \(s.time)\(c.rowsMissing > 0 ? " (\(c.rowsMissing) rows with missing values left out)" : "")\(c.singletons > 0 ? ", \(c.singletons) singleton\(c.singletons == 1 ? "" : "s") dropped" : "")",
            "  standard errors: \(PanelModelValue.varianceName(s.variance)), t with \(study.fit.tDegreesOfFreedom) df",
        ]
        lines += extra.map { "  \($0)" }
        return lines.joined(separator: "\n")
    }
}
