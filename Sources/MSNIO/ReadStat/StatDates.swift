import Foundation

/// Dates in statistical files, by display format, as ISO 8601 text.
enum StatDates {
    /// Day counts or second counts from an origin (SPSS: seconds since 1582-10-14; Stata: days or
    /// milliseconds since 1960-01-01; SAS: days or seconds since 1960-01-01).
    /// `timeOfDay`: seconds since midnight (SAS and SPSS `TIME` formats), shown as HH:MM:SS.
    enum Kind { case spssDate, spssDateTime, stataDays, stataMillis, sasDays, sasSeconds, timeOfDay }

    /// The date kind a display format shows in a file of the given family ("sav", "dta", "sas"), or nil.
    static func kind(format raw: String, family: String) -> Kind? {
        let f = raw.uppercased()
        let letters = String(f.drop { $0 == "%" }.prefix { $0.isLetter })
        switch family {
        case "dta":
            if f.hasPrefix("%TD") || f.hasPrefix("%D") { return .stataDays }
            if f.hasPrefix("%TC") { return .stataMillis }
            return nil
        case "sav":
            if ["DATE", "ADATE", "EDATE", "SDATE", "JDATE", "MOYR", "QYR", "WKYR"].contains(letters) { return .spssDate }
            if ["DATETIME", "YMDHMS"].contains(letters) { return .spssDateTime }
            if letters == "TIME" { return .timeOfDay }
            return nil
        default:
            if letters.hasPrefix("DATETIME") || letters.hasPrefix("E8601DT") || letters.hasPrefix("IS8601DT") { return .sasSeconds }
            if ["DATE", "YYMMDD", "MMDDYY", "DDMMYY", "E8601DA", "IS8601DA", "WORDDATE", "WEEKDATE", "MONYY"].contains(letters) { return .sasDays }
            if ["TIME", "HHMM", "TOD", "E8601TM", "IS8601TM"].contains(letters) { return .timeOfDay }
            return nil
        }
    }

    static func iso(_ v: Double, _ kind: Kind) -> String {
        let seconds: Double, withTime: Bool
        switch kind {
        case .timeOfDay:
            let s = Int(v.rounded()), sign = s < 0 ? "-" : ""
            return sign + String(format: "%02d:%02d:%02d", abs(s) / 3600, abs(s) / 60 % 60, abs(s) % 60)
        case .spssDate: seconds = v - 12_219_379_200; withTime = false   // 1582-10-14 → 1970-01-01
        case .spssDateTime: seconds = v - 12_219_379_200; withTime = true
        case .stataDays, .sasDays: seconds = (v - 3_653) * 86_400; withTime = false   // 1960-01-01 → 1970-01-01
        case .stataMillis: seconds = v / 1000 - 315_619_200; withTime = true
        case .sasSeconds: seconds = v - 315_619_200; withTime = true
        }
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC") ?? cal.timeZone
        let c = cal.dateComponents([.year, .month, .day, .hour, .minute, .second], from: Date(timeIntervalSince1970: seconds.rounded()))
        let date = String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
        guard withTime else { return date }
        return date + String(format: "T%02d:%02d:%02d", c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
    }
}
