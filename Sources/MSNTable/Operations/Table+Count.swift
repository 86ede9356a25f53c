extension Table {
    /// One row per combination of the key columns with the number of rows holding it (`countName`),
    /// ordered by the keys (nulls last), or by count, largest first (ties in key order), when
    /// `byFrequency` is true.
    public func countRows(by keys: [String], countName: String = "n", byFrequency: Bool = false) throws -> Table {
        let g = try grouping(by: keys)
        var counts = [Int64](repeating: 0, count: g.groupCount)
        for id in g.groupIDs { counts[Int(id)] += 1 }
        let out = try g.keys.adding(countName, .int(TypedColumn(counts)))
        var order = keys.map { SortKey($0) }
        if byFrequency { order.insert(SortKey(countName, descending: true), at: 0) }
        return try out.sorted(by: order)
    }
}
