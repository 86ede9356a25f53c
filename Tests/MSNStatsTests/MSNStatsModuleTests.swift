import Testing
@testable import MSNStats

@Test func moduleName() {
    #expect(MSNStatsModule.name == "MSNStats")
}
