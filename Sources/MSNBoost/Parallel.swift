import Foundation
import Synchronization

/// A fixed-size heap buffer shared by parallel tasks that each write their own disjoint part
/// (row ranges, histogram slots, result slots). Reads and writes are unchecked.
final class RawBuffer<T>: @unchecked Sendable {
    let base: UnsafeMutablePointer<T>
    let count: Int

    init(repeating value: T, count: Int) {
        self.count = count
        base = .allocate(capacity: Swift.max(count, 1))
        base.initialize(repeating: value, count: count)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    subscript(i: Int) -> T {
        get { base[i] }
        set { base[i] = newValue }
    }
}

/// Fork-join helpers. Work is cut into chunks whose boundaries depend only on the amount of work,
/// never on the number of threads, and chunk results are combined in chunk order: so every sum is
/// taken in the same order on one core or many, and models are bit-identical for any thread count.
enum Parallel {
    /// Runs `body(0 ..< count)` on the available cores (inline when there is a single task). The
    /// tasks may capture buffers: each must write only memory no other task reads or writes.
    /// `work` (rows, say) below `minimumWork` runs on the calling thread: waking workers costs more.
    static func run(_ count: Int, work: Int = .max, _ body: (Int) -> Void) {
        if count == 1 || (count > 1 && (work < minimumWork || serial.load(ordering: .relaxed))) {
            for i in 0..<count { body(i) }
            return
        }
        guard count > 1 else { return }
        withoutActuallyEscaping(body) { escapable in
            let task = Body(run: escapable)
            DispatchQueue.concurrentPerform(iterations: count) { task.run($0) }
        }
    }

    /// A task body handed to Dispatch; `run` guarantees it does not outlive the call.
    private struct Body: @unchecked Sendable { let run: (Int) -> Void }

    /// Less work than this (in rows) is not worth waking other threads for.
    static let minimumWork = 8_192

    /// Runs every task on the calling thread, in order (for tests that compare with parallel runs).
    static let serial = Atomic<Bool>(false)

    /// The number of chunks of about `grain` items for `n` items (at least 1).
    static func chunks(_ n: Int, grain: Int) -> Int { Swift.max(1, n / grain) }

    /// Items of chunk `c` of `chunks` over `0 ..< n`.
    static func bounds(_ c: Int, _ chunks: Int, _ n: Int) -> Range<Int> { (c * n / chunks)..<((c + 1) * n / chunks) }

    /// Runs `body` over `0 ..< n` in fixed chunks of about `grain` items, in parallel.
    static func forRanges(_ n: Int, grain: Int, _ body: (Range<Int>) -> Void) {
        let k = chunks(n, grain: grain)
        run(k, work: n) { c in body(bounds(c, k, n)) }
    }
}

/// LLVM's prefetch intrinsic (address, 0 = read, locality 0–3, 1 = data cache): a hint that issues a
/// cache-line load without waiting for it, used to hide the latency of gathering rows by index.
@_silgen_name("llvm.prefetch.p0")
private func llvmPrefetch(_ address: UnsafeRawPointer, _ write: Int32, _ locality: Int32, _ cache: Int32)

/// Starts loading the cache line holding `address` (no effect on results).
@inline(__always) func prefetch(_ address: UnsafeRawPointer) { llvmPrefetch(address, 0, 3, 1) }

/// How many rows ahead gathers prefetch.
let prefetchDistance = 24
