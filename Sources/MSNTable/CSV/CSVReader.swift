import Foundation

/// Reads RFC 4180 CSV into a `Table`: byte-level, linear time, both cores for large files.
/// A malformed file is an error with its position; it never yields a half-loaded table.
public enum CSVReader {
    /// Reads the file at `path`; errors name it as `displayName` (default: the path as given).
    public static func read(path: String, options: CSVOptions = CSVOptions(), displayName: String? = nil) throws -> Table {
        let name = displayName ?? path
        // Mapped by hand so that the pages behind the parse can be handed back (peak memory).
        if let file = MappedFile(path: path) {
            return try withExtendedLifetime(file) {
                try parse(UnsafeBufferPointer(start: file.base, count: file.count), name: name, options: options,
                          release: MappedRelease(file: file))
            }
        }
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

    /// Parses CSV bytes in a buffer that stays valid for the call. `blockBytes` and `wholeColumns` (every
    /// column through the whole-column inference) exist for tests that check the streaming conversion.
    static func parse(_ raw: UnsafeBufferPointer<UInt8>, name: String, options: CSVOptions,
                      blockBytes: Int = CSVReader.blockBytes, wholeColumns: Bool = false, release: MappedRelease? = nil) throws -> Table {
        do {
            guard let base = raw.baseAddress, raw.count > 0 else { throw CSVError.empty(file: name) }
            let b = ByteBuffer(base: base, count: raw.count)
            var start = 0
            if b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF { start = 3 }
            let pre = CSVPrePass.check(b, from: start, release: release)
            if pre.loneCR, let lf = LineEnds.loneCRsAsLF(b) {
                return try lf.withUnsafeBufferPointer { try parse($0, name: name, options: options, blockBytes: blockBytes, wholeColumns: wholeColumns) }
            }
            if let bad = pre.firstInvalid {
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
            let columns = try convertStreaming(scanner, header: header, options: options, blockBytes: blockBytes,
                                               wholeColumns: wholeColumns, release: release)
            return try Table(Array(zip(header.names, columns)))
        }
    }

    /// Scans the file a block at a time (each block on both cores) and converts every block's rows
    /// column by column (columns in parallel) before scanning the next, so that field offsets are held
    /// for one block only. Columns that need whole-column inference finish at the end.
    private static func convertStreaming(_ scanner: CSVScanner, header: (names: [String], end: Int, nextLine: Int),
                                         options: CSVOptions, blockBytes: Int, wholeColumns: Bool, release: MappedRelease?) throws -> [Column] {
        let b = scanner.bytes
        let ctx = StreamContext(scanner: scanner, fields: FieldReader(bytes: b, tokens: options.nullTokens.map { Array($0.utf8) }),
                                dataStart: header.end, dataLine: header.nextLine)
        let names = header.names
        let stream = names.indices.map { StreamColumn(index: $0, general: wholeColumns || options.types[names[$0]] != nil) }
        var pos = header.end, line = header.nextLine, rows = 0, capacity = 0
        while pos < b.count {
            if options.shouldStop?() == true { throw CSVError.interrupted(file: scanner.file) }
            let chunks = try scanAll(scanner, from: pos, line: line, stop: pos + min(b.count - pos, blockBytes))
            guard let last = chunks.last, last.endOffset > pos else { break }
            let blockRows = chunks.reduce(0) { $0 + $1.recordStarts.count }
            if capacity == 0 {
                // Rows in the whole file, from this block's bytes per row, with a margin: capacity that is
                // never written is never touched, so over-estimating costs address space, not memory.
                let perRow = Double(last.endOffset - pos) / Double(max(1, blockRows))
                capacity = blockRows + Int(Double(b.count - last.endOffset) / max(1, perRow) * 1.1) + 64
            }
            let (start, estimate) = (pos, capacity)
            DispatchQueue.concurrentPerform(iterations: names.count) { j in
                stream[j].consume(chunks, blockStart: start, capacity: estimate, ctx)
            }
            rows += blockRows
            pos = last.endOffset
            release?.file.release(from: start, to: pos)
            line = last.endLine
        }
        let box = ResultBox(count: names.count)
        let n = rows
        DispatchQueue.concurrentPerform(iterations: names.count) { j in
            box.set(j, Result { try stream[j].finish(rows: n, name: names[j], override: options.types[names[j]], ctx) })
        }
        // The error of the earliest line wins, whichever column found it.
        var columns: [Column] = []
        var firstError: (line: Int, error: CSVError)? = nil
        for j in names.indices {
            switch box.get(j) {
            case .success(let c): columns.append(c)
            case .failure(let e):
                let line: Int
                if case .badValue(_, let l, _, _, _) = e { line = l } else { line = 0 }
                if firstError.map({ line < $0.line }) ?? true { firstError = (line, e) }
            }
        }
        if let e = firstError?.error { throw e }
        return columns
    }

    private final class ResultBox: @unchecked Sendable {
        private var items: [Result<Column, CSVError>]
        private let lock = NSLock()
        init(count: Int) { items = Array(repeating: .failure(.empty(file: "")), count: count) }
        func set(_ i: Int, _ r: Result<Column, Error>) {
            let mapped = r.mapError { ($0 as? CSVError) ?? .unreadable(file: "", reason: "\($0)") }
            lock.lock(); items[i] = mapped; lock.unlock()
        }
        func get(_ i: Int) -> Result<Column, CSVError> { lock.lock(); defer { lock.unlock() }; return items[i] }
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

    /// What is trimmed from a header name: blanks and the byte-order mark.
    static let nameTrim = CharacterSet.whitespaces.union(CharacterSet(charactersIn: "\u{FEFF}"))

    private static func readHeader(_ b: ByteBuffer, from start: Int, delimiter: UInt8, name: String) throws -> (names: [String], end: Int, nextLine: Int) {
        // Count the header's fields with a one-record scan of unknown width.
        let wide = CSVScanner(bytes: b, delimiter: delimiter, columns: Int.max, file: name)
        var probe = wide.scan(from: start, line: 1, stop: start + 1)
        if case .unterminatedQuote = probe.error, let error = probe.error { throw error }
        probe.error = nil
        var names: [String] = []
        var fieldStart = start
        for end in probe.fieldEnds {
            // Blanks and a byte-order mark after the file's start (say, behind a blank line or a tab)
            // are not part of a name.
            names.append(FieldParsing.text(b, fieldStart, Int(end)).trimmingCharacters(in: Self.nameTrim))
            fieldStart = Int(end) + 1
        }
        var seen = Set<String>()
        for (i, n) in names.enumerated() {
            if n.isEmpty { throw CSVError.badHeader(file: name, reason: "column \(i + 1) of the header has no name") }
            if !seen.insert(n).inserted { throw CSVError.badHeader(file: name, reason: "column name '\(n)' appears twice in the header") }
        }
        return (names, probe.endOffset, probe.endLine)
    }

    /// Scans the records starting before `stop` (the last may run past it); stretches over 256 KiB are
    /// split in two at a newline and scanned on both cores. The second half is kept only if the first
    /// half's scan ends exactly at the split (the newline was not inside quotes); otherwise the rest is
    /// scanned again serially.
    private static func scanAll(_ s: CSVScanner, from start: Int, line: Int, stop n: Int) throws -> [CSVScanner.Chunk] {
        guard n - start > 256 << 10 else {
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
        second.endLine += offset
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

/// The mapped file whose pages a parse may hand back behind itself.
struct MappedRelease: @unchecked Sendable {
    let file: MappedFile
}
