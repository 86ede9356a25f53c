import Foundation

/// The formats `load` and `export` know, found from a file's extension and, when that says nothing
/// (or says text but the bytes are binary), from its first bytes.
public enum FileFormat: Equatable, Sendable {
    case csv, tsv, xlsx
    /// SPSS, Stata or SAS, with the extension ReadStat should parse it as.
    case statistical(String)
    /// A format msnb recognises but does not read, with advice.
    case unsupported(what: String, advice: String)

    /// The format an extension names, or nil for an unknown extension.
    public static func fromExtension(_ path: String) -> FileFormat? {
        let ext = (path as NSString).pathExtension.lowercased()
        switch ext {
        case "csv", "txt": return .csv
        case "tsv", "tab": return .tsv
        case "xlsx", "xlsm": return .xlsx
        case "xls": return .unsupported(what: "an Excel 97–2003 workbook (.xls)", advice: "open it in Excel or LibreOffice and save it as .xlsx, then load that")
        default: return StatFileReader.extensions.contains(ext) ? .statistical(ext) : nil
        }
    }

    /// What the first bytes say, or nil when they look like text.
    public static func sniff(_ bytes: [UInt8]) -> FileFormat? {
        func starts(_ m: [UInt8]) -> Bool { bytes.count >= m.count && Array(bytes.prefix(m.count)) == m }
        if starts([0x50, 0x4B, 0x03, 0x04]) { return .xlsx }
        if starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            return .unsupported(what: "an Excel 97–2003 workbook (.xls)", advice: "open it in Excel or LibreOffice and save it as .xlsx, then load that")
        }
        if starts(Array("$FL2".utf8)) || starts(Array("$FL3".utf8)) { return .statistical("sav") }
        if starts(Array("<stata_dta>".utf8)) || (bytes.count > 2 && [113, 114, 115].contains(bytes[0]) && [1, 2].contains(bytes[1])) { return .statistical("dta") }
        if bytes.count >= 32, Array(bytes[12..<16]) == [0xC2, 0xEA, 0x81, 0x60] { return .statistical("sas7bdat") }
        if starts(Array("%PDF".utf8)) { return .unsupported(what: "a PDF document", advice: "export the table from its source as .csv or .xlsx") }
        if starts([0x1F, 0x8B]) { return .unsupported(what: "a gzip-compressed file", advice: "decompress it first (gunzip)") }
        if starts(Array("PAR1".utf8)) { return .unsupported(what: "a Parquet file", advice: "convert it to .csv first") }
        if starts(Array("SQLite format 3".utf8)) { return .unsupported(what: "an SQLite database", advice: "export a table from it as .csv") }
        return nil
    }

    /// The first `n` bytes of a file (empty when it cannot be read).
    public static func head(_ path: String, _ n: Int = 64) -> [UInt8] {
        guard let h = FileHandle(forReadingAtPath: path) else { return [] }
        defer { try? h.close() }
        return Array((try? h.read(upToCount: n)) ?? Data())
    }

    /// A phrase for messages: "an Excel workbook (.xlsx)".
    public var phrase: String {
        switch self {
        case .csv: return "a CSV file"
        case .tsv: return "a tab-separated file"
        case .xlsx: return "an Excel workbook (.xlsx)"
        case .statistical(let e): return e == "dta" ? "a Stata file (.dta)" : (e == "sas7bdat" ? "a SAS file (.sas7bdat)" : "an SPSS file (.\(e))")
        case .unsupported(let what, _): return what
        }
    }

    /// The extension that loads it, for advice.
    public var suggestedExtension: String? {
        switch self {
        case .xlsx: return "xlsx"
        case .statistical(let e): return e
        default: return nil
        }
    }
}
