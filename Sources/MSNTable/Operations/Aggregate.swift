/// An aggregate function over a column, per group. All skip nulls; a group with no values gives null
/// (count and n_distinct give 0).
public enum Aggregate: Sendable, Equatable {
    /// Number of rows.
    case count
    /// Number of non-null values.
    case countNonNull
    /// Sum (ints stay ints).
    case sum
    /// Arithmetic mean.
    case mean
    /// Sample standard deviation (n − 1).
    case sd
    /// Sample variance (n − 1).
    case variance
    /// Smallest value (numbers, strings, bools).
    case min
    /// Largest value.
    case max
    /// Median (quantile 0.5).
    case median
    /// Quantile p with linear interpolation (R type 7, NumPy's default).
    case quantile(Double)
    /// Number of distinct non-null values.
    case nDistinct
    /// First non-null value in row order.
    case first

    /// The function's name in the language.
    public var name: String {
        switch self {
        case .count: return "count"
        case .countNonNull: return "count"
        case .sum: return "sum"
        case .mean: return "mean"
        case .sd: return "sd"
        case .variance: return "var"
        case .min: return "min"
        case .max: return "max"
        case .median: return "median"
        case .quantile: return "quantile"
        case .nDistinct: return "n_distinct"
        case .first: return "first"
        }
    }
}

extension Column {
    /// The aggregate of this column within each group of `grouping`: one row per group.
    public func aggregate(_ agg: Aggregate, by grouping: Grouping) throws -> Column {
        let g = grouping.groupCount
        let ids = grouping.groupIDs
        switch agg {
        case .count:
            return .int(TypedColumn(grouping.counts()))
        case .countNonNull:
            var counts = [Int64](repeating: 0, count: g)
            for (i, id) in ids.enumerated() where !isNull(i) { counts[Int(id)] += 1 }
            return .int(TypedColumn(counts))
        case .nDistinct:
            let (codes, _) = Table.denseCodes(self)
            var seen = Set<Int64>()
            var counts = [Int64](repeating: 0, count: g)
            for (i, id) in ids.enumerated() where !isNull(i) {
                if seen.insert(Int64(id) << 32 | Int64(codes[i])).inserted { counts[Int(id)] += 1 }
            }
            return .int(TypedColumn(counts))
        case .first:
            var rows = [Int](repeating: -1, count: g)
            for (i, id) in ids.enumerated() where !isNull(i) && rows[Int(id)] < 0 { rows[Int(id)] = i }
            return takeAllowingMissing(rows)
        case .min, .max:
            if case .string(let s) = self { return .string(StringColumn(extremeStrings(s, ids: ids, groups: g, max: agg == .max))) }
            if case .int(let t) = self {
                var out = [Int64?](repeating: nil, count: g)
                for (i, id) in ids.enumerated() where !t.isNull(i) {
                    let v = t.values[i], k = Int(id)
                    if let cur = out[k] { out[k] = agg == .max ? Swift.max(cur, v) : Swift.min(cur, v) } else { out[k] = v }
                }
                return .int(TypedColumn(optionals: out))
            }
            if case .bool(let t) = self {
                var out = [Bool?](repeating: nil, count: g)
                for (i, id) in ids.enumerated() where !t.isNull(i) {
                    let v = t.values[i], k = Int(id)
                    out[k] = out[k].map { agg == .max ? ($0 || v) : ($0 && v) } ?? v
                }
                return Column.from(out.map { $0.map(CellValue.bool) ?? .null }, type: .bool)
            }
            let x = try numeric(agg)
            var out = [Double?](repeating: nil, count: g)
            for (i, id) in ids.enumerated() where !x[i].isNaN || !isNull(i) {
                if isNull(i) { continue }
                let v = x[i], k = Int(id)
                if let cur = out[k] { out[k] = agg == .max ? Swift.max(cur, v) : Swift.min(cur, v) } else { out[k] = v }
            }
            return .float(TypedColumn(optionals: out))
        case .sum:
            if case .int(let t) = self {
                var sums = [Int64](repeating: 0, count: g)
                var any = [Bool](repeating: false, count: g)
                for (i, id) in ids.enumerated() where !t.isNull(i) {
                    let (r, o) = sums[Int(id)].addingReportingOverflow(t.values[i])
                    if o { throw TableError.invalidArgument("integer overflow: the sum is beyond the 64-bit integer range (±9223372036854775807); sum(to_float(x)) adds as floats") }
                    sums[Int(id)] = r
                    any[Int(id)] = true
                }
                return .int(TypedColumn(sums, validity: Bitmap(any)))
            }
            let x = try numeric(agg)
            var sums = [Double](repeating: 0, count: g)
            var any = [Bool](repeating: false, count: g)
            for (i, id) in ids.enumerated() where !isNull(i) { sums[Int(id)] += x[i]; any[Int(id)] = true }
            return .float(TypedColumn(sums, validity: Bitmap(any)))
        case .mean, .sd, .variance:
            let moments = { (v: UnsafeBufferPointer<Double>) in
                GroupMoments.compute(values: v, validity: self.validity, ids: ids, groups: g, squares: agg != .mean)
            }
            let (n, mean, ss): ([Double], [Double], [Double])
            if case .float(let t) = self { (n, mean, ss) = t.values.withUnsafeBufferPointer(moments) }
            else { (n, mean, ss) = try numeric(agg).withUnsafeBufferPointer(moments) }
            if agg == .mean { return .float(TypedColumn(mean, validity: Bitmap(n.map { $0 > 0 }))) }
            var out = [Double](repeating: 0, count: g)
            for k in 0..<g where n[k] > 1 { out[k] = ss[k] / (n[k] - 1); if agg == .sd { out[k] = out[k].squareRoot() } }
            return .float(TypedColumn(out, validity: Bitmap(n.map { $0 > 1 })))
        case .median, .quantile:
            let p: Double
            if case .quantile(let q) = agg { p = q } else { p = 0.5 }
            guard (0...1).contains(p) else { throw TableError.invalidArgument("quantile p must be between 0 and 1, got \(p)") }
            let x = try numeric(agg)
            var buckets = [[Double]](repeating: [], count: g)
            for (i, id) in ids.enumerated() where !isNull(i) { buckets[Int(id)].append(x[i]) }
            let out: [Double?] = buckets.map { b in b.isEmpty ? nil : Quantile.type7(b.sorted(), p) }
            return .float(TypedColumn(optionals: out))
        }
    }

