/// Reshaping between wide and long layouts, with tidyr's semantics (`pivot_longer`, `pivot_wider`).
extension Table {
    /// Long layout: the named columns become two columns, `namesTo` (the old column name) and
    /// `valuesTo` (its value); the other columns repeat. Rows come out row by row, each followed by its
    /// pivoted columns in the order given. The value columns must share a type (ints widen to float).
    public func pivotLonger(_ names: [String], namesTo: String, valuesTo: String) throws -> Table {
        guard !names.isEmpty else { throw TableError.invalidArgument("pivot longer needs at least one column to stack") }
        let cols = try names.map { try requireColumn($0) }
        if Set(names).count != names.count { throw TableError.invalidArgument("a column is named twice in pivot longer") }
        let types = Set(cols.map(\.type))
        let valueType: DataType
        if types.count == 1, let t = types.first { valueType = t }
        else if types.allSatisfy(\.isNumeric) { valueType = .float }
        else {
            let described = zip(names, cols).map { "\($0) (\($1.type))" }.joined(separator: ", ")
            throw TableError.invalidArgument("pivot longer cannot stack columns of different types into one: \(described); convert them first with to_float or to_string")
        }
        let ids = columnNames.filter { !names.contains($0) }
        for n in [namesTo, valuesTo] where ids.contains(n) {
            throw TableError.invalidArgument("pivot longer would make a second column '\(n)'; choose another name with names_to or values_to")
        }
        if namesTo == valuesTo { throw TableError.invalidArgument("names_to and values_to must differ") }
        let k = names.count
        let repeated = (0..<rowCount).flatMap { Array(repeating: $0, count: k) }
        var pairs = try ids.map { ($0, try requireColumn($0).take(repeated)) }
        let nameCodes = (0..<rowCount * k).map { Int32($0 % k) }
        pairs.append((namesTo, .string(StringColumn(storage: .dictionary(codes: nameCodes, dictionary: names), validity: nil))))
        var cells: [CellValue] = []
        cells.reserveCapacity(rowCount * k)
        for i in 0..<rowCount { for c in cols { cells.append(c[i]) } }
        pairs.append((valuesTo, Column.from(cells, type: valueType)))
        return try Table(pairs).withRowCount(rowCount * k)
    }

    /// Wide layout: one row per combination of the other columns (first appearance order), one new
    /// column per value of `namesFrom` (first appearance order) holding `valuesFrom`; null where a
    /// combination has no row. Two rows with the same identifiers and name are an error.
    public func pivotWider(namesFrom: String, valuesFrom: String) throws -> Table {
        let nameColumn = try requireColumn(namesFrom)
        let values = try requireColumn(valuesFrom)
        guard namesFrom != valuesFrom else { throw TableError.invalidArgument("names_from and values_from must be different columns") }
        let ids = columnNames.filter { $0 != namesFrom && $0 != valuesFrom }
        let g = try grouping(by: ids)
        // The new columns' names, in first-appearance order.
        var nameIndex: [String: Int] = [:]
        var newNames: [String] = []
        var nameOf = [Int](repeating: 0, count: rowCount)
        for i in 0..<rowCount {
            guard !nameColumn.isNull(i) else {
                throw TableError.invalidArgument("names_from column '\(namesFrom)' is null in row \(i + 1); a new column needs a name")
            }
            let s = nameColumn[i].description
            if let j = nameIndex[s] { nameOf[i] = j } else { nameIndex[s] = newNames.count; nameOf[i] = newNames.count; newNames.append(s) }
        }
        for n in newNames where ids.contains(n) {
            throw TableError.invalidArgument("pivot wider would make a second column '\(n)' (a value of \(namesFrom) is also a column name)")
        }
        var source = [[Int]](repeating: [Int](repeating: -1, count: g.groupCount), count: newNames.count)
        for i in 0..<rowCount {
            let gid = Int(g.groupIDs[i]), j = nameOf[i]
            if source[j][gid] >= 0 {
                let key = ids.map { "\($0) = \(self[i, $0])" }.joined(separator: ", ")
                throw TableError.invalidArgument("pivot wider found two rows for \(ids.isEmpty ? "" : key + ", ")\(namesFrom) = \(newNames[j]) (rows \(source[j][gid] + 1) and \(i + 1)); summarize them first so each cell has one value")
            }
            source[j][gid] = i
        }
        var out = ids.isEmpty ? Table(rowCount: g.groupCount) : g.keys
        for (j, n) in newNames.enumerated() {
            out = try out.adding(n, JoinKernel.takeOrNull(values, source[j]))
        }
        return out
    }
}
