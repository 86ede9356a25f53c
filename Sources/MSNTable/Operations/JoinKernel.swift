/// Hash-join matching on typed keys: each key column pair becomes dense integer codes shared by both
/// sides (dictionary codes for strings, exact values for ints, Doubles for mixed int/float), composite
/// keys are folded into one code, and the right side is laid out as one row list per code.
enum JoinKernel {
    /// For each output row, the left row and the right row (-1: no match, on the side a left, right or full join keeps). Left rows
    /// come in order, each followed by its matches in right-row order; null keys never match.
    static func match(_ left: [Column], _ right: [Column], kind: JoinKind) -> JoinRows {
        var (lcodes, rcodes, count) = codes(left[0], right[0])
        for k in 1..<max(1, left.count) {
            let (l, r, _) = codes(left[k], right[k])
            (lcodes, rcodes, count) = combine(lcodes, rcodes, l, r)
        }
        return JoinRows(left: lcodes, right: rcodes, codes: count, kind: kind)
    }

    /// Whether each left row has at least one match on the right (semi and anti joins).
    static func leftHasMatch(_ left: [Column], _ right: [Column]) -> [Bool] {
        var (lcodes, rcodes, _) = codes(left[0], right[0])
        for k in 1..<max(1, left.count) {
            let (l, r, _) = codes(left[k], right[k])
            (lcodes, rcodes, _) = combine(lcodes, rcodes, l, r)
        }
        // A left code is only ever set when the right side has that value, so ≥ 0 means a match.
        return lcodes.map { $0 >= 0 }
    }

    /// Codes 0..<count for the right column's distinct values (first appearance), the left column's
    /// values mapped to the equal right value's code; -1 for nulls and unmatched left values.
    static func codes(_ l: Column, _ r: Column) -> (left: [Int32], right: [Int32], count: Int) {
        switch (l, r) {
        case (.string(let ls), .string(let rs)):
            let (rc, rvalues) = rs.dictionaryCodes()
            var index: [String: Int32] = [:]
            for (i, v) in rvalues.enumerated() where index[v] == nil { index[v] = Int32(i) }
            let (lc, lvalues) = ls.dictionaryCodes()
            let map = lvalues.map { index[$0] ?? -1 }
            return (lc.map { $0 < 0 ? -1 : map[Int($0)] }, rc, rvalues.count)
        case (.int(let li), .int(let ri)):
            // Sign bit flipped: the images keep the ints' order, so a short range stays short.
            let image = { (v: [Int64]) in v.map { UInt64(bitPattern: $0) ^ (1 << 63) } }
            return JoinKeyCodes.codes(image(li.values), li.validity, image(ri.values), ri.validity)
        case (.bool(let lb), .bool(let rb)):
            let image = { (v: [Bool]) in v.map { $0 ? UInt64(1) : 0 } }
            return JoinKeyCodes.codes(image(lb.values), lb.validity, image(rb.values), rb.validity)
        default:
            // Ints and floats compare as Doubles: 2 matches 2.0, -0.0 matches 0.0, NaN matches nothing.
            let (li, lv) = doubleImages(l), (ri, rv) = doubleImages(r)
            return JoinKeyCodes.codes(li, lv, ri, rv)
        }
    }

    /// A numeric column's values as Doubles' bit patterns (-0.0 as 0.0), valid where not null or NaN.
    private static func doubleImages(_ c: Column) -> ([UInt64], Bitmap?) {
        let d = c.doubles() ?? []
        let images = d.map { $0 == 0 ? 0 : $0.bitPattern }
        var valid = Bitmap(count: d.count)
        var any = false
        for (i, x) in d.enumerated() where x.isNaN { valid[i] = false; any = true }
        return (images, any ? valid : nil)
    }

    /// Folds a further key's codes into composite codes (dense over the right side's combinations).
    private static func combine(_ l1: [Int32], _ r1: [Int32], _ l2: [Int32], _ r2: [Int32])
        -> (left: [Int32], right: [Int32], count: Int) {
        var index: [UInt64: Int32] = [:]
        @inline(__always) func key(_ a: Int32, _ b: Int32) -> UInt64 { UInt64(UInt32(a)) << 32 | UInt64(UInt32(b)) }
        var right = [Int32](repeating: -1, count: r1.count)
        for j in 0..<r1.count where r1[j] >= 0 && r2[j] >= 0 {
            let k = key(r1[j], r2[j])
            if let c = index[k] { right[j] = c } else {
                let c = Int32(index.count)
                index[k] = c
                right[j] = c
            }
        }
        var left = [Int32](repeating: -1, count: l1.count)
        for i in 0..<l1.count where l1[i] >= 0 && l2[i] >= 0 { left[i] = index[key(l1[i], l2[i])] ?? -1 }
        return (left, right, index.count)
    }

    /// The rows of `c` at `rows`, null where the row is -1 (values under nulls are zero).
    static func takeOrNull(_ c: Column, _ rows: [Int]) -> Column {
        guard c.count > 0 else { return Column.nulls(c.type, count: rows.count) }
        let taken = c.take(rows.map { max($0, 0) })
        var valid = taken.validity ?? Bitmap(count: rows.count)
        for (i, r) in rows.enumerated() where r < 0 { valid[i] = false }
        func zeroed<T>(_ t: TypedColumn<T>, _ zero: T) -> TypedColumn<T> {
            var values = t.values
            for (i, r) in rows.enumerated() where r < 0 { values[i] = zero }
            return TypedColumn(values, validity: valid)
        }
        switch taken {
        case .int(let t): return .int(zeroed(t, 0))
        case .float(let t): return .float(zeroed(t, 0))
        case .bool(let t): return .bool(zeroed(t, false))
        case .string(let s): return .string(StringColumn(storage: s.storage, validity: valid))
        }
    }

    /// A key column for a right or full join: the left key where the left row exists, else the right
    /// key of the unmatched right row (as the left key's type; ints widen to float when the sides differ).
    static func coalesceKey(_ l: Column, _ leftRows: [Int], _ r: Column, _ rightRows: [Int]) -> Column {
        let cells: [CellValue] = zip(leftRows, rightRows).map { li, ri in li >= 0 ? l[li] : (ri >= 0 ? r[ri] : .null) }
        let type: DataType = l.type == r.type ? l.type : .float
        return Column.from(cells, type: type)
    }
}
