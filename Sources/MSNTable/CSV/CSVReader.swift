import Foundation

/// Reads RFC 4180 CSV into a `Table`: byte-level, linear time, both cores for large files.
/// A malformed file is an error with its position; it never yields a half-loaded table.
public enum CSVReader {
    /// Reads the file at `path`; errors name it as `displayName` (default: the path as given).
    public static func read(path: String, options: CSVOptions = CSVOptions(), displayName: String? = nil) throws -> Table {
        let name = displayName ?? path
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe) } catch {
            let reason = FileManager.default.fileExists(atPath: path) ? error.localizedDescription : "no such file"
            throw CSVError.unreadable(file: name, reason: reason)
        }
        // Parse the (memory-mapped) bytes in place: no copy of the file.
        return try data.withUnsafeBytes { raw -> Table in
            try parse(UnsafeBufferPointer(start: raw.baseAddress?.assumingMemoryBound(to: UInt8.self), count: raw.count), name: name, options: options)
        }
    }

    /// Parses CSV bytes; `name` is used in error messages.
    public static func parse(_ bytes: [UInt8], name: String, options: CSVOptions = CSVOptions()) throws -> Table {
        try bytes.withUnsafeBufferPointer { try parse($0, name: name, options: options) }
    }

    /// Parses CSV bytes in a buffer that stays valid for the call.
    static func parse(_ raw: UnsafeBufferPointer<UInt8>, name: String, options: CSVOptions) throws -> Table {
        do {
            guard let base = raw.baseAddress, raw.count > 0 else { throw CSVError.empty(file: name) }
            let b = ByteBuffer(base: base, count: raw.count)
            var start = 0
            if b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF { start = 3 }
            if let bad = UTF8Check.firstInvalid(b, from: start) {
                throw CSVError.invalidUTF8(file: name, line: lineOf(offset: bad, in: b), byteOffset: bad)
            }
            while start < b.count && (b[start] == ASCII.lf || b[start] == ASCII.cr) { start += 1 }
            guard start < b.count else { throw CSVError.empty(file: name) }
            let delimiter = options.delimiter ?? detectDelimiter(b, from: start)
            let header = try readHeader(b, from: start, delimiter: delimiter, name: name)
            for key in options.types.keys where !header.names.contains(key) {
                throw CSVError.unknownOverride(file: name, column: key, available: header.names)
            }
            let scanner = CSVScanner(bytes: b, delimiter: delimiter, columns: header.names.count, file: name)
            let chunks = try scanAll(scanner, from: header.end, line: header.nextLine)
            let columns = try convertColumns(b, chunks: chunks, header: header.names, options: options, name: name)
            return try Table(Array(zip(header.names, columns)))
        }
    }

    /// The 1-based physical line holding `offset`.
    static func lineOf(offset: Int, in b: ByteBuffer) -> Int {
        var line = 1
        for i in 0..<min(offset, b.count) where b[i] == ASCII.lf { line += 1 }
        return line
    }

    /// The most frequent of comma, tab and semicolon outside quotes on the first line (comma on ties).
    static func detectDelimiter(_ b: ByteBuffer, from start: Int) -> UInt8 {
        var counts: [UInt8: Int] = [ASCII.comma: 0, ASCII.tab: 0, ASCII.semicolon: 0]
        var inQuotes = false
        var i = start
        while i < b.count {
            let c = b[i]
            if c == ASCII.quote { inQuotes.toggle() } else if !inQuotes {
                if c == ASCII.lf { break }
                if counts[c] != nil { counts[c, default: 0] += 1 }
            }
            i += 1
        }
        let best = [ASCII.comma, ASCII.tab, ASCII.semicolon].max { (counts[$0] ?? 0) < (counts[$1] ?? 0) } ?? ASCII.comma
        return (counts[best] ?? 0) > 0 ? best : ASCII.comma
    }

    private static func readHeader(_ b: ByteBuffer, from start: Int, delimiter: UInt8, name: String) throws -> (names: [String], end: Int, nextLine: Int) {
        // Count the header's fields with a one-record scan of unknown width.
        let wide = CSVScanner(bytes: b, delimiter: delimiter, columns: Int.max, file: name)
        var probe = wide.scan(from: start, line: 1, stop: start + 1)
        if case .unterminatedQuote = probe.error { throw probe.error! }
        probe.error = nil
        var names: [String] = []
        var fieldStart = start
        for end in probe.fieldEnds {
            names.append(FieldParsing.text(b, fieldStart, Int(end)).trimmingCharacters(in: .whitespaces))
            fieldStart = Int(end) + 1
        }
        var seen = Set<String>()
        for (i, n) in names.enumerated() {
            if n.isEmpty { throw CSVError.badHeader(file: name, reason: "column \(i + 1) of the header has no name") }
            if !seen.insert(n).inserted { throw CSVError.badHeader(file: name, reason: "column name '\(n)' appears twice in the header") }
        }
        return (names, probe.endOffset, probe.endLine)
    }

    /// Scans every record; files over 4 MiB are split in two at a newline and scanned on both cores.
    /// The second half is kept only if the first half's scan ends exactly at the split (the newline was
    /// not inside quotes); otherwise the rest is scanned again serially.
    private static func scanAll(_ s: CSVScanner, from start: Int, line: Int) throws -> [CSVScanner.Chunk] {
        let n = s.bytes.count
        guard n - start > 4 << 20 else {
            let c = s.scan(from: start, line: line, stop: n)
            if let e = c.error { throw e }
            return [c]
        }
        var mid = start + (n - start) / 2
        while mid < n && s.bytes[mid] != ASCII.lf { mid += 1 }
        mid += 1
        let box = ChunkBox()
        let splitAt = mid
        DispatchQueue.concurrentPerform(iterations: 2) { k in
            if k == 0 { box.set(0, s.scan(from: start, line: line, stop: splitAt)) }
            else { box.set(1, s.scan(from: splitAt, line: 0, stop: n)) }
        }
        let first = box.get(0)
        if let e = first.error { throw e }
        guard first.endOffset == splitAt else {
            let rest = s.scan(from: first.endOffset, line: first.endLine, stop: n)
            if let e = rest.error { throw e }
            return [first, rest]
        }
        var second = box.get(1)
        let offset = first.endLine
        if let e = second.error { throw shift(e, by: offset) }
        for i in 0..<second.recordLines.count { second.recordLines[i] += UInt32(offset) }
        return [first, second]
    }

    private static func shift(_ e: CSVError, by lines: Int) -> CSVError {
        switch e {
        case .ragged(let f, let l, let x, let y): return .ragged(file: f, line: l + lines, expected: x, found: y)
        case .unterminatedQuote(let f, let l): return .unterminatedQuote(file: f, line: l + lines)
        default: return e
        }
    }

    private final class ChunkBox: @unchecked Sendable {
        private var chunks = [CSVScanner.Chunk](repeating: CSVScanner.Chunk(), count: 2)
        private let lock = NSLock()
        func set(_ i: Int, _ c: CSVScanner.Chunk) { lock.lock(); chunks[i] = c; lock.unlock() }
        func get(_ i: Int) -> CSVScanner.Chunk { lock.lock(); defer { lock.unlock() }; return chunks[i] }
    }
}
