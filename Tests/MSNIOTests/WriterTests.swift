import Foundation
import MSNTable
import Testing
@testable import MSNIO

private func temporary(_ name: String) -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("msnb-io-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir.appendingPathComponent(name).path
}

/// A table with every type, nulls, a many-level text column and a label.
private func sample() throws -> Table {
    var t = try Table([
        ("id", .int(TypedColumn([1, 2, 3, 4]))),
        ("sales", .float(TypedColumn(optionals: [12.5, nil, 7.25, -1e-3]))),
        ("exporter", .bool(TypedColumn([true, false, true, false]))),
        ("sector", .string(StringColumn(["food", "textile", nil, "food"]))),
        ("note", .string(StringColumn(["a,b", "ünïcode", "x", ""]))),
    ])
    t.columnLabels = ["sales": "Annual sales"]
    return t
}

@Test func xlsxRoundTripsEveryType() throws {
    let path = temporary("out.xlsx")
    let t = try sample()
    try XLSXWriter.write([("firms", t), ("again", t.head(2))], to: path)
    let back = try XLSXReader.read(path: path)
    #expect(back.columnNames == t.columnNames)
    #expect(cells(back) == cells(t))
    #expect(back.schema.map(\.type) == [.int, .float, .bool, .string, .string])
    #expect(try XLSXReader.read(path: path, options: XLSXOptions(sheet: .name("again"))).rowCount == 2)
    #expect(throws: IOError.self) { try XLSXWriter.write([("bad/name", t)], to: temporary("x.xlsx")) }
}

@Test func spssAndStataRoundTrip() throws {
    for format in ["sav", "dta"] {
        let path = temporary("out.\(format)")
        let t = try sample()
        try StatFileWriter.write(t, to: path, format: format)
        let back = try StatFileReader.read(path: path)
        #expect(back.columnNames == t.columnNames, "\(format)")
        // Booleans come back as 0/1 numbers: neither format has a boolean type.
        var expected = cells(t)
        expected["exporter"] = ["1", "0", "1", "0"]
        #expect(cells(back) == expected, "\(format)")
        #expect(back.columnLabels["sales"] == "Annual sales")
        // Text with few levels is stored as labelled codes 1…k, in first-appearance order.
        #expect(cells(try StatFileReader.read(path: path, options: StatFileOptions(labels: false)))["sector"] == ["1", "2", "", "1"])
    }
    #expect(StatFileWriter.validNames(["export volume", "2nd", "a", "A"], maxLength: 32) == ["export_volume", "v2nd", "a", "A_2"])
}

@Test func formatsFromExtensionsAndBytes() throws {
    #expect(FileFormat.fromExtension("a/b.XLSX") == .xlsx && FileFormat.fromExtension("x.sav") == .statistical("sav"))
    #expect(FileFormat.fromExtension("x.dat") == nil)
    #expect(FileFormat.sniff(FileFormat.head(fixtures.appendingPathComponent("firms.xlsx").path)) == .xlsx)
    #expect(FileFormat.sniff(FileFormat.head(fixtures.appendingPathComponent("firms.sav").path)) == .statistical("sav"))
    #expect(FileFormat.sniff(FileFormat.head(fixtures.appendingPathComponent("firms.dta").path)) == .statistical("dta"))
    #expect(FileFormat.sniff(Array("id,name\n".utf8)) == nil)
}

@Test func decimalCommaNumbers() throws {
    #expect(TextConversion.parseDecimalComma("1.234.567,89")?.0 == 1_234_567.89)
    #expect(TextConversion.parseDecimalComma("-12,5")?.0 == -12.5)
    #expect(TextConversion.parseDecimalComma("12")?.1 == false)
    #expect(TextConversion.parseDecimalComma("1.23,4") == nil && TextConversion.parseDecimalComma("12,5,1") == nil && TextConversion.parseDecimalComma("abc") == nil)
}
