import Foundation
import Testing
@testable import MSNTable

private func parse(_ s: String, _ options: CSVOptions = CSVOptions()) throws -> Table {
    try CSVReader.parse(Array(s.utf8), name: "t.csv", options: options)
}

@Test func infersTypesOverWholeColumn() throws {
    let t = try parse("id,x,flag,name,mixed\n1,1.5,true,a,1\n2,2,false,b,2.5\n3,,TRUE,\"c, d\",x\n")
    #expect(t.schema.map(\.type) == [.int, .float, .bool, .string, .string])
    #expect(t[2, "x"] == .null)
    #expect(t[2, "name"] == .string("c, d"))
    #expect(t[1, "x"] == .float(2))
    #expect(t[2, "flag"] == .bool(true))
}

@Test func quotesNewlinesCRLFAndBOM() throws {
    let text = "\u{FEFF}a,b\r\n\"he said \"\"hi\"\"\",\"line1\nline2\"\r\n3,4\r\n"
    let t = try parse(text)
    #expect(t.columnNames == ["a", "b"])
    #expect(t.rowCount == 2)
    #expect(t[0, "a"] == .string("he said \"hi\""))
    #expect(t[0, "b"] == .string("line1\nline2"))
    #expect(t[1, "b"] == .string("4"))
}

@Test func detectsTabAndSemicolon() throws {
    #expect(try parse("a\tb\n1\t2\n")[0, "b"] == .int(2))
    #expect(try parse("a;b\n1,5;2\n")[0, "a"] == .string("1,5"))
    var o = CSVOptions(); o.delimiter = 0x3B
    #expect(try parse("a;b\n1;2\n", o)[0, "a"] == .int(1))
}

@Test func nullTokensAndOverrides() throws {
    let t = try parse("a,b\nNA,N/A\nnull,x\n5,\n")
    #expect(t[0, "a"] == .null && t[1, "a"] == .null && t[2, "a"] == .int(5))
    #expect(t.column(named: "a")?.nullCount == 2)
    var o = CSVOptions(nullTokens: ["-"], types: ["a": .string])
    let u = try parse("a,b\n007,-\n-,2\n", o)
    #expect(u[0, "a"] == .string("007"))
    #expect(u[1, "a"] == .null)
    #expect(u[0, "b"] == .null && u[1, "b"] == .int(2))
    o.types = ["b": .int]
    #expect(throws: CSVError.badValue(file: "t.csv", line: 3, column: "b", value: "x", type: .int)) {
        try parse("a,b\n1,2\n2,x\n", o)
    }
    #expect(throws: CSVError.unknownOverride(file: "t.csv", column: "bb", available: ["a", "b"])) {
        try parse("a,b\n1,2\n", CSVOptions(types: ["bb": .int]))
    }
}

@Test func raggedRowsReportLine() throws {
    #expect(throws: CSVError.ragged(file: "t.csv", line: 4, expected: 3, found: 2)) {
        try parse("a,b,c\n1,2,3\n4,5,6\n7,8\n")
    }
    // Line numbers count physical lines, so a quoted newline before the bad record shifts it.
    #expect(throws: CSVError.ragged(file: "t.csv", line: 4, expected: 2, found: 3)) {
        try parse("a,b\n\"x\ny\",1\n1,2,3\n")
    }
}

@Test func errorMessagesHaveTheDocumentedFormat() {
    #expect(String(describing: CSVError.ragged(file: "file.csv", line: 1042, expected: 12, found: 11))
        == "file.csv:1042: expected 12 fields, found 11")
    #expect(String(describing: CSVError.unterminatedQuote(file: "f.csv", line: 3)) == "f.csv:3: a quoted field opens here and never closes")
    #expect(String(describing: CSVError.invalidUTF8(file: "f.csv", line: 3, byteOffset: 10)) == "f.csv:3: invalid UTF-8 at byte offset 10")
    #expect(String(describing: CSVError.badValue(file: "f.csv", line: 3, column: "b", value: "x", type: .int))
        == "f.csv:3: column 'b': 'x' is not a valid int")
}

