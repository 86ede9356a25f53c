import Foundation
import MSNIO
import MSNTable

// Reading statistical and Excel files (release build; see docs/performance.md):
//   swift build -c release --product MSNIOBench
//   .build/release/MSNIOBench Benchmarks/out/firms_1m.sav [--runs 3]     (or .dta, .xlsx)
// Prints the median read time and the process's peak memory (VmHWM).
let args = Array(CommandLine.arguments.dropFirst())
guard let file = args.first else { print("usage: MSNIOBench FILE.sav|FILE.dta|FILE.xlsx [--runs N]"); exit(2) }
let runs = args.firstIndex(of: "--runs").flatMap { args.count > $0 + 1 ? Int(args[$0 + 1]) : nil } ?? 3
var times: [Double] = []
var rows = 0
for _ in 0..<runs {
    let t0 = DispatchTime.now().uptimeNanoseconds
    let t = file.hasSuffix(".xlsx") ? try XLSXReader.read(path: file) : try StatFileReader.read(path: file)
    times.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
    rows = t.rowCount
}
times.sort()
let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
let hwm = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }.flatMap { Double($0.split(separator: " ").dropFirst().first ?? "") } ?? 0
print("{\"file\": \"\(file)\", \"rows\": \(rows), \"read_ms\": \(String(format: "%.1f", times[times.count / 2])), \"peak_mb\": \(String(format: "%.1f", hwm / 1024))}")
