import Foundation

/// The whole-file checks before parsing — invalid UTF-8, carriage returns not followed by a line feed —
/// run on both cores a megabyte at a time, handing the pages behind back when the file is mapped.
enum CSVPrePass {
    /// The first invalid UTF-8 offset at or after `start` and whether some CR is not followed by LF
    /// (without regard to quotes: only then can `LineEnds.loneCRsAsLF` find anything).
    static func check(_ b: ByteBuffer, from start: Int, release: MappedRelease?) -> (firstInvalid: Int?, loneCR: Bool) {
        let n = b.count
        guard n - start > 1 << 20 else { return (UTF8Check.firstInvalid(b, from: start, to: n), hasLoneCR(b, from: 0, to: n)) }
        // The second half starts at a character boundary; the first checks every sequence starting before it.
        let half = start + (n - start) / 2
        var mid = half
        while mid < n && mid - half < 4 && b[mid] & 0xC0 == 0x80 { mid += 1 }
        let box = PrePassBox()
        let split = mid
        DispatchQueue.concurrentPerform(iterations: 2) { k in
            let (lo, hi) = k == 0 ? (start, split) : (split, n)
            var invalid: Int? = nil, lone = k == 0 && hasLoneCR(b, from: 0, to: start)
            var s = lo
            while s < hi {
                let e = min(hi, s + (1 << 20))
                if invalid == nil { invalid = UTF8Check.firstInvalid(b, from: s, to: e) }
                if !lone { lone = hasLoneCR(b, from: s, to: e) }
                release?.file.release(from: s, to: e)
                s = e
            }
            box.set(k, invalid, lone)
        }
        let (a, c) = (box.get(0), box.get(1))
        return (a.0 ?? c.0, a.1 || c.1)
    }

    /// Whether a CR in lo..<hi is followed by something other than LF (or ends the file).
    static func hasLoneCR(_ b: ByteBuffer, from lo: Int, to hi: Int) -> Bool {
        let crWord: UInt64 = 0x0D0D_0D0D_0D0D_0D0D
        var i = lo
        while i + 8 <= hi {
            let w = UnsafeRawPointer(b.base + i).loadUnaligned(as: UInt64.self)
            var hit = CSVScanner.zeroBytes(w ^ crWord)
            while hit != 0 {
                let p = i + hit.trailingZeroBitCount >> 3
                if p + 1 >= b.count || b[p + 1] != ASCII.lf { return true }
                hit &= hit &- 1
            }
            i += 8
        }
        while i < hi {
            if b[i] == ASCII.cr && (i + 1 >= b.count || b[i + 1] != ASCII.lf) { return true }
            i += 1
        }
        return false
    }

    private final class PrePassBox: @unchecked Sendable {
        private var items: [(Int?, Bool)] = [(nil, false), (nil, false)]
        private let lock = NSLock()
        func set(_ k: Int, _ invalid: Int?, _ lone: Bool) { lock.lock(); items[k] = (invalid, lone); lock.unlock() }
        func get(_ k: Int) -> (Int?, Bool) { lock.lock(); defer { lock.unlock() }; return items[k] }
    }
}
