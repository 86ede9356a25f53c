import MSNLanguage
import MSNStats
import MSNTable

/// `prevalence codes by theme [, group]` (long form) or `prevalence codes [by group] with format = "wide"`:
/// the share of respondents reporting each theme with a Wilson 95% interval; with a group, the share in
/// each group and Fisher's exact test (Freeman–Halton for more than two groups).
enum PrevalenceVerb {
    static let options = ["format", "respondent", "rule"]

    static let run: VerbImplementation = { ev, call, input in
        try ev.checkOptions(call)
        let t = try MixedMethodsSupport.codesTable(&ev, call, input)
        let by = try (call.by ?? []).map { try MixedMethodsSupport.columnName($0, verb: "prevalence … by") }
        let on = try (call.on ?? []).map { try MixedMethodsSupport.columnName($0, verb: "prevalence … on") }
        var r = CodedData.Request(verbSpan: call.nameSpan)
        if let f = try MixedMethodsSupport.word(call, "format") { r.format = f }
        if let c = try MixedMethodsSupport.word(call, "respondent") { r.respondent = (c.0, c.1) }
        let long: Bool
        if let f = r.format?.0 { long = f == "long" }
        else if let first = (on.first ?? by.first), case .string? = t.column(named: first.0) { long = !hasCodeColumns(t, besides: r.respondent.0) || on.first != nil }
        else if by.isEmpty, on.isEmpty, case .string? = t.column(named: "theme") { long = true }
        else { long = false }
        var groups = by
        if long {
            if let theme = on.first { r.theme = (theme.0, theme.1) }
            else if let theme = by.first { r.theme = (theme.0, theme.1); groups = Array(by.dropFirst()) }
            r.format = r.format ?? ("long", call.nameSpan)
        } else {
            r.themeColumns = on
        }
        if groups.count > 1 { throw Diagnostic(.syntax, "prevalence breaks down by one group column", at: groups[1].1, hint: "prevalence codes by theme, region") }
        if let g = groups.first { r.group = g }
        let data = try CodedData.read(t, r)
        guard data.isPresence else {
            throw Diagnostic(.value, "prevalence counts 0/1 codes, but some codes are other numbers", at: call.nameSpan, hint: "use agreement with level = \"ordinal\" for ratings")
        }
        let rule = try MixedMethodsSupport.rule(call)
        return .model(try result(data, rule: rule, group: r.group?.0, ev.paragraphContext))
    }

    /// True when the table has a numeric column other than the respondent key (a wide table).
    static func hasCodeColumns(_ t: Table, besides key: String) -> Bool {
        zip(t.columnNames, t.columns).contains { $0 != key && $1.type != .string }
    }

