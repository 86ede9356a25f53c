import Foundation

/// Converts one column from its field ranges, inferring the type over the whole column: the general
/// path, for columns the streaming conversion cannot settle (quoted fields, text after numbers, many
/// distinct strings, type overrides). Quoted fields count as text for inference unless every value in
/// the column is quoted (files written with "quote all").
struct ColumnJob: Sendable {
    let fields: FieldReader
    let ranges: FieldRanges
    let file: String

    private var bytes: ByteBuffer { fields.bytes }
    private var rowCount: Int { ranges.starts.count }

    /// Calls `body(row, start, end, line)` for every field, in row order.
    @inline(__always) private func forEachField(_ j: Int, _ body: (Int, Int, Int, Int) throws -> Void) rethrows {
        for row in 0..<ranges.starts.count {
            try body(row, Int(ranges.starts[row]), Int(ranges.ends[row]), Int(ranges.lines[row]))
        }
    }

    @inline(__always) private func isNullToken(_ s: Int, _ e: Int) -> Bool { fields.isNullToken(s, e) }
    @inline(__always) private func quoted(_ s: Int, _ e: Int) -> Bool { fields.quoted(s, e) }
    @inline(__always) private func content(_ s: Int, _ e: Int) -> (Int, Int) { fields.content(s, e) }

    private func classify(_ s: Int, _ e: Int) -> FieldParsing.Kind {
        if FieldParsing.parseBool(bytes, s, e) != nil { return .bool }
        if FieldParsing.parseInt(bytes, s, e) != nil { return .int }
        if FieldParsing.parseDouble(bytes, s, e) != nil { return .float }
        return .string
    }

    func build(column j: Int, name: String, override: DataType?) throws -> Column {
        let n = rowCount
        var kind: FieldParsing.Kind
        if let override {
            switch override {
            case .bool: kind = .bool
            case .int: kind = .int
            case .float: kind = .float
            case .string: kind = .string
            }
        } else {
            if let fast = numericSinglePass(j, count: n) { return fast }
            var unquotedKind: FieldParsing.Kind? = nil, quotedKind: FieldParsing.Kind? = nil
            var anyUnquoted = false, anyQuoted = false
            forEachField(j) { _, s, e, _ in
                if quoted(s, e) {
                    anyQuoted = true
                    if quotedKind == .string { return }
                    let (cs, ce) = content(s, e)
                    let k = (ce > cs) ? classify(cs, ce) : .string
                    quotedKind = FieldParsing.widen(quotedKind, k)
                } else {
                    if isNullToken(s, e) { return }
                    anyUnquoted = true
                    if unquotedKind == .string { return }
                    let k = classify(s, e)
                    unquotedKind = FieldParsing.widen(unquotedKind, k)
                }
            }
            if anyQuoted && anyUnquoted { kind = .string }
            else if anyQuoted { kind = quotedKind ?? .string }
            else if let k = unquotedKind { kind = k }
            else {
                return n == 0 ? .string(StringColumn([])) : Column.nulls(.float, count: n)
            }
        }
        return try convert(j, name: name, kind: kind, count: n)
    }

    private func bad(_ s: Int, _ e: Int, line: Int, name: String, type: DataType) -> CSVError {
        .badValue(file: file, line: line, column: name, value: FieldParsing.text(bytes, s, e), type: type)
    }

    private func convert(_ j: Int, name: String, kind: FieldParsing.Kind, count n: Int) throws -> Column {
        var validity = Bitmap(count: n)
        var anyNull = false
        switch kind {
        case .string:
            if let dictionary = dictionaryColumn(j, count: n) { return .string(dictionary) }
            var builder = StringColumnBuilder(capacity: n)
            forEachField(j) { _, s, e, _ in
                if !quoted(s, e) && isNullToken(s, e) { builder.append(nil) } else { builder.append(FieldParsing.text(bytes, s, e)) }
            }
            return .string(builder.finish())
        case .bool:
            var values = [Bool](repeating: false, count: n)
            try forEachField(j) { row, s0, e0, line in
                if !quoted(s0, e0) && isNullToken(s0, e0) { validity[row] = false; anyNull = true; return }
                let (s, e) = content(s0, e0)
                guard let v = FieldParsing.parseBool(bytes, s, e) else { throw bad(s0, e0, line: line, name: name, type: .bool) }
                values[row] = v
            }
            return .bool(TypedColumn(values, validity: anyNull ? validity : nil))
        case .int:
            var values = [Int64](repeating: 0, count: n)
            try forEachField(j) { row, s0, e0, line in
                if !quoted(s0, e0) && isNullToken(s0, e0) { validity[row] = false; anyNull = true; return }
                let (s, e) = content(s0, e0)
                if let v = FieldParsing.parseInt(bytes, s, e) { values[row] = v }
                else { throw bad(s0, e0, line: line, name: name, type: .int) }
            }
            return .int(TypedColumn(values, validity: anyNull ? validity : nil))
        case .float:
            var values = [Double](repeating: 0, count: n)
            try forEachField(j) { row, s0, e0, line in
                if !quoted(s0, e0) && isNullToken(s0, e0) { validity[row] = false; anyNull = true; return }
                let (s, e) = content(s0, e0)
                if let v = FieldParsing.parseDouble(bytes, s, e) { values[row] = v }
                else { throw bad(s0, e0, line: line, name: name, type: .float) }
            }
            return .float(TypedColumn(values, validity: anyNull ? validity : nil))
        }
    }

    /// The column dictionary-encoded; nil when it has too many distinct values.
    private func dictionaryColumn(_ j: Int, count n: Int) -> StringColumn? {
        var builder = DictionaryBuilder(capacity: n, limit: StringColumn.dictionaryLimit(rows: n))
        var tooMany = false
        forEachField(j) { _, s, e, _ in if !tooMany && !builder.add(fields, s, e) { tooMany = true } }
        return tooMany ? nil : builder.column()
    }

    /// One pass for unquoted numeric and boolean columns; nil when a field is quoted or text (or every
    /// row is null), so the two-pass inference decides.
    private func numericSinglePass(_ j: Int, count n: Int) -> Column? {
        var builder = NumericBuilder(capacity: n)
        var giveUp = false
        forEachField(j) { _, s, e, _ in if !giveUp && !builder.add(fields, s, e) { giveUp = true } }
        return giveUp ? nil : builder.column()
    }
}
