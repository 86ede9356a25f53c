import Foundation
import MSNPanel
import MSNTable

/// Two-way fixed effects on a firm × year panel (issue 19): `MSNBench panel-gen --firms 100000 --out F.csv`
/// writes the panel (10 years, 5 regressors, unbalanced: 2% of rows missing); `MSNBench panel F.csv` fits
/// y ~ x1 + … + x5 | firm + year clustered by firm (median of 3) and reports the peak memory. The peers run in
/// Benchmarks/peers_panel.py on the same file.
enum PanelBench {
    static func generate(firms: Int, to path: String) throws {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func uniform() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return (Double(state >> 11) + 0.5) / 9007199254740992
        }
        func normal() -> Double { (-2 * log(uniform())).squareRoot() * cos(2 * .pi * uniform()) }
        var out = "firm,year,x1,x2,x3,x4,x5,y\n"
        out.reserveCapacity(firms * 10 * 90)
        let yearEffect = (0..<10).map { _ in normal() }
        for f in 0..<firms {
            let alpha = normal()
            for t in 0..<10 where uniform() > 0.02 {
                let x = (0..<5).map { k in normal() + (k == 0 ? 0.5 * alpha : 0) }
                let y = alpha + yearEffect[t] + 0.5 * x[0] - 0.3 * x[1] + 0.2 * x[2] + 0.1 * x[3] - 0.4 * x[4] + normal()
                out += "\(f),\(2010 + t)," + x.map { String(format: "%.6f", $0) }.joined(separator: ",") + String(format: ",%.6f\n", y)
            }
        }
        try out.write(toFile: path, atomically: true, encoding: .utf8)
    }

    static func run(file: String, runs: Int) throws {
        let t0 = DispatchTime.now().uptimeNanoseconds
        let table = try CSVReader.read(path: file)
        let loadMS = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6
        let spec = PanelSpecification(response: "y", regressors: ["x1", "x2", "x3", "x4", "x5"], absorb: ["firm", "year"],
                                      variance: .clustered(["firm"]))
        var fit: PanelFit?
        let ms = try Bench.median(runs) { fit = try PanelFit.fit(table, spec) }
        let b = fit?.coefficients.dropFirst().map { String(format: "%.6f", $0) }.joined(separator: ", ") ?? ""
        print("{\"rows\": \(fit?.counts.observations ?? 0), \"load_ms\": \(String(format: "%.1f", loadMS)), \"fit_ms\": \(String(format: "%.1f", ms)), \"peak_mb\": \(String(format: "%.1f", Bench.peakMB())), \"b\": [\(b)]}")
    }
}
