import MSNTable

/// A categorical key (firm, year, cluster) as dense integer codes 0..<levels, in order of first appearance.
struct GroupCodes: Sendable {
    /// The code of each row.
    var codes: [Int32]
    /// Number of distinct levels.
    var levels: Int

    /// Codes of `column`; nil codes (−1) mark missing keys.
    static func factorize(_ column: Column) -> GroupCodes {
        var codes = [Int32](repeating: -1, count: column.count)
        if let d = column.doubles() {
            var map: [Double: Int32] = [:]
            for i in 0..<d.count where !d[i].isNaN {
                if let c = map[d[i]] { codes[i] = c } else { let c = Int32(map.count); map[d[i]] = c; codes[i] = c }
            }
            return GroupCodes(codes: codes, levels: map.count)
        }
        guard case .string(let s) = column else { return GroupCodes(codes: codes, levels: 0) }
        var map: [String: Int32] = [:]
        for (i, v) in s.strings.enumerated() {
            guard let v else { continue }
            if let c = map[v] { codes[i] = c } else { let c = Int32(map.count); map[v] = c; codes[i] = c }
        }
        return GroupCodes(codes: codes, levels: map.count)
    }

    /// The rows in `keep`, recoded densely.
    func subset(_ keep: [Int]) -> GroupCodes {
        var map = [Int32](repeating: -1, count: levels)
        var next: Int32 = 0
        var out = [Int32](repeating: 0, count: keep.count)
        for (j, i) in keep.enumerated() {
            let c = Int(codes[i])
            if map[c] < 0 { map[c] = next; next += 1 }
            out[j] = map[c]
        }
        return GroupCodes(codes: out, levels: Int(next))
    }

    /// Rows per level.
    var counts: [Int] {
        var n = [Int](repeating: 0, count: levels)
        for c in codes { n[Int(c)] += 1 }
        return n
    }

    /// Whether every level of `self` lies within one level of `outer` (self is nested in outer).
    func isNested(in outer: GroupCodes) -> Bool {
        var owner = [Int32](repeating: -1, count: levels)
        for i in 0..<codes.count {
            let c = Int(codes[i])
            if owner[c] < 0 { owner[c] = outer.codes[i] } else if owner[c] != outer.codes[i] { return false }
        }
        return true
    }

    /// Rows to keep after dropping, repeatedly, rows that are alone in their level of any key
    /// (fixest's and reghdfe's singleton rule). Returns the kept row indices.
    static func dropSingletons(_ keys: [GroupCodes]) -> [Int] {
        let n = keys.first?.codes.count ?? 0
        var alive = [Bool](repeating: true, count: n)
        var counts = keys.map { $0.counts }
        var changed = true
        while changed {
            changed = false
            for (k, key) in keys.enumerated() {
                for i in 0..<n where alive[i] && counts[k][Int(key.codes[i])] == 1 {
                    alive[i] = false
                    changed = true
                    for (m, other) in keys.enumerated() { counts[m][Int(other.codes[i])] -= 1 }
                }
            }
        }
        return (0..<n).filter { alive[$0] }
    }
}
