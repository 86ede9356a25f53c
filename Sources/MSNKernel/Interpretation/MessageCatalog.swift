/// The languages msnb speaks: English (the source language and the fallback) and Bahasa Indonesia.
public enum MessageLanguage: String, Sendable, CaseIterable {
    /// English.
    case en
    /// Bahasa Indonesia.
    case id

    /// The language named by a `set language` value or a `language:` front-matter key ("en", "id",
    /// "english", "indonesian", "bahasa"), or nil.
    public init?(code: String) {
        switch code.lowercased() {
        case "en", "eng", "english", "en-us", "en-gb": self = .en
        case "id", "ind", "indonesian", "bahasa", "bahasa indonesia", "id-id", "in": self = .id
        default: return nil
        }
    }
}

/// Messages keyed by id, one table per language (`Messages+en.swift`, `Messages+id.swift`). A message is a
/// template with named placeholders in braces ("unknown column '{name}'"); a key missing from a
/// language falls back to English, and a key missing from English gives the key itself (so a typo
/// shows up in tests and output, never as a crash).
public enum Messages {
    /// The catalogue of `language`.
    static func table(_ language: MessageLanguage) -> [String: String] {
        switch language {
        case .en: return english
        case .id: return indonesian
        }
    }

    /// The message `key` in `language` with its placeholders filled from `args`.
    public static func text(_ key: String, _ language: MessageLanguage, _ args: [String: String] = [:]) -> String {
        let template = table(language)[key] ?? english[key] ?? key
        return fill(template, args)
    }

    /// `template` with every `{name}` replaced by `args[name]` (unknown names are left as written).
    static func fill(_ template: String, _ args: [String: String]) -> String {
        guard template.contains("{") else { return template }
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = String(rest[rest.index(after: open)..<close])
            out += args[name] ?? "{\(name)}"
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// The placeholder names of a template, sorted ("{a} and {b}" → ["a", "b"]).
    static func placeholders(_ template: String) -> [String] {
        var names: [String] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names.sorted()
    }
}
