import Testing
@testable import MSNLanguage

@Test func moduleName() {
    #expect(MSNLanguageModule.name == "MSNLanguage")
}
