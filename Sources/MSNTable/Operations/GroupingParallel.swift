import Dispatch

extension Table {
    /// Rows per part of the partitioned grouping pass: fixed by the row count, never by the number of
    /// cores, so the work split (and the result, which equals the serial pass's anyway) is the same on
    /// any machine.
    static let groupingPartRows = 1 << 16

    /// `combine`'s direct-index pass on both cores: each part of the rows numbers its (group, code)
    /// slots in its own order of first appearance; the parts' slot lists are merged in part order
    /// (a slot keeps the number of its first part), and every part's rows are renumbered in parallel.
    /// Group numbers are therefore those of one serial pass over the rows: first appearance order.
    static func combineParallel(_ ids: inout [Int32], slots: Int, codes: [Int32], cardinality card: Int) -> Int {
        let n = ids.count
        let parts = (n + groupingPartRows - 1) / groupingPartRows
        // Per part: the slots in order of first appearance (local number = position in the list).
        let firstSeen = UnsafeMutableBufferPointer<[Int32]>.allocate(capacity: parts)
        firstSeen.initialize(repeating: [])
        defer { firstSeen.deinitialize(); firstSeen.deallocate() }
        let box = UnsafeSendable(firstSeen)
        ids.withUnsafeMutableBufferPointer { id in
            codes.withUnsafeBufferPointer { cd in
                let idp = UnsafeSendable(id), cdp = UnsafeSendable(cd)
                DispatchQueue.concurrentPerform(iterations: parts) { p in
                    let lo = p * groupingPartRows, hi = min(n, lo + groupingPartRows)
                    var local = [Int32](repeating: -1, count: slots)
                    var order: [Int32] = []
                    local.withUnsafeMutableBufferPointer { sl in
                        for i in lo..<hi {
                            let key = Int(idp.value[i]) &* card &+ Int(cdp.value[i])
                            var g = sl[key]
                            if g < 0 { g = Int32(order.count); sl[key] = g; order.append(Int32(key)) }
                            idp.value[i] = g
                        }
                    }
                    box.value[p] = order
                }
            }
        }
        // Merge in part order: global numbers by first appearance; each part's local → global table.
        var global = [Int32](repeating: -1, count: slots)
        var next: Int32 = 0
        var remap = [[Int32]](repeating: [], count: parts)
        for p in 0..<parts {
            remap[p] = firstSeen[p].map { key in
                if global[Int(key)] < 0 { global[Int(key)] = next; next += 1 }
                return global[Int(key)]
            }
        }
        let maps = remap
        ids.withUnsafeMutableBufferPointer { id in
            let idp = UnsafeSendable(id)
            DispatchQueue.concurrentPerform(iterations: parts) { p in
                let lo = p * groupingPartRows, hi = min(n, lo + groupingPartRows)
                maps[p].withUnsafeBufferPointer { m in
                    for i in lo..<hi { idp.value[i] = m[Int(idp.value[i])] }
                }
            }
        }
        return Int(next)
    }
}

/// A buffer pointer handed to the parts of a parallel pass, each touching its own range.
private struct UnsafeSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
