import Foundation
import MSNStats
import MSNTable

extension ExportersSimulation {
    /// The panel years.
    public static let panelYears = Array(2020...2024)
    /// Standard deviation of a firm's persistent export propensity (on the log-odds scale).
    public static let firmEffectSD = 0.8

    /// `simulate exporters … panel = true`: every firm observed in each year 2020–2024 (n × 5 rows).
    /// Firms keep their sector, region, size and latent capabilities; sentiment, exchange-rate volatility
    /// (a common shock per year), technology use, the Likert answers (re-surveyed yearly) and the outcomes
    /// vary by year. Export success follows the same log-odds terms as the cross-section plus a
    /// persistent firm effect (sd 0.8), with the intercept calibrated to the same 1:4 share.
    public static func panel(n: Int, seed: UInt64) throws -> Table {
        guard n >= 20 else { throw SimulationError.tooFewRows(n, needed: 20) }
        var d = SimulationDraws(seed: seed ^ 0x5041_4E45_4C00)   // its own stream: "PANEL"
        let years = panelYears, t = years.count, rows = n * t
        let sector = d.allocate(sectors, shares: Array(repeating: 0.2, count: 5), count: n)
        let region = d.allocate(regions.map(\.0), shares: regions.map(\.1), count: n)
        let yearShock = years.map { _ in d.normal(0, 0.25) }
        var employees = [Int64](), mi = [Double](), tc = [Double](), gc = [Double](), firmSentiment = [Double](), policyZ = [Double](), effect = [Double]()
        for _ in 0..<n {
            employees.append(Int64(max(1, min(250, exp(d.normal(log(20), 0.9)).rounded()))))
            let m = d.normal()
            let c = pathA * m + (1 - pathA * pathA).squareRoot() * d.normal()
            let explained = pathDirect * pathDirect + pathB * pathB + 2 * pathDirect * pathB * pathA
            mi.append(m); tc.append(c); gc.append(pathDirect * m + pathB * c + (1 - explained).squareRoot() * d.normal())
            firmSentiment.append(0.35 * d.normal()); policyZ.append(d.normal()); effect.append(d.normal(0, firmEffectSD))
        }
        var firm = [Int64](), year = [Int64](), rowSector = [String](), rowRegion = [String](), size = [Int64]()
        var sentiment = [Double](), fx = [Double](), policy = [Double](), similarity = [Double](), tech = [Int64](), z = [Double]()
        for r in 0..<rows {
            let i = r / t, y = r % t
            firm.append(Int64(i + 1)); year.append(Int64(years[y])); rowSector.append(sector[i]); rowRegion.append(region[i])
            // Firms grow a little each year.
            size.append(max(1, min(250, Int64((Double(employees[i]) * pow(1.04, Double(y))).rounded()))))
            let s = SimulationDraws.round(tanh(0.25 + 0.2 * mi[i] + firmSentiment[i] + 0.3 * d.normal()), 3)
            let v = SimulationDraws.round(exp(log(8) + yearShock[y] + d.normal(0, 0.3)), 2)
            let ipz = 0.9 * policyZ[i] + 0.44 * d.normal()
            let p = SimulationDraws.round(10 * Distributions.normalCDF(ipz), 2)
            let u = SimulationDraws.likert(0.7 * tc[i] + 0.51.squareRoot() * d.normal())
            sentiment.append(s); fx.append(v); policy.append(p); tech.append(u)
            similarity.append(SimulationDraws.round(Distributions.normalCDF(-0.4 * ipz + 0.9 * d.normal()), 3))
            z.append(logitTerms(sentiment: s, fxVolatility: v, importPolicy: p, techUse: Double(u)) + effect[i])
        }
        let a = SimulationDraws.calibrateIntercept(z, target: successRate)
        let exported = z.map { Int64(d.bernoulli(SimulationDraws.logistic(a + $0)) ? 1 : 0) }
        let volume = (0..<rows).map { r in
            SimulationDraws.round(exp(d.normal(log(150), 0.8)) * (exported[r] == 1 ? 2.5 : 1) * (1 + 0.1 * Double(tech[r] - 3)), 1)
        }
        let margin = (0..<rows).map { r in SimulationDraws.round(0.06 + 0.04 * Double(exported[r]) + 0.02 * gc[r / t] + d.normal(0, 0.04), 4) }
        var b = SimulatedTableBuilder()
        b.int("firm_id", firm); b.int("year", year); b.string("sector", rowSector); b.string("region", rowRegion); b.int("employees", size)
        appendMeasures(Measures(sentiment: sentiment, fx: fx, policy: policy, similarity: similarity, tech: tech,
                                volume: volume, margin: margin, exported: exported),
                       latents: ["market_intel": mi, "tech_capability": tc, "competitiveness": gc], firmOf: { $0 / t }, to: &b, draws: &d)
        return try b.table()
    }
}
