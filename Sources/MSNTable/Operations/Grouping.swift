/// Rows assigned to groups by one or more key columns: the layer under `summarize … by`.
/// Groups are numbered in order of first appearance; a null key is a group of its own.
public struct Grouping: Sendable {
    /// The group of each row, 0 ..< groupCount.
    public let groupIDs: [Int32]
    /// Number of groups.
    public let groupCount: Int
    /// One row per group with the key columns, in group order.
    public let keys: Table
    /// The first row of each group.
    public let firstRows: [Int]

    /// A single group holding every row (aggregates over the whole table).
    public static func whole(rowCount: Int) -> Grouping {
        Grouping(groupIDs: [Int32](repeating: 0, count: rowCount), groupCount: 1, keys: Table(rowCount: 1),
                 firstRows: rowCount > 0 ? [0] : [])
    }

    /// Number of rows in each group.
    public func counts() -> [Int64] {
        var counts = [Int64](repeating: 0, count: groupCount)
        counts.withUnsafeMutableBufferPointer { c in groupIDs.withUnsafeBufferPointer { id in for k in id { c[Int(k)] += 1 } } }
        return counts
    }

    /// Row indices of each group, in row order.
    public func rowsByGroup() -> [[Int]] {
        var out = [[Int]](repeating: [], count: groupCount)
        for (i, g) in groupIDs.enumerated() { out[Int(g)].append(i) }
        return out
    }

    init(groupIDs: [Int32], groupCount: Int, keys: Table, firstRows: [Int]) {
        self.groupIDs = groupIDs
        self.groupCount = groupCount
        self.keys = keys
        self.firstRows = firstRows
    }
}

extension Table {
    /// Groups rows by the named key columns (hash grouping over dense per-column codes).
    public func grouping(by names: [String]) throws -> Grouping {
        let cols = try names.map { try requireColumn($0) }
        guard !cols.isEmpty else { return .whole(rowCount: rowCount) }
        var ids = [Int32](repeating: 0, count: rowCount)
        var count = 1
        for c in cols {
            let (codes, card) = Table.groupingCodes(c)
            count = Table.combine(&ids, groups: count, codes: codes, cardinality: card)
        }
        if rowCount == 0 { count = 0 }
        var first = [Int](repeating: -1, count: count)
        for i in 0..<rowCount where first[Int(ids[i])] < 0 { first[Int(ids[i])] = i }
        let keys = try Table(zip(names, cols).map { ($0, $1.take(first)) })
        return Grouping(groupIDs: ids, groupCount: count, keys: keys, firstRows: first)
    }

    /// Renumbers rows by the pair (current group, code) in order of first appearance; returns the new
    /// group count. When the pairs fit a table of at most max(65,536, rows) slots (dictionary-coded
    /// keys: sector × region), each row is one array lookup; otherwise a hash map.
    static func combine(_ ids: inout [Int32], groups: Int, codes: [Int32], cardinality card: Int) -> Int {
        let n = ids.count
        var next: Int32 = 0
        if groups.multipliedReportingOverflow(by: card).partialValue <= max(65_536, n), groups * card > 0 {
            if n >= 1 << 17 && groups * card <= groupingPartRows / 4 { return combineParallel(&ids, slots: groups * card, codes: codes, cardinality: card) }
            var slot = [Int32](repeating: -1, count: groups * card)
            slot.withUnsafeMutableBufferPointer { sl in
                ids.withUnsafeMutableBufferPointer { id in
                    codes.withUnsafeBufferPointer { cd in
                        for i in 0..<n {
                            let key = Int(id[i]) &* card &+ Int(cd[i])
                            var g = sl[key]
                            if g < 0 { g = next; sl[key] = g; next += 1 }
                            id[i] = g
                        }
                    }
                }
            }
            return Int(next)
        }
        var map: [Int64: Int32] = [:]
        for i in 0..<n {
            let key = Int64(ids[i]) * Int64(card) + Int64(codes[i])
            if let g = map[key] { ids[i] = g } else { map[key] = next; ids[i] = next; next += 1 }
        }
        return Int(next)
    }

    /// Codes for grouping: dictionary-encoded strings keep their dictionary codes (null is one past the
    /// last), any other column takes `denseCodes`. Group numbers come from first appearance of the
    /// combined key, so the code order does not matter here.
    static func groupingCodes(_ c: Column) -> (codes: [Int32], cardinality: Int) {
        guard case .string(let s) = c, case .dictionary(let raw, let dictionary) = s.storage else { return denseCodes(c) }
        guard let v = s.validity else { return (raw, dictionary.count + 1) }
        let nullCode = Int32(dictionary.count)
        var codes = raw
        for i in 0..<raw.count where !v[i] { codes[i] = nullCode }
        return (codes, dictionary.count + 1)
    }

    /// Dense codes 0 ..< cardinality for a column's values, null included as a value of its own.
    static func denseCodes(_ c: Column) -> (codes: [Int32], cardinality: Int) {
        var codes = [Int32](repeating: 0, count: c.count)
        switch c {
        case .string(let s):
            let (raw, values) = s.dictionaryCodes()
            let nullCode = Int32(values.count)
            for i in 0..<raw.count { codes[i] = raw[i] < 0 ? nullCode : raw[i] }
            return (codes, values.count + 1)
        case .bool(let t):
            for i in 0..<t.count { codes[i] = t.isNull(i) ? 2 : (t.values[i] ? 1 : 0) }
            return (codes, 3)
        case .int(let t):
            var map: [Int64: Int32] = [:]
            var next: Int32 = 1   // 0 is null
            for i in 0..<t.count where !t.isNull(i) {
                let v = t.values[i]
                if let code = map[v] { codes[i] = code } else { map[v] = next; codes[i] = next; next += 1 }
            }
            return (codes, Int(next))
        case .float(let t):
            var map: [UInt64: Int32] = [:]
            var next: Int32 = 1
            for i in 0..<t.count where !t.isNull(i) {
                var v = t.values[i]
                if v == 0 { v = 0 }           // -0.0 groups with 0.0
                let bits = v.isNaN ? Double.nan.bitPattern : v.bitPattern
                if let code = map[bits] { codes[i] = code } else { map[bits] = next; codes[i] = next; next += 1 }
            }
            return (codes, Int(next))
        }
    }
}
