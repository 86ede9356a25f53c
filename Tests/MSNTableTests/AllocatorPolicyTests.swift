#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import MSNTable

/// The allocator policy the executables apply at start-up (docs/performance.md, "Issue 21 on a quiet machine").
@Suite struct AllocatorPolicyTests {
    @Test func glibcAcceptsBothThresholds() {
        // mallopt refuses an mmap threshold above its ceiling (32 MiB on 64-bit glibc) by returning 0,
        // which would leave the defaults in place without a word.
        #if canImport(CMalloc)
        #expect(AllocatorPolicy.apply())
        #endif
    }

    /// The point of the policy: a 12 MB buffer (a 1.5M-row column, as a 10M-row filter keeps) comes
    /// from the reusable heap, not from a mapping of its own that is unmapped when freed. Under glibc's
    /// defaults the mmap threshold starts at 128 KiB and such a buffer is mapped.
    @Test func aTwelveMegabyteBufferComesFromTheHeap() throws {
        #if canImport(CMalloc)
        #expect(AllocatorPolicy.apply())
        let p = try #require(malloc(12 << 20))
        defer { free(p) }
        // glibc marks a chunk it mapped on its own with bit 1 (IS_MMAPPED) of the size word just
        // before the pointer (checked against a C program: set without the policy, clear with it).
        #expect(p.load(fromByteOffset: -MemoryLayout<Int>.size, as: UInt.self) & 2 == 0)
        #endif
    }
}
