import Testing
import CEditLine
@testable import MSNREPL

@Test func moduleName() {
    #expect(MSNREPLModule.name == "MSNREPL")
}
