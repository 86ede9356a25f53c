import Foundation

/// Writes tables as RFC 4180 CSV: quotes only where needed, nulls as empty fields, floats in
/// shortest round-trip form, so that writing and reading back gives an equal table.
///
/// Rows are formatted in blocks into reused byte buffers (numbers without allocation, see
/// `NumberText`); both cores format alternate blocks and each block is handed to the file in one write.
public enum CSVWriter {
    /// Rows per block.
    static let blockRows = 32_768

    /// The CSV text of `table` as UTF-8 bytes (LF line endings).
    public static func render(_ table: Table, delimiter: UInt8 = 0x2C) -> [UInt8] {
        var out = header(table, delimiter: delimiter)
        forEachBlock(table, delimiter: delimiter) { block, count in
            out.append(contentsOf: UnsafeBufferPointer(start: block, count: count))
        }
        return out
    }

    /// Writes `table` to `path` atomically (temporary file in the same folder, then rename),
    /// creating parent folders.
    public static func write(_ table: Table, to path: String, delimiter: UInt8 = 0x2C) throws {
        try AtomicFile.write(to: path) { sink in
            let head = header(table, delimiter: delimiter)
            try head.withUnsafeBufferPointer { if let b = $0.baseAddress { try sink(b, $0.count) } }
            var failure: Error?
            forEachBlock(table, delimiter: delimiter) { block, count in
                guard failure == nil else { return }
                do { try sink(block, count) } catch { failure = error }
            }
            if let failure { throw failure }
        }
    }

    /// The header line.
    static func header(_ table: Table, delimiter: UInt8) -> [UInt8] {
        var out: [UInt8] = []
        for (j, name) in table.columnNames.enumerated() {
            if j > 0 { out.append(delimiter) }
            // A name holding any delimiter the reader detects (comma, tab, semicolon) is quoted: the
            // reader picks the delimiter from the header line, so "x;y" unquoted would read back as two columns.
            let detectable = name.utf8.contains { $0 == ASCII.comma || $0 == ASCII.tab || $0 == ASCII.semicolon }
            appendField(name, to: &out, delimiter: delimiter, forceQuote: detectable)
        }
        out.append(ASCII.lf)
        return out
    }

    /// Formats the rows block by block — two blocks at a time on two threads for large tables — and
    /// hands each block's bytes to `emit` in row order.
    static func forEachBlock(_ table: Table, delimiter: UInt8, _ emit: (UnsafePointer<UInt8>, Int) -> Void) {
        let rows = table.rowCount
        guard rows > 0 else { return }
        CSVBlockFormatter.with(table, delimiter: delimiter) { formatter in
            var first = ByteBlock(capacity: 1 << 16)
            if rows <= blockRows {
                let n = formatter.format(0..<rows, into: &first)
                emit(first.base, n)
                return
            }
            let pair = BlockPair(first: first, second: ByteBlock(capacity: 1 << 16))
            var start = 0
            while start < rows {
                let a = start..<min(rows, start + blockRows)
                let b = a.upperBound..<min(rows, a.upperBound + blockRows)
                DispatchQueue.concurrentPerform(iterations: b.isEmpty ? 1 : 2) { k in
                    pair.format(k, k == 0 ? a : b, formatter)
                }
                emit(pair.first.base, pair.firstCount)
                if !b.isEmpty { emit(pair.second.base, pair.secondCount) }
                start = b.upperBound
            }
        }
    }

    /// The two buffers of the alternating threads; each thread touches only its own.
    private final class BlockPair: @unchecked Sendable {
        var first: ByteBlock
        var second: ByteBlock
        var firstCount = 0, secondCount = 0
        init(first: consuming ByteBlock, second: consuming ByteBlock) { self.first = first; self.second = second }
        func format(_ k: Int, _ rows: Range<Int>, _ f: CSVBlockFormatter) {
            if k == 0 { firstCount = f.format(rows, into: &first) } else { secondCount = f.format(rows, into: &second) }
        }
    }

    /// Strings that would read back as null, a number or a bool are quoted to keep them text.
    static func looksTyped(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { looksTyped($0.baseAddress, $0.count) }
    }

    /// `looksTyped` on raw UTF-8 bytes.
    @inline(__always)
    static func looksTyped(_ base: UnsafePointer<UInt8>?, _ n: Int) -> Bool {
        guard let base, n > 0 else { return true }
        let b = ByteBuffer(base: base, count: n)
        // Only a digit, sign, point, i/I (inf) or n/N (NA, NaN, null) can start a typed text, and t/f/T/F a bool.
        switch base[0] | 0x20 {
        case 0x30...0x39, 0x2D, 0x2B, 0x2E, 0x69, 0x6E, 0x74, 0x66: break
        default: return false
        }
        if isNullToken(base, n) { return true }
        return FieldParsing.parseBool(b, 0, n) != nil || FieldParsing.parseDouble(b, 0, n) != nil
    }

    private static let nullTokens: [[UInt8]] = CSVOptions.defaultNullTokens.map { Array($0.utf8) }

    private static func isNullToken(_ base: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        for t in nullTokens where t.count == n {
            var same = true
            for k in 0..<n where t[k] != base[k] { same = false; break }
            if same { return true }
        }
        return false
    }

    /// Writes one plain string field at `p` (quoted when it holds a delimiter, quote or line end, or
    /// would read back typed); returns the position after it. `p` has room for 2n + 2 bytes.
    @inline(__always)
    static func writePlain(_ s: UnsafePointer<UInt8>, _ n: Int, delimiter: UInt8, at p: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        var special = false
        for i in 0..<n {
            let c = s[i]
            if c == delimiter || c == ASCII.quote || c == ASCII.lf || c == ASCII.cr { special = true; break }
        }
        if !special && !looksTyped(s, n) {
            p.update(from: s, count: n)
            return p + n
        }
        var q = p
        q[0] = ASCII.quote; q += 1
        for i in 0..<n {
            if s[i] == ASCII.quote { q[0] = ASCII.quote; q += 1 }
            q[0] = s[i]; q += 1
        }
        q[0] = ASCII.quote
        return q + 1
    }

    static func appendField(_ s: String, to out: inout [UInt8], delimiter: UInt8, forceQuote: Bool) {
        let utf8 = s.utf8
        let needs = forceQuote || utf8.contains { $0 == delimiter || $0 == ASCII.quote || $0 == ASCII.lf || $0 == ASCII.cr }
        guard needs else { out.append(contentsOf: utf8); return }
        out.append(ASCII.quote)
        for c in utf8 {
            if c == ASCII.quote { out.append(ASCII.quote) }
            out.append(c)
        }
        out.append(ASCII.quote)
    }
}
