import Foundation
import MSNSEM
import MSNStats
import MSNTable

/// msnb's multi-group bootstrap SEs (HS CFA by school, equal loadings; resampled within each school) against
/// lavaan's `se = "bootstrap"` (R = 2000; Tests/MSNSEMTests/Fixtures/lavaan-boot/make_boot_groups.R). The
/// tolerance is 3.5 Monte-Carlo SDs of the relative difference of two independent bootstrap SEs,
/// 3.5 √(1/2B₁ + 1/2B₂) (7.8% for 2000 and 2000, 9.6% for 1000 against 2000), as in BootstrapLavaanBench.
enum BootstrapLavaanGroupsBench {
    static func run(draws: Int) throws {
        let (hs, order) = try BootstrapBench.columns("Notebooks/data/HolzingerSwineford1939.csv")
        let table = try CSVReader.read(path: "Notebooks/data/HolzingerSwineford1939.csv")
        let school: [String?] = (0..<table.rowCount).map { table[$0, "school"].isNull ? nil : table[$0, "school"].description }
        let model = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9"
        var options = SEMOptions()
        options.group = school
        options.groupEqual = ["loadings"]
        let fit = try SEMFit.fit(model: model, data: hs, columnOrder: order, options: options)
        var runs: [SEMBootstrapResult] = []
        var seconds = 0.0
        for threads in [1, Bootstrap.defaultThreads] {
            let t0 = DispatchTime.now().uptimeNanoseconds
            runs.append(try fit.bootstrap(model: model, data: hs, columnOrder: order, options: options, draws: draws, seed: 1, threads: threads, bca: false))
            seconds = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
        }
        let boot = runs[1]
        let identical = zip(runs[0].intervals, runs[1].intervals).allSatisfy { $0.se == $1.se && $0.percentileLower == $1.percentileLower }
        let ref = try CSVReader.read(path: "Tests/MSNSEMTests/Fixtures/lavaan-boot/hs_boot_groups.estimates.csv")
        let theirDraws = ref[0, "draws"].doubleValue ?? 2000
        let tolerance = 3.5 * (1 / (2 * Double(draws - boot.failed - boot.notConverged)) + 1 / (2 * theirDraws)).squareRoot()
        var worst = 0.0, within = 0, compared = 0
        print("parameter                   group  msnb_boot_se  lavaan_boot_se  rel_diff")
        for i in 0..<ref.rowCount {
            let lhs = ref[i, "lhs"].description, op = ref[i, "op"].description, rhs = ref[i, "rhs"].isNull ? "" : ref[i, "rhs"].description
            let group = Int(ref[i, "group"].doubleValue ?? 1)
            guard let k = boot.keys.firstIndex(where: { $0.lhs == lhs && $0.op == op && $0.rhs == rhs && $0.group == group }),
                  let theirs = ref[i, "se"].doubleValue, theirs > 0 else { continue }
            let rel = boot.intervals[k].se / theirs - 1
            compared += 1
            if abs(rel) <= tolerance { within += 1 }
            worst = max(worst, abs(rel))
            print(String(format: "%-27@ %5d  %12.5f  %14.5f  %+8.3f", "\(lhs) \(op) \(rhs)" as NSString, group, boot.intervals[k].se, theirs, rel))
        }
        print("draws \(draws) (failed \(boot.failed), not converged \(boot.notConverged)), \(String(format: "%.1f", seconds)) s on \(Bootstrap.defaultThreads) threads; identical to 1 thread: \(identical)")
        print("bootstrap SEs within \(String(format: "%.1f", tolerance * 100))% (3.5 Monte-Carlo SDs) of lavaan: \(within) of \(compared); largest relative difference \(String(format: "%.3f", worst))")
    }
}
