import MSNLanguage
import MSNTable

/// `pivot longer a, b, c [names_to = "name"] [values_to = "value"]` and
/// `pivot wider names_from = col values_from = col` (tidyr's pivot_longer / pivot_wider).
enum PivotVerb {
    static let settings = ["names_to", "values_to", "names_from", "values_from"]

    static let run: VerbImplementation = { ev, call, input in
        try ev.checkOptions(call)
        let t = try ev.inputTable(call, input)
        guard let first = call.arguments.first, first.name == nil, case .name(let direction, let dspan) = first.value,
              direction == "longer" || direction == "wider" else {
            throw Diagnostic(.syntax, "pivot needs a direction: longer or wider", at: call.arguments.first?.value.span ?? call.nameSpan,
                             hint: "t | pivot longer mi1, mi2 names_to = \"item\" values_to = \"score\"  or  t | pivot wider names_from = item values_from = score")
        }
        var named: [String: (Expr, SourceSpan)] = [:]
        var columns: [(String, SourceSpan)] = []
        for a in call.arguments.dropFirst() {
            if let n = a.name {
                guard settings.contains(n) else {
                    throw Diagnostic(.unknownName, "pivot has no setting '\(n)'", at: a.nameSpan ?? a.value.span,
                                     hint: Diagnostic.didYouMean(n, in: settings) ?? "settings: \(settings.joined(separator: ", "))")
                }
                named[n] = (a.value, a.value.span)
            } else {
                let n = try ev.columnName(a.value, verb: "pivot")
                _ = try ev.requireColumn(t, n, at: a.value.span)
                columns.append((n, a.value.span))
            }
        }
        for o in call.options { named[o.name] = (o.value, o.value.span) }
        do {
            if direction == "longer" {
                for s in ["names_from", "values_from"] where named[s] != nil {
                    throw Diagnostic(.value, "\(s) belongs to pivot wider; pivot longer takes names_to and values_to", at: named[s]?.1 ?? dspan)
                }
                guard !columns.isEmpty else {
                    throw Diagnostic(.value, "pivot longer needs the columns to stack", at: dspan, hint: "t | pivot longer mi1, mi2, mi3 names_to = \"item\" values_to = \"score\"")
                }
                let namesTo = try text(&ev, named["names_to"], default: "name")
                let valuesTo = try text(&ev, named["values_to"], default: "value")
                return .table(try t.pivotLonger(columns.map(\.0), namesTo: namesTo, valuesTo: valuesTo))
            }
            if let c = columns.first {
                throw Diagnostic(.syntax, "pivot wider takes names_from = col values_from = col, not a list of columns", at: c.1)
            }
            for s in ["names_to", "values_to"] where named[s] != nil {
                throw Diagnostic(.value, "\(s) belongs to pivot longer; pivot wider takes names_from and values_from", at: named[s]?.1 ?? dspan)
            }
            let namesFrom = try column(&ev, t, named["names_from"], "names_from", default: "name", at: dspan)
            let valuesFrom = try column(&ev, t, named["values_from"], "values_from", default: "value", at: dspan)
            return .table(try t.pivotWider(namesFrom: namesFrom, valuesFrom: valuesFrom))
        } catch let e as TableError {
            throw Diagnostic(.value, e.description, at: dspan)
        }
    }

    /// A text setting (a string, or a bare name taken as text).
    private static func text(_ ev: inout Evaluator, _ e: (Expr, SourceSpan)?, default d: String) throws -> String {
        guard let (expr, span) = e else { return d }
        if case .name(let n, _) = expr, ev.env.bindings[n] == nil { return n }
        guard case .scalar(.string(let s)) = try ev.evaluate(expr), !s.isEmpty else {
            throw Diagnostic(.type, "expected a column name in quotes here", at: span)
        }
        return s
    }

    /// A column setting (a bare name or a string), checked against the table.
    private static func column(_ ev: inout Evaluator, _ t: Table, _ e: (Expr, SourceSpan)?, _ what: String, default d: String, at fallback: SourceSpan) throws -> String {
        guard let (expr, span) = e else {
            guard t.column(named: d) != nil else {
                throw Diagnostic(.value, "pivot wider needs \(what) = column", at: fallback,
                                 hint: "t | pivot wider names_from = item values_from = score")
            }
            return d
        }
        let n: String
        if case .name(let name, _) = expr { n = name } else if case .string(let s, _) = expr { n = s } else {
            throw Diagnostic(.syntax, "\(what) expects a column name", at: span)
        }
        _ = try ev.requireColumn(t, n, at: span)
        return n
    }
}
