import Foundation
import Synchronization
import Testing
@testable import MSNTable

// The reader converts the file block by block. These tests read awkward files with tiny blocks (a few
// records each, so every mode change happens in a later block) and check the result against the
// whole-column inference applied to every column, cell by cell, and that errors keep their positions.

private func read(_ csv: String, blockBytes: Int, wholeColumns: Bool = false, types: [String: DataType] = [:]) throws -> Table {
    try Array(csv.utf8).withUnsafeBufferPointer {
        try CSVReader.parse($0, name: "t.csv", options: CSVOptions(types: types), blockBytes: blockBytes, wholeColumns: wholeColumns)
    }
}

private func expectSame(_ a: Table, _ b: Table, _ label: String) {
    #expect(a.columnNames == b.columnNames, "\(label)")
    #expect(a.rowCount == b.rowCount, "\(label)")
    for (name, (x, y)) in zip(a.columnNames, zip(a.columns, b.columns)) {
        #expect(x.type == y.type, "\(label): \(name)")
        guard x.type == y.type, x.count == y.count else { continue }
        let differ = (0..<x.count).first { x[$0] != y[$0] }
        #expect(differ == nil, "\(label): \(name) row \(differ ?? -1): \(differ.map { x[$0] } ?? .null) vs \(differ.map { y[$0] } ?? .null)")
    }
}

/// 800 rows of columns that change their minds late: numbers then text, ints then floats, quoted
/// numbers then quoted text, quoted then unquoted numbers, leading nulls, all nulls, quoted text with
/// delimiters, quotes and newlines, many distinct values, bools, and a column with a type override.
private func awkwardCSV(newline: String) -> String {
    var g = SeededGenerator(seed: 3)
    var rows = ["id,late_text,late_float,q_num,q_text,q_mixed,nulls_first,all_null,text,many,flag,ov"]
    let words = ["plain", "\"a, b\"", "\"say \"\"hi\"\"\"", "\"two\(newline)lines\"", "Été", ""]
    for i in 0..<800 {
        let n = g.nextInt(below: 100)
        let cells = [
            "\(i)",
            i == 700 ? "n/a" : (n < 10 ? "" : "\(n)"),
            i == 500 ? "2.5" : "\(n - 50)",
            n < 10 ? "" : "\"\(n)\"",
            i == 600 ? "\"abc\"" : "\"\(n % 7)\"",
            i == 650 ? "\(n)" : "\"\(n)\"",
            i < 400 || n < 5 ? "" : "\(Double(n) / 4)",
            "",
            words[g.nextInt(below: words.count)],
            "k\(g.nextInt(below: 300))",
            ["true", "false", "TRUE", ""][g.nextInt(below: 4)],
            "\(n)",
        ]
        rows.append(cells.joined(separator: ","))
    }
    return rows.joined(separator: newline) + newline
}

@Test func streamingMatchesWholeColumnInference() throws {
    for newline in ["\n", "\r\n"] {
        let csv = awkwardCSV(newline: newline)
        let types: [String: DataType] = ["ov": .float]
        let reference = try read(csv, blockBytes: Int.max, wholeColumns: true, types: types)
        #expect(reference.rowCount == 800)
        for block in [61, 997, 4096, Int.max] {
            expectSame(try read(csv, blockBytes: block, types: types), reference, "block \(block)")
        }
        // Hand-checked: the types each column settles on.
        let t = try read(csv, blockBytes: 61, types: types)
        let expected: [DataType] = [.int, .string, .float, .int, .string, .string, .float, .float, .string, .string, .bool, .float]
        #expect(t.columns.map(\.type) == expected)
        #expect(t[700, "late_text"] == .string("n/a") && t[3, "text"] != .null)
        #expect(t[500, "late_float"] == .float(2.5) && t[0, "nulls_first"] == .null)
        if case .string(let s)? = t.column(named: "many"), case .plain = s.storage {} else { Issue.record("300 distinct of 800 rows is plain") }
        if case .string(let s)? = t.column(named: "q_text"), case .dictionary = s.storage {} else { Issue.record("q_text is dictionary-encoded") }
    }
}

@Test func streamingErrorsKeepTheirPositions() throws {
    var lines = ["id,x,y"] + (1...300).map { "\($0),\($0 * 2),v\($0 % 3)" }
    lines[250] = "250,oops,v1"   // line 251 of the file
    let bad = lines.joined(separator: "\n") + "\n"
    for block in [37, Int.max] {
        #expect(throws: CSVError.badValue(file: "t.csv", line: 251, column: "x", value: "oops", type: .int)) {
            try read(bad, blockBytes: block, types: ["x": .int])
        }
    }
    lines[250] = "250,500"
    lines[280] = "280,\"open"
    let ragged = lines.joined(separator: "\n") + "\n"
    for block in [37, Int.max] {
        #expect(throws: CSVError.ragged(file: "t.csv", line: 251, expected: 3, found: 2)) { try read(ragged, blockBytes: block) }
    }
    lines[250] = "250,500,v1"
    let open = lines.joined(separator: "\n") + "\n"
    for block in [37, Int.max] {
        #expect(throws: CSVError.unterminatedQuote(file: "t.csv", line: 281)) { try read(open, blockBytes: block) }
    }
}

@Test func blocksScannedOnTwoCoresKeepLineNumbers() throws {
    // Blocks over 256 KiB are scanned in two halves; line numbers must carry over from block to block.
    var lines = ["id,x,note"] + (1...60_000).map { "\($0),\($0 % 97),\($0 % 1000 == 0 ? "\"multi\nline\"" : "n\($0 % 5)")" }
    let good = lines.joined(separator: "\n") + "\n"
    expectSame(try read(good, blockBytes: 300_000), try read(good, blockBytes: Int.max, wholeColumns: true), "two-core blocks")
    lines[59_000] = "59000,bad,n0"   // after 58 quoted newlines: physical line 59,001 + 58
    let bad = lines.joined(separator: "\n") + "\n"
    for block in [300_000, Int.max] {
        #expect(throws: CSVError.badValue(file: "t.csv", line: 59_059, column: "x", value: "bad", type: .int)) {
            try read(bad, blockBytes: block, types: ["x": .int])
        }
    }
}

/// Counts how often the reader asks whether to stop, and says yes from the `stopAt`-th question on.
private final class StopAfter: Sendable {
    let asked = Atomic<Int>(0)
    let stopAt: Int
    init(_ stopAt: Int) { self.stopAt = stopAt }
    func ask() -> Bool { asked.add(1, ordering: .relaxed).newValue >= stopAt }
}

@Test func readingStopsBetweenBlocksWhenAsked() throws {
    let csv = "a,b\n" + (1...200).map { "\($0),x\($0)" }.joined(separator: "\n") + "\n"
    let stop = StopAfter(3)
    var options = CSVOptions()
    options.shouldStop = { stop.ask() }
    #expect(throws: CSVError.interrupted(file: "t.csv")) {
        try Array(csv.utf8).withUnsafeBufferPointer { try CSVReader.parse($0, name: "t.csv", options: options, blockBytes: 64) }
    }
    #expect(stop.asked.load(ordering: .relaxed) == 3)   // it stopped at the third block, not at the end
    // Asked and never told to stop, it reads everything.
    let never = StopAfter(Int.max)
    options.shouldStop = { never.ask() }
    let t = try Array(csv.utf8).withUnsafeBufferPointer { try CSVReader.parse($0, name: "t.csv", options: options, blockBytes: 64) }
    #expect(t.rowCount == 200 && never.asked.load(ordering: .relaxed) > 10)
}