    static func result(_ data: CodedData, rule: String, group: String?, _ c: InterpretContext = InterpretContext()) throws -> MixedMethodsResult {
        let present = data.consensus(rule: rule)
        var rows: [(theme: String, n: Int, count: Int, share: Double, lo: Double, hi: Double)] = []
        for (k, theme) in data.themes.enumerated() {
            let coded = present[k].compactMap { $0 }
            let count = coded.filter { $0 }.count
            let ci = Proportions.wilson(count: count, n: coded.count) ?? (.nan, .nan)
            rows.append((theme, coded.count, count, coded.isEmpty ? .nan : Double(count) / Double(coded.count), ci.0, ci.1))
        }
        rows.sort { ($0.share, $1.theme) > ($1.share, $0.theme) }
        let themes = try Table([
            ("theme", MixedMethodsSupport.texts(rows.map(\.theme))), ("n", MixedMethodsSupport.ints(rows.map(\.n))),
            ("count", MixedMethodsSupport.ints(rows.map(\.count))), ("share", MixedMethodsSupport.floats(rows.map(\.share))),
            ("ci_lower", MixedMethodsSupport.floats(rows.map(\.lo))), ("ci_upper", MixedMethodsSupport.floats(rows.map(\.hi))),
        ])
        let n = data.respondents.count
        var items: [ModelSummary.Item] = [.init("respondents", .int(n)), .init("themes", .int(data.themes.count))]
        if data.coders.count > 1 {
            items.append(.init("rule", .text(rule == "any" ? "present when any of \(data.coders.count) coders applied it" : "present when all \(data.coders.count) coders applied it")))
        }
        items.append(.init("interval", .text("Wilson score, 95%")))
        var parts: [(name: String, table: Table)] = [("themes", themes)]
        var warnings: [String] = []
        if let group, let g = data.groups {
            let levels = Array(Set(g.compactMap { $0 })).sorted()
            let missing = g.filter { $0 == nil }.count
            if missing > 0 { warnings.append("\(missing) respondents have no \(group) and are left out of the comparison by \(group).") }
            var gt: (theme: [String], group: [String], n: [Int], count: [Int], share: [Double], lo: [Double], hi: [Double]) = ([], [], [], [], [], [], [])
            var tests: (theme: [String], test: [String], p: [Double], odds: [Double]) = ([], [], [], [])
            for k in data.themes.indices {
                var columns: [[Int]] = []
                for level in levels {
                    let coded = data.respondents.indices.compactMap { i -> Bool? in g[i] == level ? present[k][i] : nil }
                    let c = coded.filter { $0 }.count
                    let ci = Proportions.wilson(count: c, n: coded.count) ?? (.nan, .nan)
                    gt.theme.append(data.themes[k]); gt.group.append(level); gt.n.append(coded.count); gt.count.append(c)
                    gt.share.append(coded.isEmpty ? .nan : Double(c) / Double(coded.count)); gt.lo.append(ci.0); gt.hi.append(ci.1)
                    columns.append([c, coded.count - c])
                }
                let nonEmpty = columns.filter { $0[0] + $0[1] > 0 }
                tests.theme.append(data.themes[k])
                if nonEmpty.count == 2 {
                    let f = Proportions.fisherExact(nonEmpty[0][0], nonEmpty[1][0], nonEmpty[0][1], nonEmpty[1][1])
                    tests.test.append("Fisher's exact"); tests.p.append(f.p); tests.odds.append(f.oddsRatio)
                } else {
                    tests.test.append(nonEmpty.count > 2 ? "Freeman–Halton exact" : "none (one group)")
                    tests.p.append(nonEmpty.count > 2 ? Proportions.twoByC(nonEmpty) ?? .nan : .nan); tests.odds.append(.nan)
                }
            }
            parts.append(("groups", try Table([
                ("theme", MixedMethodsSupport.texts(gt.theme)), (group, MixedMethodsSupport.texts(gt.group)), ("n", MixedMethodsSupport.ints(gt.n)),
                ("count", MixedMethodsSupport.ints(gt.count)), ("share", MixedMethodsSupport.floats(gt.share)),
                ("ci_lower", MixedMethodsSupport.floats(gt.lo)), ("ci_upper", MixedMethodsSupport.floats(gt.hi)),
            ])))
            parts.append(("tests", try Table([
                ("theme", MixedMethodsSupport.texts(tests.theme)), ("test", MixedMethodsSupport.texts(tests.test)),
                ("p", MixedMethodsSupport.floats(tests.p)), ("odds_ratio", MixedMethodsSupport.floats(tests.odds)),
            ])))
            items.append(.init("groups", .text("\(group): " + levels.joined(separator: ", "))))
            items.append(.init("test", .text(levels.count == 2 ? "Fisher's exact, two-sided" : "Freeman–Halton exact (Fisher's test for 2 × \(levels.count))")))
        }
        if n < 30 { warnings.append("With \(n) respondents each share has a wide interval; report the interval with the share.") }
        let summary = ModelSummary(title: "theme prevalence: \(n) respondents", items: items, warnings: warnings)
        var facts = ["respondents": String(n)]
        if let group, data.groups != nil { facts["group"] = group }
        let r = MixedMethodsResult(kind: "prevalence", summary: summary, parts: parts, facts: facts)
        return r.with(paragraphs: MixedMethodsInterpretation.prevalence(r, c))
    }
}
