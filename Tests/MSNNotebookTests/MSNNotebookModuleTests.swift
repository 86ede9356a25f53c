import Testing
@testable import MSNNotebook

@Test func moduleName() {
    #expect(MSNNotebookModule.name == "MSNNotebook")
}
