import MSNLanguage
import MSNTable

/// `count` (the number of rows) and `count col, … [sort = true]` (rows per combination of values,
/// in key order, or most frequent first with sort = true; column `n`).
enum CountVerb {
    static let run: VerbImplementation = { ev, call, input in
        try ev.checkOptions(call)
        let t = try ev.inputTable(call, input)
        var sortByCount = false
        var countName = "n"
        var keys: [String] = []
        var sortSpan = call.nameSpan
        for a in call.arguments {
            if let name = a.name {
                guard name == "sort" || name == "name" else {
                    throw Diagnostic(.unknownName, "count has no setting '\(name)'", at: a.nameSpan ?? a.value.span, hint: "count region, sector sort = true")
                }
                try apply(name, try ev.evaluate(a.value), a.value.span, &sortByCount, &countName)
                sortSpan = a.value.span
                continue
            }
            let n = try ev.columnName(a.value, verb: "count")
            _ = try ev.requireColumn(t, n, at: a.value.span)
            keys.append(n)
        }
        for o in call.options { try apply(o.name, try ev.evaluate(o.value), o.value.span, &sortByCount, &countName); sortSpan = o.span }
        if keys.isEmpty {
            if sortByCount { throw Diagnostic(.value, "sort = true orders counts per value; name the columns to count by", at: sortSpan, hint: "t | count region sort = true") }
            return .scalar(.int(Int64(t.rowCount)))
        }
        while keys.contains(countName) { countName += "n" }
        return .table(try t.countRows(by: keys, countName: countName, byFrequency: sortByCount))
    }

    private static func apply(_ name: String, _ v: Value, _ span: SourceSpan, _ sort: inout Bool, _ countName: inout String) throws {
        switch (name, v) {
        case ("sort", .scalar(.bool(let b))): sort = b
        case ("name", .scalar(.string(let s))) where !s.isEmpty: countName = s
        case ("sort", _): throw Diagnostic(.type, "sort must be true or false", at: span)
        default: throw Diagnostic(.type, "name must be a non-empty text (the count column's name)", at: span)
        }
    }
}
