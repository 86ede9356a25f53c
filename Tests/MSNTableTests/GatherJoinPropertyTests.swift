import Testing
@testable import MSNTable

// Property tests for the gather kernels (filter, take) and the join's key codes and row layout:
// random tables with nulls in every column type against plain reference implementations, at sizes
// on both sides of the thresholds where the work is split over two threads.

/// A random table: int, float (with -0.0 and NaN), dictionary string, plain string and bool columns,
/// each about `nulls` null, and a unique row id.
private func randomTable(rows: Int, seed: UInt64, nulls: Double = 0.2) throws -> Table {
    var g = SeededGenerator(seed: seed)
    var ints: [Int64?] = [], floats: [Double?] = [], strs: [String?] = [], plain: [String?] = [], bools: [Bool?] = []
    func maybe<T>(_ v: T) -> T? { g.nextUnit() < nulls ? nil : v }
    for _ in 0..<rows {
        ints.append(maybe(Int64(g.nextInt(below: 1000)) - 500))
        floats.append(maybe([-1.5, -0.0, 0.0, 2.25, .nan, g.nextUnit()][g.nextInt(below: 6)]))
        strs.append(maybe(["Java", "Bali", "Sumatra", "Été"][g.nextInt(below: 4)]))
        plain.append(maybe(String(repeating: "x", count: g.nextInt(below: 5)) + "\(g.nextInt(below: 100))"))
        bools.append(maybe(g.nextUnit() < 0.5))
    }
    var offsets = [0], bytes: [UInt8] = []
    for s in plain { bytes += Array((s ?? "").utf8); offsets.append(bytes.count) }
    return try Table([
        ("id", .int(TypedColumn<Int64>((0..<rows).map(Int64.init)))),
        ("i", .int(TypedColumn<Int64>(optionals: ints))),
        ("f", .float(TypedColumn<Double>(optionals: floats))),
        ("s", .string(StringColumn(strs))),
        ("p", .string(StringColumn(storage: .plain(offsets: offsets, bytes: bytes), validity: Bitmap(plain.map { $0 != nil })))),
        ("b", .bool(TypedColumn(bools.map { $0 ?? false }, validity: Bitmap(bools.map { $0 != nil })))),
    ])
}

/// Cells equal, NaN equal to NaN (a gather copies bits; CellValue's == follows IEEE).
private func same(_ a: CellValue, _ b: CellValue) -> Bool {
    if case .float(let x) = a, case .float(let y) = b, x.isNaN, y.isNaN { return true }
    return a == b
}

/// Every cell of `t` equals the cell of `source` at `rows[k]` in the same column.
private func expectRows(_ t: Table, _ source: Table, _ rows: [Int], _ label: String) {
    #expect(t.rowCount == rows.count, "\(label)")
    guard t.rowCount == rows.count else { return }
    for name in source.columnNames {
        let bad = rows.enumerated().first { !same(t[$0.offset, name], source[$0.element, name]) }
        #expect(bad == nil, "\(label) column \(name) output row \(bad?.offset ?? -1)")
    }
}

@Test func filterAndTakeMatchAReferenceOnRandomTables() throws {
    // 70,000 rows crosses the two-thread gather threshold (kept rows × columns ≥ 2^18).
    for (rows, seed) in [(0, 1), (1, 2), (63, 3), (64, 4), (65, 5), (1000, 6), (70_000, 7)] as [(Int, UInt64)] {
        let t = try randomTable(rows: rows, seed: seed)
        var g = SeededGenerator(seed: seed &+ 100)
        let density = [0.0, 0.15, 0.5, 0.97, 1.0][Int(seed) % 5]
        let mask = (0..<rows).map { _ in g.nextUnit() < density }
        let valid = (0..<rows).map { _ in g.nextUnit() >= 0.1 }
        let expected = (0..<rows).filter { mask[$0] && valid[$0] }
        expectRows(try t.filter(TypedColumn(mask, validity: Bitmap(valid))), t, expected, "filter \(rows)")
        expectRows(try t.filter(TypedColumn(mask)), t, (0..<rows).filter { mask[$0] }, "filter without nulls \(rows)")
        // take: any order, repeats allowed.
        let picks = rows == 0 ? [] : (0..<min(rows * 2, 5000)).map { _ in g.nextInt(below: rows) }
        expectRows(t.take(picks), t, picks, "take \(rows)")
    }
}

@Test func gatheredBitsMatchBitByBit() {
    var g = SeededGenerator(seed: 44)
    for n in [0, 1, 63, 64, 65, 200, 1000] {
        let flags = (0..<n).map { _ in g.nextUnit() < 0.6 }
        let b = Bitmap(flags)
        let idx = n == 0 ? [] : (0..<(n + 70)).map { _ in g.nextInt(below: n) }
        let taken = b.take(idx)
        #expect(taken == Bitmap(idx.map { flags[$0] }), "n \(n)")
        #expect(Gather.selection(flags, nil) == (0..<n).filter { flags[$0] }, "selection n \(n)")
    }
}

