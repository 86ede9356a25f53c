import Foundation
import MSNPLS
import MSNSEM
import MSNStats
import MSNTable

/// 5,000 bootstrap draws of the HS CFA (`fit sem … with se = "bootstrap"`) and of the corporate-reputation
/// PLS model, on one thread and on every core; the intervals must be identical.
enum BootstrapBench {
    static func columns(_ path: String) throws -> ([String: [Double]], [String]) {
        let t = try CSVReader.read(path: path)
        var cols: [String: [Double]] = [:]
        for (n, c) in zip(t.columnNames, t.columns) { if let d = c.doubles() { cols[n] = d } }
        return (cols, t.columnNames)
    }

    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let t0 = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
    }

    static func run(draws: Int) throws {
        let (hs, order) = try columns("Notebooks/data/HolzingerSwineford1939.csv")
        let model = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9"
        let fit = try SEMFit.fit(model: model, data: hs, columnOrder: order)
        var results: [SEMBootstrapResult] = []
        for threads in [1, Bootstrap.defaultThreads] {
            let s = try seconds {
                results.append(try fit.bootstrap(model: model, data: hs, columnOrder: order, options: SEMOptions(), draws: draws, seed: 1, threads: threads))
            }
            let r = results[results.count - 1]
            print("hs_cfa_bootstrap_\(draws)_threads_\(threads)_s: \(String(format: "%.2f", s)) (failed \(r.failed), not converged \(r.notConverged))")
        }
        print("hs_cfa_identical_across_threads: \(results[0].intervals == results[1].intervals)")
        if let k = results[0].keys.firstIndex(where: { $0.lhs == "visual" && $0.rhs == "x2" }) {
            let iv = results[0].intervals[k]
            print("hs_visual_x2: est \(results[0].estimates[k]) boot_se \(iv.se) pct [\(iv.percentileLower), \(iv.percentileUpper)] bca [\(iv.bcaLower ?? .nan), \(iv.bcaUpper ?? .nan)]")
        }
        let (corp, _) = try columns("Notebooks/data/corp_rep_data.csv")
        var o = PLSOptions()
        o.missingValue = -99
        let pls = try PLSFit.fit(model: """
        COMP =~ comp_1 + comp_2 + comp_3
        LIKE =~ like_1 + like_2 + like_3
        CUSA =~ cusa
        CUSL =~ cusl_1 + cusl_2 + cusl_3
        CUSA ~ COMP + LIKE
        CUSL ~ COMP + LIKE + CUSA
        """, data: corp, options: o)
        var boots: [PLSBootstrapResult] = []
        for threads in [1, Bootstrap.defaultThreads] {
            let s = seconds { boots.append(pls.bootstrap(draws: draws, seed: 1, threads: threads)) }
            print("corp_rep_pls_bootstrap_\(draws)_threads_\(threads)_s: \(String(format: "%.2f", s))")
        }
        print("pls_identical_across_threads: \(boots[0].intervals == boots[1].intervals)")
    }
}
