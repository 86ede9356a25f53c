import MSNLanguage

/// Translates what the kernel produced in English (errors, warnings, summary titles, labels and
/// verdicts) into the session's language at one place, the session boundary. The code that raises a
/// message keeps writing English; the catalogue holds that English as a template under a key
/// (`error.*`, `warning.*`, `hint.*`, `label.*`, `verdict.*`, `title.*`), and the localizer matches the
/// English text against those templates and fills the other language's template with the same
/// placeholder values. A message with no catalogue entry stays in English (the fallback); adding the
/// entry is the whole path for the rest.
enum Localizer {
    /// A compiled English template: literal pieces between placeholders.
    struct Pattern: Sendable {
        let key: String
        let literals: [String]
        let names: [String]

        init(key: String, template: String) {
            self.key = key
            var literals: [String] = []
            var names: [String] = []
            var rest = Substring(template)
            var literal = ""
            while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
                literal += rest[..<open]
                literals.append(literal); literal = ""
                names.append(String(rest[rest.index(after: open)..<close]))
                rest = rest[rest.index(after: close)...]
            }
            literals.append(literal + rest)
            self.literals = literals
            self.names = names
        }

        /// The placeholder values when `text` is this template filled in, else nil. Placeholders
        /// match lazily (up to the next literal), the last one up to the final literal.
        func match(_ text: String) -> [String: String]? {
            guard text.hasPrefix(literals[0]) else { return nil }
            var rest = Substring(text).dropFirst(literals[0].count)
            var values: [String: String] = [:]
            for (k, name) in names.enumerated() {
                let next = literals[k + 1]
                let isLast = k == names.count - 1
                if isLast {
                    guard rest.hasSuffix(next), rest.count >= next.count else { return nil }
                    let value = rest.dropLast(next.count)
                    guard !value.isEmpty else { return nil }
                    values[name] = String(value)
                    rest = rest.suffix(0)
                } else {
                    guard !next.isEmpty, let r = rest.range(of: next), r.lowerBound > rest.startIndex else { return nil }
                    values[name] = String(rest[..<r.lowerBound])
                    rest = rest[r.upperBound...]
                }
            }
            if names.isEmpty { return rest.isEmpty ? [:] : nil }
            return values
        }
    }

    /// Catalogue prefixes the localizer translates (interpretation keys are used directly, not matched).
    static let prefixes = ["error.", "warning.", "hint.", "label.", "verdict.", "title.", "heading."]

    /// English text → key for templates without placeholders; patterns for the rest (longest literal first).
    static let exact: [String: String] = {
        var out: [String: String] = [:]
        for (k, v) in Messages.english where prefixes.contains(where: k.hasPrefix) && !v.contains("{") { out[v] = k }
        return out
    }()

    static let patterns: [Pattern] = Messages.english
        .filter { k, v in prefixes.contains(where: k.hasPrefix) && v.contains("{") }
        .map { Pattern(key: $0.key, template: $0.value) }
        .sorted { ($0.literals.joined().count, $0.key) > ($1.literals.joined().count, $1.key) }

    /// `text` in `language` when the catalogue knows it, else `text` unchanged.
    static func translate(_ text: String, to language: MessageLanguage) -> String {
        guard language != .en else { return text }
        if let key = exact[text] { return Messages.text(key, language) }
        for p in patterns {
            if let values = p.match(text) {
                // Placeholder values may themselves be catalogued phrases (a verdict inside a note).
                return Messages.text(p.key, language, values.mapValues { exact[$0].map { Messages.text($0, language) } ?? $0 })
            }
        }
        return text
    }

    /// A diagnostic with its message and hint translated.
    static func translate(_ d: Diagnostic, to language: MessageLanguage) -> Diagnostic {
        guard language != .en else { return d }
        var out = d
        out.message = translate(d.message, to: language)
        out.hint = d.hint.map { translate($0, to: language) }
        return out
    }

    /// A summary with its title, labels, verdicts, text values and warnings translated.
    static func translate(_ s: ModelSummary, to language: MessageLanguage) -> ModelSummary {
        guard language != .en else { return s }
        var out = s
        out.title = translate(s.title, to: language)
        out.items = s.items.map { item in
            var i = item
            i.label = translate(item.label, to: language)
            i.note = item.note.map { translate($0, to: language) }
            if case .text(let t) = item.value { i.value = .text(translate(t, to: language)) }
            return i
        }
        out.warnings = s.warnings.map { translate($0, to: language) }
        return out
    }

    /// "3 rows × 15 columns" (singular for one) in English; "3 baris × 15 kolom" in Indonesian.
    static func tableShape(_ rows: Int, _ columns: Int, _ language: MessageLanguage) -> String {
        guard language != .en else { return "\(rows) row\(rows == 1 ? "" : "s") × \(columns) column\(columns == 1 ? "" : "s")" }
        return Messages.text("heading.tableShape", language, ["rows": String(rows), "columns": String(columns)])
    }

    /// A rendered diagnostic with its severity word ("error:", "warning:") and "= hint:" in `language`.
    static func renderedDiagnostic(_ text: String, _ language: MessageLanguage) -> String {
        guard language != .en else { return text }
        var out = text
        for (english, key) in [("error: ", "heading.error"), ("warning: ", "heading.warning"), ("note: ", "heading.note")] where out.hasPrefix(english) {
            out = Messages.text(key, language) + ": " + out.dropFirst(english.count)
        }
        return out.replacingOccurrences(of: " = hint: ", with: " = " + Messages.text("heading.hint", language) + ": ")
    }

    /// An output with its messages translated (tables and figures are left as they are).
    static func translate(_ o: Output, to language: MessageLanguage) -> Output {
        guard language != .en else { return o }
        switch o {
        case .error(let d, let source): return .error(translate(d, to: language), source: source)
        case .warning(let d, let source): return .warning(translate(d, to: language), source: source)
        case .model(let kind, let summary): return .model(kind: kind, summary: translate(summary, to: language))
        case .table(let t, let caption): return .table(t, caption: caption.map { translate($0, to: language) })
        default: return o
        }
    }
}
