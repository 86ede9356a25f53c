import Testing
@testable import MSNTable

// The sort and join kernels work on typed keys; these tests check them against plain reference
// implementations (a comparator sort over cells, a nested-loop join) on random tables with nulls,
// ties, duplicates, mixed int/float keys and several keys at once.

/// A random table: int and float keys with few distinct values (many ties), a dictionary string, a
/// plain (high-cardinality) string, a bool, each ~15% null, and a unique row id.
private func randomTable(rows: Int, seed: UInt64) throws -> Table {
    var g = SeededGenerator(seed: seed)
    func maybe<T>(_ v: T) -> T? { g.nextUnit() < 0.15 ? nil : v }
    let words = ["Java", "Bali", "Sumatra", "Été", "bali"]
    var ints: [Int64?] = [], floats: [Double?] = [], strs: [String?] = [], plain: [String?] = [], bools: [Bool?] = []
    for _ in 0..<rows {
        ints.append(maybe(Int64(g.nextInt(below: 7)) - 3))
        floats.append(maybe([-1.5, -0.0, 0.0, 2.25, 1e300, -1e-300][g.nextInt(below: 6)]))
        strs.append(maybe(words[g.nextInt(below: words.count)]))
        plain.append(maybe("p\(g.nextInt(below: 40))"))
        bools.append(maybe(g.nextUnit() < 0.5))
    }
    return try Table([
        ("id", .int(TypedColumn<Int64>((0..<rows).map(Int64.init)))),
        ("i", .int(TypedColumn<Int64>(optionals: ints))),
        ("f", .float(TypedColumn<Double>(optionals: floats))),
        ("s", .string(StringColumn(strs))),
        ("p", .string(plainColumn(plain))),
        ("b", .bool(TypedColumn(bools.map { $0 ?? false }, validity: Bitmap(bools.map { $0 != nil })))),
    ])
}

/// Strings in plain (offsets and bytes) storage.
private func plainColumn(_ strings: [String?]) -> StringColumn {
    var offsets = [0], bytes: [UInt8] = []
    for s in strings {
        bytes += Array((s ?? "").utf8)
        offsets.append(bytes.count)
    }
    return StringColumn(storage: .plain(offsets: offsets, bytes: bytes), validity: Bitmap(strings.map { $0 != nil }))
}

/// Reference: a stable comparator sort over cell values, nulls last in either direction.
private func referenceOrder(_ t: Table, _ keys: [SortKey]) -> [Int] {
    func less(_ x: CellValue, _ y: CellValue) -> Bool {
        switch (x, y) {
        case (.string(let a), .string(let b)): return a < b
        case (.bool(let a), .bool(let b)): return !a && b
        default: return (x.doubleValue ?? 0) < (y.doubleValue ?? 0)
        }
    }
    return Array(0..<t.rowCount).sorted { a, b in
        for key in keys {
            let x = t[a, key.column], y = t[b, key.column]
            if x.isNull != y.isNull { return y.isNull }
            if x.isNull { continue }
            if less(x, y) { return !key.descending }
            if less(y, x) { return key.descending }
        }
        return a < b
    }
}

@Test func radixSortMatchesAComparatorSort() throws {
    let t = try randomTable(rows: 3000, seed: 5)
    #expect(t.column(named: "p").map { if case .string(let s) = $0, case .plain = s.storage { true } else { false } } == true)
    let keySets: [[SortKey]] = [
        [SortKey("i")], [SortKey("f", descending: true)], [SortKey("s")], [SortKey("p", descending: true)], [SortKey("b")],
        [SortKey("s"), SortKey("f", descending: true)], [SortKey("b", descending: true), SortKey("i"), SortKey("p")],
        [SortKey("f"), SortKey("s", descending: true), SortKey("i", descending: true)],
    ]
    for keys in keySets {
        #expect(try t.sortIndices(by: keys) == referenceOrder(t, keys), "\(keys.map { "\($0.column)\($0.descending ? " desc" : "")" })")
    }
    // Exact order for ints beyond 2^53, -0.0 tied with 0.0 (row order kept), NaN after +infinity.
    let big = try Table([
        ("i", .int(TypedColumn<Int64>([Int64.max, Int64.max - 1, Int64.min, 1 << 53 + 1, 1 << 53]))),
        ("f", .float(TypedColumn<Double>([0.0, -0.0, .nan, .infinity, -.infinity]))),
    ])
    #expect(try big.sortIndices(by: [SortKey("i")]) == [2, 4, 3, 1, 0])
    #expect(try big.sortIndices(by: [SortKey("f")]) == [4, 0, 1, 3, 2])
    #expect(try big.sortIndices(by: [SortKey("f", descending: true)]) == [2, 3, 0, 1, 4])
}

/// Reference: a nested-loop join on cell equality (ints equal to equal floats; nulls never match).
private func referenceJoin(_ l: Table, _ r: Table, _ keys: [(String, String)], left: Bool) -> [(Int, Int)] {
    func same(_ x: CellValue, _ y: CellValue) -> Bool {
        if x.isNull || y.isNull { return false }
        if let a = x.doubleValue, let b = y.doubleValue, case .bool = x, case .bool = y { return a == b }
        if case .string(let a) = x, case .string(let b) = y { return a == b }
        if case .bool = x { return false }
        return x.doubleValue.map { a in y.doubleValue.map { a == $0 } ?? false } ?? false
    }
    var out: [(Int, Int)] = []
    for i in 0..<l.rowCount {
        var any = false
        for j in 0..<r.rowCount where keys.allSatisfy({ same(l[i, $0.0], r[j, $0.1]) }) { out.append((i, j)); any = true }
        if left && !any { out.append((i, -1)) }
    }
    return out
}

@Test func typedJoinMatchesANestedLoopJoin() throws {
    let l = try randomTable(rows: 400, seed: 9), r = try randomTable(rows: 60, seed: 10)
    // A float copy of r's int key, to join int against float.
    let rf = try r.adding("i_as_f", .float(TypedColumn<Double>(optionals: (0..<r.rowCount).map { r[$0, "i"].doubleValue })))
    let keySets: [[(String, String)]] = [
        [("s", "s")], [("i", "i")], [("f", "f")], [("b", "b")], [("p", "p")], [("i", "i_as_f")], [("s", "s"), ("b", "b")],
        [("i", "i"), ("s", "s"), ("p", "p")],
    ]
    for keys in keySets {
        for kind in [JoinKind.inner, .left] {
            let joined = try l.joined(with: rf, on: keys.map { (left: $0.0, right: $0.1) }, kind: kind)
            let expected = referenceJoin(l, rf, keys, left: kind == .left)
            let label = "\(keys.map(\.0)) \(kind)"
            #expect(joined.rowCount == expected.count, "\(label)")
            guard joined.rowCount == expected.count else { continue }
            #expect((0..<joined.rowCount).map { joined[$0, "id"] } == expected.map { .int(Int64($0.0)) }, "\(label)")
            // The right side's id (renamed) is null exactly where nothing matched.
            #expect((0..<joined.rowCount).map { joined[$0, "id_right"] } == expected.map { $0.1 < 0 ? .null : .int(Int64($0.1)) }, "\(label)")
        }
    }
}
