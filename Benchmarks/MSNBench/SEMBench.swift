import Foundation
import MSNSEM
import MSNTable

/// The Holzinger–Swineford CFA (fit and all fit measures), and growth with the number of indicators.
enum SEMBench {
    /// The HS CFA alone, median of `runs` each: the fit; the fit and every fit measure `fitmeasures` shows
    /// (the issue's "all fit measures"); the fit and what `fit sem` prints (fit measures and the estimates
    /// with std.lv/std.all); the fit and everything the tables can show (plus the standardized solution's
    /// delta-method SEs and R²). Then the simulated 10-factor × 9-indicator CFA (90 indicators, 500 rows),
    /// whose data are written to Benchmarks/out/cfa90.csv for `Rscript Benchmarks/lavaan_timing.R`.
    static func runHS(runs: Int) throws {
        let hs = try CSVReader.read(path: "Notebooks/data/HolzingerSwineford1939.csv")
        var cols: [String: [Double]] = [:]
        for (n, c) in zip(hs.columnNames, hs.columns) { if let d = c.doubles() { cols[n] = d } }
        let model = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9"
        func fit() throws -> SEMFit { try SEMFit.fit(model: model, data: cols, columnOrder: hs.columnNames) }
        let tFit = try Bench.median(runs) { _ = try fit() }
        let tMeasures = try Bench.median(runs) { _ = try fit().fitMeasures() }
        let tSummary = try Bench.median(runs) { let f = try fit(); _ = f.fitMeasures(); _ = try f.estimateRows() }
        let tAll = try Bench.median(runs) {
            let f = try fit()
            _ = f.fitMeasures(); _ = try f.estimateRows(); _ = f.standardizedAllSE(); _ = f.rSquare()
        }
        print("hs_cfa_fit_ms: \(String(format: "%.3f", tFit))")
        print("hs_cfa_fit_and_measures_ms: \(String(format: "%.3f", tMeasures))")
        print("hs_cfa_fit_and_summary_ms: \(String(format: "%.3f", tSummary))")
        print("hs_cfa_fit_and_everything_ms: \(String(format: "%.3f", tAll))")
        try run90(runs: max(5, runs / 20))
    }

    /// The 10-factor × 9-indicator CFA (fit and every fit measure), median of `runs`; writes its data.
    static func run90(runs: Int) throws {
        let (data, order, spec) = simulated(indicators: 90, factors: 10, rows: 500)
        try? FileManager.default.createDirectory(atPath: "Benchmarks/out", withIntermediateDirectories: true)
        try CSVWriter.write(try Table(order.map { ($0, Column.float(TypedColumn(data[$0] ?? []))) }), to: "Benchmarks/out/cfa90.csv")
        let f = try SEMFit.fit(model: spec, data: data, columnOrder: order)
        let chisq = f.fitMeasures().first { $0.name == "chisq" }?.value ?? .nan
        let t = try Bench.median(runs) { _ = try SEMFit.fit(model: spec, data: data, columnOrder: order).fitMeasures() }
        print("cfa90_10x9_iterations: \(f.iterations) chisq: \(String(format: "%.4f", chisq)) df: \(f.df)")
        print("cfa90_10x9_fit_and_measures_ms: \(String(format: "%.2f", t))")
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

    /// A CFA population with `factors` factors (loadings 0.7, factor correlations 0.3), simulated with a fixed seed.
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
