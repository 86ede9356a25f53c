import Foundation
import MSNTable

/// A deterministic synthetic firm-level CSV: ids, year, sector and region strings, a 0/1 outcome,
/// floats with ~1% nulls, a Likert 1–5 item. The same rows for the same count on every machine.
enum FirmDataGenerator {
    static func write(rows: Int, to path: String) throws {
        var g = SeededGenerator(seed: 2026)
        let sectors = ["food", "handicrafts", "textiles", "electronics", "services"]
        let regions = ["Java", "Java", "Java", "Sumatra", "Bali"]
        var out = "firm_id,year,sector,region,exported,export_volume,profit_margin,sentiment,fx_volatility,import_policy,employees,tech_use\n"
        out.reserveCapacity(rows * 100)
        for i in 0..<rows {
            let sentiment = g.nextNormal()
            let fx = abs(g.nextNormal()) * 0.1
            let policy = g.nextUnit()
            let p = 1 / (1 + Foundation.exp(-(-1.4 + 1.2 * sentiment - 6 * fx + policy)))
            let exported = g.nextUnit() < p ? 1 : 0
            let volume = Foundation.exp(6 + sentiment + g.nextNormal())
            let margin = 0.1 + 0.05 * g.nextNormal()
            let vol = g.nextUnit() < 0.01 ? "" : String(format: "%.2f", volume)
            let mar = g.nextUnit() < 0.01 ? "" : String(format: "%.4f", margin)
            out += "\(i + 1),\(2020 + i % 5),\(sectors[g.nextInt(below: 5)]),\(regions[g.nextInt(below: 5)]),\(exported),\(vol),\(mar),"
            out += String(format: "%.4f,%.4f,%.4f,", sentiment, fx, policy)
            out += "\(5 + g.nextInt(below: 200)),\(1 + g.nextInt(below: 5))\n"
        }
        try AtomicFile.write(out, to: path)
    }
}
