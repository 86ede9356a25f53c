#if canImport(CMalloc)
import CMalloc
#endif

/// How the process's allocator treats the table engine's large buffers. Executables call `apply()` once,
/// at start-up; engines and tests do not need it (it changes speed, never results).
///
/// With glibc's defaults a column of a few megabytes is freed back to the operating system when the
/// heap's free top passes 2 × the adaptive mmap threshold, so the next verb of the same size gets fresh
/// pages, each zeroed by the kernel on first touch. At 10M rows a filter then touched 32,000 new pages
/// (128 MB) on every run, and took 1.6–1.7× as long as with this policy (docs/performance.md,
/// "Issue 21 on a quiet machine"). Polars and DuckDB avoid this with allocators that keep freed memory
/// (jemalloc, their own buffer pools); msnb keeps glibc and sets two of its documented knobs:
/// - `M_MMAP_THRESHOLD` 32 MiB (glibc's ceiling for this knob): buffers below it come from the heap and are reused;
///   larger ones (a 10M-row column, 80 MB) are mapped and unmapped on their own, as before.
/// - `M_TRIM_THRESHOLD` 512 MiB: up to that much freed heap stays in the process for the next verb.
/// The cost is resident memory that is not returned at once after a large operation (at most the trim
/// threshold): the 10M-row table benchmark's peak was 2–3% higher.
public enum AllocatorPolicy {
    /// Bytes below which allocations come from the reusable heap.
    public static let mmapThreshold: Int32 = 32 << 20
    /// Bytes of free heap kept before memory is returned to the operating system.
    public static let trimThreshold: Int32 = 512 << 20

    /// Applies the policy (once per process; later calls change nothing). Returns whether the
    /// allocator accepted it (false on platforms without glibc's `mallopt`).
    @discardableResult
    public static func apply() -> Bool {
        #if canImport(CMalloc)
        return mallopt(M_MMAP_THRESHOLD, mmapThreshold) == 1 && mallopt(M_TRIM_THRESHOLD, trimThreshold) == 1
        #else
        return false
        #endif
    }
}
