import Foundation
import MSNTable

/// Lays a worksheet's parsed cells out as typed columns (the CSV reader's whole-column rule), working
/// on cell indices: a grid of Int32 per column, then one pass per column to infer its type and one
/// to fill its buffer.
struct XLSXTable {
    let cells: XLSXCells
    let shared: [String]
    let date1904: Bool
    private var dateText: [Double: String] = [:]

    init(cells: XLSXCells, shared: [String], date1904: Bool) {
        self.cells = cells
        self.shared = shared
        self.date1904 = date1904
    }

    /// Whether cell `i` holds a value (a shared-string index past the table reads as empty).
    @inline(__always) private func present(_ i: Int, _ kinds: UnsafePointer<UInt8>, _ numbers: UnsafePointer<Double>) -> Bool {
        kinds[i] != XLSXCells.shared || Int(numbers[i]) < shared.count
    }

    /// One cell as a value (header cells and text columns).
    private mutating func value(_ i: Int) -> CellValue {
        guard let kinds = cells.kinds, let numbers = cells.numbers else { return .null }
        let d = numbers[i]
        switch kinds[i] {
        case XLSXCells.number: return .float(d)
        case XLSXCells.shared: return .string(shared[Int(d)])
        case XLSXCells.text: return .string(cells.text(i))
        case XLSXCells.bool: return .bool(d != 0)
        default:
            if let s = dateText[d] { return .string(s) }
            let s = XLSXDates.iso(d, date1904: date1904)
            dateText[d] = s
            return .string(s)
        }
    }

    /// The table within `range` (or the used cells), and the merged data ranges it filled (as `A5:A7`).
    mutating func build(range: XLSXRange?, header: Bool) throws -> (table: Table, filledMerges: [String]) {
        guard cells.count > 0, let rowsP = cells.rows, let colsP = cells.columns, let kinds = cells.kinds, let numbers = cells.numbers else {
            return (Table(rowCount: 0), [])
        }
        let merges = cells.merges
        @inline(__always) func inRange(_ i: Int) -> Bool {
            guard present(i, kinds, numbers) else { return false }
            guard let r = range else { return true }
            let row = Int(rowsP[i]), col = Int(colsP[i])
            return row >= r.firstRow && row <= r.lastRow && col >= r.firstColumn && col <= r.lastColumn
        }
        var any = false
        var minRow = Int.max, minCol = Int.max, maxRow = Int.min, maxCol = Int.min
        for i in 0..<cells.count where inRange(i) {
            any = true
            let row = Int(rowsP[i]), col = Int(colsP[i])
            minRow = min(minRow, row); maxRow = max(maxRow, row); minCol = min(minCol, col); maxCol = max(maxCol, col)
        }
        guard any else { return (Table(rowCount: 0), []) }
        let top = range?.firstRow ?? minRow
        let left = range?.firstColumn ?? minCol
        var bottom = maxRow
        // Data merges (starting below the header row) may reach below the last written cell.
        let dataTop = header ? top + 1 : top
        for m in merges where m.firstRow >= dataTop && m.firstRow <= bottom {
            bottom = max(bottom, min(m.lastRow, range?.lastRow ?? m.lastRow))
        }
        let right = range?.lastColumn ?? maxCol
        let width = right - left + 1
        let firstDataRow = dataTop
        let rows = max(0, bottom - firstDataRow + 1)
        var grid = [Int32](repeating: -1, count: width * rows)
        var headerIndex = [Int](repeating: -1, count: width)
        for i in 0..<cells.count where inRange(i) {
            let j = Int(colsP[i]) - left, row = Int(rowsP[i])
            if header && row == top { headerIndex[j] = i; continue }
            if row >= firstDataRow { grid[j * rows + row - firstDataRow] = Int32(i) }
        }
        // A merged range below the header: its top-left value fills every cell it covers in the table.
        var filled: [String] = []
        for m in merges where m.firstRow >= firstDataRow && m.firstRow <= bottom && m.firstColumn >= left && m.firstColumn <= right {
            let source = grid[(m.firstColumn - left) * rows + m.firstRow - firstDataRow]
            for j in (m.firstColumn - left)...(min(m.lastColumn, right) - left) {
                for r in (m.firstRow - firstDataRow)...(min(m.lastRow, bottom) - firstDataRow) { grid[j * rows + r] = source }
            }
            filled.append(XLSXRange.columnName(m.firstColumn) + "\(m.firstRow + 1):" + XLSXRange.columnName(m.lastColumn) + "\(m.lastRow + 1)")
        }
        var headerCells = headerIndex.map { $0 < 0 ? "" : value($0).description }
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
        if rows == 0 { return (try Table(names.map { ($0, Column.nulls(.string, count: 0)) }), filled) }
        var columns: [(String, Column)] = []
        for j in 0..<width {
            columns.append((names[j], grid.withUnsafeBufferPointer { column(UnsafeBufferPointer(rebasing: $0[(j * rows)..<((j + 1) * rows)]), kinds, numbers) }))
        }
        return (try Table(columns), filled)
    }

    /// One column from its cell indices (-1: empty).
    private mutating func column(_ idx: UnsafeBufferPointer<Int32>, _ kinds: UnsafePointer<UInt8>, _ numbers: UnsafePointer<Double>) -> Column {
        var nums = 0, whole = 0, bools = 0, texts = 0, nulls = 0
        for i32 in idx {
            guard i32 >= 0 else { nulls += 1; continue }
            let i = Int(i32)
            switch kinds[i] {
            case XLSXCells.number:
                nums += 1
                let d = numbers[i]
                if d == d.rounded(), abs(d) < 9.0e15 { whole += 1 }
            case XLSXCells.bool: bools += 1
            default: texts += 1
            }
        }
        let n = idx.count
        var validity: Bitmap? = nil
        if nulls > 0 {
            var b = Bitmap(count: n)
            for (r, i) in idx.enumerated() where i < 0 { b[r] = false }
            validity = b
        }
        if texts > 0 || (bools > 0 && nums > 0) {
            var builder = StringColumnBuilder(capacity: n)
            for i32 in idx {
                guard i32 >= 0 else { builder.append(nil); continue }
                let i = Int(i32)
                let d = numbers[i]
                if kinds[i] == XLSXCells.number { builder.append(d == d.rounded() && abs(d) < 9.0e15 ? String(Int64(d)) : FloatFormat.shortest(d)); continue }
                builder.append(value(i).description)
            }
            return .string(builder.finish())
        }
        if bools > 0 { return .bool(TypedColumn(idx.map { $0 >= 0 && numbers[Int($0)] != 0 }, validity: validity)) }
        if nums > 0 && whole == nums { return .int(TypedColumn(idx.map { $0 >= 0 ? Int64(numbers[Int($0)]) : 0 }, validity: validity)) }
        return .float(TypedColumn(idx.map { $0 >= 0 ? numbers[Int($0)] : 0 }, validity: validity))
    }
}
