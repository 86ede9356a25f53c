import Foundation

/// Writes tables as RFC 4180 CSV: quotes only where needed, nulls as empty fields, floats in
/// shortest round-trip form, so that writing and reading back gives an equal table.
public enum CSVWriter {
    /// The CSV text of `table` as UTF-8 bytes (LF line endings).
    public static func render(_ table: Table, delimiter: UInt8 = 0x2C) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(table.rowCount * max(1, table.columnCount) * 8 + 64)
        for (j, name) in table.columnNames.enumerated() {
            if j > 0 { out.append(delimiter) }
            appendField(name, to: &out, delimiter: delimiter, forceQuote: false)
        }
        out.append(ASCII.lf)
        // With one column a null would be an empty line, which readers skip: write it as NA (a text
        // "NA" is always quoted, so the bare token means null).
        let nullText: [UInt8] = table.columnCount == 1 ? Array("NA".utf8) : []
        for i in 0..<table.rowCount {
            for (j, column) in table.columns.enumerated() {
                if j > 0 { out.append(delimiter) }
                if column.isNull(i) { out.append(contentsOf: nullText); continue }
                switch column {
                case .int(let c): out.append(contentsOf: String(c.values[i]).utf8)
                case .float(let c) where c.values[i].isNaN: out.append(contentsOf: nullText)   // NaN is written as null
                case .float(let c): out.append(contentsOf: FloatFormat.shortest(c.values[i]).utf8)
                case .bool(let c): out.append(contentsOf: (c.values[i] ? "true" : "false").utf8)
                case .string(let c):
                    let s = c[i] ?? ""
                    appendField(s, to: &out, delimiter: delimiter, forceQuote: looksTyped(s))
                }
            }
            out.append(ASCII.lf)
        }
        return out
    }

    /// Writes `table` to `path` atomically (temporary file in the same folder, then rename),
    /// creating parent folders.
    public static func write(_ table: Table, to path: String, delimiter: UInt8 = 0x2C) throws {
        try AtomicFile.write(Data(render(table, delimiter: delimiter)), to: path)
    }

    /// Strings that would read back as null, a number or a bool are quoted to keep them text.
    static func looksTyped(_ s: String) -> Bool {
        if s.isEmpty || CSVOptions.defaultNullTokens.contains(s) { return true }
        let bytes = Array(s.utf8)
        return bytes.withUnsafeBufferPointer { raw in
            guard let base = raw.baseAddress else { return true }
            let b = ByteBuffer(base: base, count: raw.count)
            return FieldParsing.parseBool(b, 0, raw.count) != nil || FieldParsing.parseDouble(b, 0, raw.count) != nil
        }
    }

    private static func appendField(_ s: String, to out: inout [UInt8], delimiter: UInt8, forceQuote: Bool) {
        let utf8 = s.utf8
        let needs = forceQuote || utf8.contains { $0 == delimiter || $0 == ASCII.quote || $0 == ASCII.lf || $0 == ASCII.cr }
        guard needs else { out.append(contentsOf: utf8); return }
        out.append(ASCII.quote)
        for c in utf8 {
            if c == ASCII.quote { out.append(ASCII.quote) }
            out.append(c)
        }
        out.append(ASCII.quote)
    }
}

