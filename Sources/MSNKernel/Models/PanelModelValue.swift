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

    /// A remark without its "note: " label (the renderers show paragraphs as they are).
    static func stripNote(_ s: String) -> String { s.hasPrefix("note: ") ? String(s.dropFirst(6)) : s }

    static func varianceName(_ v: PanelVariance) -> String {
        switch v {
        case .iid: return "conventional"
        case .robust: return "heteroskedasticity-robust (HC1)"
        case .clustered(let k): return "clustered by \(k.joined(separator: " and "))"
        }
    }

    var summary: ModelSummary {
        let s = fit.specification, c = fit.counts
        func m(_ name: String) -> SummaryValue { .number(fit.measure(name) ?? .nan, decimals: 4) }
        /// R², ρ and θ lie in [0, 1]: shown without the leading zero (APA).
        func b(_ name: String) -> SummaryValue { .bounded(fit.measure(name) ?? .nan, decimals: 4) }
        func p(_ name: String) -> String { "p " + SummaryValue.pValue(fit.measure(name) ?? .nan).formatted }
        var items: [ModelSummary.Item] = [
            .init("estimator", .text(Self.estimatorName(s))),
            .init("rows used", .int(c.observations)),
        ]
        if let e = c.entities { items.append(.init(s.entityKey ?? "entities", .int(e))) }
        if let t = c.periods { items.append(.init(s.timeKey ?? "periods", .int(t))) }
        if c.rowsMissing > 0 { items.append(.init("rows with missing values left out", .int(c.rowsMissing))) }
        if c.singletons > 0 { items.append(.init("singletons dropped", .int(c.singletons))) }
        items.append(.init("standard errors", .text(Self.varianceName(s.variance)),
                           note: c.clusters.isEmpty ? nil : "\(c.clusters.map(String.init).joined(separator: " × ")) clusters"))
        items.append(.init("t degrees of freedom", .int(fit.tDegreesOfFreedom)))
        switch s.estimator {
        case .within:
            items += [.init("R² within", b("r2_within")), .init("R² overall", b("r2_overall")), .init("R² with the effects", b("r2_lsdv"))]
        case .random:
            items += [.init("R² within", b("r2_within")), .init("R² between", b("r2_between")), .init("R² overall", b("r2_overall")),
                      .init("σ²(entity)", m("sigma2_u")), .init("σ²(idiosyncratic)", m("sigma2_e")), .init("ρ", b("rho")), .init("θ", b("theta"))]
        default:
            items.append(.init(s.estimator == .firstDifference ? "R² (uncentred)" : "R²", b("r2")))
        }
        items.append(.init("F", m("f_wald"), note: p("f_wald_p")))
        let title = "\(kind == "panel" ? "panel model" : kind == "did" ? "difference-in-differences" : "event study") of \(s.response)"
        return ModelSummary(title: title, items: items,
                            paragraphs: fit.notes.filter { !$0.contains("singleton") } + extra.filter { !$0.hasPrefix("warning:") }.map(Self.stripNote),
                            warnings: extra.filter { $0.hasPrefix("warning:") }.map { String($0.dropFirst(9)) },
                            table: try? fit.coefficientTable())
    }
}

/// A fitted event study (`fit event`) as a language value: the coefficients by relative period as the
/// summary table; the underlying regression's coefficients and fit as parts.
struct EventModelValue: ModelValue {
    let study: EventStudy
    var extra: [String] = []
    var kind: String { "event" }
    var shape: String { "\(study.periods.count) periods, \(study.fit.counts.observations) rows" }
    var parts: [(name: String, table: Table)] {
        var out: [(String, Table)] = []
        if study.specification.method == .sunab, let c = try? study.fit.coefficientTable() { out.append(("interactions", c)) }
        if let m = try? study.fit.measuresTable() { out.append(("fit", m)) }
        return out
    }

    var summary: ModelSummary {
        let s = study.specification, c = study.fit.counts
        let method = s.method == .sunab ? "Sun–Abraham interaction-weighted (fixest's sunab aggregation)" : "two-way fixed effects"
        var items: [ModelSummary.Item] = [
            .init("method", .text(method)),
            .init("effects", .text("\(s.unit) + \(s.time)")),
            .init("window", .text("[\(s.window.lowerBound), \(s.window.upperBound)]"), note: "ends binned"),
            .init("reference period", .int(s.reference)),
            .init("adoption cohorts", .int(study.cohorts.count)),
            .init("rows used", .int(c.observations)),
            .init(s.unit, .int(c.entities ?? 0)),
            .init(s.time, .int(c.periods ?? 0)),
        ]
        if c.rowsMissing > 0 { items.append(.init("rows with missing values left out", .int(c.rowsMissing))) }
        if c.singletons > 0 { items.append(.init("singletons dropped", .int(c.singletons))) }
        items.append(.init("standard errors", .text(PanelModelValue.varianceName(s.variance))))
        items.append(.init("t degrees of freedom", .int(study.fit.tDegreesOfFreedom)))
        return ModelSummary(title: "event study of \(s.response) around treat(\(s.cohort))", items: items,
                            paragraphs: extra.filter { !$0.hasPrefix("warning:") }.map(PanelModelValue.stripNote),
                            warnings: extra.filter { $0.hasPrefix("warning:") }.map { String($0.dropFirst(9)) },
                            table: try? study.table())
    }
}
