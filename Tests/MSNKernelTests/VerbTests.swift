import Foundation
import MSNKernel
import MSNLanguage
import MSNTable
import Testing

/// A small firm table bound as `firms` (values checked by hand in each test).
private func firmsSession() -> Session {
    let s = makeSession()
    let csv = """
    firm_id,region,sector,export_volume,profit_margin,exported
    1,Java,food,100,0.10,1
    2,Bali,crafts,250,0.20,0
    3,Java,food,,0.05,1
    4,Sumatra,textiles,400,,0
    5,Java,crafts,50,0.15,1
    6,Bali,food,5000,0.30,1
    """
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("msnb-verbs-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let path = dir.appendingPathComponent("firms.csv").path
    try? csv.write(toFile: path, atomically: true, encoding: .utf8)
    _ = s.execute("firms = load \"\(path)\"")
    return s
}

@Test func filterHeadAndCount() throws {
    let s = firmsSession()
    let t = try s.table("firms | filter region == \"Java\" and export_volume > 60 | head 5")
    #expect(t.rowCount == 1 && t[0, "firm_id"] == .int(1))
    #expect(try s.text("firms | filter export_volume > 60 | count") == "4")   // null volume is dropped
    #expect(try s.text("firms | filter region in [\"Java\", \"Bali\"] | count") == "5")
    #expect(try s.text("firms | filter profit_margin is null | count") == "1")
}

@Test func deriveWithBroadcastAggregatesAndNulls() throws {
    let s = firmsSession()
    let t = try s.table("firms | derive pct = profit_margin * 100, dev = export_volume - mean(export_volume), big = if(export_volume > 200, \"big\", \"small\")")
    #expect(t[0, "pct"] == .float(10))
    // mean of 100, 250, 400, 50, 5000 = 1160.
    #expect(t[0, "dev"] == .float(-1060))
    #expect(t[2, "dev"] == .null)
    #expect(t[1, "big"] == .string("big") && t[2, "big"] == .null)
}

@Test func summarizeByGroupsByHand() throws {
    let s = firmsSession()
    let t = try s.table("firms | summarize n = count(), vol = sum(export_volume), m = mean(profit_margin), share = sum(exported) / count() by region | sort region")
    #expect(t.columnNames == ["region", "n", "vol", "m", "share"])
    #expect(t[0, "region"] == .string("Bali") && t[0, "n"] == .int(2) && t[0, "vol"] == .int(5250))
    #expect(t[1, "region"] == .string("Java") && t[1, "vol"] == .int(150))
    #expect(abs((t[1, "m"].doubleValue ?? 0) - 0.1) < 1e-12)
    #expect(t[2, "m"] == .null)   // Sumatra's only margin is missing
    #expect(t[1, "share"] == .float(1))
    let whole = try s.table("firms | summarize n = count(), med = median(export_volume), q = quantile(export_volume, 0.25)")
    #expect(whole.rowCount == 1 && whole[0, "med"] == .float(250) && whole[0, "q"] == .float(100))
}

@Test func selectRenameDropSortDistinct() throws {
    let s = firmsSession()
    #expect(try s.table("firms | select id = firm_id, region").columnNames == ["id", "region"])
    #expect(try s.table("firms | select -sector, -exported").columnCount == 4)
    let sorted = try s.table("firms | sort region, export_volume desc")
    #expect((0..<6).map { sorted[$0, "firm_id"] } == [.int(6), .int(2), .int(1), .int(5), .int(3), .int(4)])
    #expect(try s.table("firms | distinct region").rowCount == 3)
}

@Test func dropNullsOutliersSampleSplit() throws {
    let s = firmsSession()
    #expect(try s.text("firms | drop nulls export_volume, profit_margin | count") == "4")
    // volumes 50,100,250,400,5000: Q1 100, Q3 400, IQR 300 → upper fence 850 drops 5000.
    #expect(try s.text("firms | drop outliers export_volume | count") == "5")
    #expect(try s.text("firms | drop outliers export_volume with k = 20 | count") == "6")
    _ = s.execute("train, test = firms | split 0.5 by exported seed 42")
    #expect(s.bindings().first { $0.name == "train" }?.shape == "3 × 6")
    #expect(try s.text("train | count") == "3" && s.execute("test | count").outputs.count == 1)
    let a = try s.table("firms | sample 3 seed 7"), b = try s.table("firms | sample 3 seed 7")
    #expect((0..<3).map { a[$0, "firm_id"] } == (0..<3).map { b[$0, "firm_id"] })
}

@Test func joinAndExportAtomically() throws {
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("msnb-export-\(UUID().uuidString)")
    let s = makeSession(writeTo: out)
    _ = s.execute("regions = load \"data/HolzingerSwineford1939.csv\" | summarize n = count() by school")
    let hs = try s.table("load \"data/HolzingerSwineford1939.csv\" | join regions on school | select id, school, n | head 2")
    #expect(hs[0, "n"] == .int(156) && hs[0, "school"] == .string("Pasteur"))
    let r = s.execute("regions | export \"tables/schools.csv\"")
    #expect(r.succeeded)
    guard case .fileWritten(let path, let rows, _)? = r.outputs.first else { Issue.record("no file output"); return }
    #expect(path == "tables/schools.csv" && rows == 2)
    let back = try CSVReader.read(path: out.appendingPathComponent("tables/schools.csv").path)
    #expect(back[1, "n"] == .int(145))
}

@Test func userFunctionsAndPrelude() throws {
    let s = firmsSession()
    _ = s.execute("def exporters(t) = t | filter exported == 1\ndef double(x) = x * 2")
    #expect(try s.text("firms | exporters | count") == "4")
    let z = try s.table("firms | derive z = zscore(profit_margin), d = double(firm_id)")
    #expect(z[0, "d"] == .int(2))
    // margins 0.10, 0.20, 0.05, 0.15, 0.30: mean 0.16, sd = sqrt(0.037/4) = 0.0961769...
    #expect(abs((z[0, "z"].doubleValue ?? 0) - (-0.06 / (0.037 / 4).squareRoot())) < 1e-9)
    _ = s.execute("use likert")
    #expect(try s.text("top2(5)") == "1")
}

@Test func statementsAndOptions() throws {
    let s = makeSession()
    #expect(try s.text("x = 2\ny = x ^ 3 + 1\ny") == "9.0")
    #expect(try s.text("7 % 3") == "1")
    #expect(try s.text("1 / 0") == "null")
    _ = s.execute("set rows = 3\nset digits = 3")
    #expect(s.options.rows == 3 && s.options.digits == 3)
    #expect(s.failure("set colour = 1")?.hint == "options are rows, digits, seed, language and locale")
    // % takes the sign of the divisor, as R's %% and Python's %.
    #expect(try s.text("-7 % 3") == "2" && s.text("7 % -3") == "-2" && s.text("-7.5 % 2") == "0.5")
    #expect(try s.text("x = -9223372036854775807 - 1\nx % -1") == "0")
    #expect(s.failure("set digits = 0")?.message == "set digits = 0 is not allowed: digits is a whole number of significant digits from 1 to 17")
    #expect(s.failure("set seed = -1")?.message == "set seed = -1 is not allowed: a seed is a whole number ≥ 0")
    #expect(s.failure("set rows = 2.5")?.message == "set rows = 2.5 is not allowed: rows shown is a whole number from 1 to 1,000,000")
    #expect(s.options.rows == 3 && s.options.digits == 3)
}

@Test func rowNumberCountsPositionsAfterFilters() throws {
    let s = firmsSession()
    let t = try s.table("firms | filter region == \"Java\" | derive pos = row_number()")
    #expect((0..<t.rowCount).map { t[$0, "pos"] } == [.int(1), .int(2), .int(3)])
    #expect((0..<t.rowCount).map { t[$0, "firm_id"] } == [.int(1), .int(3), .int(5)])
    #expect(s.failure("firms | derive p = row_number(1)")?.message == "row_number takes 0 arguments, but got 1")
}
