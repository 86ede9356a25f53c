import Foundation
import MSNSEM
import MSNStats
import MSNTable

/// Coverage of the bootstrap percentile interval for an indirect effect (issue 18): `datasets` simulated
/// mediation datasets X → M → Y (a = b = 0.4, so a·b = 0.16; c' = 0.1; n rows; standard normal errors),
/// each fitted by `fit sem` and bootstrapped with `draws` resamples; the share of 95% percentile intervals
/// of `ab := a*b` that contain 0.16, with its binomial standard error. Dataset d uses seed 1000 + d.
enum CoverageBench {
    static let model = "M ~ a*X\nY ~ b*M + X\nab := a*b"

    static func run(datasets: Int, draws: Int, n: Int) throws {
        let truth = 0.16
        var covered = 0, used = 0, lost = 0
        var widths: [Double] = []
        let t0 = DispatchTime.now().uptimeNanoseconds
        for d in 0..<datasets {
            var g = SeededGenerator(seed: 1000 + UInt64(d))
            var x: [Double] = [], m: [Double] = [], y: [Double] = []
            for _ in 0..<n {
                let xi = g.nextNormal(), mi = 0.4 * xi + g.nextNormal()
                x.append(xi); m.append(mi); y.append(0.4 * mi + 0.1 * xi + g.nextNormal())
            }
            let data = ["X": x, "M": m, "Y": y], order = ["X", "M", "Y"]
            do {
                let fit = try SEMFit.fit(model: model, data: data, columnOrder: order)
                let boot = try fit.bootstrap(model: model, data: data, columnOrder: order, options: SEMOptions(), draws: draws,
                                             seed: UInt64(d + 1), threads: Bootstrap.defaultThreads, bca: false)
                guard let k = boot.keys.firstIndex(where: { $0.op == ":=" && $0.lhs == "ab" }) else { lost += 1; continue }
                let iv = boot.intervals[k]
                used += 1
                if iv.percentileLower <= truth && truth <= iv.percentileUpper { covered += 1 }
                widths.append(iv.percentileUpper - iv.percentileLower)
            } catch { lost += 1 }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
        let c = Double(covered) / Double(max(1, used))
        let se = (c * (1 - c) / Double(max(1, used))).squareRoot()
        print("mediation coverage: \(covered) of \(used) percentile 95% intervals contain a·b = 0.16 → \(String(format: "%.3f", c)) (binomial SE \(String(format: "%.3f", se))); \(lost) datasets failed")
        print("n = \(n), \(draws) draws per dataset, mean interval width \(String(format: "%.4f", widths.reduce(0, +) / Double(max(1, widths.count)))), \(String(format: "%.1f", seconds)) s")
    }
}
