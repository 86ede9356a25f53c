/// The record scan over 64-byte windows with bit masks (after simdjson/simdcsv): one bit per byte for
/// quotes, delimiters, line feeds; the inside-quotes mask is the prefix XOR of the quote bits, and the
/// field ends are the set bits of (delimiter | LF) outside quotes, visited lowest first.
///
/// Only the regular case is handled here: quotes that open at a field start, records of exactly
/// `columns` fields, no blank lines. Any record outside that — and the last bytes of the file — goes to
/// the byte scanner (`scanBytes`) one record at a time, so positions, lines and errors are the byte
/// scanner's in every case.
extension CSVScanner {
    /// 0x80 in every byte of `w` equal to the byte of `pattern` (eight copies), packed to eight bits.
    @inline(__always) static func byteMask(_ w: UInt64, _ pattern: UInt64) -> UInt64 {
        movemask(zeroBytes(w ^ pattern))
    }

    /// The high bits of the eight bytes of `x` (only bits 7, 15, …, 63 may be set) as bits 0–7.
    @inline(__always) static func movemask(_ x: UInt64) -> UInt64 {
        (x &* 0x0002_0408_1020_4081) >> 56
    }

    /// Bit i = XOR of bits 0…i of `x` (bit i set: inside quotes after byte i).
    @inline(__always) static func prefixXor(_ x: UInt64) -> UInt64 {
        var y = x
        y ^= y << 1; y ^= y << 2; y ^= y << 4; y ^= y << 8; y ^= y << 16; y ^= y << 32
        return y
    }

    /// The 64 bytes at `p`: the delimiter-or-LF mask, and whether any byte is a quote.
    @inline(__always) func separators(_ p: UnsafePointer<UInt8>, _ delimiterWord: UInt64) -> (sep: UInt64, anyQuote: Bool) {
        let raw = UnsafeRawPointer(p)
        var sep: UInt64 = 0, quotes: UInt64 = 0
        for k in 0..<8 {
            let w = raw.loadUnaligned(fromByteOffset: k &* 8, as: UInt64.self)
            let hit = CSVScanner.zeroBytes(w ^ delimiterWord) | CSVScanner.zeroBytes(w ^ CSVScanner.newlineWord)
            sep |= CSVScanner.movemask(hit) << UInt64(k &* 8)
            quotes |= CSVScanner.zeroBytes(w ^ CSVScanner.quoteWord)
        }
        return (sep, quotes != 0)
    }

    /// The quote and line-feed masks of the 64 bytes at `p`.
    @inline(__always) func quotesAndNewlines(_ p: UnsafePointer<UInt8>) -> (q: UInt64, l: UInt64) {
        let raw = UnsafeRawPointer(p)
        var q: UInt64 = 0, l: UInt64 = 0
        for k in 0..<8 {
            let w = raw.loadUnaligned(fromByteOffset: k &* 8, as: UInt64.self)
            q |= CSVScanner.byteMask(w, CSVScanner.quoteWord) << UInt64(k &* 8)
            l |= CSVScanner.byteMask(w, CSVScanner.newlineWord) << UInt64(k &* 8)
        }
        return (q, l)
    }

    static let quoteWord: UInt64 = 0x2222_2222_2222_2222

    /// Bits lo…hi (0 ≤ lo ≤ hi ≤ 63).
    @inline(__always) static func bits(_ lo: Int, _ hi: Int) -> UInt64 {
        let upTo = hi == 63 ? ~UInt64(0) : (UInt64(1) << UInt64(hi + 1)) &- 1
        return upTo & ~((UInt64(1) << UInt64(lo)) &- 1)
    }

