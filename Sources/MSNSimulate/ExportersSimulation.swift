import Foundation
import MSNStats
import MSNTable

/// `simulate exporters`: a cross-section of Indonesian export MSMEs with a known truth (see
/// docs/simulate.md). Each firm is observed once, in a year from 2020 to 2024.
public enum ExportersSimulation {
    /// The sectors, in equal shares.
    public static let sectors = ["food", "handicrafts", "textiles", "electronics", "services"]
    /// The regions and their shares.
    public static let regions = [("Java", 0.60), ("Sumatra", 0.25), ("Bali", 0.15)]
    /// Standardized structural paths: MI → TC (a), MI → GC (c′, direct), TC → GC (b).
    public static let pathA = 0.5, pathDirect = 0.67, pathB = 0.2
    /// Item loadings on the standardized latent response behind each Likert item.
    public static let loadings: [(item: String, factor: String, loading: Double)] = [
        ("mi1", "market_intel", 0.85), ("mi2", "market_intel", 0.80), ("mi3", "market_intel", 0.75),
        ("tc1", "tech_capability", 0.80), ("tc2", "tech_capability", 0.80), ("tc3", "tech_capability", 0.70),
        ("gc1", "competitiveness", 0.85), ("gc2", "competitiveness", 0.80), ("gc3", "competitiveness", 0.75),
    ]
    /// The designed share of successful exporters.
    public static let successRate = 0.20
    /// The share of values set missing in each feature column.
    public static let missingShare = 0.02

    /// The log-odds of export success, before the calibrated intercept: sentiment (a steep S-curve
    /// around 0.3), then exchange-rate volatility (hurts only above 6%), then import-policy
    /// restrictiveness (an inverted U: best at 4 on its 0–10 scale), then a little technology use.
    public static func logitTerms(sentiment s: Double, fxVolatility fx: Double, importPolicy ip: Double, techUse tu: Double) -> Double {
        let policy = (ip - 4) / 3
        return 2.5 * tanh(4 * (s - 0.3)) - 3.0 * max(0, log(fx / 6)) - 0.6 * policy * policy + 0.15 * (tu - 3)
    }

    /// A table of `n` firms drawn with `seed`.
    public static func table(n: Int, seed: UInt64) throws -> Table {
        guard n >= 20 else { throw SimulationError.tooFewRows(n, needed: 20) }
        var d = SimulationDraws(seed: seed)
        let year = d.allocate((2020...2024).map(String.init), shares: Array(repeating: 0.2, count: 5), count: n).map { Int64($0) ?? 2020 }
        let sector = d.allocate(sectors, shares: Array(repeating: 0.2, count: 5), count: n)
        let region = d.allocate(regions.map(\.0), shares: regions.map(\.1), count: n)
        var employees = [Int64](), mi = [Double](), tc = [Double](), gc = [Double]()
        var sentiment = [Double](), fx = [Double](), policy = [Double](), similarity = [Double](), tech = [Int64]()
        for _ in 0..<n {
            employees.append(Int64(max(1, min(250, exp(d.normal(log(20), 0.9)).rounded()))))
            let m = d.normal()
            let t = pathA * m + (1 - pathA * pathA).squareRoot() * d.normal()
            let explained = pathDirect * pathDirect + pathB * pathB + 2 * pathDirect * pathB * pathA
            let g = pathDirect * m + pathB * t + (1 - explained).squareRoot() * d.normal()
            mi.append(m); tc.append(t); gc.append(g)
            sentiment.append(SimulationDraws.round(tanh(0.25 + 0.2 * m + 0.45 * d.normal()), 3))
            fx.append(SimulationDraws.round(exp(d.normal(log(8), 0.4)), 2))
            let ipz = d.normal()
            policy.append(SimulationDraws.round(10 * Distributions.normalCDF(ipz), 2))
            similarity.append(SimulationDraws.round(Distributions.normalCDF(-0.4 * ipz + 0.9 * d.normal()), 3))
            tech.append(SimulationDraws.likert(0.7 * t + 0.51.squareRoot() * d.normal()))
        }
        var b = SimulatedTableBuilder()
        b.int("firm_id", (1...n).map { Int64($0) })
        b.int("year", year)
        b.string("sector", sector)
        b.string("region", region)
        b.int("employees", employees)
        // Export success: the intercept is calibrated so that the expected share is `successRate`.
        let z = (0..<n).map { logitTerms(sentiment: sentiment[$0], fxVolatility: fx[$0], importPolicy: policy[$0], techUse: Double(tech[$0])) }
        let a = SimulationDraws.calibrateIntercept(z, target: successRate)
        let exported = z.map { Int64(d.bernoulli(SimulationDraws.logistic(a + $0)) ? 1 : 0) }
        let volume = (0..<n).map { i in
            SimulationDraws.round(exp(d.normal(log(150), 0.8)) * (exported[i] == 1 ? 2.5 : 1) * (1 + 0.1 * Double(tech[i] - 3)), 1)
        }
        let margin = (0..<n).map { i in SimulationDraws.round(0.06 + 0.04 * Double(exported[i]) + 0.02 * gc[i] + d.normal(0, 0.04), 4) }
        appendMeasures(Measures(sentiment: sentiment, fx: fx, policy: policy, similarity: similarity, tech: tech,
                                volume: volume, margin: margin, exported: exported),
                       latents: ["market_intel": mi, "tech_capability": tc, "competitiveness": gc], firmOf: { $0 }, to: &b, draws: &d)
        return try b.table()
    }

