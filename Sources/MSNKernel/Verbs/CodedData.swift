import MSNLanguage
import MSNTable

/// Coded qualitative data read from a table, in either layout:
/// - long: one row per coder and theme applied (respondent, coder, theme[, value][, excerpt]); a row
///   with an empty theme records an interview the coder read and gave no theme;
/// - wide: one row per respondent (and coder) with one 0/1 (or rating) column per theme.
/// The verbs `agreement`, `prevalence` and `joint` read it through here.
struct CodedData {
    /// Respondent keys, in order of first appearance.
    var respondents: [CellValue]
    /// Coder names, in order of first appearance ("all" when the table has no coder column).
    var coders: [String]
    /// Theme names.
    var themes: [String]
    /// `codes[theme][respondent][coder]`; nil when that coder did not code that respondent.
    var codes: [[[Double?]]]
    /// The group of each respondent (the first non-empty value), when a group column was asked for.
    var groups: [String?]?
    /// "long" or "wide".
    var format: String
    /// True when the codes are presence/absence (0/1).
    var isPresence: Bool {
        codes.allSatisfy { $0.allSatisfy { $0.allSatisfy { $0 == nil || $0 == 0 || $0 == 1 } } }
    }

    /// What a verb asks for: column names with the place they were written (nil span: the default).
    struct Request {
        var respondent: (String, SourceSpan?) = ("respondent", nil)
        var coder: (String, SourceSpan?)? = nil
        var theme: (String, SourceSpan?)? = nil
        var themeColumns: [(String, SourceSpan)] = []
        var value: (String, SourceSpan)? = nil
        var group: (String, SourceSpan)? = nil
        var format: (String, SourceSpan)? = nil
        /// Where to point when a default column is missing.
        var verbSpan: SourceSpan
    }

