import Testing
@testable import MSNREPL

@Test func continuesWhileIncomplete() {
    var a = InputAssembler()
    #expect(a.add("firms = load \"x.csv\"") == "firms = load \"x.csv\"")
    #expect(a.add("firms |") == nil && a.isContinuing)              // trailing pipe
    #expect(a.add("  filter x > 1") == "firms |\n  filter x > 1")
    #expect(a.add("y = (1 +") == nil)                              // open bracket
    #expect(a.add("2)") == "y = (1 +\n2)")
    #expect(a.add("z = 3 *") == nil)                                // trailing operator
    #expect(a.add("4") == "z = 3 *\n4")
    #expect(a.add("s = fit sem on hs {") == nil)                    // open block
    #expect(a.add("  visual =~ x1 + x2 + x3") == nil)
    #expect(a.add("}") == "s = fit sem on hs {\n  visual =~ x1 + x2 + x3\n}")
    #expect(a.add("t | filter a > 1 and") == nil)                   // trailing keyword operator
    a.clear()
    #expect(!a.isContinuing)
    #expect(a.add("   ") == nil && !a.isContinuing)                 // blank lines are ignored
}

@Test func batchJoinsLeadingPipeLines() {
    let entries = InputAssembler.entries(["firms", "  | filter x > 1", "  | head 2", "n = 1", "l = [1,", "2]"])
    #expect(entries == ["firms\n  | filter x > 1\n  | head 2", "n = 1", "l = [1,\n2]"])
}
