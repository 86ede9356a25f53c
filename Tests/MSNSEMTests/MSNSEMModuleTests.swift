import Testing
@testable import MSNSEM

@Test func moduleName() {
    #expect(MSNSEMModule.name == "MSNSEM")
}
