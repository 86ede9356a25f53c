import Testing
@testable import MSNKernel

@Test func moduleName() {
    #expect(MSNKernelModule.name == "MSNKernel")
}
