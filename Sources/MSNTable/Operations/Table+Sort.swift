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

    /// The row order `sorted(by:)` would use.
    public func sortIndices(by keys: [SortKey]) throws -> [Int] {
        let prepared = try keys.map { key -> ([Double], Bitmap?, Bool) in
            let c = try requireColumn(key.column)
            return (Table.sortableValues(c), c.validity, key.descending)
        }
        var idx = Array(0..<rowCount)
        idx.sort { a, b in
            for (values, validity, desc) in prepared {
                let na = validity.map { !$0[a] } ?? false
                let nb = validity.map { !$0[b] } ?? false
                if na != nb { return nb }          // nulls last
                if na { continue }
                let x = values[a], y = values[b]
                if x != y { return desc ? x > y : x < y }
            }
            return a < b
        }
        return idx
    }

    /// Order-preserving Doubles for any column type: numbers as themselves, strings as their rank.
    static func sortableValues(_ c: Column) -> [Double] {
        switch c {
        case .string(let s):
            let (codes, values) = s.dictionaryCodes()
            let order = values.indices.sorted { values[$0] < values[$1] }
            var rank = [Double](repeating: 0, count: values.count)
            for (r, i) in order.enumerated() { rank[i] = Double(r) }
            return codes.map { $0 < 0 ? 0 : rank[Int($0)] }
        case .int(let t):
            // Int64 beyond 2^53 loses order as Double only between neighbours that close; acceptable for ranks.
            return t.values.map(Double.init)
        default:
            return c.doubles() ?? []
        }
    }
}
