import Foundation
import MSNKernel
import MSNTable

/// Table operations on the synthetic firm CSV, directly on the engine and through the language.
enum TableBench {
    static func run(file: String, runs: Int) throws {
        var table = try CSVReader.read(path: file)
        let loadPeak = Bench.peakMB()
        let load = try Bench.median(runs) { table = try CSVReader.read(path: file) }
        let session = Session(configuration: SessionConfiguration(loadPrelude: false))
        _ = session.execute("t = load \"\(file)\"")
        // Each operation on the engine, alternating run by run with the same work through the language.
        let (filter, langFilter) = try Bench.medianPair(runs, {
            _ = try engineFilter(table)
        }, { _ = session.execute("x = t | filter export_volume > 1000 and region == \"Java\"") })
        let (group, langGroup) = try Bench.medianPair(runs, {
            _ = try table.summarize(by: ["sector", "region"], [
                ("n", nil, .count), ("mean_vol", "export_volume", .mean), ("sd_vol", "export_volume", .sd),
            ])
        }, { _ = session.execute("x = t | summarize n = count(), mean_vol = mean(export_volume), sd_vol = sd(export_volume) by sector, region") })
        let (sort, langSort) = try Bench.medianPair(runs, {
            _ = try table.sorted(by: [SortKey("export_volume", descending: true)])
        }, { _ = session.execute("x = t | sort export_volume desc") })
        let regions = try Table([("region", .string(StringColumn(["Java", "Sumatra", "Bali"]))),
                                 ("island_pop_m", .int(TypedColumn<Int64>([152, 60, 4])))])
        let join = try Bench.median(runs) { _ = try table.joined(with: regions, on: [("region", "region")]) }
        // 1M × 1M with many matches: a right table as long as the left whose key repeats each of the
        // first quarter of firm ids four times (peers_table.py builds the same table).
        let wide = try wideTable(rows: table.rowCount)
        let bigJoin = try Bench.median(runs) { _ = try table.joined(with: wide, on: [("firm_id", "firm_id")]) }
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("msnb-bench-out.csv").path
        let write = try Bench.median(runs) { try CSVWriter.write(table, to: out) }
        let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int).flatMap { $0 } ?? 0
        let results: [(String, Double)] = [
            ("load", load), ("filter", filter), ("groupby", group), ("sort", sort), ("join", join), ("join_big", bigJoin), ("write", write),
            ("lang_filter", langFilter), ("lang_groupby", langGroup), ("lang_sort", langSort),
        ]
        print("{\"rows\": \(table.rowCount), \"csv_mb\": \(String(format: "%.1f", Double(size) / 1e6)), \"load_peak_mb\": \(String(format: "%.1f", loadPeak)), \"peak_mb\": \(String(format: "%.1f", Bench.peakMB())),")
        print(results.map { "  \"\($0.0)_ms\": \(String(format: "%.1f", $0.1))" }.joined(separator: ",\n") + "}")
    }

    /// The engine filter the table benchmark times: `export_volume > 1000 and region == "Java"` as a mask.
    static func engineFilter(_ table: Table) throws -> Table? {
        guard case .float(let v)? = table.column(named: "export_volume"), case .string(let r)? = table.column(named: "region"),
              case .dictionary(let codes, let dict) = r.storage, let java = dict.firstIndex(of: "Java") else { return nil }
        // Both comparisons on every row (no branch), into the mask's storage directly.
        let j = Int32(java)
        let mask = v.values.withUnsafeBufferPointer { vv in codes.withUnsafeBufferPointer { cc in
            [Bool](unsafeUninitializedCapacity: vv.count) { out, n in
                for i in 0..<vv.count {
                    let big = vv[i] > 1000, inJava = cc[i] == j
                    out[i] = big && inJava
                }
                n = vv.count
            }
        } }
        return try table.filter(TypedColumn(mask, validity: v.validity))
    }

    /// 1M × 1M with many matches: a right table as long as the left whose key repeats each of the
    /// first quarter of firm ids four times (peers_table.py builds the same table).
    static func wideTable(rows n: Int) throws -> Table {
        try Table([("firm_id", .int(TypedColumn<Int64>((0..<n).map { Int64($0 % max(1, n / 4) + 1) }))),
                   ("w", .float(TypedColumn<Double>((0..<n).map(Double.init))))])
    }

    /// One operation of the table benchmark alone, `runs` times (for profiling: `perf record -g
    /// MSNBench table-op FILE --op join_big --runs 50`); prints the median and the result's row count.
    static func runOne(file: String, op: String, runs: Int) throws {
        let table = try CSVReader.read(path: file)
        let wide = try wideTable(rows: table.rowCount)
        let regions = try Table([("region", .string(StringColumn(["Java", "Sumatra", "Bali"]))),
                                 ("island_pop_m", .int(TypedColumn<Int64>([152, 60, 4])))])
        var rows = 0
        let ms = try Bench.median(runs) {
            switch op {
            case "filter": rows = try engineFilter(table)?.rowCount ?? -1
            case "join_big": rows = try table.joined(with: wide, on: [("firm_id", "firm_id")]).rowCount
            case "join": rows = try table.joined(with: regions, on: [("region", "region")]).rowCount
            default: throw TableError.invalidArgument("unknown op \(op): filter, join or join_big")
            }
        }
        print("{\"op\": \"\(op)\", \"rows\": \(rows), \"ms\": \(String(format: "%.2f", ms))}")
    }
}
