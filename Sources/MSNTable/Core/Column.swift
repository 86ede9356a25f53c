/// A typed, nullable column. Values live in contiguous buffers, never in an array of enums per cell.
public enum Column: Sendable {
    /// 64-bit integers.
    case int(TypedColumn<Int64>)
    /// Doubles.
    case float(TypedColumn<Double>)
    /// Booleans.
    case bool(TypedColumn<Bool>)
    /// UTF-8 strings.
    case string(StringColumn)

    /// The column's type.
    public var type: DataType {
        switch self {
        case .int: return .int
        case .float: return .float
        case .bool: return .bool
        case .string: return .string
        }
    }

    /// Number of rows.
    public var count: Int {
        switch self {
        case .int(let c): return c.count
        case .float(let c): return c.count
        case .bool(let c): return c.count
        case .string(let c): return c.count
        }
    }

    /// The validity bitmap (nil when no row is null).
    public var validity: Bitmap? {
        switch self {
        case .int(let c): return c.validity
        case .float(let c): return c.validity
        case .bool(let c): return c.validity
        case .string(let c): return c.validity
        }
    }

    /// Whether row `i` is null.
    @inline(__always) public func isNull(_ i: Int) -> Bool { validity.map { !$0[i] } ?? false }

    /// Number of null rows.
    public var nullCount: Int { validity.map { $0.count - $0.validCount } ?? 0 }

    /// The value at row `i`.
    public subscript(i: Int) -> CellValue {
        if isNull(i) { return .null }
        switch self {
        case .int(let c): return .int(c.values[i])
        case .float(let c): return .float(c.values[i])
        case .bool(let c): return .bool(c.values[i])
        case .string(let c): return c[i].map(CellValue.string) ?? .null
        }
    }

    /// The rows at `indices`, in that order.
    public func take(_ indices: [Int]) -> Column {
        switch self {
        case .int(let c): return .int(c.take(indices))
        case .float(let c): return .float(c.take(indices))
        case .bool(let c): return .bool(c.take(indices))
        case .string(let c): return .string(c.take(indices))
        }
    }

    /// Numeric values as Doubles with NaN for null (ints widened, bools as 0/1); nil for strings.
    public func doubles() -> [Double]? {
        switch self {
        case .float(let c):
            guard let v = c.validity else { return c.values }
            var out = c.values
            for i in 0..<out.count where !v[i] { out[i] = .nan }
            return out
        case .int(let c):
            var out = c.values.map(Double.init)
            if let v = c.validity { for i in 0..<out.count where !v[i] { out[i] = .nan } }
            return out
        case .bool(let c):
            var out = c.values.map { $0 ? 1.0 : 0.0 }
            if let v = c.validity { for i in 0..<out.count where !v[i] { out[i] = .nan } }
            return out
        case .string:
            return nil
        }
    }

    /// A column of `count` nulls of the given type.
    public static func nulls(_ type: DataType, count: Int) -> Column {
        let v = Bitmap(count: count, allValid: false)
        switch type {
        case .int: return .int(TypedColumn([Int64](repeating: 0, count: count), validity: v))
        case .float: return .float(TypedColumn([Double](repeating: 0, count: count), validity: v))
        case .bool: return .bool(TypedColumn([Bool](repeating: false, count: count), validity: v))
        case .string: return .string(StringColumn([String?](repeating: nil, count: count)))
        }
    }

    /// A column from cell values; the type is the widest needed (bool ⊂ int ⊂ float; anything with a
    /// string is string). All-null input gives a float column.
    public static func from(_ cells: [CellValue], type: DataType? = nil) -> Column {
        var t = type
        if t == nil {
            var seen = Set<DataType>()
            for c in cells {
                switch c {
                case .int: seen.insert(.int)
                case .float: seen.insert(.float)
                case .bool: seen.insert(.bool)
                case .string: seen.insert(.string)
                case .null: break
                }
            }
            if seen.contains(.string) { t = .string }
            else if seen.contains(.float) { t = .float }
            else if seen.contains(.int) { t = .int }
            else if seen.contains(.bool) { t = .bool }
            else { t = .float }
        }
        switch t ?? .float {
        case .int:
            return .int(TypedColumn<Int64>(optionals: cells.map {
                if case .int(let v) = $0 { return v }
                if case .bool(let b) = $0 { return b ? 1 : 0 }
                return nil
            }))
        case .float:
            return .float(TypedColumn<Double>(optionals: cells.map { $0.doubleValue }))
        case .bool:
            let values = cells.map { if case .bool(let b) = $0 { return b } else { return false } }
            let valid = cells.map { if case .bool = $0 { return true } else { return false } }
            return .bool(TypedColumn(values, validity: Bitmap(valid)))
        case .string:
            return .string(StringColumn(cells.map { $0.isNull ? nil : $0.description }))
        }
    }

    /// This column followed by `other` of the same type; nil when the types differ.
    public func appending(_ other: Column) -> Column? {
        switch (self, other) {
        case (.int(let a), .int(let b)): return .int(a.appending(b))
        case (.float(let a), .float(let b)): return .float(a.appending(b))
        case (.bool(let a), .bool(let b)): return .bool(a.appending(b))
        case (.string(let a), .string(let b)): return .string(a.appending(b))
        default: return nil
        }
    }
}

extension Column {
    /// A float column from Doubles, NaN meaning null when `nanIsNull`.
    public static func float(_ values: [Double], nanIsNull: Bool) -> Column {
        guard nanIsNull, values.contains(where: { $0.isNaN }) else { return .float(TypedColumn(values)) }
        var v = Bitmap(count: values.count)
        for (i, x) in values.enumerated() where x.isNaN { v[i] = false }
        return .float(TypedColumn(values, validity: v))
    }
}