    /// The true parameters, one row each (parameter, value, meaning).
    public static func truth() throws -> Table {
        var rows: [(String, Double, String)] = [
            ("success_rate", successRate, "expected share of firms with exported = 1 (intercept calibrated)"),
            ("logit_sentiment", 2.5, "log-odds: 2.5 × tanh(4 × (sentiment − 0.3)), the strongest driver"),
            ("logit_fx_volatility", -3.0, "log-odds: −3.0 × max(0, ln(fx_volatility / 6)), second"),
            ("logit_import_policy", -0.6, "log-odds: −0.6 × ((import_policy − 4) / 3)², an inverted U, third"),
            ("logit_tech_use", 0.15, "log-odds: 0.15 × (tech_use − 3)"),
            ("logit_reg_similarity", 0, "reg_similarity has no effect on export success (a decoy)"),
            ("path_mi_tc", pathA, "standardized path market_intel → tech_capability (a)"),
            ("path_mi_gc", pathDirect, "standardized direct path market_intel → competitiveness (c′)"),
            ("path_tc_gc", pathB, "standardized path tech_capability → competitiveness (b)"),
            ("indirect_mi_gc", pathA * pathB, "indirect effect a × b through tech_capability"),
            ("total_mi_gc", pathDirect + pathA * pathB, "total effect c′ + a × b"),
            ("missing_share", missingShare, "share of values missing in each of the six feature columns"),
        ]
        rows += loadings.map { ("loading_\($0.item)", $0.loading, "loading of \($0.item) on \($0.factor) (latent response, before the 1–5 cut)") }
        var b = SimulatedTableBuilder()
        b.string("parameter", rows.map(\.0))
        b.float("value", rows.map(\.1))
        b.string("meaning", rows.map(\.2))
        return try b.table()
    }

    /// The measured columns of one draw, row by row.
    struct Measures {
        var sentiment, fx, policy, similarity: [Double]
        var tech: [Int64]
        var volume, margin: [Double]
        var exported: [Int64]
    }

    /// Adds the measured columns, shared by the cross-section and the panel and drawn in the same order:
    /// outliers (max(2, rows/100) export volumes 15–30 times too large, as many margins far out), then
    /// the missing values of each feature column, then the Likert items of each row's firm (`firmOf`).
    static func appendMeasures(_ m: Measures, latents: [String: [Double]], firmOf: (Int) -> Int,
                               to b: inout SimulatedTableBuilder, draws d: inout SimulationDraws) {
        let rows = m.exported.count
        var volume = m.volume, margin = m.margin
        let outliers = max(2, rows / 100)
        for _ in 0..<outliers { let r = d.unitIndex(rows); volume[r] = SimulationDraws.round(volume[r] * (15 + 15 * d.unit()), 1) }
        for k in 0..<outliers { let r = d.unitIndex(rows); margin[r] = k % 2 == 0 ? 0.65 : -0.55 }
        func missing() -> Set<Int> { Set(d.rows(missingShare, of: rows)) }
        b.float("sentiment", m.sentiment, missing: missing())
        b.float("fx_volatility", m.fx, missing: missing())
        b.float("import_policy", m.policy, missing: missing())
        b.float("reg_similarity", m.similarity, missing: missing())
        b.int("tech_use", m.tech)
        b.float("export_volume", volume, missing: missing())
        b.float("profit_margin", margin, missing: missing())
        b.int("exported", m.exported)
        for (item, factor, loading) in loadings {
            let eta = latents[factor] ?? []
            b.int(item, (0..<rows).map { r in SimulationDraws.likert(loading * eta[firmOf(r)] + (1 - loading * loading).squareRoot() * d.normal()) })
        }
    }
}
