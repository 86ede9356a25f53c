import Foundation

/// The thread statements run on: one with a known, generous stack (`stackSize`), so that the
/// evaluator's limits (call depth, nesting) are the same in the REPL, `msnb run`, notebooks and
/// tests. Every front end goes through `Session.execute`, which hops onto such a thread; the REPL
/// starts its worker with `start` so that it can watch for Ctrl-C meanwhile.
public enum KernelThread {
    /// Bytes of stack a kernel thread gets (virtual memory; pages are touched only when used).
    public static let stackSize = 256 << 20

    private static let marker = "msnb.kernel-thread"
    static let lowKey = "msnb.kernel-thread.stack-low"

    /// Whether the calling thread is a kernel thread.
    public static var isCurrent: Bool { Thread.current.threadDictionary[marker] != nil }

    /// Starts `body` on a new kernel thread and returns at once.
    public static func start(_ body: @escaping @Sendable () -> Void) {
        let thread = Thread {
            Thread.current.threadDictionary[marker] = true
            // The thread's first frame is near the top of its stack; a page of slack covers the
            // frames above it (thread start-up, TLS).
            Thread.current.threadDictionary[lowKey] = StackGuard.currentAddress() + 4096 - UInt(stackSize)
            body()
        }
        thread.stackSize = stackSize
        thread.name = "msnb-kernel"
        thread.start()
    }

    /// Runs `body` on a kernel thread and waits for it; runs it in place when already on one.
    public static func run<T>(_ body: () -> T) -> T {
        if isCurrent { return body() }
        return withoutActuallyEscaping(body) { escaping in
            let box = ResultBox<T>(escaping)
            let done = DispatchSemaphore(value: 0)
            start { box.run(); done.signal() }
            done.wait()
            // Take the result out: the finished thread's closure (and this box) may outlive the call.
            let result = box.result!
            box.result = nil
            return result
        }
    }

    /// Carries the closure to the thread and the result back; the closure is dropped once run,
    /// before the caller's wait ends, so that it never outlives `withoutActuallyEscaping`.
    private final class ResultBox<T>: @unchecked Sendable {
        var body: (() -> T)?
        var result: T?
        init(_ body: @escaping () -> T) { self.body = body }
        func run() { result = body?(); body = nil }
    }
}

/// How much stack the calling thread has left, read from the thread's own stack bounds.
public enum StackGuard {
    /// Bytes of stack a user-function call may use before the call-depth limit: the limit is the
    /// thread's stack size divided by this budget (8,192 calls on a kernel thread).
    public static let bytesPerCall = 32 << 10

    /// The lowest usable address of the calling thread's stack and its size: recorded when a
    /// kernel thread starts; on any other thread, a conservative 512 KiB below the current address.
    public static func bounds() -> (low: UInt, size: Int) {
        if let low = Thread.current.threadDictionary[KernelThread.lowKey] as? UInt {
            return (low, KernelThread.stackSize)
        }
        let size = 512 << 10
        return (currentAddress() - UInt(size), size)
    }

    /// The limits on a kernel thread (what every statement gets).
    public static var limitsOnKernelThread: (callDepth: Int, floor: UInt) { KernelThread.run { limits() } }

    /// The address of a local of the caller: where the stack is now.
    @inline(never)
    public static func currentAddress() -> UInt {
        var marker: UInt8 = 0
        return withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
    }

    /// The limits for code about to run on the calling thread: the call depth allowed and the
    /// address below which the stack is too low to go on (a margin of an eighth of the stack,
    /// at least 512 KiB, is kept for unwinding and reporting).
    public static func limits() -> (callDepth: Int, floor: UInt) {
        let (low, size) = bounds()
        let margin = UInt(max(512 << 10, size / 8))
        return (max(16, size / bytesPerCall), low + margin)
    }
}
