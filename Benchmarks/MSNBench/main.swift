import MSNTable
import Foundation

// msnb benchmark harness (release build): `make bench` or
//   .build/release/MSNBench gen --rows 1000000 --out Benchmarks/out/firms_1m.csv
//   .build/release/MSNBench table Benchmarks/out/firms_1m.csv
//   .build/release/MSNBench table-op Benchmarks/out/firms_1m.csv --op filter|join|join_big [--runs 20]   (one op, for perf)
//   .build/release/MSNBench load Benchmarks/out/firms_1m.csv   (one load: time and peak memory)
//   .build/release/MSNBench sem
//   .build/release/MSNBench floatfmt [--count 10000000]   (shortest-double text == Swift's description)
//   .build/release/MSNBench floatparse [--count 10000000]   (CSV float parser == Double(String))
//   .build/release/MSNBench panel-gen --firms 100000 --out Benchmarks/out/panel_1m.csv
//   .build/release/MSNBench panel Benchmarks/out/panel_1m.csv   (then python Benchmarks/peers_panel.py FILE)
//   .build/release/MSNBench bootstrap [--draws 5000]
//   .build/release/MSNBench bootstrap-lavaan [--draws 5000]   (bootstrap SEs against lavaan's)
//   .build/release/MSNBench bootstrap-lavaan --groups [--draws 2000]   (the same by school, within-group resampling)
//   .build/release/MSNBench coverage [--datasets 200 --draws 1000 --n 200]   (percentile-CI coverage of a·b)
//   .build/release/MSNBench plot   (100k-point scatters, histogram: ms and SVG bytes)
// Timings are medians of several runs; peak memory is the process's VmHWM.
let args = Array(CommandLine.arguments.dropFirst())
// As the msnb executable does (MSN_DEFAULT_MALLOC=1 measures glibc's defaults instead).
if ProcessInfo.processInfo.environment["MSN_DEFAULT_MALLOC"] != "1" { AllocatorPolicy.apply() }
switch args.first {
case "gen":
    let rows = Int(Bench.value(args, "--rows") ?? "1000000") ?? 1_000_000
    let out = Bench.value(args, "--out") ?? "Benchmarks/out/firms.csv"
    try FirmDataGenerator.write(rows: rows, to: out)
    print("wrote \(out) (\(rows) rows)")
case "table":
    guard args.count >= 2 else { print("usage: MSNBench table FILE.csv [--runs N]"); exit(2) }
    try TableBench.run(file: args[1], runs: Int(Bench.value(args, "--runs") ?? "5") ?? 5)
case "table-op":
    guard args.count >= 2 else { print("usage: MSNBench table-op FILE.csv --op filter|join|join_big [--runs N]"); exit(2) }
    try TableBench.runOne(file: args[1], op: Bench.value(args, "--op") ?? "filter", runs: Int(Bench.value(args, "--runs") ?? "20") ?? 20)
case "load":
    guard args.count >= 2 else { print("usage: MSNBench load FILE.csv"); exit(2) }
    let t0 = DispatchTime.now().uptimeNanoseconds
    let table = try CSVReader.read(path: args[1])
    let ms = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6
    print("{\"rows\": \(table.rowCount), \"load_ms\": \(String(format: "%.1f", ms)), \"peak_mb\": \(String(format: "%.1f", Bench.peakMB()))}")
case "boost":
    guard args.count >= 2 else { print("usage: MSNBench boost FILE.csv [--rows N]"); exit(2) }
    try BoostBench.run(file: args[1], rows: Bench.value(args, "--rows").flatMap { Int($0) })
case "panel-gen":
    let firms = Int(Bench.value(args, "--firms") ?? "100000") ?? 100_000
    let out = Bench.value(args, "--out") ?? "Benchmarks/out/panel_1m.csv"
    try PanelBench.generate(firms: firms, to: out)
    print("wrote \(out)")
case "panel":
    guard args.count >= 2 else { print("usage: MSNBench panel FILE.csv [--runs N]"); exit(2) }
    try PanelBench.run(file: args[1], runs: Int(Bench.value(args, "--runs") ?? "3") ?? 3)
case "plot":
    try PlotBench.run(runs: Int(Bench.value(args, "--runs") ?? "5") ?? 5)
case "shapint":
    try ShapInteractionBench.run()
case "scale":
    try ScaleBench.run(terms: Int(Bench.value(args, "--terms") ?? "100000") ?? 100_000)
case "floatfmt":
    // The shortest-double formatter against Swift's description on N random doubles (issue 21).
    let count = Int(Bench.value(args, "--count") ?? "10000000") ?? 10_000_000
    let t0 = DispatchTime.now().uptimeNanoseconds
    let (bad, examples) = NumberTextSample.check(count: count, seed: 21)
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
    print("{\"doubles\": \(count), \"mismatches\": \(bad), \"seconds\": \(String(format: "%.1f", seconds))}")
    for e in examples { print("  " + e) }
    if bad > 0 { exit(1) }
case "floatparse":
    // The CSV float parser against Double(String) on N random texts (issue 21).
    let count = Int(Bench.value(args, "--count") ?? "10000000") ?? 10_000_000
    let t0 = DispatchTime.now().uptimeNanoseconds
    let (bad, examples) = FloatParseSample.check(count: count, seed: 21, parse: FloatParseSample.parseCSV)
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
    print("{\"texts\": \(count), \"mismatches\": \(bad), \"seconds\": \(String(format: "%.1f", seconds))}")
    for e in examples { print("  " + e) }
    if bad > 0 { exit(1) }
case "sem-hs":
    // Only the HS CFA with all fit measures (for profiling: perf record MSNBench sem-hs --runs 5000).
    try SEMBench.runHS(runs: Int(Bench.value(args, "--runs") ?? "1000") ?? 1000)
case "sem":
    try SEMBench.run(runs: Int(Bench.value(args, "--runs") ?? "200") ?? 200)
case "bootstrap":
    try BootstrapBench.run(draws: Int(Bench.value(args, "--draws") ?? "5000") ?? 5000)
case "coverage":
    try CoverageBench.run(datasets: Int(Bench.value(args, "--datasets") ?? "200") ?? 200, draws: Int(Bench.value(args, "--draws") ?? "1000") ?? 1000,
                          n: Int(Bench.value(args, "--n") ?? "200") ?? 200)
case "bootstrap-lavaan":
    if args.contains("--groups") {
        try BootstrapLavaanGroupsBench.run(draws: Int(Bench.value(args, "--draws") ?? "2000") ?? 2000)
    } else {
        try BootstrapLavaanBench.run(draws: Int(Bench.value(args, "--draws") ?? "5000") ?? 5000)
    }
default:
    print("usage: MSNBench gen|table|boost|sem|panel-gen|panel|bootstrap|plot …")
    exit(2)
}
