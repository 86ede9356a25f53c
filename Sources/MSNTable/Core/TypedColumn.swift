/// A column of fixed-width values in one contiguous buffer, with an optional validity bitmap
/// (nil means every row is valid).
public struct TypedColumn<Element: Sendable>: Sendable {
    /// The values; the value under a null row is unspecified (zero by convention).
    public var values: [Element]
    /// Validity of each row; nil when no row is null.
    public var validity: Bitmap?

    /// A column from values and an optional validity bitmap.
    public init(_ values: [Element], validity: Bitmap? = nil) {
        self.values = values
        self.validity = validity.flatMap { $0.validCount == $0.count ? nil : $0 }
    }

    /// Number of rows.
    @inline(__always) public var count: Int { values.count }

    /// Whether row `i` is null.
    @inline(__always) public func isNull(_ i: Int) -> Bool { validity.map { !$0[i] } ?? false }

    /// The value at row `i`, or nil when null.
    @inline(__always) public subscript(i: Int) -> Element? { isNull(i) ? nil : values[i] }

    /// Number of null rows.
    public var nullCount: Int { validity.map { $0.count - $0.validCount } ?? 0 }

    /// The rows at `indices`, in that order.
    public func take(_ indices: [Int]) -> TypedColumn {
        TypedColumn(Gather.values(values, indices), validity: validity?.take(indices))
    }

    /// This column followed by `other`.
    public func appending(_ other: TypedColumn) -> TypedColumn {
        let v: Bitmap? = (validity == nil && other.validity == nil) ? nil
            : (validity ?? Bitmap(count: count)).appending(other.validity ?? Bitmap(count: other.count))
        return TypedColumn(values + other.values, validity: v)
    }
}

extension TypedColumn where Element: Numeric {
    /// A column from optional values (nil becomes null).
    public init(optionals: [Element?]) {
        var values = [Element](repeating: 0, count: optionals.count)
        var validity = Bitmap(count: optionals.count)
        var anyNull = false
        for (i, v) in optionals.enumerated() {
            if let v { values[i] = v } else { validity[i] = false; anyNull = true }
        }
        self.init(values, validity: anyNull ? validity : nil)
    }
}
