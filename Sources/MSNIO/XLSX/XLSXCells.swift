import CXLSXSheet
import Foundation
import MSNTable
import ZIPFoundation

/// The cells of one worksheet (or the `<si>` items of the shared-string table), parsed by the C
/// target CXLSXSheet (libxml2's SAX2 push parser) straight from ZIPFoundation's decompressed chunks,
/// held as the parser's parallel arrays: no object or String per cell.
final class XLSXCells {
    private let handle: OpaquePointer
    let count: Int
    let rows: UnsafePointer<Int32>?
    let columns: UnsafePointer<Int32>?
    let kinds: UnsafePointer<UInt8>?
    let numbers: UnsafePointer<Double>?
    let pool: UnsafePointer<CChar>
    let merges: [XLSXRange]

    /// Cell kinds, as the C header numbers them.
    static let number = UInt8(MSNX_NUMBER), shared = UInt8(MSNX_SHARED), text = UInt8(MSNX_TEXT)
    static let bool = UInt8(MSNX_BOOL), date = UInt8(MSNX_DATE)

    /// Streams the entry `path` of the archive through the parser; `dateStyles` marks the cell styles
    /// that show dates. Malformed XML throws with the parser's message and line.
    init(archive: Archive, entry: Entry, sharedStrings: Bool, dateStyles: [Bool] = [], file: String, part: String) throws {
        guard let h = msnx_sheet_new(sharedStrings ? 1 : 0) else { throw IOError.unreadable(file: file, reason: "out of memory") }
        handle = h
        let flags = dateStyles.map { UInt8($0 ? 1 : 0) }
        flags.withUnsafeBufferPointer { msnx_sheet_set_date_styles(h, $0.baseAddress, $0.count) }
        func failure() -> IOError {
            let line = msnx_sheet_error_line(h)
            let message = String(cString: msnx_sheet_error(h))
            return IOError.unreadable(file: file, reason: "\(part) is not well-formed XML\(line > 0 ? " (line \(line))" : ""): \(message)")
        }
        do {
            _ = try archive.extract(entry, bufferSize: 1 << 18, skipCRC32: true) { chunk in
                let rc = chunk.withUnsafeBytes { raw in
                    msnx_sheet_feed(h, raw.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(raw.count), 0)
                }
                if rc != 0 { throw failure() }
            }
        } catch let e as IOError {
            msnx_sheet_free(h)
            throw e
        } catch {
            msnx_sheet_free(h)
            throw IOError.unreadable(file: file, reason: "\(part) cannot be decompressed (\(error))")
        }
        if msnx_sheet_feed(h, nil, 0, 1) != 0 { let e = failure(); msnx_sheet_free(h); throw e }
        count = msnx_sheet_count(h)
        rows = msnx_sheet_rows(h)
        columns = msnx_sheet_columns(h)
        kinds = msnx_sheet_kinds(h)
        numbers = msnx_sheet_numbers(h)
        pool = msnx_sheet_text_pool(h)
        var m: [XLSXRange] = []
        if let p = msnx_sheet_merges(h) {
            for k in 0..<msnx_sheet_merge_count(h) {
                m.append(XLSXRange(firstRow: Int(p[4 * k]), firstColumn: Int(p[4 * k + 1]), lastRow: Int(p[4 * k + 2]), lastColumn: Int(p[4 * k + 3])))
            }
        }
        merges = m
    }

    deinit { msnx_sheet_free(handle) }

    /// The text of a TEXT entry.
    @inline(__always) func text(_ i: Int) -> String { String(cString: pool + Int(numbers?[i] ?? 0)) }

    /// Every entry as text (the shared-string table).
    var strings: [String] { (0..<count).map { text($0) } }
}
