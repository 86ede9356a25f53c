import Foundation

extension CSVReader {
    /// Infers each column's type over the whole column and builds its typed buffer; columns are
    /// converted in parallel. Quoted fields count as text for inference unless every value in the
    /// column is quoted (files written with "quote all").
    static func convertColumns(_ b: ByteBuffer, chunks: [CSVScanner.Chunk], header: [String],
                               options: CSVOptions, name: String) throws -> [Column] {
        let tokens = options.nullTokens.map { Array($0.utf8) }
        let box = ResultBox(count: header.count)
        let job = ColumnJob(bytes: b, chunks: chunks, columns: header.count, tokens: tokens, file: name)
        DispatchQueue.concurrentPerform(iterations: header.count) { j in
            box.set(j, Result { try job.build(column: j, name: header[j], override: options.types[header[j]]) })
        }
        var columns: [Column] = []
        var firstError: (line: Int, error: CSVError)? = nil
        for j in 0..<header.count {
            switch box.get(j) {
            case .success(let c): columns.append(c)
            case .failure(let e):
                let line: Int
                if case .badValue(_, let l, _, _, _) = e { line = l } else { line = 0 }
                if firstError == nil || line < firstError!.line { firstError = (line, e) }
            }
        }
        if let e = firstError?.error { throw e }
        return columns
    }

    private final class ResultBox: @unchecked Sendable {
        private var items: [Result<Column, CSVError>]
        private let lock = NSLock()
        init(count: Int) { items = Array(repeating: .failure(.empty(file: "")), count: count) }
        func set(_ i: Int, _ r: Result<Column, Error>) {
            let mapped = r.mapError { ($0 as? CSVError) ?? .unreadable(file: "", reason: "\($0)") }
            lock.lock(); items[i] = mapped; lock.unlock()
        }
        func get(_ i: Int) -> Result<Column, CSVError> { lock.lock(); defer { lock.unlock() }; return items[i] }
    }
}

/// Converts one column of scanned fields.
struct ColumnJob: Sendable {
    let bytes: ByteBuffer
    let chunks: [CSVScanner.Chunk]
    let columns: Int
    let tokens: [[UInt8]]
    let file: String

    private var rowCount: Int { chunks.reduce(0) { $0 + $1.recordStarts.count } }

    /// Calls `body(row, start, end, line)` for every field of column `j`, in row order.
    @inline(__always) private func forEachField(_ j: Int, _ body: (Int, Int, Int, Int) throws -> Void) rethrows {
        var row = 0
        for chunk in chunks {
            let ends = chunk.fieldEnds
            for r in 0..<chunk.recordStarts.count {
                let s = j == 0 ? Int(chunk.recordStarts[r]) : Int(ends[r * columns + j - 1]) + 1
                try body(row, s, Int(ends[r * columns + j]), Int(chunk.recordLines[r]))
                row += 1
            }
        }
    }

    @inline(__always) private func isNullToken(_ s: Int, _ e: Int) -> Bool {
        let n = e - s
        for t in tokens where t.count == n {
            var same = true
            for k in 0..<n where bytes[s + k] != t[k] { same = false; break }
            if same { return true }
        }
        return false
    }

    @inline(__always) private func quoted(_ s: Int, _ e: Int) -> Bool { e > s && bytes[s] == ASCII.quote }

