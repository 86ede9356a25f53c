import Foundation
import MSNTable

/// Excel serial dates as ISO 8601 text (`2024-03-01`, or `2024-03-01T08:30:00` with a time of day).
enum XLSXDates {
    static func iso(_ serial: Double, date1904: Bool) -> String {
        // 1900 system: day 1 is 1900-01-01 and Excel counts a 29 Feb 1900 that never was (serial 60).
        var days = serial.rounded(.down)
        var seconds = ((serial - days) * 86_400).rounded()
        if seconds >= 86_400 { days += 1; seconds -= 86_400 }
        let epochOffset: Double = date1904 ? 24_107 : (serial < 60 ? 25_568 : 25_569)   // days to 1970-01-01
        let t = (days - epochOffset) * 86_400 + seconds
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC") ?? cal.timeZone
        let c = cal.dateComponents([.year, .month, .day, .hour, .minute, .second], from: Date(timeIntervalSince1970: t))
        let date = String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
        if seconds == 0 { return date }
        return date + String(format: "T%02d:%02d:%02d", c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
    }
}

/// A cell range such as `A1:F200` (0-based, inclusive).
struct XLSXRange: Equatable {
    var firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int

    init(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) {
        (self.firstRow, self.firstColumn, self.lastRow, self.lastColumn) = (firstRow, firstColumn, lastRow, lastColumn)
    }

    /// Parses `A1:F200` (or one cell `B2`).
    init?(_ text: String) {
        let parts = text.uppercased().replacingOccurrences(of: "$", with: "").split(separator: ":").map(String.init)
        guard (1...2).contains(parts.count), let a = XLSXRange.cell(parts[0]), let b = XLSXRange.cell(parts.last ?? "") else { return nil }
        self.init(firstRow: min(a.row, b.row), firstColumn: min(a.column, b.column), lastRow: max(a.row, b.row), lastColumn: max(a.column, b.column))
    }

    /// `B12` → (row 11, column 1).
    static func cell(_ ref: String) -> (row: Int, column: Int)? {
        var column = 0, row = 0, letters = 0, digits = 0
        for u in ref.utf8 {
            if u >= 65 && u <= 90 && digits == 0 { column = column * 26 + Int(u - 64); letters += 1 }
            else if u >= 97 && u <= 122 && digits == 0 { column = column * 26 + Int(u - 96); letters += 1 }
            else if u >= 48 && u <= 57 { row = row * 10 + Int(u - 48); digits += 1 }
            else { return nil }
        }
        guard letters > 0, letters <= 3, digits > 0, row > 0 else { return nil }
        return (row - 1, column - 1)
    }

    /// `0` → `A`, `27` → `AB`.
    static func columnName(_ c: Int) -> String {
        var n = c + 1, s = ""
        while n > 0 { let r = (n - 1) % 26; s = String(UnicodeScalar(UInt8(65 + r))) + s; n = (n - 1) / 26 }
        return s
    }
}
