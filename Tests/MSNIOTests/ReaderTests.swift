import Foundation
import MSNTable
import Testing
@testable import MSNIO

/// Fixtures made by Fixtures/make_fixtures.py (openpyxl 3.1.5, pyreadstat 1.3.8; see PROVENANCE.md).
let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

/// Every cell as text ("" for null), column by column.
func cells(_ t: Table) -> [String: [String]] {
    Dictionary(uniqueKeysWithValues: t.columnNames.map { n in (n, (0..<t.rowCount).map { t[$0, n].description }) })
}

/// The expected table, read by the project's CSV reader.
func expected(_ name: String) throws -> Table {
    try CSVReader.read(path: fixtures.appendingPathComponent(name).path)
}

@Test func xlsxFromOpenpyxlReadsAsItsCSV() throws {
    for file in ["firms.xlsx", "firms_1904.xlsx"] {
        let t = try XLSXReader.read(path: fixtures.appendingPathComponent(file).path)
        let e = try expected("firms_expected.csv")
        #expect(t.columnNames == e.columnNames, "\(file)")
        #expect(cells(t) == cells(e), "\(file)")
        #expect(t.schema.map(\.type) == [.int, .string, .float, .bool, .string, .int, .int], "\(file)")
    }
}

@Test func xlsxSheetRangeAndHeaderOptions() throws {
    let path = fixtures.appendingPathComponent("firms.xlsx").path
    let notes = try XLSXReader.read(path: path, options: XLSXOptions(sheet: .name("notes")))
    #expect(cells(notes) == ["note": ["made by make_fixtures.py"]])
    #expect(try XLSXReader.read(path: path, options: XLSXOptions(sheet: .index(2))).columnNames == ["note"])
    let part = try XLSXReader.read(path: path, options: XLSXOptions(range: "B2:C3", header: false))
    #expect(cells(part) == ["B": ["Java", "Bali"], "C": ["12.5", ""]])
    #expect(throws: IOError.unknownSheet(file: path, sheet: "'Sheet9'", available: ["firms", "notes"])) {
        try XLSXReader.read(path: path, options: XLSXOptions(sheet: .name("Sheet9")))
    }
    #expect(throws: IOError.badOption("range must look like \"A1:F200\", not \"A:F\"")) {
        try XLSXReader.read(path: path, options: XLSXOptions(range: "A:F"))
    }
}

@Test func excelSerialDates() {
    #expect(XLSXDates.iso(45_351, date1904: false) == "2024-02-29")
    #expect(XLSXDates.iso(1, date1904: false) == "1900-01-01")
    #expect(XLSXDates.iso(61, date1904: false) == "1900-03-01")
    #expect(XLSXDates.iso(0, date1904: true) == "1904-01-01")
    #expect(XLSXDates.iso(45_351.75, date1904: false) == "2024-02-29T18:00:00")
    #expect(XLSXRange("$B$2:A10") == XLSXRange(firstRow: 1, firstColumn: 0, lastRow: 9, lastColumn: 1))
    #expect(XLSXRange.columnName(27) == "AB" && XLSXRange.cell("AB3")?.column == 27)
}

@Test func spssAndStataFromPyreadstatReadAsTheirCSV() throws {
    for file in ["firms.sav", "firms.dta"] {
        let t = try StatFileReader.read(path: fixtures.appendingPathComponent(file).path)
        let e = try expected("firms_stat_expected.csv")
        #expect(cells(t) == cells(e), "\(file)")
        #expect(t.columnNames == e.columnNames)
        #expect(t.columnLabels["sales"] == "Annual sales (million IDR)", "\(file)")
        #expect(t.column(named: "q1")?.type == .int && t.column(named: "sector")?.type == .string)
        let codes = try StatFileReader.read(path: fixtures.appendingPathComponent(file).path, options: StatFileOptions(labels: false))
        #expect(cells(codes)["sector"] == ["1", "2", "3", "1"], "\(file)")
    }
    #expect(throws: IOError.self) { try StatFileReader.read(path: fixtures.appendingPathComponent("firms.csv").path.replacingOccurrences(of: ".csv", with: ".sav").replacingOccurrences(of: "firms", with: "nope")) }
}

@Test func spssPortableAndSASTransport() throws {
    let por = try StatFileReader.read(path: fixtures.appendingPathComponent("firms.por").path)
    #expect(por.columnNames == ["ID", "SECTOR", "SALES", "Q1"])   // the portable format keeps upper-case names
    #expect(cells(por)["SALES"] == ["12.5", "", "7.25", "100.0"] && cells(por)["Q1"] == ["3", "99", "5", "1"])
    let xpt = try StatFileReader.read(path: fixtures.appendingPathComponent("firms.xpt").path)
    #expect(cells(xpt)["sales"] == ["12.5", "", "7.25", "100.0"] && cells(xpt)["id"] == ["1", "2", "3", "4"])
}