/// Reference join: for each left row in order its matching right rows in order (keys equal as cells,
/// nulls and NaN never match; ints against ints exactly, otherwise as Doubles), then unmatched right
/// rows (right and full joins).
private func referencePairs(_ l: [CellValue], _ r: [CellValue], _ kind: JoinKind) -> [(Int, Int)] {
    let exact = (l + r).allSatisfy { if case .float = $0 { false } else { true } }
    func key(_ v: CellValue) -> AnyHashable? {
        if exact, case .int(let x) = v { return AnyHashable(x) }
        guard let d = v.doubleValue, !d.isNaN else { return nil }
        return AnyHashable(d == 0 ? 0 : d)
    }
    var byKey: [AnyHashable: [Int]] = [:]
    for (j, v) in r.enumerated() { if let k = key(v) { byKey[k, default: []].append(j) } }
    var out: [(Int, Int)] = [], hit = Set<Int>()
    for (i, v) in l.enumerated() {
        let m = key(v).flatMap { byKey[$0] } ?? []
        for j in m { out.append((i, j)); hit.insert(j) }
        if m.isEmpty && (kind == .left || kind == .full) { out.append((i, -1)) }
    }
    if kind == .right || kind == .full { for j in r.indices where !hit.contains(j) { out.append((-1, j)) } }
    return out
}

@Test func joinRowsMatchAReferenceForEveryKind() throws {
    var g = SeededGenerator(seed: 77)
    // Key ranges: a short range (direct index), a wide one and extremes (hash table, growing), floats.
    let ranges: [(String, () -> Int64)] = [
        ("short", { Int64(g.nextInt(below: 40)) - 20 }),
        ("wide", { Int64(bitPattern: g.next()) >> Int64(g.nextInt(below: 60)) }),
        ("extremes", { [Int64.min, Int64.max, 0, -1, 1 << 53, 1 << 53 + 1][g.nextInt(below: 6)] }),
    ]
    for (label, draw) in ranges {
        for (nl, nr) in [(0, 5), (7, 0), (300, 500), (2000, 40)] {
            let lk = (0..<nl).map { _ in g.nextUnit() < 0.1 ? nil : draw() }
            let rk = (0..<nr).map { _ in g.nextUnit() < 0.1 ? nil : draw() }
            let lc = Column.int(TypedColumn(optionals: lk)), rc = Column.int(TypedColumn(optionals: rk))
            let rf = Column.float(TypedColumn<Double>(optionals: rk.map { $0.map(Double.init) }))
            let lcells = (0..<nl).map { lc[$0] }, rcells = (0..<nr).map { rc[$0] }
            for kind in [JoinKind.inner, .left, .right, .full] {
                for (side, right) in [("int", rc), ("float", rf)] {
                    let expected = referencePairs(lcells, (0..<nr).map { right[$0] }, kind)
                    let rows = JoinKernel.match([lc], [right], kind: kind)
                    #expect(rows.left == expected.map(\.0) && rows.right == expected.map(\.1), "\(label) \(nl)×\(nr) \(kind) \(side)")
                    #expect(rows.leftMissing == expected.contains { $0.0 < 0 } && rows.rightMissing == expected.contains { $0.1 < 0 })
                }
            }
            let has = JoinKernel.leftHasMatch([lc], [rc])
            #expect(has == (0..<nl).map { i in referencePairs([lcells[i]], rcells, .inner).count > 0 }, "\(label) semi")
        }
    }
}

@Test func largeJoinMatchesTheReferenceOnBothThreads() throws {
    // 70,000 left rows: the probe and the row layout run in two halves.
    var g = SeededGenerator(seed: 91)
    let nl = 70_000, nr = 3000
    let lk = (0..<nl).map { _ in g.nextUnit() < 0.05 ? nil : Int64(g.nextInt(below: 4000)) }
    let rk = (0..<nr).map { _ in g.nextUnit() < 0.05 ? nil : Int64(g.nextInt(below: 4000)) }
    let lc = Column.int(TypedColumn(optionals: lk)), rc = Column.int(TypedColumn(optionals: rk))
    let wide = Column.int(TypedColumn(optionals: rk.map { $0.map { $0 &* 1_000_003_001 } }))
    let lwide = Column.int(TypedColumn(optionals: lk.map { $0.map { $0 &* 1_000_003_001 } }))
    for kind in [JoinKind.inner, .full] {
        let expected = referencePairs((0..<nl).map { lc[$0] }, (0..<nr).map { rc[$0] }, kind)
        for (l, r) in [(lc, rc), (lwide, wide)] {
            let rows = JoinKernel.match([l], [r], kind: kind)
            #expect(rows.left == expected.map(\.0) && rows.right == expected.map(\.1), "\(kind)")
        }
    }
    // Through the table: the gathered columns follow the pairs.
    let lt = try Table([("k", lc), ("id", .int(TypedColumn<Int64>((0..<nl).map(Int64.init))))])
    let rt = try Table([("k", rc), ("rid", .int(TypedColumn<Int64>((0..<nr).map(Int64.init))))])
    let joined = try lt.joined(with: rt, on: [(left: "k", right: "k")])
    let expected = referencePairs((0..<nl).map { lc[$0] }, (0..<nr).map { rc[$0] }, .inner)
    if case .int(let ids)? = joined.column(named: "id"), case .int(let rids)? = joined.column(named: "rid") {
        #expect(ids.values == expected.map { Int64($0.0) } && rids.values == expected.map { Int64($0.1) })
    } else {
        Issue.record("id and rid columns missing")
    }
}