    /// Reads `t` as coded data.
    static func read(_ t: Table, _ r: Request) throws -> CodedData {
        func column(_ name: String, _ span: SourceSpan?, what: String) throws -> Column {
            if let c = t.column(named: name) { return c }
            throw Diagnostic(.unknownName, "the coded table has no \(what) column '\(name)'", at: span ?? r.verbSpan,
                             hint: Diagnostic.didYouMean(name, in: t.columnNames) ?? "its columns are: \(t.columnNames.prefix(12).joined(separator: ", "))")
        }
        let themeName = r.theme?.0 ?? "theme"
        var format: String
        if let (f, span) = r.format {
            guard f == "long" || f == "wide" else {
                throw Diagnostic(.value, "format is \"long\" or \"wide\"", at: span, hint: "long: respondent, coder, theme rows; wide: one 0/1 column per theme")
            }
            format = f
        } else if case .string? = t.column(named: themeName) { format = "long" }
        else if r.theme != nil { _ = try column(themeName, r.theme?.1, what: "theme"); format = "long" }
        else { format = "wide" }
        if format == "long", !r.themeColumns.isEmpty, r.theme == nil { format = "wide" }
        let ids = try column(r.respondent.0, r.respondent.1, what: "respondent")
        let coderName = r.coder?.0 ?? "coder"
        var coderColumn: Column? = nil
        if r.coder != nil || t.column(named: coderName) != nil { coderColumn = try column(coderName, r.coder?.1, what: "coder") }
        let groupColumn = try r.group.map { try column($0.0, $0.1, what: "group") }

        var respondentIndex: [CellValue: Int] = [:], respondents: [CellValue] = []
        var coderIndex: [String: Int] = [:], coders: [String] = []
        var rowRespondent = [Int](repeating: -1, count: t.rowCount), rowCoder = [Int](repeating: 0, count: t.rowCount)
        for i in 0..<t.rowCount {
            let key = ids[i]
            guard !key.isNull else {
                throw Diagnostic(.value, "row \(i + 1) of the coded table has no respondent", at: r.respondent.1 ?? r.verbSpan, hint: "every row needs a value in '\(r.respondent.0)'")
            }
            if respondentIndex[key] == nil { respondentIndex[key] = respondents.count; respondents.append(key) }
            rowRespondent[i] = respondentIndex[key] ?? 0
            let c = coderColumn.map { $0[i].isNull ? "" : $0[i].description } ?? "all"
            if coderIndex[c] == nil { coderIndex[c] = coders.count; coders.append(c) }
            rowCoder[i] = coderIndex[c] ?? 0
        }
        var groups: [String?]? = nil
        if let g = groupColumn {
            var out = [String?](repeating: nil, count: respondents.count)
            for i in 0..<t.rowCount where out[rowRespondent[i]] == nil && !g[i].isNull { out[rowRespondent[i]] = g[i].description }
            groups = out
        }
        let empty = [[Double?]](repeating: [Double?](repeating: nil, count: coders.count), count: respondents.count)
        var themes: [String] = [], codes: [[[Double?]]] = []
        if format == "long" {
            let themeColumn = try column(themeName, r.theme?.1, what: "theme")
            guard case .string(let names) = themeColumn else {
                throw Diagnostic(.type, "the theme column '\(themeName)' must hold text (theme names)", at: r.theme?.1 ?? r.verbSpan,
                                 hint: "for one 0/1 column per theme, add with format = \"wide\"")
            }
            let values = try r.value.map { v -> [Double] in
                guard let d = try column(v.0, v.1, what: "value").doubles() else { throw Diagnostic(.type, "the value column '\(v.0)' must hold numbers", at: v.1) }
                return d
            }
            var themeIndex: [String: Int] = [:]
            for i in 0..<t.rowCount { if let n = names[i], themeIndex[n] == nil { themeIndex[n] = themes.count; themes.append(n) } }
            codes = Array(repeating: empty, count: themes.count)
            if values == nil {   // presence: a coder who wrote any row for a respondent coded every theme (0 unless applied)
                for i in 0..<t.rowCount { for k in themes.indices where codes[k][rowRespondent[i]][rowCoder[i]] == nil { codes[k][rowRespondent[i]][rowCoder[i]] = 0 } }
            }
            for i in 0..<t.rowCount {
                guard let n = names[i], let k = themeIndex[n] else { continue }
                let v = values.map { $0[i] } ?? 1
                if let old = codes[k][rowRespondent[i]][rowCoder[i]], values != nil, old != v, !v.isNaN {
                    throw Diagnostic(.value, "respondent \(respondents[rowRespondent[i]]), coder \(coders[rowCoder[i]]), theme \(n) is coded twice, \(old) and \(v)", at: r.value?.1 ?? r.verbSpan)
                }
                codes[k][rowRespondent[i]][rowCoder[i]] = v.isNaN ? nil : v
            }
        } else {
            var keys = Set([r.respondent.0, coderName])
            if let g = r.group { keys.insert(g.0) }
            let chosen: [(String, SourceSpan?)] = r.themeColumns.isEmpty
                ? t.columnNames.filter { n in !keys.contains(n) && t.column(named: n).map { $0.type != .string } == true }.map { ($0, nil) }
                : r.themeColumns.map { ($0.0, Optional($0.1)) }
            guard !chosen.isEmpty else {
                throw Diagnostic(.value, "the coded table has no theme columns", at: r.verbSpan,
                                 hint: "wide form: one 0/1 column per theme beside '\(r.respondent.0)'; long form: a text column 'theme' (or name it with on)")
            }
            for (name, span) in chosen {
                let c = try column(name, span, what: "theme")
                guard let d = c.doubles() else { throw Diagnostic(.type, "the theme column '\(name)' must hold 0/1 codes or numbers", at: span ?? r.verbSpan) }
                var m = empty
                for i in 0..<t.rowCount where !c.isNull(i) && !d[i].isNaN {
                    if let old = m[rowRespondent[i]][rowCoder[i]], old != d[i] {
                        throw Diagnostic(.value, "respondent \(respondents[rowRespondent[i]]) has two rows from coder \(coders[rowCoder[i]]) with different codes for '\(name)'", at: span ?? r.verbSpan)
                    }
                    m[rowRespondent[i]][rowCoder[i]] = d[i]
                }
                themes.append(name); codes.append(m)
            }
        }
        guard !themes.isEmpty else {
            throw Diagnostic(.value, "the coded table has no themes (every theme is empty)", at: r.theme?.1 ?? r.verbSpan)
        }
        return CodedData(respondents: respondents, coders: coders, themes: themes, codes: codes, groups: groups, format: format)
    }

    /// One code per respondent and theme: present when `rule` ("any" or "all") of the coders who coded
    /// it applied it; nil when no coder coded the respondent.
    func consensus(rule: String) -> [[Bool?]] {
        codes.map { theme in
            theme.map { coded in
                let v = coded.compactMap { $0 }
                guard !v.isEmpty else { return nil }
                return rule == "all" ? v.allSatisfy { $0 != 0 } : v.contains { $0 != 0 }
            }
        }
    }
}
