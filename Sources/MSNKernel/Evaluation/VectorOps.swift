import Foundation
import MSNLanguage
import MSNTable

/// Whole-column operators with SQL null semantics: nulls propagate through arithmetic and
/// comparisons; `and`/`or` use three-valued logic.
enum VectorOps {
    /// A named operand, for type error messages: "column 'region' (string)" or "a number".
    struct Operand {
        let vec: Vec
        let label: String
        let span: SourceSpan
    }

    static func typeName(_ v: Vec) -> String {
        guard let t = v.type else { return "null" }
        return t == .string ? "text" : (t.isNumeric ? "a number" : "true/false")
    }

    static func arithmetic(_ op: String, _ a: Operand, _ b: Operand, rows n: Int, at span: SourceSpan) throws -> Vec {
        for x in [a, b] where x.vec.type == .string {
            throw Diagnostic(.type, "cannot use '\(op)' on \(x.label), which is text", at: x.span,
                             hint: "arithmetic needs numbers; convert with to_float(\(x.label.components(separatedBy: "'").dropFirst().first ?? "x")) if the text holds numbers")
        }
        if case .scalar(let x) = a.vec, case .scalar(let y) = b.vec {
            guard let r = scalarArithmetic(op, x, y) else { throw overflow(op, a, b, row: nil, at: span) }
            return .scalar(r)
        }
        if ["+", "-", "*", "%"].contains(op), let x = a.vec.ints(n), let y = b.vec.ints(n) {
            var out = [Int64](repeating: 0, count: n)
            var validity = Bitmap.and(x.validity, y.validity)
            var overflowed = -1
            x.values.withUnsafeBufferPointer { xv in
                y.values.withUnsafeBufferPointer { yv in
                    switch op {
                    case "+", "-", "*":
                        // Overflow is an error (docs/language.md, "Numbers"): the first valid row that overflows is reported.
                        for i in 0..<n {
                            let (r, o) = op == "+" ? xv[i].addingReportingOverflow(yv[i])
                                : op == "-" ? xv[i].subtractingReportingOverflow(yv[i]) : xv[i].multipliedReportingOverflow(by: yv[i])
                            out[i] = r
                            if o && overflowed < 0 && (validity?[i] ?? true) { overflowed = i }
                        }
                    default:
                        var v = validity ?? Bitmap(count: n)
                        for i in 0..<n { if yv[i] == 0 { v[i] = false } else { out[i] = flooredMod(xv[i], yv[i]) } }
                        validity = v
                    }
                }
            }
            if overflowed >= 0 { throw overflow(op, a, b, row: overflowed, at: span) }
            return .column(.int(TypedColumn(out, validity: validity)))
        }
        guard let x = a.vec.doubles(n), let y = b.vec.doubles(n) else {
            throw Diagnostic(.type, "cannot use '\(op)' here", at: span)
        }
        var out = [Double](repeating: 0, count: n)
        var validity = Bitmap.and(x.validity, y.validity)
        x.values.withUnsafeBufferPointer { xv in
            y.values.withUnsafeBufferPointer { yv in
                switch op {
                case "+": for i in 0..<n { out[i] = xv[i] + yv[i] }
                case "-": for i in 0..<n { out[i] = xv[i] - yv[i] }
                case "*": for i in 0..<n { out[i] = xv[i] * yv[i] }
                case "^": for i in 0..<n { out[i] = Foundation.pow(xv[i], yv[i]) }
                case "/":
                    var v = validity ?? Bitmap(count: n)
                    for i in 0..<n { if yv[i] == 0 { v[i] = false } else { out[i] = xv[i] / yv[i] } }
                    validity = v
                default:
                    var v = validity ?? Bitmap(count: n)
                    for i in 0..<n { if yv[i] == 0 { v[i] = false } else { out[i] = flooredMod(xv[i], yv[i]) } }
                    validity = v
                }
            }
        }
        // Not a number (inf - inf, 0 * inf) is null, never a value (docs/language.md, "Numbers").
        if let firstNaN = out.firstIndex(where: { $0.isNaN }) {
            var v = validity ?? Bitmap(count: n)
            for i in firstNaN..<n where out[i].isNaN { v[i] = false; out[i] = 0 }
            validity = v
        }
        return .column(.float(TypedColumn(out, validity: validity)))
    }

    /// `x % y` with the sign of `y`, as R's `%%` and Python's `%` (−1 % 3 is 2); no overflow trap.
    @inline(__always) static func flooredMod(_ x: Int64, _ y: Int64) -> Int64 {
        if y == -1 { return 0 }
        let r = x % y
        return r != 0 && (r < 0) != (y < 0) ? r + y : r
    }

    /// `x % y` for floats with the sign of `y`.
    @inline(__always) static func flooredMod(_ x: Double, _ y: Double) -> Double {
        let r = fmod(x, y)
        return r != 0 && (r < 0) != (y < 0) ? r + y : r
    }

    /// The error for integer arithmetic that leaves the 64-bit range, naming the expression.
    static func overflow(_ op: String, _ a: Operand, _ b: Operand, row: Int?, at span: SourceSpan) -> Diagnostic {
        Diagnostic(.value, "integer overflow: \(a.label) \(op) \(b.label) is beyond the 64-bit integer range (±9223372036854775807)"
                   + (row.map { " in row \($0 + 1)" } ?? ""), at: span,
                   hint: "whole numbers are exact 64-bit integers; for larger values convert to a float first, e.g. to_float(x) \(op) y")
    }

    /// nil when integer arithmetic overflows.
    static func scalarArithmetic(_ op: String, _ x: CellValue, _ y: CellValue) -> CellValue? {
        if x.isNull || y.isNull { return .null }
        if case .int(let a) = x, case .int(let b) = y {
            switch op {
            case "+": let (r, o) = a.addingReportingOverflow(b); return o ? nil : .int(r)
            case "-": let (r, o) = a.subtractingReportingOverflow(b); return o ? nil : .int(r)
            case "*": let (r, o) = a.multipliedReportingOverflow(by: b); return o ? nil : .int(r)
            case "%": return b == 0 ? .null : .int(flooredMod(a, b))
            default: break
            }
        }
        guard let a = x.doubleValue, let b = y.doubleValue else { return .null }
        let r: Double
        switch op {
        case "+": r = a + b
        case "-": r = a - b
        case "*": r = a * b
        case "/": if b == 0 { return .null }; r = a / b
        case "%": if b == 0 { return .null }; r = flooredMod(a, b)
        default: r = Foundation.pow(a, b)
        }
        return r.isNaN ? .null : .float(r)
    }

    static func compare(_ op: String, _ a: Operand, _ b: Operand, rows n: Int, at span: SourceSpan) throws -> Vec {
        let ta = a.vec.type, tb = b.vec.type
        if let ta, let tb {
            let bothNumeric = (ta.isNumeric || ta == .bool) && (tb.isNumeric || tb == .bool)
            if !(bothNumeric || ta == tb) {
                let (s, other) = ta == .string ? (a, b) : (b, a)
                throw Diagnostic(.type, "cannot compare \(s.label), which is text, with \(other.label), which is \(typeName(other.vec))",
                                 at: span, hint: ta == .string ? "put the value in quotes, e.g. \(s.label.contains("'") ? "== \"…\"" : "")" : "compare text with text")
            }
        }
        if case .scalar(let x) = a.vec, case .scalar(let y) = b.vec {
            return .scalar(compareCells(op, x, y))
        }
        var out = [Bool](repeating: false, count: n)
        var validity: Bitmap?
        if ta == .string || tb == .string {
            let ca = a.vec.column(n), cb = b.vec.column(n)
            validity = Bitmap.and(ca.validity, cb.validity)
            // Fast path: dictionary column against a constant compares codes.
            if case .string(let s) = ca, case .scalar(.string(let k)) = b.vec, op == "==" || op == "!=",
               case .dictionary(let codes, let dict) = s.storage {
                let target = dict.firstIndex(of: k).map(Int32.init) ?? -2
                for i in 0..<n { out[i] = (codes[i] == target) == (op == "==") }
            } else {
                for i in 0..<n {
                    guard case .string(let x) = ca[i], case .string(let y) = cb[i] else { continue }
                    out[i] = compareOrdered(op, x, y)
                }
            }
        } else if case .scalar(let c) = b.vec, let k = c.doubleValue, case .column = a.vec, let x = a.vec.doubles(n) {
            // Column against a constant: no broadcast buffer.
            validity = x.validity
            x.values.withUnsafeBufferPointer { xv in
                switch op {
                case "==": for i in 0..<n { out[i] = xv[i] == k }
                case "!=": for i in 0..<n { out[i] = xv[i] != k }
                case "<": for i in 0..<n { out[i] = xv[i] < k }
                case "<=": for i in 0..<n { out[i] = xv[i] <= k }
                case ">": for i in 0..<n { out[i] = xv[i] > k }
                default: for i in 0..<n { out[i] = xv[i] >= k }
                }
            }
        } else if let x = a.vec.doubles(n), let y = b.vec.doubles(n) {
            validity = Bitmap.and(x.validity, y.validity)
            x.values.withUnsafeBufferPointer { xv in
                y.values.withUnsafeBufferPointer { yv in
                    switch op {
                    case "==": for i in 0..<n { out[i] = xv[i] == yv[i] }
                    case "!=": for i in 0..<n { out[i] = xv[i] != yv[i] }
                    case "<": for i in 0..<n { out[i] = xv[i] < yv[i] }
                    case "<=": for i in 0..<n { out[i] = xv[i] <= yv[i] }
                    case ">": for i in 0..<n { out[i] = xv[i] > yv[i] }
                    default: for i in 0..<n { out[i] = xv[i] >= yv[i] }
                    }
                }
            }
        } else {
            // A null scalar against anything: all null.
            validity = Bitmap(count: n, allValid: false)
        }
        return .column(.bool(TypedColumn(out, validity: validity)))
    }

    static func compareOrdered<T: Comparable>(_ op: String, _ x: T, _ y: T) -> Bool {
        switch op {
        case "==": return x == y
        case "!=": return x != y
        case "<": return x < y
        case "<=": return x <= y
        case ">": return x > y
        default: return x >= y
        }
    }

    static func compareCells(_ op: String, _ x: CellValue, _ y: CellValue) -> CellValue {
        if x.isNull || y.isNull { return .null }
        if case .string(let a) = x, case .string(let b) = y { return .bool(compareOrdered(op, a, b)) }
        guard let a = x.doubleValue, let b = y.doubleValue else { return .null }
        return .bool(compareOrdered(op, a, b))
    }

    static func logic(_ op: String, _ a: Operand, _ b: Operand, rows n: Int) throws -> Vec {
        for x in [a, b] where x.vec.bools(n) == nil {
            throw Diagnostic(.type, "'\(op)' needs true/false on both sides, but \(x.label) is \(typeName(x.vec))", at: x.span,
                             hint: "use a comparison such as x > 0")
        }
        // Two scalars make one value whatever the row count (also on a table with no rows).
        if case .scalar = a.vec, case .scalar = b.vec, n != 1 { return try logic(op, a, b, rows: 1) }
        guard let x = a.vec.bools(n), let y = b.vec.bools(n) else { return .scalar(.null) }
        if x.validity == nil && y.validity == nil, case .column = a.vec, case .column = b.vec {
            // No nulls on either side: plain element-wise logic.
            var out = [Bool](repeating: false, count: n)
            x.values.withUnsafeBufferPointer { xv in y.values.withUnsafeBufferPointer { yv in
                if op == "and" { for i in 0..<n { out[i] = xv[i] && yv[i] } } else { for i in 0..<n { out[i] = xv[i] || yv[i] } }
            } }
            return .column(.bool(TypedColumn(out)))
        }
        var out = [Bool](repeating: false, count: n)
        var valid = Bitmap(count: n)
        for i in 0..<n {
            let xn = x.validity.map { !$0[i] } ?? false, yn = y.validity.map { !$0[i] } ?? false
            let xv = x.values[i], yv = y.values[i]
            if op == "and" {
                if (!xn && !xv) || (!yn && !yv) { out[i] = false } else if xn || yn { valid[i] = false } else { out[i] = true }
            } else {
                if (!xn && xv) || (!yn && yv) { out[i] = true } else if xn || yn { valid[i] = false } else { out[i] = false }
            }
        }
        if case .scalar = a.vec, case .scalar = b.vec { return .scalar(valid[0] ? .bool(out[0]) : .null) }
        return .column(.bool(TypedColumn(out, validity: valid)))
    }

    static func not(_ a: Operand, rows n: Int) throws -> Vec {
        guard let x = a.vec.bools(n) else {
            throw Diagnostic(.type, "'not' needs true/false, but \(a.label) is \(typeName(a.vec))", at: a.span)
        }
        if case .scalar(let s) = a.vec { if case .bool(let b) = s { return .scalar(.bool(!b)) }; return .scalar(.null) }
        return .column(.bool(TypedColumn(x.values.map { !$0 }, validity: x.validity)))
    }

    static func negate(_ a: Operand, rows n: Int) throws -> Vec {
        let overflow = Diagnostic(.value, "integer overflow: -\(a.label) is beyond the 64-bit integer range", at: a.span,
                                  hint: "convert to a float first: -to_float(x)")
        switch a.vec {
        case .scalar(.int(let v)):
            guard v != .min else { throw overflow }
            return .scalar(.int(-v))
        case .scalar(.float(let v)): return .scalar(.float(-v))
        case .scalar(.null): return .scalar(.null)
        case .column(.int(let t)):
            if let i = t.values.indices.first(where: { t.values[$0] == .min && !t.isNull($0) }) {
                throw Diagnostic(.value, "integer overflow: -\(a.label) is beyond the 64-bit integer range in row \(i + 1)", at: a.span,
                                 hint: "convert to a float first: -to_float(x)")
            }
            return .column(.int(TypedColumn(t.values.map { 0 &- $0 }, validity: t.validity)))
        case .column(.float(let t)): return .column(.float(TypedColumn(t.values.map { -$0 }, validity: t.validity)))
        default: throw Diagnostic(.type, "cannot negate \(a.label), which is \(typeName(a.vec))", at: a.span)
        }
    }
}
