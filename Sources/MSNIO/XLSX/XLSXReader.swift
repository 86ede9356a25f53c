import Foundation
import MSNTable
import ZIPFoundation

/// How to read a workbook.
public struct XLSXOptions: Sendable {
    /// A sheet by name or 1-based position; nil: the first sheet.
    public enum Sheet: Sendable, Equatable { case name(String), index(Int) }
    public var sheet: Sheet?
    /// A cell range such as "A1:F200"; nil: the sheet's used cells.
    public var range: String?
    /// Whether the first row of the range holds the column names.
    public var header = true
    public init(sheet: Sheet? = nil, range: String? = nil, header: Bool = true) {
        self.sheet = sheet
        self.range = range
        self.header = header
    }
}

/// Reads one sheet of an .xlsx workbook into a table: shared and inline strings, numbers, booleans,
/// dates (1900 and 1904 systems) as ISO text, empty cells as nulls; header cells merged across
/// columns name each column (`Sales`, `Sales_2`); a range merged below the header (a region written
/// once beside several rows) gives its value to every cell it covers, down and right, as the sheet
/// shows it; types follow the CSV reader's whole-column rule.
public enum XLSXReader {
    public static func read(path: String, options: XLSXOptions = XLSXOptions(), displayName: String? = nil) throws -> Table {
        try readNoting(path: path, options: options, displayName: displayName).table
    }

    /// `read`, also returning the merged data ranges that were filled (as `A5:A7`), for a note.
    public static func readNoting(path: String, options: XLSXOptions = XLSXOptions(), displayName: String? = nil) throws -> (table: Table, filledMerges: [String]) {
        let file = displayName ?? path
        let archive: Archive
        do { archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read) } catch {
            throw IOError.unreadable(file: file, reason: FileManager.default.fileExists(atPath: path) ? "not a readable .xlsx workbook (the zip container cannot be opened)" : "no such file")
        }
        func entry(_ p: String) throws -> Data? {
            guard let e = archive[p] else { return nil }
            var data = Data()
            _ = try archive.extract(e, skipCRC32: true) { data.append($0) }
            return data
        }
        var parts = XLSXParts()
        guard let workbook = try entry("xl/workbook.xml"), let rels = try entry("xl/_rels/workbook.xml.rels") else {
            throw IOError.unreadable(file: file, reason: "not an .xlsx workbook (no xl/workbook.xml); a .xls file from old Excel must be saved as .xlsx first")
        }
        parts.readWorkbook(workbook, rels: rels)
        if let s = try entry("xl/styles.xml") { parts.readStyles(s) }
        if let s = try entry("xl/sharedStrings.xml") { parts.readSharedStrings(s) }
        let names = parts.sheets.map(\.name)
        let chosen: (name: String, path: String)
        switch options.sheet {
        case nil:
            guard let first = parts.sheets.first else { throw IOError.unreadable(file: file, reason: "the workbook has no sheets") }
            chosen = first
        case .name(let n):
            guard let s = parts.sheets.first(where: { $0.name == n }) else { throw IOError.unknownSheet(file: file, sheet: "'\(n)'", available: names) }
            chosen = s
        case .index(let i):
            guard i >= 1, i <= parts.sheets.count else { throw IOError.unknownSheet(file: file, sheet: "number \(i)", available: names) }
            chosen = parts.sheets[i - 1]
        }
        guard let sheetData = try entry(chosen.path) else { throw IOError.unreadable(file: file, reason: "sheet '\(chosen.name)' is missing from the file") }
        let sheet = XLSXSheetDelegate(parts: parts)
        XLSXParts.parse(sheetData, sheet)
        var limit: XLSXRange? = nil
        if let r = options.range {
            guard let parsed = XLSXRange(r) else { throw IOError.badOption("range must look like \"A1:F200\", not \"\(r)\"") }
            limit = parsed
        }
        return try table(sheet.cells, merges: sheet.merges, range: limit, header: options.header)
    }

    /// Lays the sparse cells out as columns; also returns the merged data ranges it filled.
    static func table(_ cells: [XLSXSheetDelegate.Cell], merges: [XLSXRange], range: XLSXRange?, header: Bool) throws -> (table: Table, filledMerges: [String]) {
        let inRange = cells.filter { c in range.map { c.row >= $0.firstRow && c.row <= $0.lastRow && c.column >= $0.firstColumn && c.column <= $0.lastColumn } ?? true }
        guard !inRange.isEmpty else { return (Table(rowCount: 0), []) }
        let top = range?.firstRow ?? inRange.map(\.row).min() ?? 0
        let left = range?.firstColumn ?? inRange.map(\.column).min() ?? 0
        var bottom = inRange.map(\.row).max() ?? top
        // Data merges (starting below the header row) may reach below the last written cell.
        let dataTop = header ? top + 1 : top
        for m in merges where m.firstRow >= dataTop && m.firstRow <= bottom {
            bottom = max(bottom, min(m.lastRow, range?.lastRow ?? m.lastRow))
        }
        let right = range?.lastColumn ?? inRange.map(\.column).max() ?? left
        let width = right - left + 1
        let firstDataRow = header ? top + 1 : top
        let rows = max(0, bottom - firstDataRow + 1)
        var grid = [[CellValue]](repeating: [CellValue](repeating: .null, count: rows), count: width)
        var headerCells = [String](repeating: "", count: width)
        for c in inRange {
            let j = c.column - left
            if header && c.row == top { headerCells[j] = c.value.description; continue }
            if c.row >= firstDataRow { grid[j][c.row - firstDataRow] = c.value }
        }
        // A merged range below the header: its top-left value fills every cell it covers in the table.
        var filled: [String] = []
        for m in merges where m.firstRow >= firstDataRow && m.firstRow <= bottom && m.firstColumn >= left && m.firstColumn <= right {
            let value = grid[m.firstColumn - left][m.firstRow - firstDataRow]
            for j in (m.firstColumn - left)...(min(m.lastColumn, right) - left) {
                for r in (m.firstRow - firstDataRow)...(min(m.lastRow, bottom) - firstDataRow) { grid[j][r] = value }
            }
            filled.append(XLSXRange.columnName(m.firstColumn) + "\(m.firstRow + 1):" + XLSXRange.columnName(m.lastColumn) + "\(m.lastRow + 1)")
        }
        if header {
            // A header merged across columns names each of them: Sales, Sales_2, …
            for m in merges where m.firstRow <= top && m.lastRow >= top {
                let start = m.firstColumn - left
                guard start >= 0, start < width else { continue }
                let name = headerCells[start]
                for j in (start + 1)...max(start + 1, min(width - 1, m.lastColumn - left)) where j < width && headerCells[j].isEmpty {
                    headerCells[j] = name.isEmpty ? "" : "\(name)_\(j - start + 1)"
                }
            }
        } else {
            headerCells = (0..<width).map { XLSXRange.columnName(left + $0) }
        }
        let names = CellColumns.uniqueNames(headerCells)
        let t = try Table(zip(names, grid).map { ($0, CellColumns.column($1)) })
        return (rows == 0 ? try Table(names.map { ($0, Column.nulls(.string, count: 0)) }) : t, filled)
    }
}
