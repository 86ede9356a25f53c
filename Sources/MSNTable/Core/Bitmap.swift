/// A validity bitmap: bit i is 1 when row i holds a value, 0 when it is null.
public struct Bitmap: Sendable, Equatable {
    /// The packed bits, 64 rows per word.
    public private(set) var words: [UInt64]
    /// Number of rows described.
    public let count: Int

    /// A bitmap of `count` rows, all valid or all null.
    public init(count: Int, allValid: Bool = true) {
        self.count = count
        let n = (count + 63) >> 6
        words = [UInt64](repeating: allValid ? ~0 : 0, count: n)
        if allValid, count & 63 != 0, n > 0 { words[n - 1] = (1 << UInt64(count & 63)) - 1 }
    }

    /// A bitmap from packed words (bits past `count` must be zero).
    init(words: [UInt64], count: Int) {
        self.words = words
        self.count = count
    }

    /// A bitmap from per-row flags.
    public init(_ flags: [Bool]) {
        self.init(count: flags.count, allValid: false)
        for (i, f) in flags.enumerated() where f { words[i >> 6] |= 1 << UInt64(i & 63) }
    }

    /// Whether row `i` is valid.
    @inline(__always) public subscript(i: Int) -> Bool {
        get { words[i >> 6] & (1 << UInt64(i & 63)) != 0 }
        set {
            if newValue { words[i >> 6] |= 1 << UInt64(i & 63) } else { words[i >> 6] &= ~(1 << UInt64(i & 63)) }
        }
    }

    /// Number of valid rows.
    public var validCount: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    /// Row-wise AND of two bitmaps of equal length (nil means all valid).
    public static func and(_ a: Bitmap?, _ b: Bitmap?) -> Bitmap? {
        guard let a else { return b }
        guard let b else { return a }
        var r = a
        for i in 0..<r.words.count { r.words[i] &= b.words[i] }
        return r
    }

    /// The bitmap of the rows at `indices`.
    public func take(_ indices: [Int]) -> Bitmap {
        Bitmap(words: Gather.bits(words, indices), count: indices.count)
    }

    /// This bitmap followed by `other`.
    public func appending(_ other: Bitmap) -> Bitmap {
        var r = Bitmap(count: count + other.count, allValid: false)
        for i in 0..<count where self[i] { r[i] = true }
        for i in 0..<other.count where other[i] { r[count + i] = true }
        return r
    }
}
