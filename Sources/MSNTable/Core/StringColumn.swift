/// A column of UTF-8 strings. Low-cardinality columns (sector, region, country) are
/// dictionary-encoded: one Int32 code per row into a small array of distinct values, so grouping,
/// joining and equality filters compare integers. Others keep their bytes in one buffer with offsets.
public struct StringColumn: Sendable {
    /// How the strings are stored.
    public enum Storage: Sendable {
        /// All bytes in one buffer; row i is bytes[offsets[i]..<offsets[i+1]].
        case plain(offsets: [Int], bytes: [UInt8])
        /// Row i is dictionary[codes[i]].
        case dictionary(codes: [Int32], dictionary: [String])
    }

    /// The storage.
    public let storage: Storage
    /// Validity of each row; nil when no row is null.
    public let validity: Bitmap?
    /// Number of rows.
    public let count: Int

    /// Distinct-value limit under which a column is dictionary-encoded.
    public static func dictionaryLimit(rows: Int) -> Int { max(64, min(65_536, rows / 4)) }

    /// A column from storage and validity.
    public init(storage: Storage, validity: Bitmap?) {
        self.storage = storage
        switch storage {
        case .plain(let offsets, _): count = max(0, offsets.count - 1)
        case .dictionary(let codes, _): count = codes.count
        }
        self.validity = validity.flatMap { $0.validCount == $0.count ? nil : $0 }
    }

    /// A column from optional strings, dictionary-encoded when cardinality is low.
    public init(_ strings: [String?]) {
        var builder = StringColumnBuilder(capacity: strings.count)
        for s in strings { builder.append(s) }
        self = builder.finish()
    }

    /// Whether row `i` is null.
    @inline(__always) public func isNull(_ i: Int) -> Bool { validity.map { !$0[i] } ?? false }

    /// The string at row `i`, or nil when null.
    public subscript(i: Int) -> String? {
        if isNull(i) { return nil }
        switch storage {
        case .plain(let offsets, let bytes):
            return String(decoding: bytes[offsets[i]..<offsets[i + 1]], as: UTF8.self)
        case .dictionary(let codes, let dictionary):
            return dictionary[Int(codes[i])]
        }
    }

    /// Number of null rows.
    public var nullCount: Int { validity.map { $0.count - $0.validCount } ?? 0 }

    /// All rows as optional strings.
    public var strings: [String?] { (0..<count).map { self[$0] } }

    /// Dense integer codes (0-based, first appearance order, -1 for null) and the distinct values.
    public func dictionaryCodes() -> (codes: [Int32], values: [String]) {
        switch storage {
        case .dictionary(let codes, let dictionary):
            // Re-densify so that codes follow first appearance among rows and skip unused entries.
            var remap = [Int32](repeating: -1, count: dictionary.count)
            var values: [String] = []
            var out = [Int32](repeating: -1, count: count)
            for i in 0..<count where !isNull(i) {
                let c = Int(codes[i])
                if remap[c] < 0 { remap[c] = Int32(values.count); values.append(dictionary[c]) }
                out[i] = remap[c]
            }
            return (out, values)
        case .plain:
            var index: [String: Int32] = [:]
            var values: [String] = []
            var out = [Int32](repeating: -1, count: count)
            for i in 0..<count {
                guard let s = self[i] else { continue }
                if let c = index[s] { out[i] = c } else {
                    let c = Int32(values.count)
                    index[s] = c
                    values.append(s)
                    out[i] = c
                }
            }
            return (out, values)
        }
    }

    /// The rows at `indices`, in that order (plain strings: the new offsets first, then one copy per row).
    public func take(_ indices: [Int]) -> StringColumn {
        switch storage {
        case .dictionary(let codes, let dictionary):
            return StringColumn(storage: .dictionary(codes: Gather.values(codes, indices), dictionary: dictionary),
                                validity: validity?.take(indices))
        case .plain(let offsets, let bytes):
            var newOffsets = [Int](repeating: 0, count: indices.count + 1)
            offsets.withUnsafeBufferPointer { o in
                for (k, i) in indices.enumerated() { newOffsets[k + 1] = newOffsets[k] + o[i + 1] - o[i] }
            }
            let total = newOffsets[indices.count], starts = newOffsets
            let newBytes = [UInt8](unsafeUninitializedCapacity: total) { out, n in
                bytes.withUnsafeBufferPointer { b in offsets.withUnsafeBufferPointer { o in
                    guard let dst = out.baseAddress, let src = b.baseAddress else { return }
                    for (k, i) in indices.enumerated() {
                        (dst + starts[k]).initialize(from: src + o[i], count: o[i + 1] - o[i])
                    }
                } }
                n = total
            }
            return StringColumn(storage: .plain(offsets: newOffsets, bytes: newBytes), validity: validity?.take(indices))
        }
    }

    /// This column followed by `other`.
    public func appending(_ other: StringColumn) -> StringColumn { StringColumn(strings + other.strings) }
}

/// Builds a `StringColumn` row by row, switching from dictionary to plain storage when the number of
/// distinct values passes the limit.
public struct StringColumnBuilder {
    private var codes: [Int32] = []
    private var index: [String: Int32] = [:]
    private var dictionary: [String] = []
    private var offsets: [Int] = [0]
    private var bytes: [UInt8] = []
    private var plain = false
    private var validity: Bitmap
    private var anyNull = false
    private var n = 0
    private let limit: Int

    /// A builder for about `capacity` rows.
    public init(capacity: Int) {
        limit = StringColumn.dictionaryLimit(rows: capacity)
        validity = Bitmap(count: capacity)
        codes.reserveCapacity(capacity)
    }

    /// Appends a string or a null.
    public mutating func append(_ s: String?) {
        if n >= validity.count { validity = validity.appending(Bitmap(count: max(16, validity.count))) }
        defer { n += 1 }
        guard let s else {
            validity[n] = false
            anyNull = true
            if plain { offsets.append(bytes.count) } else { codes.append(0) }
            return
        }
        if plain {
            bytes.append(contentsOf: s.utf8)
            offsets.append(bytes.count)
            return
        }
        if let c = index[s] { codes.append(c); return }
        if dictionary.count >= limit { switchToPlain(); append(s); n -= 1; return }
        let c = Int32(dictionary.count)
        index[s] = c
        dictionary.append(s)
        codes.append(c)
    }

    private mutating func switchToPlain() {
        plain = true
        for (i, c) in codes.enumerated() {
            if validity[i] { bytes.append(contentsOf: dictionary[Int(c)].utf8) }
            offsets.append(bytes.count)
        }
        codes = []
        index = [:]
        dictionary = []
    }

    /// The finished column.
    public func finish() -> StringColumn {
        var v: Bitmap? = nil
        if anyNull {
            var b = Bitmap(count: n)
            for i in 0..<n where !validity[i] { b[i] = false }
            v = b
        }
        if plain { return StringColumn(storage: .plain(offsets: offsets, bytes: bytes), validity: v) }
        return StringColumn(storage: .dictionary(codes: codes, dictionary: dictionary), validity: v)
    }
}
