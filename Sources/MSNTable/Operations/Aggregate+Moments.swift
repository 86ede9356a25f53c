import Foundation

/// Group counts, means and variances over raw buffers: one pass for counts and sums, one for squared
/// deviations from the group means (two passes keep the variance accurate). Columns of 65,536 rows or
/// more are cut into two fixed halves summed on two threads and added half 1 + half 2, so results do
/// not depend on how many cores run them.
enum GroupMoments {
    /// Rows from which the halves run in parallel.
    static let parallelRows = 1 << 16

    /// The buffers one pass reads (valid for the duration of `compute`).
    private struct Inputs: @unchecked Sendable {
        let values: UnsafeBufferPointer<Double>
        let ids: UnsafeBufferPointer<Int32>
        let validity: UnsafeBufferPointer<UInt64>?
        let groups: Int

        @inline(__always) func valid(_ i: Int) -> Bool {
            guard let w = validity else { return true }
            return w[i >> 6] & (1 << UInt64(i & 63)) != 0
        }

        /// Counts and sums over `rows`.
        func sums(_ rows: Range<Int>) -> ([Double], [Double]) {
            var n = [Double](repeating: 0, count: groups), sum = [Double](repeating: 0, count: groups)
            n.withUnsafeMutableBufferPointer { nn in sum.withUnsafeMutableBufferPointer { ss in
                for i in rows where valid(i) {
                    let k = Int(ids[i])
                    nn[k] += 1
                    ss[k] += values[i]
                }
            } }
            return (n, sum)
        }

        /// Sums of squared deviations from `means` over `rows`.
        func squares(_ rows: Range<Int>, _ means: [Double]) -> [Double] {
            var ss = [Double](repeating: 0, count: groups)
            ss.withUnsafeMutableBufferPointer { sq in means.withUnsafeBufferPointer { m in
                for i in rows where valid(i) {
                    let k = Int(ids[i])
                    let d = values[i] - m[k]
                    sq[k] += d * d
                }
            } }
            return ss
        }
    }

    /// Count, mean and (when `squares`) the sum of squared deviations per group.
    static func compute(values: UnsafeBufferPointer<Double>, validity: Bitmap?, ids: [Int32], groups g: Int,
                        squares: Bool) -> (n: [Double], mean: [Double], ss: [Double]) {
        let rows = values.count
        let halves = rows >= parallelRows ? [0..<rows / 2, rows / 2..<rows] : [0..<rows]
        let words = validity?.words ?? []
        return ids.withUnsafeBufferPointer { id in words.withUnsafeBufferPointer { w in
            let input = Inputs(values: values, ids: id, validity: validity == nil ? nil : w, groups: g)
            let parts = Parts(halves.count)
            run(halves.count) { h in let (n, s) = input.sums(halves[h]); parts.set(h, n, s) }
            var n = parts.a[0], sum = parts.b[0]
            for h in 1..<halves.count { for k in 0..<g { n[k] += parts.a[h][k]; sum[k] += parts.b[h][k] } }
            var mean = [Double](repeating: 0, count: g)
            for k in 0..<g where n[k] > 0 { mean[k] = sum[k] / n[k] }
            guard squares else { return (n, mean, []) }
            let means = mean
            run(halves.count) { h in parts.set(h, input.squares(halves[h], means), []) }
            var ss = parts.a[0]
            for h in 1..<halves.count { for k in 0..<g { ss[k] += parts.a[h][k] } }
            return (n, mean, ss)
        } }
    }

    private static func run(_ parts: Int, _ body: @Sendable (Int) -> Void) {
        if parts == 1 { body(0) } else { DispatchQueue.concurrentPerform(iterations: parts, execute: body) }
    }

    /// Per-half results, one slot per half (each thread writes only its own).
    private final class Parts: @unchecked Sendable {
        var a: [[Double]], b: [[Double]]
        private let lock = NSLock()
        init(_ count: Int) { a = Array(repeating: [], count: count); b = Array(repeating: [], count: count) }
        func set(_ h: Int, _ x: [Double], _ y: [Double]) { lock.lock(); a[h] = x; b[h] = y; lock.unlock() }
    }
}
