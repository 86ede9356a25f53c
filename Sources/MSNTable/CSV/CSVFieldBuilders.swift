/// Field-level helpers shared by the streaming and the whole-column conversion: null tokens, quotes.
struct FieldReader: Sendable {
    let bytes: ByteBuffer
    let tokens: [[UInt8]]
    /// Bit k set when some token is k bytes long (k < 64), and the first bytes of the non-empty tokens:
    /// most fields are ruled out by these without looking at the token list.
    private let lengths: UInt64
    private let firstBytes: (UInt64, UInt64, UInt64, UInt64)
    private let longTokens: Bool

    init(bytes: ByteBuffer, tokens: [[UInt8]]) {
        self.bytes = bytes
        self.tokens = tokens
        var lengths: UInt64 = 0, first: [UInt64] = [0, 0, 0, 0], long = false
        for t in tokens {
            if t.count < 64 { lengths |= 1 << UInt64(t.count) } else { long = true }
            if let b = t.first { first[Int(b >> 6)] |= 1 << UInt64(b & 63) }
        }
        self.lengths = lengths
        firstBytes = (first[0], first[1], first[2], first[3])
        longTokens = long
    }

    @inline(__always) func isNullToken(_ s: Int, _ e: Int) -> Bool {
        let n = e - s
        if n < 64 && !longTokens {
            if lengths & (1 << UInt64(n)) == 0 { return false }
            if n > 0 {
                let b = bytes[s], word: UInt64
                switch b >> 6 {
                case 0: word = firstBytes.0
                case 1: word = firstBytes.1
                case 2: word = firstBytes.2
                default: word = firstBytes.3
                }
                if word & (1 << UInt64(b & 63)) == 0 { return false }
            }
        }
        for t in tokens where t.count == n {
            var same = true
            for k in 0..<n where bytes[s + k] != t[k] { same = false; break }
            if same { return true }
        }
        return false
    }

    @inline(__always) func quoted(_ s: Int, _ e: Int) -> Bool { e > s && bytes[s] == ASCII.quote }

    /// The content of a quoted field that needs no unescaping ("…" with no quote inside), else nil.
    @inline(__always) func plainQuoted(_ s: Int, _ e: Int) -> (Int, Int)? {
        guard e - s >= 2, bytes[s] == ASCII.quote, bytes[e - 1] == ASCII.quote else { return nil }
        for k in (s + 1)..<(e - 1) where bytes[k] == ASCII.quote { return nil }
        return (s + 1, e - 1)
    }

    /// Content range of a field: inside the quotes when quoted.
    @inline(__always) func content(_ s: Int, _ e: Int) -> (Int, Int) {
        guard quoted(s, e), e - s >= 2, bytes[e - 1] == ASCII.quote else { return (s, e) }
        return (s + 1, e - 1)
    }
}

/// One column's field positions: byte ranges and the physical line of each row.
struct FieldRanges: Sendable {
    var starts: [UInt32] = []
    var ends: [UInt32] = []
    var lines: [UInt32] = []

    mutating func append(_ s: Int, _ e: Int, _ line: Int) {
        starts.append(UInt32(truncatingIfNeeded: s))
        ends.append(UInt32(truncatingIfNeeded: e))
        lines.append(UInt32(truncatingIfNeeded: line))
    }
}

/// A validity bitmap built one row at a time.
struct ValidityBuilder: Sendable {
    /// Full words, and the word being filled.
    private var words: [UInt64] = []
    private var current: UInt64 = 0
    private(set) var count = 0
    private(set) var anyNull = false

    @inline(__always) mutating func append(_ valid: Bool) {
        if valid { current |= 1 << UInt64(count & 63) } else { anyNull = true }
        count += 1
        if count & 63 == 0 { words.append(current); current = 0 }
    }

    /// Whether row `i` is valid.
    @inline(__always) func isValid(_ i: Int) -> Bool {
        (i >> 6 < words.count ? words[i >> 6] : current) & (1 << UInt64(i & 63)) != 0
    }

    /// The bitmap, or nil when no row is null.
    var bitmap: Bitmap? { anyNull ? Bitmap(words: count & 63 == 0 ? words : words + [current], count: count) : nil }
}

/// Unquoted numeric or boolean fields, parsed while inferring and widened int → float in place.
struct NumericBuilder: Sendable {
    private var ints: [Int64] = []
    private var doubles: [Double] = []
    private var isFloat = false, sawBool = false, sawNumber = false
    private var validity = ValidityBuilder()

    /// Whether values are quoted (a "quote all" file): then every non-null field must be quoted.
    private let quotedValues: Bool

    init(capacity: Int, quoted: Bool = false) {
        ints.reserveCapacity(capacity)
        quotedValues = quoted
    }

    /// Appends a null row.
    mutating func appendNull() {
        validity.append(false)
        if isFloat { doubles.append(0) } else { ints.append(0) }
    }

