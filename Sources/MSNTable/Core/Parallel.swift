import Dispatch

/// Fixed splits of a pass over the rows for both cores. The split depends on the row count only,
/// never on the machine, and each part writes its own range, so results match the serial pass.
enum Parallel {
    /// Runs `body(0..<parts)`, concurrently when there is more than one part.
    static func run(_ parts: Int, _ body: @Sendable (Int) -> Void) {
        if parts <= 1 { body(0) } else { DispatchQueue.concurrentPerform(iterations: parts, execute: body) }
    }

    /// Rows `part` of `parts` equal ranges over `n` rows.
    @inline(__always) static func range(_ part: Int, of parts: Int, _ n: Int) -> Range<Int> {
        let chunk = (n + parts - 1) / max(parts, 1)
        return min(n, part * chunk)..<min(n, (part + 1) * chunk)
    }
}

/// A buffer pointer (or other value) handed to the parts of a parallel pass, each touching its own range.
struct Shared<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

/// One result slot per part of a parallel pass; each part writes only its own slot.
final class Slots<T>: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<T>
    /// `count` slots holding `initial`.
    init(_ count: Int, _ initial: T) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: initial)
    }
    deinit {
        buffer.baseAddress?.deinitialize(count: buffer.count)
        buffer.deallocate()
    }
    /// Stores part `i`'s result (from that part's thread).
    func set(_ i: Int, _ v: T) { buffer[i] = v }
    /// Part `i`'s result (after the parallel pass).
    subscript(i: Int) -> T { buffer[i] }
    /// Every slot, in order.
    var all: [T] { Array(buffer) }
}
