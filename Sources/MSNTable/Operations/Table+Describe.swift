extension Table {
    /// One row per column: column, type, count (non-null), nulls, mean, sd, min, q25, median, q75, max
    /// for numbers; distinct, top (most frequent value) and freq for strings and bools.
    public func describe() throws -> Table {
        var name: [String?] = [], type: [String?] = [], count: [Int64?] = [], nulls: [Int64?] = []
        var stats = [[Double?]](repeating: [], count: 8)
        var distinct: [Int64?] = [], top: [String?] = [], freq: [Int64?] = []
        for (n, c) in zip(columnNames, columns) {
            name.append(n)
            type.append(c.type.description)
            count.append(Int64(c.count - c.nullCount))
            nulls.append(Int64(c.nullCount))
            if c.type.isNumeric, let x = c.doubles() {
                let v = x.enumerated().filter { !c.isNull($0.offset) }.map(\.element).sorted()
                let m = try c.aggregate(.mean).doubleValue
                let s = try c.aggregate(.sd).doubleValue
                let values: [Double?] = [m, s, v.first, Quantile.type7(v, 0.25), Quantile.type7(v, 0.5),
                                         Quantile.type7(v, 0.75), v.last]
                // A statistic that is not a number (the sd of values with an infinity) is shown as null.
                for (i, value) in values.enumerated() { stats[i].append(value.flatMap { $0.isNaN ? nil : $0 }) }
                distinct.append(nil); top.append(nil); freq.append(nil)
            } else {
                for i in 0..<7 { stats[i].append(nil) }
                let (codes, values) = Table.denseCodes(c)
                var counts = [Int64](repeating: 0, count: values)
                for (i, code) in codes.enumerated() where !c.isNull(i) { counts[Int(code)] += 1 }
                var best = -1
                for (k, n) in counts.enumerated() where n > 0 && (best < 0 || n > counts[best]) { best = k }
                distinct.append(Int64(counts.filter { $0 > 0 }.count))
                if best >= 0, let row = codes.firstIndex(of: Int32(best)) {
                    top.append(c[row].description); freq.append(counts[best])
                } else { top.append(nil); freq.append(nil) }
            }
        }
        let labels = ["mean", "sd", "min", "q25", "median", "q75", "max"]
        var pairs: [(String, Column)] = [
            ("column", .string(StringColumn(name))), ("type", .string(StringColumn(type))),
            ("count", .int(TypedColumn(optionals: count))), ("nulls", .int(TypedColumn(optionals: nulls))),
        ]
        for (i, l) in labels.enumerated() { pairs.append((l, .float(TypedColumn(optionals: stats[i])))) }
        pairs += [("distinct", .int(TypedColumn(optionals: distinct))), ("top", .string(StringColumn(top))),
                  ("freq", .int(TypedColumn(optionals: freq)))]
        return try Table(pairs)
    }
}
