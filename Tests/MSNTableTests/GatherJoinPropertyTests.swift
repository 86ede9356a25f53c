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

/// 16 number columns: ints, floats, every 7th / 5th row null in two of them.
private func wideNumberTable(rows: Int) throws -> Table {
    let ints = TypedColumn<Int64>((0..<rows).map { Int64($0 &* 7919 % 1000) }), floats = TypedColumn<Double>((0..<rows).map { Double($0) / 8 })
    var pairs: [(String, Column)] = (0..<14).map { ("c\($0)", $0 % 2 == 0 ? .int(ints) : .float(floats)) }
    pairs.append(("n7", .int(TypedColumn(ints.values, validity: Bitmap((0..<rows).map { $0 % 7 != 0 })))))
    pairs.append(("n5", .float(TypedColumn(floats.values, validity: Bitmap((0..<rows).map { $0 % 5 != 0 })))))
    return try Table(pairs)
}

/// Every column of `t` equals `source`'s column gathered at `rows` by a plain loop (values under nulls
/// included, floats bit for bit, validity row by row).
private func expectRows(_ t: Table, _ source: Table, _ rows: [Int], _ label: String) {
    #expect(t.rowCount == rows.count, "\(label)")
    guard t.rowCount == rows.count else { return }
    for (name, src) in zip(source.columnNames, source.columns) {
        guard let got = t.column(named: name) else { Issue.record("\(label): no column \(name)"); continue }
        let expectedValidity = src.validity.map { v in Bitmap(rows.map { v[$0] }) } ?? Bitmap(count: rows.count)
        #expect((got.validity ?? Bitmap(count: rows.count)) == expectedValidity, "\(label) validity of \(name)")
        switch (got, src) {
        case (.int(let g), .int(let s)): #expect(g.values == rows.map { s.values[$0] }, "\(label) \(name)")
        case (.float(let g), .float(let s)):
            #expect(g.values.map(\.bitPattern) == rows.map { s.values[$0].bitPattern }, "\(label) \(name)")
        case (.bool(let g), .bool(let s)): #expect(g.values == rows.map { s.values[$0] }, "\(label) \(name)")
        case (.string(let g), .string(let s)):
            let ss = s.strings
            #expect(g.strings == rows.map { ss[$0] }, "\(label) \(name)")
            if case .plain = s.storage, case .dictionary = g.storage { Issue.record("\(label): plain strings re-encoded") }
        default: Issue.record("\(label): column \(name) changed type")
        }
    }
}

@Test func filterAndTakeMatchAReferenceOnRandomTables() throws {
    // The last case: 17,000 rows × 16 number columns (two with nulls), past the two-thread gather
    // threshold (2^18 cells).
    for (rows, seed, density) in [(0, 1, 0.5), (1, 2, 1.0), (63, 3, 0.5), (64, 4, 0.97), (65, 5, 0.15), (1000, 6, 0.0),
                                  (1000, 7, 0.15), (17_000, 8, 1.0)] as [(Int, UInt64, Double)] {
        let t = rows <= 1000 ? try randomTable(rows: rows, seed: seed) : try wideNumberTable(rows: rows)
        var g = SeededGenerator(seed: seed &+ 100)
        let mask = (0..<rows).map { _ in g.nextUnit() < density }
        let valid = (0..<rows).map { _ in g.nextUnit() >= 0.1 }
        let expected = (0..<rows).filter { mask[$0] && valid[$0] }
        expectRows(try t.filter(TypedColumn(mask, validity: Bitmap(valid))), t, expected, "filter \(rows)")
        if rows <= 1000 {
            expectRows(try t.filter(TypedColumn(mask)), t, (0..<rows).filter { mask[$0] }, "filter without nulls \(rows)")
        }
        // take: any order, repeats allowed.
        let picks = rows == 0 ? [] : (0..<min(rows * 2, 3000)).map { _ in g.nextInt(below: rows) }
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
            let matched = Set(referencePairs(lcells, rcells, .inner).map(\.0))
            #expect(JoinKernel.leftHasMatch([lc], [rc]) == (0..<nl).map { matched.contains($0) }, "\(label) semi")
        }
    }
}

@Test func largeJoinMatchesTheReferenceOnBothThreads() throws {
    // 70,000 left rows: the probe and the row layout run in two halves.
    var g = SeededGenerator(seed: 91)
    let nl = 70_000, nr = 3000
    let lk = (0..<nl).map { _ in g.nextUnit() < 0.05 ? nil : Int64(g.nextInt(below: 4000)) }
    let rk = (0..<nr).map { _ in g.nextUnit() < 0.05 ? nil : Int64(g.nextInt(below: 4000)) }
    // Reference (a full join): right rows by key, each left row's matches in order, unmatched right last.
    var byKey: [Int64: [Int]] = [:]
    for (j, k) in rk.enumerated() { if let k { byKey[k, default: []].append(j) } }
    var full: [(Int, Int)] = [], hit = [Bool](repeating: false, count: nr)
    for (i, k) in lk.enumerated() {
        let m = k.flatMap { byKey[$0] } ?? []
        for j in m { full.append((i, j)); hit[j] = true }
        if m.isEmpty { full.append((i, -1)) }
    }
    for j in 0..<nr where !hit[j] { full.append((-1, j)) }
    let inner = full.filter { $0.0 >= 0 && $0.1 >= 0 }
    let lc = Column.int(TypedColumn(optionals: lk)), rc = Column.int(TypedColumn(optionals: rk))
    // The same keys spread wide: the open-addressing table instead of the direct array.
    let lwide = Column.int(TypedColumn(optionals: lk.map { $0.map { $0 &* 1_000_003_001 } }))
    let rwide = Column.int(TypedColumn(optionals: rk.map { $0.map { $0 &* 1_000_003_001 } }))
    for (kind, expected) in [(JoinKind.inner, inner), (.full, full)] {
        for (l, r) in [(lc, rc), (lwide, rwide)] {
            let rows = JoinKernel.match([l], [r], kind: kind)
            #expect(rows.left == expected.map(\.0) && rows.right == expected.map(\.1), "\(kind)")
        }
    }
    // Through the table: the gathered columns follow the pairs.
    let lt = try Table([("k", lc), ("id", .int(TypedColumn<Int64>((0..<nl).map(Int64.init))))])
    let rt = try Table([("k", rc), ("rid", .int(TypedColumn<Int64>((0..<nr).map(Int64.init))))])
    let joined = try lt.joined(with: rt, on: [(left: "k", right: "k")])
    if case .int(let ids)? = joined.column(named: "id"), case .int(let rids)? = joined.column(named: "rid") {
        #expect(ids.values == inner.map { Int64($0.0) } && rids.values == inner.map { Int64($0.1) })
    } else {
        Issue.record("id and rid columns missing")
    }
}
