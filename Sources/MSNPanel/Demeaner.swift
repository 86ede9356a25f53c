import Foundation

/// Sweeps fixed effects out of columns by alternating projections (the method of alternating projections
/// that reghdfe and fixest use): subtract the level means of each key in turn until nothing changes.
/// One key is exact in one sweep. Memory is the columns plus one sum per level; columns run in parallel,
/// each on its own, so results do not depend on the thread count.
struct Demeaner: Sendable {
    let keys: [GroupCodes]
    /// Stop when the largest mean removed in a sweep is below tolerance × the column's scale.
    var tolerance = 1e-11
    var maxIterations = 20_000
    private let inverseCounts: [[Double]]

    init(keys: [GroupCodes]) {
        self.keys = keys
        inverseCounts = keys.map { k in k.counts.map { $0 > 0 ? 1 / Double($0) : 0 } }
    }

    /// Per-column results written by parallel tasks, each to its own slot (raw memory, so no
    /// exclusivity check sees two tasks touching one array).
    private final class Slots: @unchecked Sendable {
        let columns: UnsafeMutablePointer<[Double]>
        let iterations: UnsafeMutablePointer<Int>
        let errors: UnsafeMutablePointer<PanelError?>
        let count: Int
        init(_ c: [[Double]]) {
            count = c.count
            columns = .allocate(capacity: max(count, 1)); columns.initialize(from: c, count: count)
            iterations = .allocate(capacity: max(count, 1)); iterations.initialize(repeating: 0, count: count)
            errors = .allocate(capacity: max(count, 1)); errors.initialize(repeating: nil, count: count)
        }
        deinit {
            columns.deinitialize(count: count); columns.deallocate()
            iterations.deinitialize(count: count); iterations.deallocate()
            errors.deinitialize(count: count); errors.deallocate()
        }
    }

    /// Each column with all fixed effects removed, and the most sweeps any column needed.
    func demean(_ columns: [[Double]]) throws -> (columns: [[Double]], iterations: Int) {
        if keys.isEmpty { return (columns, 0) }
        let slots = Slots(columns)
        let work: @Sendable (Int) -> Void = { c in
            do { slots.iterations[c] = try demeanColumn(&slots.columns[c]) } catch let e as PanelError { slots.errors[c] = e } catch {}
        }
        if columns.count == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: columns.count, execute: work) }
        for c in 0..<slots.count { if let e = slots.errors[c] { throw e } }
        let out = (0..<slots.count).map { slots.columns[$0] }
        return (out, (0..<slots.count).map { slots.iterations[$0] }.max() ?? 0)
    }

    private func demeanColumn(_ v: inout [Double]) throws -> Int {
        let n = v.count
        var scale = 0.0
        for x in v { scale = max(scale, abs(x)) }
        let tol = tolerance * max(scale, 1e-300)
        var sums = [Double](repeating: 0, count: keys.map(\.levels).max() ?? 0)
        var iteration = 0
        while true {
            iteration += 1
            var change = 0.0
            for (k, key) in keys.enumerated() {
                let levels = key.levels
                sums.withUnsafeMutableBufferPointer { s in
                    for l in 0..<levels { s[l] = 0 }
                    key.codes.withUnsafeBufferPointer { codes in
                        v.withUnsafeMutableBufferPointer { x in
                            for i in 0..<n { s[Int(codes[i])] += x[i] }
                            inverseCounts[k].withUnsafeBufferPointer { inv in
                                for l in 0..<levels { s[l] *= inv[l]; change = max(change, abs(s[l])) }
                            }
                            for i in 0..<n { x[i] -= s[Int(codes[i])] }
                        }
                    }
                }
            }
            if keys.count == 1 || change <= tol { return iteration }
            if iteration >= maxIterations { throw PanelError.notConverged(iterations: iteration, change: change / max(scale, 1e-300)) }
        }
    }
}
