/// Formats a block of a table's rows as CSV bytes into a reused buffer. The columns are read through
/// raw pointers that are valid for the duration of `CSVBlockFormatter.with(_:…)`; two threads may
/// format different blocks at once (the formatter only reads).
struct CSVBlockFormatter: @unchecked Sendable {
    /// One column's storage seen through pointers.
    enum Source {
        case int(UnsafePointer<Int64>)
        case float(UnsafePointer<Double>)
        case bool(UnsafePointer<Bool>)
        /// Each dictionary entry already encoded (quoted where needed): entry e is bytes[starts[e]..<starts[e+1]].
        case dictionary(codes: UnsafePointer<Int32>, starts: UnsafePointer<Int>, bytes: UnsafePointer<UInt8>, longest: Int)
        case plain(offsets: UnsafePointer<Int>, bytes: UnsafePointer<UInt8>)
    }

    let sources: [Source]
    let validity: [UnsafePointer<UInt64>?]
    let delimiter: UInt8
    /// What a null is written as: nothing, or `NA` when the table has one column.
    let nullText: (UInt8, UInt8, Int)

    /// Runs `body` with a formatter over `table`'s columns (pointers valid only inside `body`).
    static func with<R>(_ table: Table, delimiter: UInt8, _ body: (CSVBlockFormatter) throws -> R) rethrows -> R {
        // Dictionary entries are encoded once per column, not once per row.
        let encoded: [(starts: [Int], bytes: [UInt8], longest: Int)?] = table.columns.map { column in
            guard case .string(let c) = column, case .dictionary(_, let dictionary) = c.storage else { return nil }
            var starts = [0], bytes: [UInt8] = [], longest = 0
            for entry in dictionary {
                CSVWriter.appendField(entry, to: &bytes, delimiter: delimiter, forceQuote: CSVWriter.looksTyped(entry))
                longest = max(longest, bytes.count - starts[starts.count - 1])
                starts.append(bytes.count)
            }
            return (starts, bytes, longest)
        }
        var sources: [Source] = []
        var validity: [UnsafePointer<UInt64>?] = []
        // Nest one withUnsafe… per buffer so that every pointer stays valid while `body` runs.
        func bind(_ j: Int) throws -> R {
            guard j < table.columnCount else {
                let single = table.columnCount == 1
                return try body(CSVBlockFormatter(sources: sources, validity: validity, delimiter: delimiter,
                                                  nullText: single ? (0x4E, 0x41, 2) : (0, 0, 0)))
            }
            let column = table.columns[j]
            return try withValidity(column.validity) { v in
                validity.append(v)
                defer { validity.removeLast() }
                func next(_ s: Source) throws -> R { sources.append(s); defer { sources.removeLast() }; return try bind(j + 1) }
                switch column {
                case .int(let c): return try c.values.withUnsafeBufferPointer { try next(.int($0.baseAddress ?? dummyInt)) }
                case .float(let c): return try c.values.withUnsafeBufferPointer { try next(.float($0.baseAddress ?? dummyDouble)) }
                case .bool(let c): return try c.values.withUnsafeBufferPointer { try next(.bool($0.baseAddress ?? dummyBool)) }
                case .string(let c):
                    switch c.storage {
                    case .dictionary(let codes, _):
                        let e = encoded[j] ?? ([0], [], 0)
                        return try codes.withUnsafeBufferPointer { cp in try e.starts.withUnsafeBufferPointer { sp in
                            try e.bytes.withUnsafeBufferPointer { bp in
                                try next(.dictionary(codes: cp.baseAddress ?? dummyCode, starts: sp.baseAddress ?? dummyOffset,
                                                     bytes: bp.baseAddress ?? dummyByte, longest: e.longest))
                            } } }
                    case .plain(let offsets, let bytes):
                        return try offsets.withUnsafeBufferPointer { op in try bytes.withUnsafeBufferPointer { bp in
                            try next(.plain(offsets: op.baseAddress ?? dummyOffset, bytes: bp.baseAddress ?? dummyByte))
                        } }
                    }
                }
            }
        }
        return try bind(0)
    }

    private static func withValidity<R>(_ v: Bitmap?, _ body: (UnsafePointer<UInt64>?) throws -> R) rethrows -> R {
        guard let v else { return try body(nil) }
        return try v.words.withUnsafeBufferPointer { try body($0.baseAddress) }
    }

