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
        if let e = archive["xl/sharedStrings.xml"] {
            parts.sharedStrings = try XLSXCells(archive: archive, entry: e, sharedStrings: true, file: file, part: "the shared-string table").strings
        }
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
        guard let sheetEntry = archive[chosen.path] else { throw IOError.unreadable(file: file, reason: "sheet '\(chosen.name)' is missing from the file") }
        let cells = try XLSXCells(archive: archive, entry: sheetEntry, sharedStrings: false, dateStyles: parts.dateStyles,
                                  file: file, part: "sheet '\(chosen.name)'")
        var limit: XLSXRange? = nil
        if let r = options.range {
            guard let parsed = XLSXRange(r) else { throw IOError.badOption("range must look like \"A1:F200\", not \"\(r)\"") }
            limit = parsed
        }
        var builder = XLSXTable(cells: cells, shared: parts.sharedStrings, date1904: parts.date1904)
        return try builder.build(range: limit, header: options.header)
    }
}
