/// The kind of join (dplyr's names).
public enum JoinKind: String, Sendable, CaseIterable {
    /// Rows with a match on both sides.
    case inner
    /// Every left row; right columns null where there is no match.
    case left
    /// Every right row; left columns null where there is no match (unmatched right rows last).
    case right
    /// Every row of both sides.
    case full
    /// Left rows that have a match (left columns only, each row once).
    case semi
    /// Left rows that have no match (left columns only).
    case anti
}

extension Table {
    /// Hash join on one or more key columns (names the same on both sides, or given as pairs).
    /// Null keys never match. Clashing non-key names get `suffix.right` on the right side, and
    /// `suffix.left` on the left (default: left unchanged, right `_right`). In right and full joins the
    /// key columns of unmatched right rows hold the right side's keys.
    public func joined(with right: Table, on keys: [(left: String, right: String)], kind: JoinKind = .inner,
                       suffix: (left: String, right: String) = ("", "_right")) throws -> Table {
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
        if kind == .semi || kind == .anti {
            let has = JoinKernel.leftHasMatch(leftKeys, rightKeys)
            return take((0..<rowCount).filter { has[$0] == (kind == .semi) })
        }
        let pairsOfRows = JoinKernel.match(leftKeys, rightKeys, kind: kind)
        let leftRows = pairsOfRows.left, rightRows = pairsOfRows.right
        let leftMissing = pairsOfRows.leftMissing, rightMissing = pairsOfRows.rightMissing
        let rightKeyNames = Set(keys.map(\.right))
        let rightNames = Set(right.columnNames).subtracting(rightKeyNames)
        // Output columns: (name, how to make it), then made column by column on both cores.
        var names: [String] = [], makers: [@Sendable () -> Column] = []
        for (name, c) in zip(columnNames, columns) {
            if leftMissing, let k = keys.firstIndex(where: { $0.left == name }) {
                let rk = rightKeys[k]
                makers.append { JoinKernel.coalesceKey(c, leftRows, rk, rightRows) }
            } else {
                makers.append { leftMissing ? JoinKernel.takeOrNull(c, leftRows) : c.take(leftRows) }
            }
            let clashes = rightNames.contains(name) && !keys.contains { $0.left == name }
            names.append(clashes ? name + suffix.left : name)
        }
        for (name, c) in zip(right.columnNames, right.columns) where !rightKeyNames.contains(name) {
            names.append(columnNames.contains(name) ? name + suffix.right : name)
            makers.append { rightMissing ? JoinKernel.takeOrNull(c, rightRows) : c.take(rightRows) }
        }
        let made = Slots<Column?>(makers.count, nil)
        let work = makers
        if leftRows.count * work.count >= 1 << 18 {
            Parallel.run(work.count) { j in made.set(j, work[j]()) }
        } else {
            for (j, w) in work.enumerated() { made.set(j, w()) }
        }
        let pairs = names.enumerated().map { ($0.element, made[$0.offset] ?? Column.nulls(.int, count: leftRows.count)) }
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
