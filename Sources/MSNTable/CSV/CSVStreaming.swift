import Foundation

/// What every column's conversion shares: the bytes, the scanner, where the data starts.
struct StreamContext: Sendable {
    let scanner: CSVScanner
    let fields: FieldReader
    let dataStart: Int
    let dataLine: Int

    /// Field `j`'s positions for every record from the data start up to the record start `stop`
    /// (scanned again, a few MiB at a time).
    func ranges(column j: Int, upTo stop: Int) -> FieldRanges {
        var out = FieldRanges()
        var pos = dataStart, line = dataLine
        while pos < stop {
            let chunk = scanner.scan(from: pos, line: line, stop: min(stop, pos + CSVReader.blockBytes))
            CSVReader.forEachField(j, of: [chunk], columns: scanner.columns) { s, e, l in out.append(s, e, l) }
            guard chunk.endOffset > pos else { break }
            pos = chunk.endOffset
            line = chunk.endLine
        }
        return out
    }
}

/// One column converted block by block while the file is scanned, so that field offsets are only ever
/// held for one block. The first non-null field picks the mode: numbers (unquoted, or all quoted),
/// text (dictionary-encoded, plain past the distinct-value limit). A column the streaming modes cannot
/// settle — text after numbers, a type override — keeps its field positions and is converted by the
/// whole-column inference at the end, exactly as a non-streaming reader would.
final class StreamColumn: @unchecked Sendable {
    private let index: Int
    private var state = StreamState()
    private var general: Bool
    private var ranges = FieldRanges()

    /// A column; `general` for one with a type override.
    init(index: Int, general: Bool) {
        self.index = index
        self.general = general
    }

    /// Converts the records of one block (starting at byte `blockStart`); `capacity` estimates the
    /// file's row count.
    func consume(_ chunks: [CSVScanner.Chunk], blockStart: Int, capacity: Int, _ ctx: StreamContext) {
        if !general {
            // Work on a local copy (no exclusivity checks per row), handed back afterwards.
            var local = state
            state = StreamState()
            if local.stream(index, chunks, capacity: capacity, ctx) { state = local; return }
            // Rows before this block were streamed in a mode that does not fit: take their positions again.
            ranges = ctx.ranges(column: index, upTo: blockStart)
            general = true
        }
        var local = ranges
        ranges = FieldRanges()
        CSVReader.forEachField(index, of: chunks, columns: ctx.scanner.columns) { s, e, l in local.append(s, e, l) }
        ranges = local
    }

    /// The finished column of `n` rows.
    func finish(rows n: Int, name: String, override: DataType?, _ ctx: StreamContext) throws -> Column {
        if general {
            return try ColumnJob(fields: ctx.fields, ranges: ranges, file: ctx.scanner.file).build(column: index, name: name, override: override)
        }
        return state.column(rows: n)
    }
}

/// The streaming modes of one column.
struct StreamState: Sendable {
    private enum Mode { case undecided, numeric, dictionary, plain }
    private var mode = Mode.undecided
    private var nullsBefore = 0
    private var numeric = NumericBuilder(capacity: 0)
    private var dictionary = DictionaryBuilder(capacity: 0, limit: 0)
    private var plainText = PlainBuilder(capacity: 0)

    /// Streams a block of column `j`; false when the column needs the general path.
    mutating func stream(_ j: Int, _ chunks: [CSVScanner.Chunk], capacity: Int, _ ctx: StreamContext) -> Bool {
        let f = ctx.fields
        var ok = true
        CSVReader.forEachField(j, of: chunks, columns: ctx.scanner.columns) { s, e, _ in
            guard ok else { return }
            switch mode {
            case .numeric: ok = numeric.add(f, s, e)
            case .dictionary:
                if !dictionary.add(f, s, e) {
                    plainText = dictionary.plain()
                    dictionary = DictionaryBuilder(capacity: 0, limit: 0)
                    mode = .plain
                    plainText.add(f, s, e)
                }
            case .plain: plainText.add(f, s, e)
            case .undecided: ok = decide(f, s, e, capacity: capacity)
            }
        }
        return ok
    }

    /// Picks the mode at the first non-null field and adds it.
    private mutating func decide(_ f: FieldReader, _ s: Int, _ e: Int, capacity: Int) -> Bool {
        let quoted = f.quoted(s, e)
        if !quoted && f.isNullToken(s, e) { nullsBefore += 1; return true }
        let (cs, ce) = f.content(s, e)
        let isNumber = ce > cs && (FieldParsing.parseInt(f.bytes, cs, ce) != nil || FieldParsing.parseBool(f.bytes, cs, ce) != nil
            || FieldParsing.parseDouble(f.bytes, cs, ce) != nil)
        if isNumber {
            numeric = NumericBuilder(capacity: capacity, quoted: quoted)
            for _ in 0..<nullsBefore { numeric.appendNull() }
            mode = .numeric
            return numeric.add(f, s, e)
        }
        // Text: with unquoted text, or quoted text in a quoted column, inference says string.
        dictionary = DictionaryBuilder(capacity: capacity, limit: CSVReader.maxDictionary)
        for _ in 0..<nullsBefore { dictionary.appendNull() }
        mode = .dictionary
        return dictionary.add(f, s, e)
    }

    /// The finished column of `n` rows.
    func column(rows n: Int) -> Column {
        switch mode {
        case .undecided: return n == 0 ? .string(StringColumn([])) : Column.nulls(.float, count: n)
        case .numeric: return numeric.column() ?? Column.nulls(.float, count: n)
        case .dictionary:
            if dictionary.distinctCount <= StringColumn.dictionaryLimit(rows: n) { return .string(dictionary.column()) }
            return .string(dictionary.plain().column())
        case .plain: return .string(plainText.column())
        }
    }
}

extension CSVReader {
    /// Bytes scanned per block: small enough that a block and its field offsets stay in cache while every
    /// column converts it (about 3 MB of offsets for 4 MiB of CSV; 4 MiB measured fastest, docs/performance.md).
    static let blockBytes = 1 << 22
    /// Distinct values a streaming text column may collect before it turns plain (the largest limit).
    static let maxDictionary = 65_536

    /// Calls `body(start, end, line)` for field `j` of every record in `chunks`, in order.
    @inline(__always)
    static func forEachField(_ j: Int, of chunks: [CSVScanner.Chunk], columns: Int, _ body: (Int, Int, Int) -> Void) {
        for chunk in chunks {
            chunk.fieldEnds.withUnsafeBufferPointer { ends in
                for r in 0..<chunk.recordStarts.count {
                    let s = j == 0 ? Int(chunk.recordStarts[r]) : Int(ends[r * columns + j - 1]) + 1
                    body(s, Int(ends[r * columns + j]), Int(chunk.recordLines[r]))
                }
            }
        }
    }
}