    // Stand-ins for the base address of an empty buffer (never read: there are no rows).
    nonisolated(unsafe) private static let dummyInt = UnsafePointer(UnsafeMutablePointer<Int64>.allocate(capacity: 1))
    nonisolated(unsafe) private static let dummyDouble = UnsafePointer(UnsafeMutablePointer<Double>.allocate(capacity: 1))
    nonisolated(unsafe) private static let dummyBool = UnsafePointer(UnsafeMutablePointer<Bool>.allocate(capacity: 1))
    nonisolated(unsafe) private static let dummyCode = UnsafePointer(UnsafeMutablePointer<Int32>.allocate(capacity: 1))
    nonisolated(unsafe) private static let dummyOffset = UnsafePointer(UnsafeMutablePointer<Int>.allocate(capacity: 1))
    nonisolated(unsafe) private static let dummyByte = UnsafePointer(UnsafeMutablePointer<UInt8>.allocate(capacity: 1))

    /// An upper bound on the bytes of rows `rows`.
    func bound(_ rows: Range<Int>) -> Int {
        var perRow = sources.count + 1
        var total = 0
        for s in sources {
            switch s {
            case .int: perRow += NumberText.maxIntBytes
            case .float: perRow += NumberText.maxDoubleBytes
            case .bool: perRow += 5
            case .dictionary(_, _, _, let longest): perRow += max(2, longest)
            case .plain(let offsets, _): perRow += 2; total += 2 * (offsets[rows.upperBound] - offsets[rows.lowerBound])
            }
        }
        return total + perRow * rows.count
    }

    /// Formats `rows` into `buffer` (grown to `bound(rows)` if needed); returns the byte count.
    func format(_ rows: Range<Int>, into buffer: inout ByteBlock) -> Int {
        buffer.reserve(bound(rows))
        let start = buffer.base
        var p = start
        let columns = sources.count
        for i in rows {
            for j in 0..<columns {
                if j > 0 { p[0] = delimiter; p += 1 }
                if let v = validity[j], v[i >> 6] & (1 << UInt64(i & 63)) == 0 { p = writeNull(p); continue }
                switch sources[j] {
                case .int(let values): p = NumberText.writeInt(values[i], at: p)
                case .float(let values):
                    let x = values[i]
                    if x.isNaN { p = writeNull(p) }   // NaN is written as null
                    else if x.isInfinite { p = writeInfinity(x, p) }
                    else { p = NumberText.writeDouble(x, at: p) }
                case .bool(let values):
                    p = writeBool(values[i], p)
                case .dictionary(let codes, let starts, let bytes, _):
                    let c = Int(codes[i])
                    let s = starts[c], n = starts[c + 1] - s
                    p.update(from: bytes + s, count: n)
                    p += n
                case .plain(let offsets, let bytes):
                    p = CSVWriter.writePlain(bytes + offsets[i], offsets[i + 1] - offsets[i], delimiter: delimiter, at: p)
                }
            }
            p[0] = ASCII.lf
            p += 1
        }
        return p - start
    }

    @inline(__always) private func writeBool(_ b: Bool, _ p: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        if b { p[0] = 0x74; p[1] = 0x72; p[2] = 0x75; p[3] = 0x65; return p + 4 }
        p[0] = 0x66; p[1] = 0x61; p[2] = 0x6C; p[3] = 0x73; p[4] = 0x65
        return p + 5
    }

    @inline(__always) private func writeNull(_ p: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        guard nullText.2 > 0 else { return p }
        p[0] = nullText.0; p[1] = nullText.1
        return p + 2
    }

    private func writeInfinity(_ x: Double, _ p: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        var q = p
        if x < 0 { q[0] = 0x2D; q += 1 }
        q[0] = 0x69; q[1] = 0x6E; q[2] = 0x66
        return q + 3
    }
}

/// A growable byte buffer that keeps its storage between blocks.
struct ByteBlock: ~Copyable, @unchecked Sendable {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var capacity: Int

    init(capacity: Int) {
        self.capacity = max(64, capacity)
        base = .allocate(capacity: self.capacity)
    }

    /// Makes room for at least `n` bytes (contents are not kept).
    mutating func reserve(_ n: Int) {
        guard n > capacity else { return }
        base.deallocate()
        capacity = max(n, capacity * 2)
        base = .allocate(capacity: capacity)
    }

    deinit { base.deallocate() }
}
