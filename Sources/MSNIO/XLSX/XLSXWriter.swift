import CXLSXWriter
import Foundation
import MSNTable

/// Writes tables as the sheets of one .xlsx workbook through libxlsxwriter: a header row of column
/// names, numbers as numbers, booleans as booleans, text as (shared) strings, nulls as empty cells.
/// The file is written next to its destination and moved into place, so a failure leaves no half file.
public enum XLSXWriter {
    /// Excel's limits.
    public static let maxRows = 1_048_575, maxColumns = 16_384

    public static func write(_ sheets: [(name: String, table: Table)], to path: String) throws {
        guard !sheets.isEmpty else { throw IOError.unwritable(file: path, reason: "no tables to write") }
        let temporary = (path as NSString).deletingLastPathComponent + "/.msnb-\(UUID().uuidString).xlsx"
        guard let workbook = workbook_new(temporary) else { throw IOError.unwritable(file: path, reason: "cannot create the workbook") }
        var closed = false
        defer { if !closed { _ = workbook_close(workbook) }; try? FileManager.default.removeItem(atPath: temporary) }
        for (name, t) in sheets {
            guard t.rowCount <= maxRows, t.columnCount <= maxColumns else {
                throw IOError.unwritable(file: path, reason: "sheet '\(name)' has \(t.rowCount) rows and \(t.columnCount) columns; Excel holds at most \(maxRows) rows and \(maxColumns) columns")
            }
            let valid = workbook_validate_sheet_name(workbook, name)
            guard valid == LXW_NO_ERROR, let sheet = workbook_add_worksheet(workbook, name) else {
                throw IOError.unwritable(file: path, reason: "'\(name)' cannot name a sheet (at most 31 characters, none of [ ] : * ? / \\, and each name once)")
            }
            for (j, n) in t.columnNames.enumerated() { _ = worksheet_write_string(sheet, 0, lxw_col_t(j), n, nil) }
            for (j, c) in t.columns.enumerated() {
                let col = lxw_col_t(j)
                switch c {
                case .string(let s):
                    for i in 0..<t.rowCount { if let v = s[i] { _ = worksheet_write_string(sheet, lxw_row_t(i + 1), col, v, nil) } }
                case .bool(let b):
                    for i in 0..<t.rowCount where !b.isNull(i) { _ = worksheet_write_boolean(sheet, lxw_row_t(i + 1), col, b.values[i] ? 1 : 0, nil) }
                default:
                    let d = c.doubles() ?? []
                    for i in 0..<t.rowCount where !d[i].isNaN && d[i].isFinite { _ = worksheet_write_number(sheet, lxw_row_t(i + 1), col, d[i], nil) }
                }
            }
        }
        let status = workbook_close(workbook)
        closed = true
        guard status == LXW_NO_ERROR else { throw IOError.unwritable(file: path, reason: String(cString: lxw_strerror(status))) }
        do {
            if FileManager.default.fileExists(atPath: path) { _ = try FileManager.default.replaceItemAt(URL(fileURLWithPath: path), withItemAt: URL(fileURLWithPath: temporary)) }
            else { try FileManager.default.moveItem(atPath: temporary, toPath: path) }
        } catch { throw IOError.unwritable(file: path, reason: error.localizedDescription) }
    }
}
