#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file mapped read-only (private), whose pages behind the reader can be handed back to the kernel:
/// a mapped file is read again from the page cache if touched later, so giving pages back changes
/// what the process holds, never what it reads.
final class MappedFile: @unchecked Sendable {
    let base: UnsafePointer<UInt8>
    let count: Int
    private let page: Int

    /// Maps `path`; nil when it cannot be mapped (empty, not a regular file, no such file).
    init?(path: String) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, st.st_size > 0 else { return nil }
        let size = Int(st.st_size)
        guard let p = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED else { return nil }
        base = UnsafePointer(p.assumingMemoryBound(to: UInt8.self))
        count = size
        page = max(4096, Int(sysconf(Int32(_SC_PAGESIZE))))
    }

    /// Hands back the whole pages inside lo..<hi (the parse is past them). Safe from any thread.
    func release(from lo: Int, to hi: Int) {
        let a = max(0, lo) / page * page, e = min(hi, count) / page * page
        guard e > a else { return }
        _ = madvise(UnsafeMutableRawPointer(mutating: base + a), e - a, MADV_DONTNEED)
    }

    deinit { munmap(UnsafeMutableRawPointer(mutating: base), count) }
}
