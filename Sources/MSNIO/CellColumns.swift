import Foundation
import MSNTable

/// Columns from typed cells (spreadsheet and statistical files), with the CSV reader's whole-column
/// rule: all numbers → int when every value is whole (and fits), else float; all booleans → bool;
/// anything mixed with text → text (numbers written as their shortest text).
enum CellColumns {
    static func column(_ cells: [CellValue]) -> Column {
        var numbers = 0, whole = 0, bools = 0, texts = 0
        for c in cells {
            switch c {
            case .float(let d): numbers += 1; if d == d.rounded(), abs(d) < 9.0e15 { whole += 1 }
            case .int: numbers += 1; whole += 1
            case .bool: bools += 1
            case .string: texts += 1
            case .null: break
            }
        }
        if texts > 0 || (bools > 0 && numbers > 0) {
            return .string(StringColumn(cells.map { c -> String? in
                switch c {
                case .null: return nil
                case .float(let d) where d == d.rounded() && abs(d) < 9.0e15: return String(Int64(d))
                default: return c.description
                }
            }))
        }
        if bools > 0 { return Column.from(cells, type: .bool) }
        if numbers > 0 && whole == numbers {
            return .int(TypedColumn<Int64>(optionals: cells.map { c -> Int64? in
                switch c {
                case .int(let i): return i
                case .float(let d): return Int64(d)
                default: return nil
                }
            }))
        }
        return Column.from(cells, type: .float)
    }

    /// Header names made usable: empty ones named by position, repeats numbered (`name_2`).
    static func uniqueNames(_ raw: [String]) -> [String] {
        var seen: [String: Int] = [:]
        var out: [String] = []
        for (i, r) in raw.enumerated() {
            var name = r.trimmingCharacters(in: .whitespaces)
            if name.isEmpty { name = "column_\(i + 1)" }
            if let k = seen[name] {
                var j = k + 1
                while seen["\(name)_\(j)"] != nil { j += 1 }
                seen[name] = j
                name = "\(name)_\(j)"
            }
            seen[name] = seen[name] ?? 1
            out.append(name)
        }
        return out
    }
}

extension CellColumns {
    /// A number as short text: `3` for whole numbers, else the shortest round-trip form.
    static func numberText(_ d: Double) -> String {
        d == d.rounded() && abs(d) < 9.0e15 ? String(Int64(d)) : String(d)
    }
}

extension CellColumns {
    /// A number column from values and validity: int when every valid value is whole, else float.
    static func numbers(_ values: [Double], valid: [Bool]) -> Column {
        var whole = true
        for i in 0..<values.count where valid[i] {
            let d = values[i]
            if d != d.rounded() || abs(d) >= 9.0e15 { whole = false; break }
        }
        let allValid = !valid.contains(false)
        let validity: Bitmap? = allValid ? nil : Bitmap(valid)
        if whole { return .int(TypedColumn(values.map { $0.isFinite ? Int64($0) : 0 }, validity: validity)) }
        return .float(TypedColumn(values, validity: validity))
    }
}
