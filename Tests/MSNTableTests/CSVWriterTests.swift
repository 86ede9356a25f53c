import Foundation
import Testing
@testable import MSNTable

@Test func writerQuotesOnlyWhereNeeded() throws {
    let t = try Table([
        ("s", .string(StringColumn(["plain", "a,b", "say \"x\"", nil, "", "12", "NA"]))),
        ("f", .float(TypedColumn<Double>(optionals: [0.1, 2, nil, 1e-300, -0.5, 3.25, 1]))),
    ])
    let text = String(decoding: CSVWriter.render(t), as: UTF8.self)
    #expect(text == "s,f\nplain,0.1\n\"a,b\",2.0\n\"say \"\"x\"\"\",\n,1e-300\n\"\",-0.5\n\"12\",3.25\n\"NA\",1.0\n")
}

@Test func writeThenReadGivesEqualTable() throws {
    let t = try Table([
        ("id", .int(TypedColumn<Int64>(optionals: [1, nil, Int64.max, -3]))),
        ("x", .float(TypedColumn<Double>(optionals: [0.1 + 0.2, nil, 1.0 / 3.0, -1e22]))),
        ("b", .bool(TypedColumn([true, false, true, false], validity: Bitmap([true, true, false, true])))),
        ("s", .string(StringColumn(["Java", "multi\nline", nil, "007"]))),
    ])
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("msnb-csv-\(UUID().uuidString)")
    let path = dir.appendingPathComponent("nested/out.csv").path
    try CSVWriter.write(t, to: path)
    let back = try CSVReader.read(path: path)
    #expect(back.schema.map(\.type) == t.schema.map(\.type))
    for c in t.columnNames { for i in 0..<t.rowCount { #expect(back[i, c] == t[i, c], "row \(i) column \(c)") } }
    // No temporary files are left beside the output.
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("nested").path)
    #expect(leftovers == ["out.csv"])
    try? FileManager.default.removeItem(at: dir)
}

/// Found by the CSV fuzzer: a column named "x;y" was written unquoted, and the reader, which detects the
/// delimiter on the header line, read it back as two columns. Names with a detectable delimiter are quoted.
@Test func headerNamesWithADetectableDelimiterAreQuoted() throws {
    let t = try Table([("x;y", .int(TypedColumn<Int64>([1, 2]))), ("a\tb", .int(TypedColumn<Int64>([3, 4]))), ("c", .int(TypedColumn<Int64>([5, 6])))])
    let bytes = CSVWriter.render(t)
    #expect(String(decoding: bytes, as: UTF8.self) == "\"x;y\",\"a\tb\",c\n1,3,5\n2,4,6\n")
    let back = try CSVReader.parse(bytes, name: "back.csv")
    #expect(back.columnNames == ["x;y", "a\tb", "c"])
    #expect(back.rowCount == 2)
    let zeroRows = try CSVReader.parse(Array("\"x;y\"\r\n".utf8), name: "fuzz.csv")
    #expect(try CSVReader.parse(CSVWriter.render(zeroRows), name: "again.csv").columnNames == ["x;y"])
}
