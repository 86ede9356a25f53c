/// One sort key: a column and a direction.
public struct SortKey: Sendable {
    /// The column to sort by.
    public var column: String
    /// True for descending order.
    public var descending: Bool
    /// A sort key.
    public init(_ column: String, descending: Bool = false) {
        self.column = column
        self.descending = descending
    }
}

extension Table {
    /// Rows ordered by several keys; stable (ties keep their order); nulls last in either direction.
    public func sorted(by keys: [SortKey]) throws -> Table {
        take(try sortIndices(by: keys))
    }

    /// The row order `sorted(by:)` would use: one stable radix pass per key, last key first, over
    /// order-preserving 64-bit images of the typed values (no per-comparison boxing).
    public func sortIndices(by keys: [SortKey]) throws -> [Int] {
        let prepared = try keys.map { key -> (Column, Bool) in (try requireColumn(key.column), key.descending) }
        var order = Array(0..<rowCount)
        for (column, descending) in prepared.reversed() {
            order = RadixSort.stableOrder(order, keys: RadixSort.keys(column), validity: column.validity, descending: descending)
        }
        return order
    }
}

/// Stable least-significant-digit radix sort of row indices by 64-bit keys.
enum RadixSort {
    /// Order-preserving unsigned images of a column's values (exact for every Int64; -0.0 equals 0.0;
    /// strings by their rank in the sorted distinct values). Values under null rows are unspecified.
    static func keys(_ c: Column) -> [UInt64] {
        switch c {
        case .int(let t): return t.values.map { UInt64(bitPattern: $0) ^ (1 << 63) }
        case .float(let t): return t.values.map(orderedBits)
        case .bool(let t): return t.values.map { $0 ? 1 : 0 }
        case .string(let s):
            let (codes, values) = s.dictionaryCodes()
            let order = values.indices.sorted { values[$0] < values[$1] }
            var rank = [UInt64](repeating: 0, count: values.count)
            // Equal strings (canonically equivalent spellings) share a rank.
            for (r, i) in order.enumerated() {
                rank[i] = r > 0 && values[order[r - 1]] == values[i] ? rank[order[r - 1]] : UInt64(r)
            }
            return codes.map { $0 < 0 ? 0 : rank[Int($0)] }
        }
    }

    /// A Double's bits flipped so that unsigned order is numeric order (NaN after +infinity).
    @inline(__always) static func orderedBits(_ x: Double) -> UInt64 {
        let v = x.isNaN ? Double.nan : (x == 0 ? 0 : x)
        let b = v.bitPattern
        return b & (1 << 63) != 0 ? ~b : b | (1 << 63)
    }

    /// `order` stably sorted by `keys` (ascending or descending), rows with null keys last in their
    /// current order.
    static func stableOrder(_ order: [Int], keys: [UInt64], validity: Bitmap?, descending: Bool) -> [Int] {
        var k: [UInt64] = [], rows: [Int] = [], nulls: [Int] = []
        k.reserveCapacity(order.count)
        rows.reserveCapacity(order.count)
        for i in order {
            if let v = validity, !v[i] { nulls.append(i); continue }
            k.append(descending ? ~keys[i] : keys[i])
            rows.append(i)
        }
        sort(&k, &rows)
        return rows + nulls
    }

    /// Sorts `keys` with `rows` alongside, stably: 11-bit digits, passes skipped where every key
    /// shares the digit.
    static func sort(_ keys: inout [UInt64], _ rows: inout [Int]) {
        let n = keys.count
        guard n > 1 else { return }
        let bits = 11, radix = 1 << 11, passes = 6
        var counts = [Int](repeating: 0, count: radix * passes)
        keys.withUnsafeBufferPointer { kp in
            counts.withUnsafeMutableBufferPointer { c in
                for x in kp { for p in 0..<passes { c[p * radix + Int((x >> UInt64(p * bits)) & UInt64(radix - 1))] += 1 } }
            }
        }
        var k2 = [UInt64](repeating: 0, count: n), r2 = [Int](repeating: 0, count: n)
        for p in 0..<passes {
            let base = p * radix
            if counts[base + Int((keys[0] >> UInt64(p * bits)) & UInt64(radix - 1))] == n { continue }
            var offsets = [Int](repeating: 0, count: radix)
            var sum = 0
            for d in 0..<radix { offsets[d] = sum; sum += counts[base + d] }
            let shift = UInt64(p * bits)
            keys.withUnsafeBufferPointer { kp in rows.withUnsafeBufferPointer { rp in
                k2.withUnsafeMutableBufferPointer { ko in r2.withUnsafeMutableBufferPointer { ro in
                    offsets.withUnsafeMutableBufferPointer { off in
                        for i in 0..<n {
                            let d = Int((kp[i] >> shift) & UInt64(radix - 1))
                            let at = off[d]
                            ko[at] = kp[i]
                            ro[at] = rp[i]
                            off[d] = at + 1
                        }
                    }
                } }
            } }
            swap(&keys, &k2)
            swap(&rows, &r2)
        }
    }
}