    /// Scans records starting before `stop` (as `scanBytes`), 64 bytes at a time where it can.
    func scanMasked(from start: Int, line firstLine: Int, stop: Int) -> Chunk {
        var out = Chunk()
        let estimate = max(16, (stop - start) / (8 * min(columns, 256)))
        out.recordStarts.reserveCapacity(estimate)
        out.recordLines.reserveCapacity(estimate)
        out.fieldEnds.reserveCapacity(estimate * min(columns, 256))
        let n = bytes.count, base0 = bytes.base
        let delimiterWord = UInt64(delimiter) &* 0x0101_0101_0101_0101
        var recStart = start, recLine = firstLine
        var fieldEndsMark = 0              // the field ends before the current record's
        // Hands the record at recStart to the byte scanner (dropping its field ends found so far);
        // false when scanning is over.
        func fallback() -> Bool {
            out.fieldEnds.removeLast(out.fieldEnds.count - fieldEndsMark)
            let old = recStart
            let c = scanBytes(from: recStart, line: recLine, stop: recStart + 1)
            out.recordStarts.append(contentsOf: c.recordStarts)
            out.recordLines.append(contentsOf: c.recordLines)
            out.fieldEnds.append(contentsOf: c.fieldEnds)
            recStart = c.endOffset
            recLine = c.endLine
            if c.error != nil { out.error = c.error; return false }
            return c.endOffset > old && recStart < stop && recStart < n
        }
        scanning: while recStart < stop && recStart < n {
            // A record starting with a line end (blank line) is the byte scanner's.
            fieldEndsMark = out.fieldEnds.count
            let first = bytes[recStart]
            if first == ASCII.lf || first == ASCII.cr { if fallback() { continue } else { break } }
            var base = recStart
            var carry: UInt64 = 0          // all ones while inside quotes across windows
            var prevSep: UInt64 = 1        // the byte before `base` ends a field (or base is the record start)
            var fields = 0
            fieldEndsMark = out.fieldEnds.count
            var quotedLines = 0            // line feeds inside quotes in the record so far
            while true {
                guard base + 64 <= n else { if fallback() { continue scanning } else { break scanning } }
                var (sep, anyQuote) = separators(base0 + base, delimiterWord)
                var inside: UInt64 = carry, insideLF: UInt64 = 0, lastSep = sep
                if anyQuote || carry != 0 {
                    let (q, l) = quotesAndNewlines(base0 + base)
                    inside = CSVScanner.prefixXor(q) ^ carry
                    let opening = q & inside, closing = q & ~inside
                    sep &= ~inside
                    // A quote opens only at a field start; anything else is the byte scanner's.
                    if opening & ~((sep << 1) | (closing << 1) | prevSep) != 0 {
                        if fallback() { continue scanning } else { break scanning }
                    }
                    insideLF = l & inside
                    lastSep = sep | closing
                }
                var from = 0                   // the current record's first bit in this window
                while sep != 0 {
                    let i = sep.trailingZeroBitCount
                    sep &= sep &- 1
                    let p = base + i
                    fields += 1
                    if base0[p] == delimiter {
                        if fields >= columns {   // too many fields: the byte scanner reports it
                                if fallback() { continue scanning } else { break scanning }
                        }
                        out.fieldEnds.append(UInt32(truncatingIfNeeded: p))
                        continue
                    }
                    // A line feed ends the record.
                    if fields != columns {
                        if fallback() { continue scanning } else { break scanning }
                    }
                    let end = p > 0 && base0[p - 1] == ASCII.cr ? p - 1 : p
                    out.fieldEnds.append(UInt32(truncatingIfNeeded: end))
                    out.recordStarts.append(UInt32(truncatingIfNeeded: recStart))
                    out.recordLines.append(UInt32(truncatingIfNeeded: recLine))
                    if insideLF != 0 { quotedLines += (insideLF & CSVScanner.bits(from, i)).nonzeroBitCount }
                    recLine += quotedLines + 1
                    quotedLines = 0
                    from = i + 1
                    recStart = p + 1
                    fields = 0
                    fieldEndsMark = out.fieldEnds.count
                    if recStart >= stop || recStart >= n { break scanning }
                    let next = base0[recStart]
                    if next == ASCII.lf || next == ASCII.cr { continue scanning }
                }
                if insideLF != 0 && from < 64 { quotedLines += (insideLF & CSVScanner.bits(from, 63)).nonzeroBitCount }
                carry = (inside >> 63) != 0 ? ~UInt64(0) : 0
                prevSep = lastSep >> 63
                base += 64
            }
        }
        out.endOffset = recStart
        out.endLine = recLine
        return out
    }
}
