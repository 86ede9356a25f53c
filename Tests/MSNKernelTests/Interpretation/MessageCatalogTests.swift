import Foundation
@testable import MSNKernel
import MSNLanguage
import Testing

/// The catalogues: every key in both languages, the same placeholders, English as the fallback.
@Test func everyKeyHasBothLanguagesWithTheSamePlaceholders() {
    let en = Messages.english, id = Messages.indonesian
    #expect(en.count >= 200)
    #expect(Set(en.keys) == Set(id.keys), "only in English: \(Set(en.keys).subtracting(id.keys).sorted()); only in Indonesian: \(Set(id.keys).subtracting(en.keys).sorted())")
    for (key, english) in en {
        guard let indonesian = id[key] else { continue }
        #expect(Messages.placeholders(english) == Messages.placeholders(indonesian), "placeholders differ for \(key)")
        #expect(!indonesian.isEmpty && !english.isEmpty, "\(key) is empty")
    }
}

@Test func templatesFillAndFallBack() {
    #expect(Messages.fill("unknown column '{name}'", ["name": "x1"]) == "unknown column 'x1'")
    #expect(Messages.fill("{a} and {b}", ["a": "1"]) == "1 and {b}")
    #expect(Messages.placeholders("{b} then {a}") == ["a", "b"])
    #expect(Messages.text("error.unknownColumn", .id, ["name": "x1"]) == "kolom 'x1' tidak dikenal")
    // A key with no entry shows itself (so a typo is visible), never crashes.
    #expect(Messages.text("no.such.key", .id) == "no.such.key")
    #expect(MessageLanguage(code: "Bahasa") == .id && MessageLanguage(code: "EN") == .en && MessageLanguage(code: "fr") == nil)
}

@Test func localizerTranslatesEnglishMessagesByTemplate() {
    #expect(Localizer.translate("unknown column 'expot'", to: .id) == "kolom 'expot' tidak dikenal")
    #expect(Localizer.translate("did you mean 'export'?", to: .id) == "mungkin maksud Anda 'export'?")
    #expect(Localizer.translate("fit has no option 'trese'", to: .id) == "fit tidak memiliki opsi 'trese'")
    #expect(Localizer.translate("good (≥ .95)", to: .id) == "baik (≥ .95)")
    #expect(Localizer.translate("linear regression (OLS) of y", to: .id) == "regresi linear (OLS) untuk y")
    #expect(Localizer.translate("28 rows with missing values were left out", to: .id) == "28 baris dengan nilai hilang tidak diikutsertakan")
    #expect(Localizer.translate("3 bootstrap draws failed and 1 did not converge; the intervals use the other 96", to: .id)
            == "3 penarikan bootstrap gagal dan 1 tidak konvergen; selang memakai 96 penarikan lainnya")
    #expect(Localizer.translate("3 bootstrap draws failed and 1 did not converge; they are left out of the intervals", to: .id)
            == "3 penarikan bootstrap gagal dan 1 tidak konvergen; keduanya tidak dipakai dalam selang")
    #expect(Localizer.translate("cannot use '+' on 'school', which is text", to: .id) == "'+' tidak dapat dipakai pada 'school', yang berupa teks")
    #expect(Localizer.translate("cannot compare 'school', which is text, with 3, which is a number", to: .id)
            == "'school', yang berupa teks, tidak dapat dibandingkan dengan 3, yang berupa angka")
    #expect(Localizer.translate("evaluate needs a fitted model (boost, linear or logistic), but it was given a table", to: .id)
            == "evaluate memerlukan model yang sudah diestimasi (boost, linear, atau logistic), tetapi yang diberikan adalah a table")
    // Not catalogued: stays English; English is never changed.
    #expect(Localizer.translate("something new happened", to: .id) == "something new happened")
    #expect(Localizer.translate("unknown column 'x'", to: .en) == "unknown column 'x'")
}

@Test func numberStyles() {
    let en = NumberText(locale: "en"), id = NumberText(locale: "id-ID")
    #expect(en.bounded(0.931) == ".931" && id.bounded(0.931) == "0,931")
    #expect(en.p(0.0004) == "p < .001" && en.p(0.0421) == "p = .042" && id.p(0.0421) == "p = 0,042")
    #expect(id.fixed(85.306, 2) == "85,31" && en.fixed(85.306, 2) == "85.31")
    #expect(id.interval(0.1, 0.25, 2) == "[0,10; 0,25]")
    #expect(id.localize("data.csv has 1.5 rows, version 0.2") == "data.csv has 1,5 rows, version 0,2")
    #expect(id.format(.pValue(0.0001)) == "< 0,001" && id.format(.percent(0.315)) == "31,5%")
    #expect(InterpretContext().percent(0.003) == "< 1%" && InterpretContext().percent(0.998) == "> 99%" && InterpretContext().percent(0.314) == "31%")
    let c = InterpretContext(language: .id, numbers: id)
    #expect(c.prose("AUC = .91; ≥ .70, χ²(24) = 85.31.") == "AUC = 0,91; ≥ 0,70, χ²(24) = 85,31.")
}
