#!/bin/sh
# The SEM timings of issue 21 without building MSNKernel: a throw-away package in /tmp that compiles this
# worktree's MSNTable, MSNStats and MSNSEM (symlinked, `swift build -c release`, the same flags as MSNBench)
# with a small driver: the HS CFA (fit; fit + every fit measure) and the simulated 10-factor x 9-indicator
# CFA of `MSNBench sem-hs` (same generator, seed 7). `write90` writes that CFA's data to Benchmarks/out/cfa90.csv.
# Usage: sh Benchmarks/sem_quick.sh [all|hs|90|write90] [runs]
set -e
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PKG=${SEM_QUICK_DIR:-/tmp/sem-quick-$(id -u)}
mkdir -p "$PKG/Sources/SemQuick"
for m in MSNTable MSNStats MSNSEM; do ln -sfn "$ROOT/Sources/$m" "$PKG/Sources/$m"; done
cat > "$PKG/Package.swift" <<'PKGEOF'
// swift-tools-version: 6.0
import PackageDescription
let package = Package(name: "semquick", targets: [
    .target(name: "MSNTable"),
    .target(name: "MSNStats", dependencies: ["MSNTable"]),
    .target(name: "MSNSEM", dependencies: ["MSNTable", "MSNStats"]),
    .executableTarget(name: "SemQuick", dependencies: ["MSNTable", "MSNStats", "MSNSEM"]),
])
PKGEOF
sed "s|/work/wt-semspeed|$ROOT|g" > "$PKG/Sources/SemQuick/main.swift" <<'MAINEOF'
import Foundation
import MSNSEM
import MSNStats
import MSNTable

func median(_ runs: Int, _ body: () throws -> Void) rethrows -> Double {
    var times: [Double] = []
    for _ in 0..<runs {
        let t = DispatchTime.now().uptimeNanoseconds
        try body()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - t) / 1e6)
    }
    times.sort()
    return times[times.count / 2]
}
let args = CommandLine.arguments
let runs = args.count > 2 ? Int(args[2]) ?? 100 : 100
let mode = args.count > 1 ? args[1] : "all"
let hs = try CSVReader.read(path: "/work/wt-semspeed/Notebooks/data/HolzingerSwineford1939.csv")
var cols: [String: [Double]] = [:]
for (n, c) in zip(hs.columnNames, hs.columns) { if let d = c.doubles() { cols[n] = d } }
let model = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9"
if mode == "hs" || mode == "all" {
    let f0 = try SEMFit.fit(model: model, data: cols, columnOrder: hs.columnNames)
    print("iterations", f0.iterations, "chisq", f0.fitMeasures().first { $0.name == "chisq" }!.value)
    let t1 = try median(runs) { _ = try SEMFit.fit(model: model, data: cols, columnOrder: hs.columnNames) }
    let t2 = try median(runs) { let f = try SEMFit.fit(model: model, data: cols, columnOrder: hs.columnNames); _ = f.fitMeasures() }
    print(String(format: "hs fit %.3f ms, fit+measures %.3f ms", t1, t2))
}
func simulated(indicators: Int, factors: Int, rows: Int) -> ([String: [Double]], [String], String) {
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
if mode == "90" || mode == "all" {
    let (data, order, spec) = simulated(indicators: 90, factors: 10, rows: 500)
    let f = try SEMFit.fit(model: spec, data: data, columnOrder: order)
    print("iterations", f.iterations, "chisq", f.fitMeasures().first { $0.name == "chisq" }!.value, "df", f.df)
    let t = try median(max(3, runs / 20)) { _ = try SEMFit.fit(model: spec, data: data, columnOrder: order).fitMeasures() }
    print(String(format: "cfa90 fit+measures %.2f ms", t))
}
if mode == "write90" {
    let (data, order, _) = simulated(indicators: 90, factors: 10, rows: 500)
    try? FileManager.default.createDirectory(atPath: "/work/wt-semspeed/Benchmarks/out", withIntermediateDirectories: true)
    try CSVWriter.write(try Table(order.map { ($0, Column.float(TypedColumn(data[$0] ?? []))) }), to: "/work/wt-semspeed/Benchmarks/out/cfa90.csv")
}
MAINEOF
(cd "$PKG" && swift build -c release --product SemQuick >&2)
"$PKG/.build/release/SemQuick" "${1:-all}" "${2:-300}"
