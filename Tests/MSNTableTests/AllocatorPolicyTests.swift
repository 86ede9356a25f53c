import Testing
@testable import MSNTable

/// The allocator policy the executables apply at start-up (docs/performance.md, "Growth to 10M rows").
@Suite struct AllocatorPolicyTests {
    @Test func glibcAcceptsBothThresholds() {
        // mallopt refuses an mmap threshold above its ceiling (32 MiB on 64-bit glibc) by returning 0,
        // which would leave the defaults in place without a word.
        #if canImport(CMalloc)
        #expect(AllocatorPolicy.apply())
        #endif
    }

    @Test func aFilterGivesTheSameRowsAfterThePolicy() throws {
        AllocatorPolicy.apply()
        let n = 300_000
        let t = try Table([("x", .int(TypedColumn<Int64>((0..<n).map { Int64($0 % 97) })))])
        let kept = try t.filter(TypedColumn((0..<n).map { $0 % 97 == 5 }))
        #expect(kept.rowCount == (n + 91) / 97)
        guard case .int(let c)? = kept.column(named: "x") else { Issue.record("x is not an int column"); return }
        #expect(c.values.allSatisfy { $0 == 5 })
    }
}
