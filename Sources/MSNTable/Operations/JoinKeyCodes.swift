/// Dense codes for 64-bit key images, shared by both sides of a join: the right side's distinct keys
/// are numbered in order of first appearance, and each left key gets the code of the equal right key
/// (-1 when there is none, and for nulls). Keys whose range is at most a few times the right side's
/// length index a direct array; others go through an open-addressing table (`KeyTable`). The left side
/// is probed on two threads from 65,536 rows, each writing its own half, so the codes do not depend
/// on the thread count.
enum JoinKeyCodes {
    /// Left rows from which the probe runs on two threads.
    static let parallelRows = 1 << 16

    /// Codes for the key images `l[i]` and `r[j]` (equal images: equal keys); rows whose validity bit
    /// is 0 never match.
    static func codes(_ l: [UInt64], _ lv: Bitmap?, _ r: [UInt64], _ rv: Bitmap?) -> (left: [Int32], right: [Int32], count: Int) {
        var lo = UInt64.max, hi = UInt64.min, any = false
        for j in 0..<r.count where rv?[j] ?? true {
            let k = r[j]
            lo = min(lo, k); hi = max(hi, k); any = true
        }
        guard any else { return ([Int32](repeating: -1, count: l.count), [Int32](repeating: -1, count: r.count), 0) }
        var rcodes = [Int32](repeating: -1, count: r.count)
        let span = hi &- lo
        if span < UInt64(4 * r.count + 1024) {
            // Direct index: slot[key - lo] is the key's code.
            var slot = [Int32](repeating: -1, count: Int(span) + 1)
            var count: Int32 = 0
            slot.withUnsafeMutableBufferPointer { s in
                for j in 0..<r.count where rv?[j] ?? true {
                    let d = Int(r[j] &- lo)
                    if s[d] < 0 { s[d] = count; count += 1 }
                    rcodes[j] = s[d]
                }
            }
            let lcodes = slot.withUnsafeBufferPointer { s in
                probe(l, lv, DirectFinder(slots: s, lo: lo, span: span))
            }
            return (lcodes, rcodes, Int(count))
        }
        var table = KeyTable(expected: min(r.count, 1 << 16))
        for j in 0..<r.count where rv?[j] ?? true { rcodes[j] = table.insert(r[j]) }
        let lcodes = table.withFinder { probe(l, lv, $0) }
        return (lcodes, rcodes, table.count)
    }

    /// The code of every valid left key, on two threads for long sides.
    private static func probe<F: KeyFinder>(_ l: [UInt64], _ lv: Bitmap?, _ finder: F) -> [Int32] {
        let n = l.count
        return [Int32](unsafeUninitializedCapacity: n) { out, count in
            l.withUnsafeBufferPointer { keys in
                let parts = n >= parallelRows ? 2 : 1
                let o = Shared(out), k = Shared(keys), v = Shared(lv), f = Shared(finder)
                Parallel.run(parts) { p in
                    let range = Parallel.range(p, of: parts, n)
                    if let valid = v.value {
                        for i in range { o.value[i] = valid[i] ? f.value.find(k.value[i]) : -1 }
                    } else {
                        for i in range { o.value[i] = f.value.find(k.value[i]) }
                    }
                }
            }
            count = n
        }
    }
}

/// Looks a key image up among the right side's keys.
protocol KeyFinder {
    /// The key's code, or -1.
    func find(_ key: UInt64) -> Int32
}

/// Keys in a short range: an array indexed by the key's offset from the smallest.
struct DirectFinder: KeyFinder {
    let slots: UnsafeBufferPointer<Int32>
    let lo: UInt64, span: UInt64
    @inline(__always) func find(_ key: UInt64) -> Int32 {
        let d = key &- lo
        return d <= span ? slots[Int(d)] : -1
    }
}

/// An open-addressing map from 64-bit keys to dense Int32 codes (0, 1, 2… in insertion order):
/// linear probing over power-of-two slots, Fibonacci hashing (the high bits of key × 2^64/φ).
struct KeyTable {
    private var keys: [UInt64]
    private var slots: [Int32]          // code of the key in the slot, -1 when empty
    private var shift: UInt64
    private(set) var count = 0

    /// A table with room for about `expected` keys before it grows (it stays at most half full).
    init(expected: Int) {
        var bits: UInt64 = 4
        while (1 << bits) < 2 * max(expected, 8) { bits += 1 }
        keys = [UInt64](repeating: 0, count: 1 << bits)
        slots = [Int32](repeating: -1, count: 1 << bits)
        shift = 64 - bits
    }

    @inline(__always) static func home(_ key: UInt64, _ shift: UInt64) -> Int { Int((key &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    /// The code of `key`, numbering it next when it is new.
    mutating func insert(_ key: UInt64) -> Int32 {
        if 2 * (count + 1) > slots.count { grow() }
        let mask = slots.count - 1
        var i = KeyTable.home(key, shift)
        while slots[i] >= 0 {
            if keys[i] == key { return slots[i] }
            i = (i + 1) & mask
        }
        keys[i] = key
        slots[i] = Int32(count)
        count += 1
        return slots[i]
    }

    /// Twice the slots, every key placed again with its code.
    private mutating func grow() {
        let oldKeys = keys, oldSlots = slots
        keys = [UInt64](repeating: 0, count: oldSlots.count * 2)
        slots = [Int32](repeating: -1, count: oldSlots.count * 2)
        shift -= 1
        let mask = slots.count - 1
        for (k, c) in zip(oldKeys, oldSlots) where c >= 0 {
            var i = KeyTable.home(k, shift)
            while slots[i] >= 0 { i = (i + 1) & mask }
            keys[i] = k
            slots[i] = c
        }
    }

    /// `body` with a read-only finder over the table's buffers.
    func withFinder<R>(_ body: (HashFinder) -> R) -> R {
        keys.withUnsafeBufferPointer { k in slots.withUnsafeBufferPointer { s in body(HashFinder(keys: k, slots: s, shift: shift)) } }
    }
}

/// Lookups in a `KeyTable`'s buffers.
struct HashFinder: KeyFinder {
    let keys: UnsafeBufferPointer<UInt64>
    let slots: UnsafeBufferPointer<Int32>
    let shift: UInt64
    @inline(__always) func find(_ key: UInt64) -> Int32 {
        let mask = slots.count - 1
        var i = KeyTable.home(key, shift)
        while true {
            let c = slots[i]
            if c < 0 || keys[i] == key { return c }
            i = (i + 1) & mask
        }
    }
}
