import Foundation
import MSNTable

/// `simulate interviews n = 15 seed = 3 from firms`: coded interviews with firms of a `simulate
/// exporters` table, with a known truth (docs/simulate.md). Each theme is present with a probability
/// that depends on the firm; coders reproduce the true code with probability √κ and otherwise code at
/// random with the theme's population share, so any two coders agree with Cohen's κ = κ on every theme.
public enum InterviewSimulation {
    /// A theme: log-odds intercept + Σ coefficient × (column − centre); `logOf` terms use ln(column / centre).
    public struct Theme: Sendable {
        public let name: String
        public let intercept: Double
        public let terms: [(column: String, coefficient: Double, centre: Double, log: Bool)]
        public let meaning: String
        let excerpts: [String]
    }

    /// The themes, in order.
    public static let themes: [Theme] = [
        Theme(name: "global_platforms", intercept: 0.6, terms: [("sentiment", 3.0, 0, false)],
              meaning: "sells through global marketplaces; more likely with positive sentiment (a model driver)",
              excerpts: ["Most of our orders now come through Shopee and Amazon.", "Buyers abroad find us on Alibaba.", "The platform handles payment, so we can sell overseas."]),
        Theme(name: "regulatory_barriers", intercept: 0.6, terms: [("reg_similarity", -4.0, 0.5, false), ("import_policy", 0.3, 5, false)],
              meaning: "faces certification or licensing barriers; driven by low regulatory similarity, which does not affect export success (the model cannot see it)",
              excerpts: ["Getting the halal and SNI certificates took us a year.", "Every destination wants different paperwork.", "Customs rules changed and our shipment was held."]),
        Theme(name: "fx_risk", intercept: -1.0, terms: [("fx_volatility", 0.6, 8, false)],
              meaning: "worries about exchange rates; more likely with high FX volatility (a model driver that lowers export success)",
              excerpts: ["When the rupiah moves, our margin disappears.", "We lost money on a dollar contract last year.", "We now quote prices only for one week."]),
        Theme(name: "digital_skills_gap", intercept: -0.5, terms: [("tech_use", -0.8, 3, false)],
              meaning: "lacks digital skills; more likely with low technology use (a weak model driver)",
              excerpts: ["Nobody here knows how to run online ads.", "My son helps with the website when he has time.", "We still take orders by phone."]),
        Theme(name: "financing_gap", intercept: 0.0, terms: [("employees", -0.6, 20, true)],
              meaning: "cannot finance export orders; more likely in small firms (size is not in the export model)",
              excerpts: ["Banks want collateral we do not have.", "We need cash up front to buy materials for a big order.", "A large order would break our working capital."]),
    ]

    /// Why interviews cannot be simulated from a table.
    public enum Failure: Error, CustomStringConvertible, Sendable {
        case missingColumn(String)
        case badSize(Int, firms: Int)
        case badKappa(Double)
        case badCoders(Int)
        public var description: String {
            switch self {
            case .missingColumn(let c): return "the firms table has no numeric column '\(c)'; interviews are simulated from a table made by simulate exporters"
            case .badSize(let n, let firms): return "n = \(n) interviews needs between 2 and \(firms) firms (the table's rows)"
            case .badKappa(let k): return "kappa = \(k) must lie between 0 and 1"
            case .badCoders(let c): return "coders = \(c) must be between 2 and 10"
            }
        }
    }

    /// P(theme present) for every firm of the table, theme by theme; a missing value counts as the column mean.
    public static func probabilities(_ firms: Table) throws -> [[Double]] {
        var cache: [String: [Double]] = [:]
        func values(_ name: String) throws -> [Double] {
            if let v = cache[name] { return v }
            guard let c = firms.column(named: name), let raw = c.doubles() else { throw Failure.missingColumn(name) }
            let seen = raw.indices.filter { !c.isNull($0) && raw[$0].isFinite }
            let mean = seen.reduce(0) { $0 + raw[$1] } / Double(max(1, seen.count))
            let filled = raw.indices.map { c.isNull($0) || !raw[$0].isFinite ? mean : raw[$0] }
            cache[name] = filled
            return filled
        }
        return try themes.map { theme in
            var z = [Double](repeating: theme.intercept, count: firms.rowCount)
            for term in theme.terms {
                let x = try values(term.column)
                for i in z.indices { z[i] += term.coefficient * (term.log ? Foundation.log(max(x[i], 1e-9) / term.centre) : x[i] - term.centre) }
            }
            return z.map { 1 / (1 + Foundation.exp(-$0)) }
        }
    }

