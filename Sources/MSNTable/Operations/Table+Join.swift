/// The kind of join.
public enum JoinKind: String, Sendable {
    /// Rows with a match on both sides.
    case inner
    /// Every left row; right columns null where there is no match.
    case left
}

extension Table {
    /// Hash join on one or more key columns (names the same on both sides, or given as pairs).
    /// Null keys never match. Right-side columns whose names clash get the suffix `_right`.
    public func joined(with right: Table, on keys: [(left: String, right: String)], kind: JoinKind = .inner) throws -> Table {
        guard !keys.isEmpty else { throw TableError.invalidArgument("join needs at least one key column") }
        var leftKeys: [Column] = [], rightKeys: [Column] = []
        for (l, r) in keys {
            let lc = try requireColumn(l)
            let rc = try right.requireColumn(r)
            let compatible = lc.type == rc.type || (lc.type.isNumeric && rc.type.isNumeric)
            guard compatible else { throw TableError.joinKeyTypes(left: l, leftType: lc.type, right: r, rightType: rc.type) }
            leftKeys.append(lc)
            rightKeys.append(rc)
        }
        let (leftRows, rightRows) = JoinKernel.match(leftKeys, rightKeys, kind: kind)
        var pairs = Array(zip(columnNames, columns.map { $0.take(leftRows) }))
        let rightKeyNames = Set(keys.map(\.right))
        let hasMissing = kind == .left && rightRows.contains(-1)
        for (name, c) in zip(right.columnNames, right.columns) where !rightKeyNames.contains(name) {
            let outName = columnNames.contains(name) ? name + "_right" : name
            pairs.append((outName, hasMissing ? JoinKernel.takeOrNull(c, rightRows) : c.take(rightRows)))
        }
        return try Table(pairs)
    }

    /// Rows with distinct values across all columns (the first of each, in row order).
    public func distinct() throws -> Table {
        take(try grouping(by: columnNames).firstRows)
    }

    /// Rows with no null in the named columns (all columns when empty).
    public func droppingNulls(in names: [String]) throws -> Table {
        let cols = try (names.isEmpty ? columnNames : names).map { try requireColumn($0) }
        let keep = (0..<rowCount).filter { i in !cols.contains { $0.isNull(i) } }
        return take(keep)
    }

    /// Rows whose values in every named numeric column lie within [Q1 − k·IQR, Q3 + k·IQR]
    /// (quartiles by type 7 over the non-null values). Nulls are kept; use `droppingNulls` for them.
    public func removingOutliers(in names: [String], k: Double = 1.5) throws -> Table {
        guard k >= 0 else { throw TableError.invalidArgument("the outlier multiplier k must be non-negative, got \(k)") }
        var keep = [Bool](repeating: true, count: rowCount)
        for name in names {
            let c = try requireColumn(name)
            guard c.type.isNumeric, let x = c.doubles() else {
                throw TableError.typeMismatch(column: name, expected: "a number column for outlier removal", found: c.type)
            }
            let sorted = x.filter { !$0.isNaN }.sorted()
            guard let q1 = Quantile.type7(sorted, 0.25), let q3 = Quantile.type7(sorted, 0.75) else { continue }
            let lo = q1 - k * (q3 - q1), hi = q3 + k * (q3 - q1)
            for i in 0..<rowCount where !c.isNull(i) && (x[i] < lo || x[i] > hi) { keep[i] = false }
        }
        return take((0..<rowCount).filter { keep[$0] })
    }
}
