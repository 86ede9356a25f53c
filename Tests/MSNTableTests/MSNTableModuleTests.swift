import Testing
@testable import MSNTable

@Test func moduleName() {
    #expect(MSNTableModule.name == "MSNTable")
}
