/// Splits CSV bytes into records and fields without copying: for every record its start offset and
/// physical line, for every field its end offset. A field's start is the record start (first field)
/// or the previous field's end + 1. Blank lines are skipped.
struct CSVScanner {
    let bytes: ByteBuffer
    let delimiter: UInt8
    let columns: Int
    let file: String

    /// The scan of one stretch of the file.
    struct Chunk {
        var recordStarts: [UInt32] = []
        var recordLines: [UInt32] = []
        var fieldEnds: [UInt32] = []
        /// Where scanning stopped (a record start) and the line there.
        var endOffset = 0
        var endLine = 0
        var error: CSVError?
    }

    static let newlineWord: UInt64 = 0x0A0A_0A0A_0A0A_0A0A

    /// 0x80 in every byte of `x` that is zero and 0 elsewhere (exact: no carries between bytes).
    @inline(__always) static func zeroBytes(_ x: UInt64) -> UInt64 {
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((x & low7) &+ low7) | x | low7)
    }

    /// Scans records starting at `start` (a record start on physical line `line`) while the record
    /// start is before `stop`; records may run past `stop`. Long stretches take the 64-byte mask scan.
    func scan(from start: Int, line firstLine: Int, stop: Int) -> Chunk {
        if columns <= 1 << 16 && stop - start >= 4096 { return scanMasked(from: start, line: firstLine, stop: stop) }
        return scanBytes(from: start, line: firstLine, stop: stop)
    }

    /// The byte-at-a-time scan (the reference for `scanMasked`, which hands it irregular records).
    func scanBytes(from start: Int, line firstLine: Int, stop: Int) -> Chunk {
        var out = Chunk()
        let estimate = max(16, (stop - start) / (8 * min(columns, 256)))
        out.recordStarts.reserveCapacity(estimate)
        out.recordLines.reserveCapacity(estimate)
        out.fieldEnds.reserveCapacity(estimate * min(columns, 256))
        let n = bytes.count
        let delimiterWord = UInt64(delimiter) &* 0x0101_0101_0101_0101
        var pos = start
        var line = firstLine
        while pos < stop && pos < n {
            // Skip blank lines.
            if bytes[pos] == ASCII.lf { pos += 1; line += 1; continue }
            if bytes[pos] == ASCII.cr && pos + 1 < n && bytes[pos + 1] == ASCII.lf { pos += 2; line += 1; continue }
            let recordLine = line
            out.recordStarts.append(UInt32(truncatingIfNeeded: pos))
            out.recordLines.append(UInt32(truncatingIfNeeded: recordLine))
            var fields = 0
            while true {
                if pos < n && bytes[pos] == ASCII.quote {
                    let openLine = line
                    pos += 1
                    var closed = false
                    while pos < n {
                        let c = bytes[pos]
                        if c == ASCII.quote {
                            if pos + 1 < n && bytes[pos + 1] == ASCII.quote { pos += 2; continue }
                            pos += 1
                            closed = true
                            break
                        }
                        if c == ASCII.lf { line += 1 }
                        pos += 1
                    }
                    if !closed {
                        out.error = .unterminatedQuote(file: file, line: openLine)
                        out.endOffset = n
                        out.endLine = line
                        return out
                    }
                }
                // The rest of the field, eight bytes at a time until a word holds a delimiter or a newline.
                while pos + 8 <= n {
                    let w = UnsafeRawPointer(bytes.base + pos).loadUnaligned(as: UInt64.self)
                    let hit = CSVScanner.zeroBytes(w ^ delimiterWord) | CSVScanner.zeroBytes(w ^ CSVScanner.newlineWord)
                    if hit != 0 { pos += hit.trailingZeroBitCount >> 3; break }
                    pos += 8
                }
                while pos < n {
                    let c = bytes[pos]
                    if c == delimiter || c == ASCII.lf { break }
                    pos += 1
                }
                var end = pos
                let atNewline = pos < n && bytes[pos] == ASCII.lf
                if (atNewline || pos == n) && end > 0 && bytes[end - 1] == ASCII.cr { end -= 1 }
                fields += 1
                if fields <= columns { out.fieldEnds.append(UInt32(truncatingIfNeeded: end)) }
                if pos < n && bytes[pos] == delimiter { pos += 1; continue }
                if atNewline { pos += 1; line += 1 }
                break
            }
            if fields != columns {
                out.error = .ragged(file: file, line: recordLine, expected: columns, found: fields)
                out.endOffset = pos
                out.endLine = line
                return out
            }
        }
        out.endOffset = pos
        out.endLine = line
        return out
    }
}