@Test func commaIsDetectedAndConfiguredNullTokensReplaceTheDefaults() throws {
    // A header with commas and a semicolon inside a quoted name: comma wins.
    let t = try parse("\"a;b\",c\n1,2\n")
    #expect(t.columnNames == ["a;b", "c"])
    // Given tokens replace the defaults: "NA" is then text, "" still a null only if listed.
    let u = try parse("a,b\nNA,-\nx,\n", CSVOptions(nullTokens: ["-"]))
    #expect(u[0, "a"] == .string("NA") && u[0, "b"] == .null && u[1, "b"] == .string(""))
}

@Test func unterminatedQuoteReportsOpeningLine() throws {
    #expect(throws: CSVError.unterminatedQuote(file: "t.csv", line: 3)) { try parse("a,b\n1,2\n\"open,3\n4,5\n") }
}

@Test func invalidUTF8ReportsLineAndOffset() throws {
    var bytes = Array("a,b\n1,2\nx,".utf8)
    bytes.append(0xFF)
    bytes.append(0x0A)
    #expect(throws: CSVError.invalidUTF8(file: "t.csv", line: 3, byteOffset: 10)) {
        try CSVReader.parse(bytes, name: "t.csv")
    }
}

@Test func emptyHeaderOnlyAndAllNull() throws {
    #expect(throws: CSVError.empty(file: "t.csv")) { try parse("") }
    let h = try parse("a,b\n")
    #expect(h.rowCount == 0 && h.columnNames == ["a", "b"])
    let n = try parse("a,b\n1,\n2,NA\n")
    #expect(n.column(named: "b")?.type == .float)
    #expect(n.column(named: "b")?.nullCount == 2)
    #expect(throws: CSVError.badHeader(file: "t.csv", reason: "column name 'a' appears twice in the header")) { try parse("a,a\n1,2\n") }
}

@Test func integerLimitsAndSpecialFloats() throws {
    let t = try parse("i,f\n9223372036854775807,inf\n-9223372036854775808,NaN\n0,-inf\n")
    #expect(t[0, "i"] == .int(Int64.max))
    #expect(t[1, "i"] == .int(Int64.min))
    #expect(t[0, "f"] == .float(.infinity))
    #expect(t[2, "f"] == .float(-.infinity))
    #expect(t[1, "f"] == .null)   // NaN is a null token (issue 16: never a float value)
    // One past Int64.max widens to float.
    #expect(try parse("i\n9223372036854775808\n").column(named: "i")?.type == .float)
}

@Test func realDatasetLoads() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let hs = try CSVReader.read(path: root.appendingPathComponent("Notebooks/data/HolzingerSwineford1939.csv").path)
    #expect(hs.rowCount == 301 && hs.columnCount == 15)
    #expect(hs.column(named: "school")?.type == .string)
    #expect(hs.column(named: "grade")?.nullCount == 1)
    #expect(hs.column(named: "x1")?.type == .float)
    // pandas 2: read_csv(...).x1.mean() = 4.935769656378738, .std() = 1.1674321157985101.
    let m = try hs.requireColumn("x1").aggregate(.mean).doubleValue ?? 0
    #expect(abs(m - 4.935769656378738) < 1e-12)
    let sd = try hs.requireColumn("x1").aggregate(.sd).doubleValue ?? 0
    #expect(abs(sd - 1.1674321157985101) < 1e-12)
}

@Test func largeFileParsesOnTwoCoresLikeOneCore() throws {
    // Over 4 MiB so the parallel split is used, with a quoted newline near the middle.
    var s = "id,txt,v\n"
    let rows = 120_000
    for i in 0..<rows {
        s += i == rows / 2 ? "\(i),\"a\nb\",\(Double(i) / 4)\n" : "\(i),word\(i % 7),\(Double(i) / 4)\n"
    }
    let t = try parse(s)
    #expect(t.rowCount == rows)
    #expect(t[rows / 2, "txt"] == .string("a\nb"))
    #expect(t[rows - 1, "v"] == .float(Double(rows - 1) / 4))
    #expect(throws: CSVError.ragged(file: "t.csv", line: rows + 3, expected: 3, found: 2)) { try parse(s + "1,2\n") }
}
