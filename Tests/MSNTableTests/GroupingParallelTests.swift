import Testing
@testable import MSNTable

// The partitioned grouping pass (from 131,072 rows) against first-appearance numbering done by hand.

@Test func partitionedGroupingNumbersGroupsByFirstAppearance() throws {
    var g = SeededGenerator(seed: 5)
    let n = 200_000
    let sectors = ["food", "textiles", "services", "crafts", "metal", "wood", "glass"]
    let regions = ["Java", "Bali", "Sumatra", "Papua"]
    // Rare combinations appear late (only in the last parts), a null key in the middle.
    var a: [String?] = [], b: [String?] = []
    for i in 0..<n {
        a.append(i > 190_000 && i % 7 == 0 ? "late" : sectors[g.nextInt(below: i < 100_000 ? 3 : sectors.count)])
        b.append(i == 150_001 ? nil : regions[g.nextInt(below: regions.count)])
    }
    let t = try Table([("a", .string(StringColumn(a))), ("b", .string(StringColumn(b)))])
    let grouping = try t.grouping(by: ["a", "b"])
    var seen: [String: Int32] = [:]
    var expected = [Int32](repeating: 0, count: n)
    var first: [Int] = []
    for i in 0..<n {
        let key = "\(a[i] ?? "∅")|\(b[i] ?? "∅")"
        if let id = seen[key] { expected[i] = id } else {
            expected[i] = Int32(seen.count); seen[key] = expected[i]; first.append(i)
        }
    }
    #expect(grouping.groupCount == seen.count)
    #expect(grouping.groupIDs == expected)
    #expect(grouping.firstRows == first)
    let counts = grouping.counts()
    #expect(counts.reduce(0, +) == Int64(n))
}