    /// Coded interviews with `n` firms drawn without replacement: one row per coder and theme applied
    /// (respondent = firm_id, region, coder, theme, excerpt); a coder who applied no theme to a firm
    /// gives one row with a null theme, so every interview is in the table.
    public static func table(firms: Table, n: Int, seed: UInt64, kappa: Double, coders: Int = 2) throws -> Table {
        guard n >= 2, n <= firms.rowCount else { throw Failure.badSize(n, firms: firms.rowCount) }
        guard kappa >= 0, kappa <= 1 else { throw Failure.badKappa(kappa) }
        guard (2...10).contains(coders) else { throw Failure.badCoders(coders) }
        guard let ids = firms.column(named: "firm_id")?.doubles() else { throw Failure.missingColumn("firm_id") }
        let p = try probabilities(firms)
        let share = p.map { $0.reduce(0, +) / Double(max(1, $0.count)) }
        var d = SimulationDraws(seed: seed)
        var order = Array(0..<firms.rowCount)
        for i in 0..<n { order.swapAt(i, i + d.unitIndex(firms.rowCount - i)) }
        let chosen = order.prefix(n).sorted { ids[$0] < ids[$1] }
        let region = firms.column(named: "region")
        let q = kappa.squareRoot()
        let names = (0..<coders).map { String(UnicodeScalar(UInt8(65 + $0))) }
        var respondent: [Int64] = [], regions: [String?] = [], coder: [String] = [], theme: [String?] = [], excerpt: [String?] = []
        for f in chosen {
            let truth = p.map { d.bernoulli($0[f]) }
            let regionText = region.map { $0[f].isNull ? nil : $0[f].description } ?? nil
            for c in names {
                var applied: [(String, String)] = []
                for (t, th) in themes.enumerated() {
                    let code = d.bernoulli(q) ? truth[t] : d.bernoulli(share[t])
                    let line = th.excerpts[d.unitIndex(th.excerpts.count)]
                    if code { applied.append((th.name, line)) }
                }
                for (t, line) in applied.isEmpty ? [(nil, nil)] as [(String?, String?)] : applied.map({ ($0.0, $0.1) }) {
                    respondent.append(Int64(ids[f])); regions.append(regionText); coder.append(c); theme.append(t); excerpt.append(line)
                }
            }
        }
        return try Table([
            ("respondent", .int(TypedColumn(respondent))), ("region", .string(StringColumn(regions))),
            ("coder", .string(StringColumn(coder.map { Optional($0) }))), ("theme", .string(StringColumn(theme))),
            ("excerpt", .string(StringColumn(excerpt))),
        ])
    }

    /// The truth: each theme's population share among the table's firms, the coders' κ and the log-odds.
    public static func truth(firms: Table, kappa: Double) throws -> Table {
        guard kappa >= 0, kappa <= 1 else { throw Failure.badKappa(kappa) }
        let p = try probabilities(firms)
        let share = p.map { $0.reduce(0, +) / Double(max(1, $0.count)) }
        let formula = themes.map { th in
            th.terms.reduce(String(th.intercept)) { s, t in
                s + (t.coefficient < 0 ? " − " : " + ") + "\(abs(t.coefficient)) × " + (t.log ? "ln(\(t.column) / \(t.centre))" : t.centre == 0 ? t.column : "(\(t.column) − \(t.centre))")
            }
        }
        return try Table([
            ("theme", .string(StringColumn(themes.map { Optional($0.name) }))),
            ("share", .float(TypedColumn(share))),
            ("kappa", .float(TypedColumn(Array(repeating: kappa, count: themes.count)))),
            ("log_odds", .string(StringColumn(formula.map { Optional($0) }))),
            ("meaning", .string(StringColumn(themes.map { Optional($0.meaning) }))),
        ])
    }
}
