import Testing
@testable import MSNTable

// The 64-byte mask scan against the byte scanner it stands in for, on random files full of what
// makes CSV hard, and the word tricks it is built from.

private func chunks(_ text: String, columns: Int, from start: Int = 0) -> (CSVScanner.Chunk, CSVScanner.Chunk) {
    let bytes = Array(text.utf8)
    return bytes.withUnsafeBufferPointer { p in
        let s = CSVScanner(bytes: ByteBuffer(base: p.baseAddress!, count: p.count), delimiter: ASCII.comma, columns: columns, file: "t.csv")
        return (s.scanMasked(from: start, line: 1, stop: p.count), s.scanBytes(from: start, line: 1, stop: p.count))
    }
}

private func expectSame(_ a: CSVScanner.Chunk, _ b: CSVScanner.Chunk, _ label: String) {
    #expect(a.recordStarts == b.recordStarts, "\(label)")
    #expect(a.recordLines == b.recordLines, "\(label)")
    #expect(a.fieldEnds == b.fieldEnds, "\(label)")
    #expect(a.endOffset == b.endOffset && a.endLine == b.endLine, "\(label)")
    #expect(a.error.map { "\($0)" } == b.error.map { "\($0)" }, "\(label)")
}

@Test func movemaskPacksTheHighBitOfEveryByte() {
    for bits in 0..<256 {
        var x: UInt64 = 0
        for k in 0..<8 where bits >> k & 1 == 1 { x |= 0x80 << UInt64(8 * k) }
        #expect(CSVScanner.movemask(x) == UInt64(bits))
    }
    #expect(CSVScanner.prefixXor(0b1001_0010) == 0xFFFF_FFFF_FFFF_FF8E)
    #expect(CSVScanner.prefixXor(1 << 63) == 1 << 63)
    #expect(CSVScanner.prefixXor(1) == ~UInt64(0))
}

@Test func maskScanMatchesByteScanOnRandomFiles() {
    var g = SeededGenerator(seed: 21)
    let pieces = ["abc", "12.5", "", "\"q,uo\nted\"", "\"esc\"\"aped\"", "mid\"quote", "\"closed\"tail", "x\r", "Été",
                  String(repeating: "long", count: 30), "\"", "\"\"", "\"a\"\"\"", "\"two\r\nlines\""]
    for round in 0..<300 {
        let columns = 1 + g.nextInt(below: 4)
        var text = ""
        let rows = 1 + g.nextInt(below: 40)
        let irregular = round % 3 == 0
        for r in 0..<rows {
            var width = columns
            if irregular && g.nextInt(below: 20) == 0 { width += g.nextInt(below: 3) - 1 }
            let cells = (0..<max(1, width)).map { _ in
                irregular || g.nextInt(below: 4) == 0 ? pieces[g.nextInt(below: pieces.count)] : pieces[g.nextInt(below: 3)]
            }
            text += cells.joined(separator: ",")
            if irregular && g.nextInt(below: 15) == 0 { text += "\n" }          // a blank line
            if r < rows - 1 || g.nextInt(below: 2) == 0 { text += g.nextInt(below: 3) == 0 ? "\r\n" : "\n" }
        }
        let (a, b) = chunks(text, columns: columns)
        expectSame(a, b, "round \(round): \(text.debugDescription.prefix(200))")
    }
}

@Test func maskScanKeepsErrorsAndQuotedNewlinesAcrossWindows() {
    // A quoted field longer than a window, holding newlines and escaped quotes, then a ragged record.
    let long = "\"" + String(repeating: "x\"\"y\n", count: 40) + "\""
    let text = "a,b\n1,\(long)\n" + String(repeating: "3,4\n", count: 30) + "5,6,7\n8,9\n"
    let (a, b) = chunks(text, columns: 2)
    expectSame(a, b, "ragged after a long quoted field")
    #expect(a.error != nil)
    let open = "a,b\n" + String(repeating: "1,2\n", count: 40) + "3,\"never closed\n" + String(repeating: "z", count: 100)
    let (c, d) = chunks(open, columns: 2)
    expectSame(c, d, "unterminated quote")
    if case .unterminatedQuote(_, let line)? = c.error { #expect(line == 42) } else { Issue.record("expected an unterminated quote") }
}
