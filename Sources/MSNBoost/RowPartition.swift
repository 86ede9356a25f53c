extension TreeGrower {
    /// Splits each node's range of `rows` stably in place: rows going left first, then rows going
    /// right, each in their previous (ascending) order; returns the number going left per node.
    /// Every node is cut into chunks; a chunk writes its left rows forward and its right rows backward
    /// into `scratch`, and a second pass copies the chunks back in order. The result is unique, so
    /// it cannot depend on the thread count.
    func partition(_ nodes: [(range: Range<Int>, split: Split)]) -> [Int] {
        var tasks: [(node: Int, range: Range<Int>)] = []
        for (i, n) in nodes.enumerated() {
            let k = Parallel.chunks(n.range.count, grain: Self.grain)
            for c in 0..<k {
                let b = Parallel.bounds(c, k, n.range.count)
                tasks.append((i, (n.range.lowerBound + b.lowerBound)..<(n.range.lowerBound + b.upperBound)))
            }
        }
        let lefts = RawBuffer<Int>(repeating: 0, count: tasks.count)
        let n = data.rows
        let src = rows.base, dst = scratch.base
        // Per node, whether each code goes left (missing values as the split's default direction).
        let sides = nodes.map { n in
            (0...data.valueBins(n.split.feature)).map { b -> UInt32 in
                b == data.valueBins(n.split.feature) ? (n.split.defaultLeft ? 1 : 0) : (n.split.goesLeft(bin: b) ? 1 : 0)
            }
        }
        let work = nodes.reduce(0) { $0 + $1.range.count }
        Parallel.run(tasks.count, work: work) { t in
            let node = tasks[t].node, f = nodes[node].split.feature
            sides[node].withUnsafeBufferPointer { side in
                guard let side = side.baseAddress else { return }
                if let codes = data.narrowColumns?.base {
                    lefts[t] = Self.split(codes + f * n, side, src, dst, tasks[t].range)
                } else if let codes = data.wideColumns?.base {
                    lefts[t] = Self.split(codes + f * n, side, src, dst, tasks[t].range)
                }
            }
        }
        // Destinations: each chunk's left rows after the node's earlier left rows, its right rows
        // after all the node's left rows and its earlier right rows.
        var totals = [Int](repeating: 0, count: nodes.count)
        for t in tasks.indices { totals[tasks[t].node] += lefts[t] }
        var leftAt = [Int](repeating: 0, count: tasks.count), rightAt = leftAt
        var nextLeft = nodes.map { $0.range.lowerBound }
        var nextRight = nodes.indices.map { nodes[$0].range.lowerBound + totals[$0] }
        for (t, task) in tasks.enumerated() {
            leftAt[t] = nextLeft[task.node]
            rightAt[t] = nextRight[task.node]
            nextLeft[task.node] += lefts[t]
            nextRight[task.node] += task.range.count - lefts[t]
        }
        Parallel.run(tasks.count, work: work) { t in
            let r = tasks[t].range, l = lefts[t]
            (src + leftAt[t]).update(from: dst + r.lowerBound, count: l)
            var to = rightAt[t]
            var k = r.upperBound - 1
            while k >= r.lowerBound + l { src[to] = dst[k]; to += 1; k -= 1 }
        }
        return totals
    }

    /// One chunk's partition into `dst` (left rows forward from the start, right rows backward from
    /// the end): both slots are written every row and `side[code]` (1 = left) moves one end, so the
    /// loop has no data-dependent branch; returns the left count.
    @inline(__always)
    static func split<B: FixedWidthInteger>(_ column: UnsafePointer<B>, _ side: UnsafePointer<UInt32>,
                                            _ src: UnsafeMutablePointer<UInt32>, _ dst: UnsafeMutablePointer<UInt32>,
                                            _ range: Range<Int>) -> Int {
        var l = range.lowerBound, r = range.upperBound &- 1
        let ahead = range.upperBound &- prefetchDistance
        for k in range {
            if k < ahead { prefetch(column + Int(src[k &+ prefetchDistance])) }
            let row = src[k]
            let left = Int(side[Int(column[Int(row)])])
            dst[l] = row
            dst[r] = row
            l &+= left
            r &-= 1 &- left
        }
        return l &- range.lowerBound
    }
}
