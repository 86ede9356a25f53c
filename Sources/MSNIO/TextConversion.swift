import Foundation
import MSNTable

/// Text files from other locales: legacy encodings turned into UTF-8 before the CSV reader sees
/// them, and numbers written with a decimal comma (`1.234,5`) turned into numbers afterwards.
public enum TextConversion {
    /// Encodings `load … with encoding = …` accepts.
    public static let encodings: [String: String.Encoding] = [
        "utf8": .utf8, "utf-8": .utf8, "latin1": .isoLatin1, "iso-8859-1": .isoLatin1, "cp1252": .windowsCP1252,
        "windows-1252": .windowsCP1252, "utf16": .utf16, "utf-16": .utf16, "utf16le": .utf16LittleEndian, "utf16be": .utf16BigEndian,
    ]

    /// The encoding a byte-order mark announces (UTF-16 either way round, or UTF-8), if any.
    public static func bomEncoding(_ head: [UInt8]) -> String.Encoding? {
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) { return .utf16 }
        return nil
    }

    /// Writes `path` re-encoded as UTF-8 to a temporary file and returns its path.
    public static func utf8Copy(of path: String, from encoding: String.Encoding, displayName: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else { throw IOError.unreadable(file: displayName, reason: "no such file") }
        guard let text = String(data: data, encoding: encoding) else {
            throw IOError.unreadable(file: displayName, reason: "the bytes are not valid \(encoding)")
        }
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("msnb-\(UUID().uuidString).csv")
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        do { try body.write(to: out, atomically: true, encoding: .utf8) } catch {
            throw IOError.unreadable(file: displayName, reason: "cannot convert it to UTF-8: \(error.localizedDescription)")
        }
        return out.path
    }

    /// Text columns whose every value is a decimal-comma number (`12,5`, `1.234,5`, `-3`) become
    /// numbers (int when every value is whole and has no comma, else float); the names of the
    /// converted columns come back with the table.
    public static func decimalComma(_ t: Table, skip: Set<String> = []) throws -> (Table, [String]) {
        var out = t
        var converted: [String] = []
        for (name, c) in zip(t.columnNames, t.columns) where !skip.contains(name) {
            guard case .string(let s) = c else { continue }
            var values: [Double?] = [], anyComma = false, any = false
            var ok = true
            for i in 0..<s.count {
                guard let text = s[i] else { values.append(nil); continue }
                guard let (v, comma) = parseDecimalComma(text) else { ok = false; break }
                values.append(v); anyComma = anyComma || comma; any = true
            }
            guard ok, any, anyComma else { continue }
            out = try out.adding(name, .float(TypedColumn(optionals: values)))
            converted.append(name)
        }
        return (out, converted)
    }

    /// `1.234.567,89` → (1234567.89, true); `12` → (12, false); nil when it is not such a number.
    static func parseDecimalComma(_ raw: String) -> (Double, Bool)? {
        let text = raw.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return nil }
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return nil }
        var integer = String(parts[0])
        var sign = ""
        if integer.hasPrefix("-") || integer.hasPrefix("+") { sign = String(integer.removeFirst()) }
        let groups = integer.split(separator: ".", omittingEmptySubsequences: false)
        if groups.count > 1 {
            // Thousands separators: 1–3 digits, then groups of exactly 3.
            guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        }
        let digits = groups.joined()
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
        var number = sign + digits
        if parts.count == 2 {
            let fraction = parts[1]
            guard !fraction.isEmpty, fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            number += "." + fraction
        }
        return Double(number).map { ($0, parts.count == 2) }
    }
}