    /// Adds the next row's field; false when the column is not numeric (a text field, or quoting that
    /// differs from the column's).
    @inline(__always) mutating func add(_ f: FieldReader, _ s0: Int, _ e0: Int) -> Bool {
        var (s, e) = (s0, e0)
        if f.quoted(s, e) {
            guard quotedValues else { return false }
            (s, e) = f.content(s, e)
            guard e > s else { return false }
        } else if f.isNullToken(s, e) {
            appendNull()
            return true
        } else if quotedValues {
            return false
        }
        // true/false mixed with numbers is text (the general inference decides): a boolean is never a number.
        if !isFloat {
            if let v = FieldParsing.parseInt(f.bytes, s, e) {
                if sawBool { return false }
                ints.append(v); sawNumber = true; validity.append(true); return true
            }
            if let b = FieldParsing.parseBool(f.bytes, s, e) {
                if sawNumber { return false }
                ints.append(b ? 1 : 0); sawBool = true; validity.append(true); return true
            }
            guard !sawBool, let d = FieldParsing.parseDouble(f.bytes, s, e) else { return false }
            doubles.reserveCapacity(ints.capacity)
            doubles.append(contentsOf: ints.lazy.map(Double.init))
            ints = []
            isFloat = true
            sawNumber = true
            doubles.append(d)
            validity.append(true)
            return true
        }
        if let d = FieldParsing.parseDouble(f.bytes, s, e) { doubles.append(d); validity.append(true); return true }
        return false
    }

    /// The column: float if any value needed it, bool if only true/false, else int; nil if every row was null.
    func column() -> Column? {
        guard sawNumber || sawBool else { return nil }
        let v = validity.bitmap
        if isFloat { return .float(TypedColumn(doubles, validity: v)) }
        if !sawNumber { return .bool(TypedColumn(ints.map { $0 != 0 }, validity: v)) }
        return .int(TypedColumn(ints, validity: v))
    }
}

/// A dictionary-encoded text column built straight from the bytes (hashing byte ranges, making a
/// String only for each new distinct value; quoted fields without doubled quotes are read in place).
struct DictionaryBuilder: Sendable {
    private var codes: [Int32] = []
    private var validity = ValidityBuilder()
    private var values: [String] = []
    private var index = ByteStringIndex()
    private let limit: Int

    /// Distinct values so far.
    var distinctCount: Int { values.count }

    init(capacity: Int, limit: Int) {
        codes.reserveCapacity(capacity)
        self.limit = limit
    }

    /// Adds the next row's field; false once there are more than `limit` distinct values.
    @inline(__always) mutating func add(_ f: FieldReader, _ s: Int, _ e: Int) -> Bool {
        if !f.quoted(s, e) { if f.isNullToken(s, e) { validity.append(false); codes.append(0); return true } }
        else if let (cs, ce) = f.plainQuoted(s, e) { return add(f.bytes.base + cs, ce - cs) }
        else {
            let bytes = Array(FieldParsing.text(f.bytes, s, e).utf8)
            return bytes.withUnsafeBufferPointer { add($0.baseAddress ?? f.bytes.base, $0.count) }
        }
        return add(f.bytes.base + s, e - s)
    }

    @inline(__always) private mutating func add(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        let h = ByteStringIndex.hash(p, n)
        if let c = index.find(p, n, hash: h) { codes.append(c); validity.append(true); return true }
        guard values.count < limit else { return false }
        let code = index.insert(p, n, hash: h)
        values.append(String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self))
        codes.append(code)
        validity.append(true)
        return true
    }

    /// Appends a null row.
    mutating func appendNull() {
        validity.append(false)
        codes.append(0)
    }

    /// The column.
    func column() -> StringColumn {
        StringColumn(storage: .dictionary(codes: codes, dictionary: values), validity: validity.bitmap)
    }

    /// The rows so far as plain storage (for a column with too many distinct values).
    func plain() -> PlainBuilder {
        var out = PlainBuilder(capacity: codes.capacity)
        for (i, c) in codes.enumerated() {
            if validity.isValid(i) { out.append(index.values[Int(c)]) } else { out.appendNull() }
        }
        return out
    }
}

/// A text column in plain storage (one byte buffer with offsets), built one row at a time.
struct PlainBuilder: Sendable {
    private var offsets: [Int] = [0]
    private var bytes: [UInt8] = []
    private var validity = ValidityBuilder()

    init(capacity: Int) { offsets.reserveCapacity(capacity + 1) }

    mutating func append<C: Collection>(_ utf8: C) where C.Element == UInt8 {
        bytes.append(contentsOf: utf8)
        offsets.append(bytes.count)
        validity.append(true)
    }

    mutating func appendNull() {
        offsets.append(bytes.count)
        validity.append(false)
    }

    /// Adds the next row's field (unquoted null tokens are null; quoted fields are unescaped).
    mutating func add(_ f: FieldReader, _ s: Int, _ e: Int) {
        if !f.quoted(s, e) && f.isNullToken(s, e) { appendNull(); return }
        if let (cs, ce) = f.plainQuoted(s, e) { append(UnsafeBufferPointer(start: f.bytes.base + cs, count: ce - cs)) }
        else if f.quoted(s, e) { append(FieldParsing.text(f.bytes, s, e).utf8) } else {
            append(UnsafeBufferPointer(start: f.bytes.base + s, count: e - s))
        }
    }

    /// The column.
    func column() -> StringColumn { StringColumn(storage: .plain(offsets: offsets, bytes: bytes), validity: validity.bitmap) }
}
