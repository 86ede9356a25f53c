import MSNBoost
import MSNLanguage
import MSNStats
import MSNTable

/// `joint firms, codes by firm_id [with model = m | outcome = col, rule, format, respondent]`: the
/// joint display of a mixed-methods study — each interviewed firm's themes beside its quantitative
/// results (the model's predicted probability and, for a boosted model, its strongest SHAP driver),
/// and for each theme whether firms reporting it differ on that quantity (Welch's test).
enum JointVerb {
    static let options = ["model", "outcome", "rule", "format", "respondent"]

    static let run: VerbImplementation = { ev, call, input in
        try ev.checkOptions(call)
        let args = call.arguments.filter { $0.name == nil }
        var tables: [Table] = []
        if let input { guard case .table(let t) = input else { throw Diagnostic(.type, "joint takes tables, but it was given \(input.kindPhrase)", at: call.nameSpan) }; tables.append(t) }
        for a in args {
            guard case .table(let t) = try ev.evaluate(a.value) else { throw Diagnostic(.type, "joint takes two tables: the firms and the codes", at: a.value.span) }
            tables.append(t)
        }
        guard tables.count == 2 else {
            throw Diagnostic(.syntax, "joint needs two tables, the firms and the codes", at: call.nameSpan, hint: "joint firms, codes by firm_id with model = m")
        }
        let firms = tables[0], codesTable = tables[1]
        guard let byExpr = call.by?.first else {
            throw Diagnostic(.syntax, "joint needs the key that links firms and respondents", at: call.nameSpan, hint: "joint firms, codes by firm_id")
        }
        let key = try MixedMethodsSupport.columnName(byExpr, verb: "joint … by")
        let firmKeys = try ev.requireColumn(firms, key.0, at: key.1)
        var r = CodedData.Request(verbSpan: call.nameSpan)
        r.respondent = codesTable.column(named: key.0) != nil ? (key.0, key.1) : ("respondent", nil)
        if let c = try MixedMethodsSupport.word(call, "respondent") { r.respondent = (c.0, c.1) }
        if let f = try MixedMethodsSupport.word(call, "format") { r.format = f }
        if r.format == nil, case .string? = codesTable.column(named: "theme") { r.theme = ("theme", nil) }
        let data = try CodedData.read(codesTable, r)
        let rule = try MixedMethodsSupport.rule(call)
        // Each respondent's row among the firms.
        var rowOf: [String: Int] = [:]
        for i in 0..<firms.rowCount where !firmKeys.isNull(i) { rowOf[firmKeys[i].description] = rowOf[firmKeys[i].description] ?? i }
        let matched = data.respondents.indices.filter { rowOf[data.respondents[$0].description] != nil }
        var warnings: [String] = []
        let unmatched = data.respondents.indices.filter { rowOf[data.respondents[$0].description] == nil }.map { data.respondents[$0].description }
        if !unmatched.isEmpty { warnings.append("\(unmatched.count) respondents have no firm with that \(key.0) and are left out: \(unmatched.prefix(8).joined(separator: ", ")).") }
        guard !matched.isEmpty else {
            throw Diagnostic(.value, "no respondent of the codes matches a firm's \(key.0)", at: key.1, hint: "the codes' '\(r.respondent.0)' values must be the firms' \(key.0) values")
        }
        let rows = matched.compactMap { rowOf[data.respondents[$0].description] }
        let sub = firms.take(rows)
        let quantity = try JointQuantity.compute(&ev, call, sub)
        let present = data.consensus(rule: rule)
        var display: [(String, Column)] = [(key.0, sub.columns[sub.index(of: key.0) ?? 0])]
        if key.0 != "region", let region = sub.column(named: "region") { display.append(("region", region)) }
        display.append((quantity.name, MixedMethodsSupport.floats(quantity.values)))
        if let drivers = quantity.topDriver { display.append(("top_driver", MixedMethodsSupport.texts(drivers))) }
        if let target = quantity.target, let c = sub.column(named: target) { display.append((target, c)) }
        for (k, theme) in data.themes.enumerated() {
            display.append((theme, .int(TypedColumn<Int64>(optionals: matched.map { present[k][$0].map { $0 ? 1 : 0 } }))))
        }
        let convergence = try JointQuantity.convergence(themes: data.themes, present: present, matched: matched, values: quantity.values)
        var items: [ModelSummary.Item] = [
            .init("firms interviewed", .int(matched.count)), .init("themes", .int(data.themes.count)),
            .init("quantity", .text(quantity.description)),
        ]
        if data.coders.count > 1 { items.append(.init("theme present", .text(rule == "any" ? "when any coder applied it" : "when every coder applied it"))) }
        items.append(.init("test", .text("Welch's t, firms with against without the theme, 95% CI")))
        if matched.count < 30 { warnings.append("With \(matched.count) firms only large differences can show; a theme without a clear difference is not evidence of no difference.") }
        let summary = ModelSummary(title: "joint display: \(data.themes.count) themes beside the \(quantity.phrase) for \(matched.count) firms",
                                   items: items, warnings: warnings)
        var facts = ["quantity": quantity.kind, "column": quantity.name, "firms": String(matched.count)]
        if let target = quantity.target { facts["target"] = target }
        let result = MixedMethodsResult(kind: "joint", summary: summary, parts: [("display", try Table(display)), ("convergence", convergence)], facts: facts)
        return .model(result.with(paragraphs: MixedMethodsInterpretation.joint(result, ev.paragraphContext)))
    }
}
