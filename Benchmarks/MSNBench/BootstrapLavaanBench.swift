import Foundation
import MSNSEM
import MSNStats
import MSNTable

/// msnb's bootstrap SEs of the HS 3-factor CFA against lavaan's `se = "bootstrap"` (R = 5000; made by
/// Tests/MSNSEMTests/Fixtures/lavaan-boot/make_boot.R). Two independent sets of draws (B₁ here, B₂ in
/// lavaan): each bootstrap SE has a Monte-Carlo relative SD of about √((κ − 1) / 4B) (κ the kurtosis of the
/// draws; √(1/2B) for normal draws), so their relative difference has SD ≈ √(1/2B₁ + 1/2B₂); the tolerance is
/// 3.5 of those (6.5% for B₁ = 2000, B₂ = 5000; 5.0% for 5000 and 5000).
enum BootstrapLavaanBench {
    static func run(draws: Int) throws {
        let (hs, order) = try BootstrapBench.columns("Notebooks/data/HolzingerSwineford1939.csv")
        let model = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9"
        let fit = try SEMFit.fit(model: model, data: hs, columnOrder: order)
        let t0 = DispatchTime.now().uptimeNanoseconds
        let boot = try fit.bootstrap(model: model, data: hs, columnOrder: order, options: SEMOptions(), draws: draws, seed: 1,
                                     threads: Bootstrap.defaultThreads, bca: false)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
        let ref = try CSVReader.read(path: "Tests/MSNSEMTests/Fixtures/lavaan-boot/hs_boot.estimates.csv")
        let theirDraws = ref[0, "draws"].doubleValue ?? 5000
        let tolerance = 3.5 * (1 / (2 * Double(draws - boot.failed - boot.notConverged)) + 1 / (2 * theirDraws)).squareRoot()
        var worst = 0.0, within = 0, compared = 0
        print("parameter                 msnb_boot_se  lavaan_boot_se  rel_diff  msnb_pct_ci            lavaan_pct_ci")
        for i in 0..<ref.rowCount {
            let lhs = ref[i, "lhs"].description, op = ref[i, "op"].description, rhs = ref[i, "rhs"].description
            guard let k = boot.keys.firstIndex(where: { $0.lhs == lhs && $0.op == op && $0.rhs == rhs }),
                  let theirs = ref[i, "se"].doubleValue, theirs > 0 else { continue }
            let iv = boot.intervals[k]
            let rel = iv.se / theirs - 1
            compared += 1
            if abs(rel) <= tolerance { within += 1 }
            worst = max(worst, abs(rel))
            print(String(format: "%-25@ %12.5f  %14.5f  %+8.3f  [%7.4f, %7.4f]  [%7.4f, %7.4f]", "\(lhs) \(op) \(rhs)" as NSString, iv.se, theirs, rel,
                         iv.percentileLower, iv.percentileUpper, ref[i, "ci.lower"].doubleValue ?? .nan, ref[i, "ci.upper"].doubleValue ?? .nan))
        }
        print("draws \(draws) (failed \(boot.failed), not converged \(boot.notConverged)), \(String(format: "%.1f", seconds)) s on \(Bootstrap.defaultThreads) threads")
        print("bootstrap SEs within \(String(format: "%.1f", tolerance * 100))% (3.5 Monte-Carlo SDs) of lavaan: \(within) of \(compared); largest relative difference \(String(format: "%.3f", worst))")
    }
}