/// A `.sas7bdat` written by SAS itself (pyreadstat's test data, made by its produce_samples.sas; see
/// PROVENANCE.md) reads as pyreadstat's reference CSV: text, numbers, a date before 1900, date-times
/// and times of day, and an empty row tail as nulls — plain and binary-compressed (RDC) alike. The CSV
/// writes date-times with microseconds and hours without padding; msnb's ISO text has neither.
@Test func sas7bdatWrittenBySASReadsAsItsReferenceCSV() throws {
    let e = try expected("pyreadstat_sample.csv")
    func normalised(_ column: String, _ value: String) -> String {
        var v = value.replacingOccurrences(of: ".000000", with: "")
        if column == "mytime", v.count == 7 { v = "0" + v }
        return v
    }
    for file in ["pyreadstat_sample.sas7bdat", "pyreadstat_sample_bincompressed.sas7bdat"] {
        let t = try StatFileReader.read(path: fixtures.appendingPathComponent(file).path)
        #expect(t.rowCount == 5, "\(file)")
        #expect(t.columnNames == ["mychar", "mynum", "mydate", "dtime", "mylabl", "myord", "mytime"], "\(file)")
        let want = cells(e).mapValues { $0 }
        for name in t.columnNames {
            let wanted = (want[name] ?? want["\u{FEFF}" + name] ?? []).map { normalised(name, $0) }
            #expect(cells(t)[name] == wanted, "\(file): \(name)")
        }
        #expect(t.column(named: "mynum")?.type == .float && t.column(named: "mychar")?.type == .string)
    }
}

/// Merged cells below the header (merged.xlsx, Fixtures/make_merged.py): a region written once and
/// merged down fills every row of its block; a value merged across columns fills each of them; the
/// merged header still names both columns. The filled ranges are reported for the note `load` shows.
@Test func xlsxMergedDataCellsFillDownAndRight() throws {
    let read = try XLSXReader.readNoting(path: fixtures.appendingPathComponent("merged.xlsx").path)
    let t = read.table
    #expect(t.columnNames == ["region", "firm", "Scores", "Scores_2"])
    let c = cells(t)
    #expect(c["region"] == ["Java", "Java", "Java", "Bali", "Bali"])
    #expect(c["firm"] == ["a", "b", "c", "d", "e"])
    #expect(c["Scores"]?[3] == "n/a" && c["Scores_2"]?[3] == "n/a")
    #expect(t.column(named: "Scores")?.nullCount == 0 && t.column(named: "Scores_2")?.nullCount == 0)
    #expect(Set(read.filledMerges) == ["A2:A4", "A5:A6", "C5:D5"])
    // A range that starts inside the merged block sees only what lies in it.
    let part = try XLSXReader.read(path: fixtures.appendingPathComponent("merged.xlsx").path, options: XLSXOptions(range: "A3:B4", header: false))
    #expect(cells(part)["A"] == ["", ""])
}

/// Worksheet XML typed by hand (handwritten.xlsx, Fixtures/make_handwritten.py) through the libxml2 reader:
/// prefixed elements, rich-text runs joined without their phonetic hint, entities, CDATA, cells without `r`,
/// an exponent, a 17-digit number, an error cell and a shared-string index past the table as nulls.
@Test func xlsxHandwrittenXML() throws {
    let t = try XLSXReader.read(path: fixtures.appendingPathComponent("handwritten.xlsx").path)
    #expect(t.columnNames == ["name", "amount", "when", "flag"])
    let c = cells(t)
    #expect(c["name"] == ["Tom & Jerry", "café <b>", " x ", "ab"])
    #expect(t.column(named: "amount")?.type == .float)
    #expect((0..<4).map { t[$0, "amount"].doubleValue } == [1500, -0.125, 12345678901234567, 0.1])
    #expect(c["when"] == ["2024-02-29", "2024-03-01T12:00:00", "", ""])
    #expect(t.column(named: "flag")?.type == .bool && c["flag"] == ["true", "false", "", ""])
    let error = #expect(throws: IOError.self) { try XLSXReader.read(path: fixtures.appendingPathComponent("broken.xlsx").path) }
    #expect(error?.description.contains("sheet 'data' is not well-formed XML (line 5") == true)
}
