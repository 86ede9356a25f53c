import MSNLanguage

extension Evaluator {
    /// `set language "id"` / `set locale "id"`: the session's language (interpretations, verdicts,
    /// summary wording, warnings, errors) and number style (decimal comma in renderings).
    mutating func setLanguageOption(_ name: String, _ v: Value, valueSpan: SourceSpan) throws {
        guard case .scalar(.string(let code)) = v, let language = MessageLanguage(code: code) else {
            throw Diagnostic(.value, Messages.text("error.setLanguage", sessionLanguage), at: valueSpan,
                             hint: name == "language" ? "set language \"id\" (Bahasa Indonesia) or \"en\" (English)"
                                                      : "set locale \"id\" (decimal comma) or \"en\" (decimal point)")
        }
        if name == "language" { env.options.language = language.rawValue } else { env.options.locale = language.rawValue }
    }

    /// The session's language.
    var sessionLanguage: MessageLanguage { MessageLanguage(code: env.options.language) ?? .en }
}

extension SessionOptions {
    /// The language as a catalogue language (English when unknown).
    public var messageLanguage: MessageLanguage { MessageLanguage(code: language) ?? .en }
    /// The number style for renderings.
    public var numberText: NumberText { NumberText(locale: locale) }
}
