import Foundation
import MSNBoost
import MSNLanguage
import MSNTable

/// `explain m on t with interactions = true`: exact SHAP interaction values as a long table
/// (row, feature, with, value): main effects where feature = with, each pair twice (symmetric),
/// and a `base_value` entry per row, so each row's values sum to its margin.
enum ExplainInteractions {
    static func table(_ m: BoostModelValue, _ t: Table, at span: SourceSpan) throws -> Table {
        let x: [[Double]]
        do { x = try m.encoding.matrix(t) } catch let e as TableError {
            throw Diagnostic(.value, "the table does not fit the model: \(e.description)", at: span)
        }
        let names = m.model.featureNames, f = names.count
        var rows: [Int64] = [], a: [String] = [], b: [String] = [], values: [Double] = []
        let cells = t.rowCount * (f * f + 1)
        rows.reserveCapacity(cells); a.reserveCapacity(cells); b.reserveCapacity(cells); values.reserveCapacity(cells)
        let all = TreeSHAP.interactions(m.model, rows: (0..<t.rowCount).map { i in x.map { $0[i] } })
        for i in 0..<t.rowCount {
            let phi = all[i]
            for p in 0..<f {
                for q in 0..<f {
                    rows.append(Int64(i + 1)); a.append(names[p]); b.append(names[q]); values.append(phi[p][q])
                }
            }
            rows.append(Int64(i + 1)); a.append("base_value"); b.append("base_value"); values.append(phi[f][f])
        }
        return try Table([("row", .int(TypedColumn(rows))), ("feature", .string(StringColumn(a))),
                          ("with", .string(StringColumn(b))), ("value", .float(TypedColumn(values)))])
    }
}
