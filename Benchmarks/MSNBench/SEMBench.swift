import Foundation
import MSNSEM
import MSNTable

/// The Holzinger–Swineford CFA (fit and all fit measures), and growth with the number of indicators.
enum SEMBench {
    /// The HS CFA alone: fit plus every fit measure, median of `runs`.
    static func runHS(runs: Int) throws {
        let hs = try CSVReader.read(path: "Notebooks/data/HolzingerSwineford1939.csv")
        var cols: [String: [Double]] = [:]
        for (n, c) in zip(hs.columnNames, hs.columns) { if let d = c.doubles() { cols[n] = d } }
        let model = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9"
        let t = try Bench.median(runs) {
            let f = try SEMFit.fit(model: model, data: cols, columnOrder: hs.columnNames)
            _ = f.fitMeasures()
        }
        print("hs_cfa_fit_and_measures_ms: \(String(format: "%.3f", t))")
    }

    static func run(runs: Int) throws {
        try runHS(runs: runs)
        let hs = try CSVReader.read(path: "Notebooks/data/HolzingerSwineford1939.csv")
        var cols: [String: [Double]] = [:]
        for (n, c) in zip(hs.columnNames, hs.columns) { if let d = c.doubles() { cols[n] = d } }
        let model = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9"
        // Two groups (school), configural and scalar; FIML on the copy with 10% missing.
        let school: [String?] = (0..<hs.rowCount).map { hs[$0, "school"].isNull ? nil : hs[$0, "school"].description }
        for (name, equal) in [("configural", [String]()), ("scalar", ["loadings", "intercepts"])] {
            var o = SEMOptions()
            o.group = school
            o.groupEqual = equal
            let tg = try Bench.median(runs) {
                let f = try SEMFit.fit(model: model, data: cols, columnOrder: hs.columnNames, options: o)
                _ = f.fitMeasures()
            }
            print("hs_cfa_by_school_\(name)_ms: \(String(format: "%.3f", tg))")
        }
        let hm = try CSVReader.read(path: "Notebooks/data/hs_missing.csv")
        var mcols: [String: [Double]] = [:]
        for (n, c) in zip(hm.columnNames, hm.columns) { if let d = c.doubles() { mcols[n] = d } }
        var fo = SEMOptions()
        fo.missing = .fiml
        let tf = try Bench.median(max(3, runs / 10)) {
            let f = try SEMFit.fit(model: model, data: mcols, columnOrder: hm.columnNames, options: fo)
            _ = f.fitMeasures()
        }
        print("hs_cfa_fiml_ms: \(String(format: "%.3f", tf))")
        for indicators in [9, 30, 90] {
            let (data, order, spec) = simulated(indicators: indicators, factors: 3, rows: 500)
            let reps = max(3, runs / (indicators / 3))
            let ti = try Bench.median(reps) {
                let f = try SEMFit.fit(model: spec, data: data, columnOrder: order)
                _ = f.fitMeasures()
            }
            print("cfa_\(indicators)_indicators_ms: \(String(format: "%.2f", ti))")
        }
    }

    /// A 3-factor CFA population (loadings 0.7, factor correlations 0.3), simulated with a fixed seed.
    static func simulated(indicators: Int, factors: Int, rows: Int) -> ([String: [Double]], [String], String) {
        var g = SeededGenerator(seed: 7)
        let per = indicators / factors
        var data: [String: [Double]] = [:]
        var order: [String] = []
        var etas = [[Double]](repeating: [], count: factors)
        let common = (0..<rows).map { _ in g.nextNormal() }
        for f in 0..<factors { etas[f] = (0..<rows).map { 0.55 * common[$0] + 0.835 * g.nextNormal() } }
        var spec: [String] = []
        for f in 0..<factors {
            var items: [String] = []
            for k in 0..<per {
                let name = "y\(f * per + k + 1)"
                data[name] = (0..<rows).map { 0.7 * etas[f][$0] + 0.714 * g.nextNormal() }
                order.append(name)
                items.append(name)
            }
            spec.append("f\(f + 1) =~ " + items.joined(separator: " + "))
        }
        return (data, order, spec.joined(separator: "\n"))
    }
}