    /// Content range of a field: inside the quotes when quoted.
    @inline(__always) private func content(_ s: Int, _ e: Int) -> (Int, Int) {
        guard quoted(s, e), e - s >= 2, bytes[e - 1] == ASCII.quote else { return (s, e) }
        return (s + 1, e - 1)
    }

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
                    quotedKind = max(quotedKind ?? k, k)
                } else {
                    if isNullToken(s, e) { return }
                    anyUnquoted = true
                    if unquotedKind == .string { return }
                    let k = classify(s, e)
                    unquotedKind = max(unquotedKind ?? k, k)
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
                else if let v = FieldParsing.parseBool(bytes, s, e) { values[row] = v ? 1 : 0 }
                else { throw bad(s0, e0, line: line, name: name, type: .int) }
            }
            return .int(TypedColumn(values, validity: anyNull ? validity : nil))
        case .float:
            var values = [Double](repeating: 0, count: n)
            try forEachField(j) { row, s0, e0, line in
                if !quoted(s0, e0) && isNullToken(s0, e0) { validity[row] = false; anyNull = true; return }
                let (s, e) = content(s0, e0)
                if let v = FieldParsing.parseDouble(bytes, s, e) { values[row] = v }
                else if let v = FieldParsing.parseBool(bytes, s, e) { values[row] = v ? 1 : 0 }
                else { throw bad(s0, e0, line: line, name: name, type: .float) }
            }
            return .float(TypedColumn(values, validity: anyNull ? validity : nil))
        }
    }

    /// Builds a dictionary-encoded column straight from the bytes (hashing byte ranges, making a
    /// String only for each new distinct value); nil when the column has too many distinct values.
    private func dictionaryColumn(_ j: Int, count n: Int) -> StringColumn? {
        let limit = StringColumn.dictionaryLimit(rows: n)
        var codes = [Int32](repeating: 0, count: n)
        var validity = Bitmap(count: n)
        var anyNull = false
        var values: [String] = []
        var valueBytes: [[UInt8]] = []
        var index: [UInt64: [Int32]] = [:]
        var tooMany = false
        forEachField(j) { row, s, e, _ in
            if tooMany { return }
            if !quoted(s, e) && isNullToken(s, e) { validity[row] = false; anyNull = true; return }
            var owned: [UInt8]? = nil
            var (cs, ce) = (s, e)
            if quoted(s, e) {
                let text = FieldParsing.text(bytes, s, e)
                owned = Array(text.utf8)
                (cs, ce) = (0, owned!.count)
            }
            @inline(__always) func byte(_ k: Int) -> UInt8 { owned.map { $0[k] } ?? bytes[k] }
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for k in cs..<ce { h = (h ^ UInt64(byte(k))) &* 0x100_0000_01b3 }
            if let candidates = index[h] {
                for c in candidates {
                    let v = valueBytes[Int(c)]
                    if v.count == ce - cs {
                        var same = true
                        for k in 0..<v.count where v[k] != byte(cs + k) { same = false; break }
                        if same { codes[row] = c; return }
                    }
                }
            }
            guard values.count < limit else { tooMany = true; return }
            let code = Int32(values.count)
            let raw = owned ?? Array(UnsafeBufferPointer(start: bytes.base + cs, count: ce - cs))
            valueBytes.append(raw)
            values.append(String(decoding: raw, as: UTF8.self))
            index[h, default: []].append(code)
            codes[row] = code
        }
        if tooMany { return nil }
        return StringColumn(storage: .dictionary(codes: codes, dictionary: values), validity: anyNull ? validity : nil)
    }

    /// One pass for unquoted numeric and boolean columns: parses while inferring, widening bool → int
    /// → float in place. nil when a field is quoted or text, so the general two-pass path decides.
    private func numericSinglePass(_ j: Int, count n: Int) -> Column? {
        var ints = [Int64](repeating: 0, count: n)
        var doubles: [Double] = []
        var isFloat = false, sawBool = false, sawNumber = false, giveUp = false
        var validity = Bitmap(count: n)
        var anyNull = false
        forEachField(j) { row, s, e, _ in
            if giveUp { return }
            if quoted(s, e) { giveUp = true; return }
            if isNullToken(s, e) { validity[row] = false; anyNull = true; return }
            if !isFloat {
                if let v = FieldParsing.parseInt(bytes, s, e) { ints[row] = v; sawNumber = true; return }
                if let b = FieldParsing.parseBool(bytes, s, e) { ints[row] = b ? 1 : 0; sawBool = true; return }
                guard let d = FieldParsing.parseDouble(bytes, s, e) else { giveUp = true; return }
                doubles = ints.map(Double.init)
                ints = []
                isFloat = true
                sawNumber = true
                doubles[row] = d
                return
            }
            if let d = FieldParsing.parseDouble(bytes, s, e) { doubles[row] = d; return }
            if let b = FieldParsing.parseBool(bytes, s, e) { doubles[row] = b ? 1 : 0; sawBool = true; return }
            giveUp = true
        }
        guard !giveUp, sawNumber || sawBool else { return nil }
        let v: Bitmap? = anyNull ? validity : nil
        if isFloat { return .float(TypedColumn(doubles, validity: v)) }
        if !sawNumber { return .bool(TypedColumn(ints.map { $0 != 0 }, validity: v)) }
        return .int(TypedColumn(ints, validity: v))
    }
}
