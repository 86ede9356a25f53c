import Foundation
import MSNTable

/// Who an interpretation is written for: researchers get APA-style reporting sentences with the
/// statistics; business owners get one short paragraph without jargon, ending in what to do.
public enum Audience: String, Sendable {
    /// APA-style sentences with statistics (the default).
    case researcher
    /// Plain words, one short paragraph, what to do.
    case owner
}

/// What templates need: the language, how numbers are written, and the audience.
struct InterpretContext: Sendable {
    var language: MessageLanguage
    var numbers: NumberText
    var audience: Audience

    init(language: MessageLanguage = .en, numbers: NumberText = NumberText(), audience: Audience = .researcher) {
        self.language = language
        self.numbers = numbers
        self.audience = audience
    }

    var isOwner: Bool { audience == .owner }

    /// The template `interp.<key>` filled with `args`; numbers written into the template itself
    /// (cut-offs such as ".70") follow the number style too.
    func t(_ key: String, _ args: [String: String] = [:]) -> String {
        prose(Messages.text("interp." + key, language, args))
    }

    /// A sentence with its numbers in this style: with a decimal comma ".70" becomes "0,70" and
    /// "85.31" becomes "85,31".
    func prose(_ s: String) -> String { numbers.localize(s) }

    /// "a", "a and b", "a, b and c" in English; Indonesian puts a comma before "dan" in a list of three or
    /// more, as PUEBI asks ("a, b, dan c").
    func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        let and = Messages.text("interp.and", language)
        let serial = language == .id && items.count > 2 ? "," : ""
        return items.dropLast().joined(separator: ", ") + serial + " " + and + " " + (items.last ?? "")
    }

    // Number helpers (always with a decimal point; `t` and `prose` localize the whole sentence).
    func fixed(_ v: Double, _ d: Int) -> String { SummaryValue.fixed(v, d) }
    /// APA: no leading zero for statistics bounded by 1.
    func apa(_ v: Double, _ d: Int = 3) -> String { NumberText().bounded(v, d) }
    func p(_ v: Double) -> String { NumberText().p(v) }
    /// A share as a whole percentage; "< 1%" and "> 99%" rather than a rounded 0% or 100%.
    func percent(_ share: Double) -> String {
        if share > 0 && share < 0.005 { return "< 1%" }
        if share < 1 && share > 0.995 { return "> 99%" }
        return SummaryValue.fixed(100 * share, 0) + "%"
    }
    func interval(_ a: Double, _ b: Double, _ d: Int) -> String {
        "[" + fixed(a, d) + (numbers.decimalComma ? "; " : ", ") + fixed(b, d) + "]"
    }
    /// An interval of statistics bounded by 1, APA style: "[.071, .114]".
    func apaInterval(_ a: Double, _ b: Double, _ d: Int = 3) -> String {
        "[" + apa(a, d) + (numbers.decimalComma ? "; " : ", ") + apa(b, d) + "]"
    }
    /// "higher" / "lower" by the sign of `v`.
    func direction(_ v: Double) -> String { Messages.text(v >= 0 ? "interp.higher" : "interp.lower", language) }
    func word(_ key: String) -> String { Messages.text("interp." + key, language) }

    /// The summary holding the paragraphs.
    func summary(subject: String, _ paragraphs: [String]) -> ModelSummary {
        let audienceLabel = Messages.text(isOwner ? "label.owner" : "label.researcher", language)
        return ModelSummary(title: t("title", ["subject": subject]),
                            items: [.init(Messages.text("label.audience", language), .text(audienceLabel))],
                            paragraphs: paragraphs.filter { !$0.isEmpty })
    }
}

extension Evaluator {
    /// The context for a verb's own paragraphs: the session's language and number style, for researchers.
    var paragraphContext: InterpretContext {
        InterpretContext(language: sessionLanguage, numbers: NumberText(locale: env.options.locale))
    }
}

/// An interpretation as a value: its summary (title, audience, paragraphs) is shown by every renderer.
struct InterpretationValue: ModelValue {
    let summary: ModelSummary
    var kind: String { "interpretation" }
    var shape: String { "\(summary.paragraphs.count) paragraphs" }
}

extension Table {
    /// The doubles of column `name`, or nil.
    func numbersOf(_ name: String) -> [Double]? { column(named: name)?.doubles() }
    /// The strings of column `name` (nulls as ""), or nil.
    func textsOf(_ name: String) -> [String]? {
        guard case .string(let s)? = column(named: name) else { return nil }
        return s.strings.map { $0 ?? "" }
    }
}
