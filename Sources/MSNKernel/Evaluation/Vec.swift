import Foundation
import MSNTable

/// The value of a row expression: a whole column, or a scalar broadcast to every row.
enum Vec: Sendable {
    case scalar(CellValue)
    case column(Column)

    /// The type, or nil for a null scalar (which fits any type).
    var type: DataType? {
        switch self {
        case .column(let c): return c.type
        case .scalar(let s):
            switch s {
            case .null: return nil
            case .int: return .int
            case .float: return .float
            case .string: return .string
            case .bool: return .bool
            }
        }
    }

    /// A column of `n` rows (scalars repeated).
    func column(_ n: Int) -> Column {
        switch self {
        case .column(let c): return c
        case .scalar(let s): return Vec.repeatColumn(s, n)
        }
    }

    static func repeatColumn(_ s: CellValue, _ n: Int) -> Column {
        switch s {
        case .null: return Column.nulls(.float, count: n)
        case .int(let v): return .int(TypedColumn([Int64](repeating: v, count: n)))
        case .float(let v): return .float(TypedColumn([Double](repeating: v, count: n)))
        case .bool(let v): return .bool(TypedColumn([Bool](repeating: v, count: n)))
        case .string(let v): return .string(StringColumn(storage: .dictionary(codes: [Int32](repeating: 0, count: n), dictionary: [v]), validity: nil))
        }
    }

    /// Values as Doubles and a validity bitmap (nil: all valid) for `n` rows; nil for strings.
    func doubles(_ n: Int) -> (values: [Double], validity: Bitmap?)? {
        switch self {
        case .scalar(let s):
            if s.isNull { return ([Double](repeating: 0, count: n), Bitmap(count: n, allValid: false)) }
            guard let d = s.doubleValue else { return nil }
            return ([Double](repeating: d, count: n), nil)
        case .column(let c):
            switch c {
            case .float(let t): return (t.values, t.validity)
            case .int(let t): return (t.values.map(Double.init), t.validity)
            case .bool(let t): return (t.values.map { $0 ? 1 : 0 }, t.validity)
            case .string: return nil
            }
        }
    }

    /// Values as Int64 when the vector is an int column or an int scalar.
    func ints(_ n: Int) -> (values: [Int64], validity: Bitmap?)? {
        switch self {
        case .scalar(.int(let v)): return ([Int64](repeating: v, count: n), nil)
        case .column(.int(let t)): return (t.values, t.validity)
        default: return nil
        }
    }

    /// Values as Bools (for logic), nil if not boolean.
    func bools(_ n: Int) -> (values: [Bool], validity: Bitmap?)? {
        switch self {
        case .scalar(.bool(let b)): return ([Bool](repeating: b, count: n), nil)
        case .scalar(.null): return ([Bool](repeating: false, count: n), Bitmap(count: n, allValid: false))
        case .column(.bool(let t)): return (t.values, t.validity)
        default: return nil
        }
    }

    /// The cell at row `i`.
    func cell(_ i: Int) -> CellValue {
        switch self {
        case .scalar(let s): return s
        case .column(let c): return c[i]
        }
    }

    /// Whether row `i` is null.
    func isNull(_ i: Int) -> Bool {
        switch self {
        case .scalar(let s): return s.isNull
        case .column(let c): return c.isNull(i)
        }
    }
}
