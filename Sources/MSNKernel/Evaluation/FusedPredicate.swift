import MSNLanguage
import MSNTable

/// A filter condition compiled for one pass over the rows: comparisons joined by `and`, `or` and `not`,
/// evaluated 64 rows at a time into "true" and "false" bit words with SQL three-valued logic (a row
/// that is neither is null). Comparisons of a numeric column with a constant and of a dictionary-encoded
/// string column with a constant run as bit kernels over the typed buffers; any other operand is
/// evaluated by the general whole-column path and enters as a precomputed mask, so the result is
/// always the same as evaluating the expression and keeping the true rows.
struct FusedPredicate {
    /// Comparison operators.
    enum Op { case eq, ne, lt, le, gt, ge }

    /// A compiled node.
    indirect enum Node {
        case and(Node, Node)
        case or(Node, Node)
        case not(Node)
        /// A numeric (int, float or bool) column compared with a constant, as Doubles.
        case numeric(NumericColumn, Op, Double)
        /// A dictionary-encoded string column: the comparison's result for each dictionary entry.
        case codes([Int32], Bitmap?, [Bool])
        /// Values and validity computed by the general path.
        case mask([Bool], Bitmap?)
        /// The same truth value on every row (nil: null).
        case constant(Bool?)
    }

    /// A numeric column's buffer.
    enum NumericColumn {
        case int(TypedColumn<Int64>)
        case float(TypedColumn<Double>)
        case bool(TypedColumn<Bool>)
    }

    /// Rows per chunk: intermediate words for a chunk stay in the L1 cache.
    static let chunkRows = 4096

    let root: Node
    let rows: Int

    /// The rows where the condition is true, ascending.
    func selection() -> [Int] {
        var out: [Int] = []
        out.reserveCapacity(rows / 4)
        var base = 0
        while base < rows {
            let end = min(base + FusedPredicate.chunkRows, rows)
            let (t, _) = evaluate(root, base, end)
            for (j, word) in t.enumerated() {
                var w = word
                let start = base + j << 6
                while w != 0 {
                    out.append(start + w.trailingZeroBitCount)
                    w &= w - 1
                }
            }
            base = end
        }
        return out
    }

    /// The live-row mask of word `j` of a chunk ending at `end`.
    @inline(__always) private static func live(_ start: Int, _ end: Int) -> UInt64 {
        end - start >= 64 ? ~0 : (1 << UInt64(end - start)) - 1
    }

    /// True and false words for rows base..<end (base a multiple of 64).
    private func evaluate(_ node: Node, _ base: Int, _ end: Int) -> (t: [UInt64], f: [UInt64]) {
        switch node {
        case .and(let a, let b):
            var (ta, fa) = evaluate(a, base, end)
            let (tb, fb) = evaluate(b, base, end)
            for j in 0..<ta.count { ta[j] &= tb[j]; fa[j] |= fb[j] }
            return (ta, fa)
        case .or(let a, let b):
            var (ta, fa) = evaluate(a, base, end)
            let (tb, fb) = evaluate(b, base, end)
            for j in 0..<ta.count { ta[j] |= tb[j]; fa[j] &= fb[j] }
            return (ta, fa)
        case .not(let a):
            let (t, f) = evaluate(a, base, end)
            return (f, t)
        case .constant(let b):
            let words = (end - base + 63) >> 6
            var live = [UInt64](repeating: 0, count: words)
            for j in 0..<words { live[j] = FusedPredicate.live(base + j << 6, end) }
            let none = [UInt64](repeating: 0, count: words)
            guard let b else { return (none, none) }
            return b ? (live, none) : (none, live)
        case .numeric(let column, let op, let k):
            switch column {
            case .float(let c): return FusedPredicate.compare(c.values, c.validity, op, k, base, end) { $0 }
            case .int(let c): return FusedPredicate.compare(c.values, c.validity, op, k, base, end) { Double($0) }
            case .bool(let c): return FusedPredicate.compare(c.values, c.validity, op, k, base, end) { $0 ? 1 : 0 }
            }
        case .codes(let codes, let validity, let table):
            return table.withUnsafeBufferPointer { lut in
                // Codes under null rows may be anything: out-of-range codes read as false (then masked).
                FusedPredicate.bits(codes, validity, base, end) { UInt(bitPattern: Int($0)) < UInt(lut.count) && lut[Int($0)] }
            }
        case .mask(let values, let validity):
            return FusedPredicate.bits(values, validity, base, end) { $0 }
        }
    }

    /// A numeric comparison with the operator hoisted out of the row loop.
    @inline(__always)
    private static func compare<T>(_ values: [T], _ validity: Bitmap?, _ op: Op, _ k: Double, _ base: Int, _ end: Int,
                                   _ double: (T) -> Double) -> (t: [UInt64], f: [UInt64]) {
        switch op {
        case .eq: return bits(values, validity, base, end) { double($0) == k }
        case .ne: return bits(values, validity, base, end) { double($0) != k }
        case .lt: return bits(values, validity, base, end) { double($0) < k }
        case .le: return bits(values, validity, base, end) { double($0) <= k }
        case .gt: return bits(values, validity, base, end) { double($0) > k }
        case .ge: return bits(values, validity, base, end) { double($0) >= k }
        }
    }

