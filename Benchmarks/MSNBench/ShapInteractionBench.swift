import Foundation
import MSNBoost

/// SHAP interaction values (issue 17's cost target): 1,000 rows × 12 features × 300 trees of depth 4.
/// Data: 5,000 deterministic rows (a fixed LCG), y = a nonlinear function with designed interactions;
/// written to Benchmarks/out/shapint.csv so `Benchmarks/peers_shapint.py` times XGBoost on the same rows.
enum ShapInteractionBench {
    static func data() -> (x: [[Double]], y: [Double]) {
        var state: UInt64 = 42
        func next() -> Double { state = state &* 6364136223846793005 &+ 1442695040888963407; return Double(state >> 11) / Double(1 << 53) }
        let n = 5000, f = 12
        var x = [[Double]](repeating: [Double](repeating: 0, count: n), count: f)
        var y = [Double](repeating: 0, count: n)
        for i in 0..<n {
            for j in 0..<f { x[j][i] = (next() * 1000).rounded() / 1000 }
            y[i] = 2 * x[0][i] * x[1][i] + sin(3 * x[2][i]) + x[3][i] * (x[4][i] > 0.5 ? 1 : -1) + 0.3 * x[5][i] + 0.1 * next()
        }
        return (x, y)
    }

    static func run() throws {
        let (x, y) = data()
        let names = (0..<12).map { "x\($0)" }
        var csv = names.joined(separator: ",") + ",y\n"
        for i in 0..<y.count { csv += (x.map { String($0[i]) } + [String(y[i])]).joined(separator: ",") + "\n" }
        try FileManager.default.createDirectory(atPath: "Benchmarks/out", withIntermediateDirectories: true)
        try csv.write(toFile: "Benchmarks/out/shapint.csv", atomically: true, encoding: .utf8)
        var o = BoostOptions()
        o.trees = 300; o.depth = 4; o.rate = 0.1; o.objective = .regression
        let m = try BoostModel.train(features: x, names: names, labels: y, options: o)
        let rows = (0..<1000).map { i in x.map { $0[i] } }
        var times: [Double] = [], cpu: [Double] = []
        var checksum = 0.0
        for _ in 0..<3 {
            let start = DispatchTime.now().uptimeNanoseconds, c0 = clock()
            let all = TreeSHAP.interactions(m, rows: rows)
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            cpu.append(Double(clock() - c0) / Double(CLOCKS_PER_SEC))
            checksum = all.reduce(0) { $0 + $1.reduce(0) { $0 + $1.reduce(0, +) } }
        }
        // CPU seconds (all threads) beside wall time: on a shared machine the CPU time is the fairer figure.
        print("{\"rows\": 1000, \"features\": 12, \"trees\": 300, \"depth\": 4, \"interactions_s\": \(String(format: "%.3f", times.sorted()[1])), \"cpu_s\": \(String(format: "%.3f", cpu.sorted()[1])), \"checksum\": \(checksum)}")
    }
}
