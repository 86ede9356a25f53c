import CReadStat
import Foundation
import MSNTable

/// Writes a table as SPSS (.sav) or Stata (.dta) through ReadStat's writer. Numbers and booleans
/// become doubles; text columns with at most `labelledLevels` distinct values become integer codes
/// 1…k with value labels (what SPSS and Stata users expect), other text columns stay strings; nulls
/// become system missing; column labels become variable labels. Names are made valid for the format
/// (letters, digits and _, not starting with a digit; at most 32 characters for Stata, 64 for SPSS).
public enum StatFileWriter {
    public static let labelledLevels = 50

    public static func write(_ table: Table, to path: String, format: String) throws {
        guard format == "sav" || format == "dta" else { throw IOError.unsupportedExport(file: path, writable: ["sav", "dta"]) }
        let out = OutputBuffer()
        guard let writer = readstat_writer_init() else { throw IOError.unwritable(file: path, reason: "ReadStat could not start") }
        defer { readstat_writer_free(writer) }
        readstat_set_data_writer(writer) { data, len, ctx in
            guard let data, let ctx else { return 0 }
            Unmanaged<OutputBuffer>.fromOpaque(ctx).takeUnretainedValue().data.append(data.assumingMemoryBound(to: UInt8.self), count: len)
            return len
        }
        let names = validNames(table.columnNames, maxLength: format == "dta" ? 32 : 64)
        var plans: [Plan] = []
        for (j, (name, c)) in zip(names, table.columns).enumerated() {
            var plan = Plan(column: c)
            if case .string(let s) = c {
                let (codes, values) = s.dictionaryCodes()
                if values.count <= labelledLevels, values.allSatisfy({ $0.utf8.count <= 120 }) {
                    let set = readstat_add_label_set(writer, READSTAT_TYPE_DOUBLE, format == "dta" ? "\(name)_lbl" : "labels\(j)")
                    for (k, v) in values.enumerated() { readstat_label_double_value(set, Double(k + 1), v) }
                    plan.codes = codes
                    plan.variable = readstat_add_variable(writer, name, READSTAT_TYPE_DOUBLE, 0)
                    readstat_variable_set_label_set(plan.variable, set)
                    readstat_variable_set_format(plan.variable, format == "dta" ? "%8.0g" : "F8.0")
                } else {
                    let width = max(1, (0..<s.count).map { s[$0]?.utf8.count ?? 0 }.max() ?? 1)
                    guard width <= 2045 else { throw IOError.unwritable(file: path, reason: "column '\(table.columnNames[j])' holds text longer than 2045 bytes") }
                    plan.variable = readstat_add_variable(writer, name, READSTAT_TYPE_STRING, width)
                }
            } else {
                plan.variable = readstat_add_variable(writer, name, READSTAT_TYPE_DOUBLE, 0)
                if c.type != .float { readstat_variable_set_format(plan.variable, format == "dta" ? "%12.0g" : "F12.0") }
            }
            if let label = table.columnLabels[table.columnNames[j]] { readstat_variable_set_label(plan.variable, label) }
            plans.append(plan)
        }
        let ctx = Unmanaged.passUnretained(out).toOpaque()
        var status = format == "dta" ? readstat_begin_writing_dta(writer, ctx, table.rowCount) : readstat_begin_writing_sav(writer, ctx, table.rowCount)
        let doubles = plans.map { $0.column.doubles() }
        for i in 0..<table.rowCount where status == READSTAT_OK {
            status = readstat_begin_row(writer)
            for (j, p) in plans.enumerated() where status == READSTAT_OK {
                if let codes = p.codes {
                    status = codes[i] < 0 ? readstat_insert_missing_value(writer, p.variable) : readstat_insert_double_value(writer, p.variable, Double(codes[i] + 1))
                } else if case .string(let s) = p.column {
                    status = s[i].map { readstat_insert_string_value(writer, p.variable, $0) } ?? readstat_insert_missing_value(writer, p.variable)
                } else if let d = doubles[j], !d[i].isNaN {
                    status = readstat_insert_double_value(writer, p.variable, d[i])
                } else {
                    status = readstat_insert_missing_value(writer, p.variable)
                }
            }
            if status == READSTAT_OK { status = readstat_end_row(writer) }
        }
        if status == READSTAT_OK { status = readstat_end_writing(writer) }
        guard status == READSTAT_OK else { throw IOError.unwritable(file: path, reason: String(cString: readstat_error_message(status))) }
        do { try AtomicFile.write(out.data, to: path) } catch { throw IOError.unwritable(file: path, reason: error.localizedDescription) }
    }

    private struct Plan {
        let column: Column
        var variable: UnsafeMutablePointer<readstat_variable_t>? = nil
        var codes: [Int32]? = nil
    }

    /// Names with only letters, digits and _, not starting with a digit, shortened and made unique.
    static func validNames(_ names: [String], maxLength: Int) -> [String] {
        var seen = Set<String>()
        return names.map { raw in
            var s = String(raw.unicodeScalars.map { ($0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "_")) ? Character($0) : "_" })
            if s.isEmpty || s.first?.isNumber == true { s = "v" + s }
            s = String(s.prefix(maxLength))
            var candidate = s, k = 2
            while seen.contains(candidate.lowercased()) { candidate = String(s.prefix(maxLength - 3)) + "_\(k)"; k += 1 }
            seen.insert(candidate.lowercased())
            return candidate
        }
    }
}

/// Bytes collected from a C writer callback.
final class OutputBuffer { var data = Data() }