    /// Applies `holds` to rows base..<end and splits the result by validity into true and false words.
    @inline(__always)
    private static func bits<T>(_ values: [T], _ validity: Bitmap?, _ base: Int, _ end: Int,
                                _ holds: (T) -> Bool) -> (t: [UInt64], f: [UInt64]) {
        let words = (end - base + 63) >> 6
        var t = [UInt64](repeating: 0, count: words), f = [UInt64](repeating: 0, count: words)
        values.withUnsafeBufferPointer { v in
            guard let p = v.baseAddress else { return }
            for j in 0..<words {
                let start = base + j << 6, m = min(64, end - start)
                var w: UInt64 = 0
                // Branch-free: the outcome of each row is shifted into place.
                for k in 0..<m { w |= UInt64(holds(p[start + k]) ? 1 : 0) &<< UInt64(k) }
                let live = FusedPredicate.live(start, end)
                let valid = validity.map { $0.words[start >> 6] & live } ?? live
                t[j] = w & valid
                f[j] = ~w & valid
            }
        }
        return (t, f)
    }
}

extension FusedPredicate {
    /// The operator for a comparison token, or nil.
    static func op(_ token: String) -> Op? {
        switch token {
        case "==": return .eq
        case "!=": return .ne
        case "<": return .lt
        case "<=": return .le
        case ">": return .gt
        case ">=": return .ge
        default: return nil
        }
    }

    /// `x op y` for comparable values.
    static func holds<T: Comparable>(_ op: Op, _ x: T, _ y: T) -> Bool {
        switch op {
        case .eq: return x == y
        case .ne: return x != y
        case .lt: return x < y
        case .le: return x <= y
        case .gt: return x > y
        case .ge: return x >= y
        }
    }

    /// The operator with its sides swapped (`k < x` is `x > k`).
    static func flipped(_ op: Op) -> Op {
        switch op {
        case .eq, .ne: return op
        case .lt: return .gt
        case .le: return .ge
        case .gt: return .lt
        case .ge: return .le
        }
    }

    /// A bit kernel for `a op b` when one side is a numeric or dictionary-string column and the other a
    /// non-null constant of a comparable type; nil otherwise (the general path decides, and reports
    /// type errors).
    static func kernel(_ token: String, _ a: Vec, _ b: Vec) -> Node? {
        guard var op = op(token) else { return nil }
        let column: Column, constant: CellValue
        switch (a, b) {
        case (.column(let c), .scalar(let s)): column = c; constant = s
        case (.scalar(let s), .column(let c)): column = c; constant = s; op = flipped(op)
        default: return nil
        }
        switch (column, constant) {
        case (.string(let s), .string(let k)):
            guard case .dictionary(let codes, let dictionary) = s.storage else { return nil }
            return .codes(codes, s.validity, dictionary.map { holds(op, $0, k) })
        case (.string, _), (_, .string), (_, .null):
            return nil
        case (.float(let c), _): return constant.doubleValue.map { .numeric(.float(c), op, $0) }
        case (.int(let c), _): return constant.doubleValue.map { .numeric(.int(c), op, $0) }
        case (.bool(let c), _): return constant.doubleValue.map { .numeric(.bool(c), op, $0) }
        }
    }

    /// A general-path result as a node; nil when it is not true/false.
    static func mask(_ v: Vec, rows: Int) -> Node? {
        switch v {
        case .scalar(.bool(let b)): return .constant(b)
        case .scalar(.null): return .constant(nil)
        case .column(.bool(let c)): return .mask(c.values, c.validity)
        default: return nil
        }
    }
}

extension Evaluator {
    /// The rows where `e` is true, through the fused path; nil when `e` is not a comparison or a logical
    /// combination of conditions, or when the general path must run (it then reports the error).
    mutating func fusedSelection(_ e: Expr, in ctx: RowContext) throws -> [Int]? {
        switch e {
        case .binary(let op, _, _, _) where op == "and" || op == "or" || FusedPredicate.op(op) != nil: break
        case .unary("not", _, _): break
        default: return nil
        }
        guard let root = try compileCondition(e, in: ctx) else { return nil }
        return FusedPredicate(root: root, rows: ctx.rows).selection()
    }

    /// Compiles a condition, evaluating operands left to right like the general path.
    private mutating func compileCondition(_ e: Expr, in ctx: RowContext) throws -> FusedPredicate.Node? {
        switch e {
        case .binary(let op, let a, let b, _) where op == "and" || op == "or":
            guard let x = try compileCondition(a, in: ctx), let y = try compileCondition(b, in: ctx) else { return nil }
            return op == "and" ? .and(x, y) : .or(x, y)
        case .unary("not", let a, _):
            return try compileCondition(a, in: ctx).map { .not($0) }
        case .binary(let op, let a, let b, let span) where FusedPredicate.op(op) != nil:
            let va = try evaluateRows(a, in: ctx), vb = try evaluateRows(b, in: ctx)
            if let kernel = FusedPredicate.kernel(op, va, vb) { return kernel }
            let v = try VectorOps.compare(op, VectorOps.Operand(vec: va, label: label(a), span: a.span),
                                          VectorOps.Operand(vec: vb, label: label(b), span: b.span), rows: ctx.rows, at: span)
            return FusedPredicate.mask(v, rows: ctx.rows)
        default:
            return FusedPredicate.mask(try evaluateRows(e, in: ctx), rows: ctx.rows)
        }
    }
}
