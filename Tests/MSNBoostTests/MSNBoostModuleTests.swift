import Testing
@testable import MSNBoost

@Test func moduleName() {
    #expect(MSNBoostModule.name == "MSNBoost")
}