    /// The aggregate over all rows, as a single value.
    public func aggregate(_ agg: Aggregate) throws -> CellValue {
        try aggregate(agg, by: .whole(rowCount: count))[0]
    }

    private func numeric(_ agg: Aggregate) throws -> [Double] {
        guard let d = doubles() else {
            throw TableError.typeMismatch(column: "the argument of \(agg.name)", expected: "a number column", found: type)
        }
        return d
    }

    private func takeAllowingMissing(_ rows: [Int]) -> Column {
        let safe = rows.map { Swift.max($0, 0) }
        var c = count > 0 ? take(safe) : Column.nulls(type, count: rows.count)
        if rows.contains(where: { $0 < 0 }) {
            let cells = rows.enumerated().map { $1 < 0 ? CellValue.null : c[$0] }
            c = Column.from(cells, type: type)
        }
        return c
    }

    private func extremeStrings(_ s: StringColumn, ids: [Int32], groups: Int, max: Bool) -> [String?] {
        var out = [String?](repeating: nil, count: groups)
        for (i, id) in ids.enumerated() {
            guard let v = s[i] else { continue }
            let k = Int(id)
            if let cur = out[k] { out[k] = max ? Swift.max(cur, v) : Swift.min(cur, v) } else { out[k] = v }
        }
        return out
    }
}

/// Quantiles by linear interpolation between order statistics.
public enum Quantile {
    /// R's type 7 (NumPy's default) quantile of already-sorted values; nil when empty.
    public static func type7(_ sorted: [Double], _ p: Double) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let h = Double(sorted.count - 1) * p
        let lo = Int(h.rounded(.down))
        let hi = Swift.min(lo + 1, sorted.count - 1)
        // Equal neighbours (two infinities included) or an exact position need no interpolation;
        // between -inf and a finite value the result is -inf, between a finite value and inf it is inf.
        if sorted[lo] == sorted[hi] || h == Double(lo) { return sorted[lo] }
        if sorted[lo].isInfinite || sorted[hi].isInfinite { return sorted[lo].isInfinite ? sorted[lo] : sorted[hi] }
        return sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
    }
}

extension Table {
    /// `summarize … by`: one row per group with the key columns, then one column per (name, column, aggregate).
    public func summarize(by keys: [String], _ specs: [(name: String, column: String?, aggregate: Aggregate)]) throws -> Table {
        let g = try grouping(by: keys)
        var out = g.keys
        for spec in specs {
            if spec.column == nil && (spec.aggregate == .count || spec.aggregate == .countNonNull) {
                // count() has no column: rows per group.
                out = try out.adding(spec.name, .int(TypedColumn(g.counts())))
                continue
            }
            let source: Column = try spec.column.map { try requireColumn($0) } ?? .int(TypedColumn([Int64](repeating: 0, count: rowCount)))
            out = try out.adding(spec.name, try source.aggregate(spec.aggregate, by: g))
        }
        return out
    }
}
