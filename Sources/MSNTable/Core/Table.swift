import Foundation

/// An immutable columnar table: named, typed, nullable columns of equal length.
/// Operations return new tables; columns are shared copy-on-write.
public struct Table: Sendable {
    /// Column names, in order.
    public private(set) var columnNames: [String]
    /// Columns, in the same order as `columnNames`.
    public private(set) var columns: [Column]
    /// Number of rows.
    public let rowCount: Int
    /// Descriptive labels of some columns (SPSS/Stata variable labels), by column name. Kept by row
    /// selections (`take`, `filter`, `head`…) and `adding`; other operations start without labels.
    public var columnLabels: [String: String] = [:]
    /// Display hints of some result columns (p-values, bounded statistics), by column name. Kept like
    /// `columnLabels`, and also by `selecting`, `dropping` and `renaming`; values are never changed.
    public var columnFormats: [String: ColumnFormat] = [:]

    /// A table from (name, column) pairs; all columns must have the same length and distinct names.
    public init(_ pairs: [(String, Column)]) throws {
        var seen = Set<String>()
        for (name, _) in pairs where !seen.insert(name).inserted { throw TableError.duplicateColumn(name) }
        let n = pairs.first?.1.count ?? 0
        for (name, c) in pairs where c.count != n {
            throw TableError.lengthMismatch(column: name, expected: n, found: c.count)
        }
        columnNames = pairs.map(\.0)
        columns = pairs.map(\.1)
        rowCount = n
    }

    /// An empty table with no columns and `rowCount` rows (a base for `adding`).
    public init(rowCount: Int) {
        columnNames = []
        columns = []
        self.rowCount = rowCount
    }

    /// Number of columns.
    public var columnCount: Int { columns.count }

    /// Index of the column called `name`.
    public func index(of name: String) -> Int? { columnNames.firstIndex(of: name) }

    /// The column called `name`, or nil.
    public func column(named name: String) -> Column? { index(of: name).map { columns[$0] } }

    /// The column called `name`, or an error naming the closest existing column.
    public func requireColumn(_ name: String) throws -> Column {
        guard let c = column(named: name) else {
            throw TableError.unknownColumn(name, available: columnNames)
        }
        return c
    }

    /// Column names with their types.
    public var schema: [(name: String, type: DataType)] { zip(columnNames, columns).map { ($0, $1.type) } }

    /// The value at `row` in column `column`.
    public subscript(row: Int, column: String) -> CellValue { self.column(named: column)?[row] ?? .null }

    /// A copy with `column` added at the end, or replacing the column of the same name in place.
    public func adding(_ name: String, _ column: Column) throws -> Table {
        guard column.count == rowCount || columns.isEmpty else {
            throw TableError.lengthMismatch(column: name, expected: rowCount, found: column.count)
        }
        var pairs = Array(zip(columnNames, columns))
        if let i = index(of: name) { pairs[i] = (name, column) } else { pairs.append((name, column)) }
        var t = try Table(pairs)
        t.columnLabels = columnLabels
        t.columnFormats = columnFormats
        return t
    }

    /// The columns named, in that order.
    public func selecting(_ names: [String]) throws -> Table {
        var t = try Table(names.map { ($0, try requireColumn($0)) }).withRowCount(rowCount)
        t.columnFormats = formats(keeping: names)
        return t
    }

    /// A copy without the columns named.
    public func dropping(_ names: [String]) throws -> Table {
        for n in names { _ = try requireColumn(n) }
        let drop = Set(names)
        var t = try Table(zip(columnNames, columns).filter { !drop.contains($0.0) }).withRowCount(rowCount)
        t.columnFormats = formats(keeping: columnNames.filter { !drop.contains($0) })
        return t
    }

    /// A copy with columns renamed (old → new).
    public func renaming(_ mapping: [(old: String, new: String)]) throws -> Table {
        var names = columnNames
        for (old, new) in mapping {
            guard let i = names.firstIndex(of: old) else {
                throw TableError.unknownColumn(old, available: columnNames)
            }
            names[i] = new
        }
        var t = try Table(Array(zip(names, columns))).withRowCount(rowCount)
        for (old, new) in zip(columnNames, names) { if let f = columnFormats[old] { t.columnFormats[new] = f } }
        return t
    }

    /// The rows at `indices`, in that order (a selection vector). Large selections gather the columns
    /// on both cores; the result does not depend on the thread count.
    public func take(_ indices: [Int]) -> Table {
        var t = Table(rowCount: indices.count)
        t.columnNames = columnNames
        t.columnLabels = columnLabels
        t.columnFormats = columnFormats
        if indices.count * columns.count < 1 << 18 || columns.count < 2 {
            t.columns = columns.map { $0.take(indices) }
        } else {
            let made = Slots<Column?>(columns.count, nil), source = columns
            Parallel.run(source.count) { j in made.set(j, source[j].take(indices)) }
            t.columns = source.indices.map { made[$0] ?? source[$0] }
        }
        return t
    }

    /// The first `n` rows (the table itself, shared not copied, when it has no more than `n`).
    public func head(_ n: Int) -> Table { n >= rowCount ? self : take(Array(0..<max(0, n))) }

    /// The last `n` rows (the table itself when it has no more than `n`).
    public func tail(_ n: Int) -> Table { n >= rowCount ? self : take(Array(max(0, rowCount - max(0, n))..<rowCount)) }

    /// Rows where `mask` is true (null counts as false): the kept rows' indices from the mask a word
    /// at a time, then every column gathered (columns on both cores for large results).
    public func filter(_ mask: TypedColumn<Bool>) throws -> Table {
        guard mask.count == rowCount else {
            throw TableError.lengthMismatch(column: "filter condition", expected: rowCount, found: mask.count)
        }
        return take(Gather.selection(mask.values, mask.validity))
    }

    /// This table's rows followed by `other`'s; the column names and types must match.
    public func concatenating(_ other: Table) throws -> Table {
        guard columnNames == other.columnNames else {
            throw TableError.schemaMismatch("[\(columnNames.joined(separator: ", "))] vs [\(other.columnNames.joined(separator: ", "))]")
        }
        var pairs: [(String, Column)] = []
        for (i, name) in columnNames.enumerated() {
            guard let c = columns[i].appending(other.columns[i]) else {
                throw TableError.schemaMismatch("column '\(name)' is \(columns[i].type) in one and \(other.columns[i].type) in the other")
            }
            pairs.append((name, c))
        }
        return try Table(pairs).withRowCount(rowCount + other.rowCount)
    }

    /// The same table, keeping `n` as the row count when it has no columns.
    func withRowCount(_ n: Int) -> Table {
        if !columns.isEmpty { return self }
        var t = Table(rowCount: n)
        t.columnNames = []
        return t
    }
}
