import Foundation
import MSNKernel
import MSNLanguage
import MSNTable
import Testing

private let ioFixtures = repositoryRoot.appendingPathComponent("Tests/MSNIOTests/Fixtures")

private func tempDir() -> URL {
    let d = FileManager.default.temporaryDirectory.appendingPathComponent("msnb-load-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
    return d
}

@Test func loadPicksTheReaderAndItsOptions() throws {
    let s = makeSession()
    let x = ioFixtures.path
    let t = try s.table("load \"\(x)/firms.xlsx\" with sheet = 1, range = \"A1:C5\"")
    #expect(t.columnNames == ["id", "region", "sales"] && t.rowCount == 4)
    let sav = try s.table("load \"\(x)/firms.sav\"")
    #expect(sav[0, "sector"] == .string("food") && sav[1, "q1"] == .null)
    #expect(try s.table("load \"\(x)/firms.dta\" with labels = false")[1, "sector"] == .int(2))
    let d = try s.table("load \"\(x)/firms.sav\" | describe")
    #expect(d.columnNames.prefix(2) == ["column", "label"] && d[2, "label"] == .string("Annual sales (million IDR)"))
    #expect(s.failure("load \"\(x)/firms.sav\" with sheet = 2")?.message == "'sheet' is not an option for an SPSS file (.sav)")
    // A workbook under a .csv name, and one with no extension at all.
    let dir = tempDir()
    try FileManager.default.copyItem(at: ioFixtures.appendingPathComponent("firms.xlsx"), to: dir.appendingPathComponent("firms.csv"))
    try FileManager.default.copyItem(at: ioFixtures.appendingPathComponent("firms.xlsx"), to: dir.appendingPathComponent("firms_book"))
    let wrong = s.failure("load \"\(dir.path)/firms.csv\"")
    #expect(wrong?.message.hasSuffix("is an Excel workbook (.xlsx), not a CSV file") == true && wrong?.hint == "rename it to .xlsx and load that")
    #expect(try s.table("load \"\(dir.path)/firms_book\"").rowCount == 4)
    // An SPSS file with no extension is read by its first bytes ($FL2), labels applied.
    try FileManager.default.copyItem(at: ioFixtures.appendingPathComponent("firms.sav"), to: dir.appendingPathComponent("survey_export"))
    let bare = try s.table("load \"\(dir.path)/survey_export\"")
    #expect(bare.rowCount == 4 && bare[0, "sector"] == .string("food"))
}

/// `:schema` (Session.schema) shows variable labels beside the types when the table has any.
@Test func schemaShowsVariableLabels() throws {
    let s = makeSession()
    #expect(s.execute("sav = load \"\(ioFixtures.path)/firms.sav\"", origin: SourceOrigin(file: "test.msq")).succeeded)
    let schema = try #require(s.schema(of: "sav"))
    #expect(schema.columnNames == ["column", "type", "nulls", "label"])
    #expect(schema[2, "column"] == .string("sales") && schema[2, "label"] == .string("Annual sales (million IDR)"))
    #expect(s.execute("plain = load \"data/HolzingerSwineford1939.csv\"", origin: SourceOrigin(file: "test.msq")).succeeded)
    #expect(s.schema(of: "plain")?.columnNames == ["column", "type", "nulls"])
}

@Test func loadIndonesianExcelCSV() throws {
    let dir = tempDir()
    let semi = dir.appendingPathComponent("pasar.csv")
    // Windows-1252 bytes: "Sé" in a city name, decimal commas, thousands dots.
    var bytes = Array("kota;omzet;karyawan\nS".utf8) + [0xE9] + Array("maran;1.234,5;12\nBandung;99,25;3\n".utf8)
    try Data(bytes).write(to: semi)
    let s = makeSession()
    let r = s.execute("t = load \"\(semi.path)\" with encoding = \"cp1252\"\nt")
    #expect(r.succeeded)
    let notes = r.outputs.compactMap { o -> Diagnostic? in if case .warning(let d, _) = o { return d } else { return nil } }
    #expect(notes.first?.message.contains("decimal commas (omzet became numbers)") == true)
    let t = try s.table("t")
    #expect(t[0, "kota"] == .string("Sémaran") && t[0, "omzet"] == .float(1234.5) && t[1, "omzet"] == .float(99.25))
    #expect(t[0, "karyawan"] == .int(12))
    let bad = s.failure("load \"\(semi.path)\"")
    #expect(bad?.hint?.contains("cp1252") == true)
    // UTF-16 with a byte-order mark is found without being told.
    bytes = [0xFF, 0xFE] + Array("a,b\n1,x\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    let u16 = dir.appendingPathComponent("u16.csv")
    try Data(bytes).write(to: u16)
    #expect(try s.table("load \"\(u16.path)\"")[0, "b"] == .string("x"))
    #expect(try s.table("load \"\(semi.path)\" with encoding = \"latin1\", decimal = \",\"")[1, "omzet"] == .float(99.25))
}

@Test func exportWritesEachFormatAndRefusesOthers() throws {
    let out = tempDir()
    let s = makeSession(writeTo: out)
    _ = s.execute("hs = load \"data/HolzingerSwineford1939.csv\"\nsizes = hs | summarize n = count() by school")
    for ext in ["xlsx", "sav", "dta", "tsv", "csv"] {
        let r = s.execute("hs | select id, school, x1, grade | export \"hs.\(ext)\"")
        #expect(r.succeeded, "\(ext)")
        let back = try s.table("load \"\(out.path)/hs.\(ext)\"")
        let original = try s.table("hs | select id, school, x1, grade")
        #expect(back.rowCount == 301 && back.columnNames == ["id", "school", "x1", "grade"], "\(ext)")
        for i in [0, 150, 300] { for c in ["id", "school", "x1", "grade"] {
            #expect(back[i, c].description == original[i, c].description || Double(back[i, c].description) == Double(original[i, c].description), "\(ext) \(c) row \(i)")
        } }
    }
    #expect(try String(contentsOf: out.appendingPathComponent("hs.tsv"), encoding: .utf8).hasPrefix("id\tschool\tx1\tgrade\n"))
    let two = s.execute("export [hs, sizes] \"both.xlsx\"")
    #expect(two.succeeded)
    #expect(try s.table("load \"\(out.path)/both.xlsx\" with sheet = \"sizes\"").rowCount == 2)
    let bad = s.failure("hs | export \"hs.parquet\"")
    #expect(bad?.message == "msnb cannot write .parquet files" && bad?.hint == "the formats export writes: .csv, .tsv, .xlsx, .sav, .dta")
    #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("hs.parquet").path))
}

/// `export t "out.xlsx"` writes one bound table (its sheet named after the binding); in a notebook the list
/// and figure forms are confined to the output folder like `t | export`.
@Test func exportNamedTableAndConfinedForms() throws {
    let out = tempDir()
    try "id,region\n1,Java\n2,Bali\n".write(to: out.appendingPathComponent("in.csv"), atomically: true, encoding: .utf8)
    let s = makeSession(writeTo: out)
    #expect(s.execute("firms = load \"\(out.path)/in.csv\"", origin: SourceOrigin(file: "test.msq")).succeeded)
    #expect(s.execute("export firms \"one.xlsx\"", origin: SourceOrigin(file: "test.msq")).succeeded)
    let back = try s.table("load \"\(out.path)/one.xlsx\" with sheet = \"firms\"")
    #expect(back.columnNames == ["id", "region"] && back[1, "region"] == .string("Bali"))
    #expect(s.failure("export firms \"one.parquet\"")?.hint == "the formats export writes: .csv, .tsv, .xlsx, .sav, .dta")
    var c = SessionConfiguration(directory: out, writeDirectory: out)
    c.confineWrites = true
    let confined = Session(configuration: c)
    #expect(confined.execute("a = load \"in.csv\"", origin: SourceOrigin(file: "test.msq")).succeeded)
    for statement in ["export [a, a] \"../both.xlsx\"", "export a \"../one.xlsx\"", "a | export \"../one.csv\""] {
        #expect(confined.failure(statement)?.message.contains("would write outside the notebook's output folder") == true)
    }
    #expect(!FileManager.default.fileExists(atPath: out.deletingLastPathComponent().appendingPathComponent("both.xlsx").path))
}
