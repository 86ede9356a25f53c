import Foundation
import MSNKernel
import MSNLanguage
import MSNTable
import Testing

// `filter` compiles comparisons joined by and / or / not into one fused pass. These tests check it
// against hand-worked three-valued logic, and against the general path (`derive k = COND | filter k`,
// which evaluates the condition whole-column) on a random table with nulls in every column.

/// A session with `csv` loaded as `t`.
private func session(csv: String) -> Session {
    let s = makeSession()
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("msnb-fused-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let path = dir.appendingPathComponent("t.csv").path
    try? csv.write(toFile: path, atomically: true, encoding: .utf8)
    _ = s.execute("t = load \"\(path)\"")
    return s
}

/// The `id` column of a table.
private func ids(_ t: Table) -> [Int64] {
    guard case .int(let c)? = t.column(named: "id") else { return [] }
    return c.values
}

private let small = """
id,x,y,s,flag
1,5,1.5,Java,true
2,,2.5,Bali,false
3,7,,Java,
4,2,0.5,,true
5,9,9.5,Sumatra,false
6,,,,
"""

@Test func fusedFilterFollowsThreeValuedLogic() throws {
    let s = session(csv: small)
    s.bind("k", to: .int(6))
    let cases: [(String, [Int64])] = [
        ("x > 4 and s == \"Java\"", [1, 3]),
        ("x > 4 or s == \"Java\"", [1, 3, 5]),            // row 2: null or false is null; row 4: false or null
        ("not (x > 4 and s == \"Java\")", [2, 4, 5]),      // row 6: not null is null
        ("not (x > 6 or y < 1)", [1]),
        ("4 < x", [1, 3, 5]),                              // a constant on the left
        ("x > k and y > 1", [5]),                           // a bound name is a constant
        ("s < \"Java\"", [2]),
        ("\"Java\" <= s", [1, 3, 5]),
        ("s != \"Java\"", [2, 5]),                          // null strings are not "not Java"
        ("s == \"Nowhere\" or y >= 9.5", [5]),
        ("flag == true and x >= 5", [1]),
        ("flag != 1", [2, 5]),
        ("x is null or s == \"Bali\"", [2, 6]),            // a general-path leaf inside the fused tree
        ("s in [\"Bali\", \"Sumatra\"] and not (y > 9)", [2]),
        ("x < y or x == 7", [3, 5]),                        // column against column
        ("x > 4 and null", []),
        ("x > 4 or null", [1, 3, 5]),
        ("not (x > 4 and true)", [4]),
    ]
    for (condition, expected) in cases {
        let fused = try s.table("t | filter \(condition)")
        #expect(ids(fused) == expected, "filter \(condition)")
        let general = try s.table("t | derive keep = \(condition) | filter keep")
        #expect(ids(general) == expected, "derive keep = \(condition)")
        #expect(fused.columnNames == ["id", "x", "y", "s", "flag"])
    }
    // Every column comes through the selection, nulls included.
    let t = try s.table("t | filter x > 4 or s == \"Bali\"")
    #expect(t.rowCount == 4 && t[1, "x"] == .null && t[2, "y"] == .null && t[2, "flag"] == .null && t[3, "s"] == .string("Sumatra"))
}

@Test func fusedFilterKeepsTheGeneralPathsErrors() {
    let s = session(csv: small)
    let bad = ["x > \"a\" and s == \"Java\"", "s == \"Java\" and x", "not x or y > 1", "x > 1 and nosuch > 2"]
    for condition in bad {
        let fused = s.failure("t | filter        \(condition)"), general = s.failure("t | derive keep = \(condition)")
        #expect(fused != nil && fused?.message == general?.message, "filter \(condition)")
        #expect(fused?.span == general?.span)   // "filter" is padded to the length of "derive keep ="
    }
}

/// A random table of 5,000 rows (more than one 4,096-row chunk, a partial last word) with ~15% nulls in
/// every column: an int, a float, a dictionary-encoded string, a high-cardinality (plain) string, a bool.
private func randomTable() -> String {
    var g = SeededGenerator(seed: 7)
    let words = ["Java", "Bali", "Sumatra", "Été", "bali", "Java Timur"]
    var csv = "id,x,y,s,c,b\n"
    for i in 0..<5000 {
        func cell(_ v: String) -> String { g.nextUnit() < 0.15 ? "" : v }
        let plain = String((0..<4).map { _ in "abcdefghijklmnopqrstuvwxyz".randomElement(using: &g) ?? "a" })
        csv += "\(i),\(cell(String(g.nextInt(below: 21) - 10))),\(cell(String(format: "%.2f", g.nextNormal() * 5))),"
        csv += "\(cell(words[g.nextInt(below: words.count)])),\(cell(plain)),\(cell(g.nextUnit() < 0.5 ? "true" : "false"))\n"
    }
    return csv
}

/// A random condition of comparisons joined by and / or / not, up to `depth` levels deep.
private func randomCondition(_ g: inout SeededGenerator, depth: Int) -> String {
    if depth > 0 && g.nextUnit() < 0.7 {
        switch g.nextInt(below: 5) {
        case 0: return "not (\(randomCondition(&g, depth: depth - 1)))"
        case 1, 2: return "(\(randomCondition(&g, depth: depth - 1)) and \(randomCondition(&g, depth: depth - 1)))"
        default: return "(\(randomCondition(&g, depth: depth - 1)) or \(randomCondition(&g, depth: depth - 1)))"
        }
    }
    let ops = ["==", "!=", "<", "<=", ">", ">="]
    let op = ops[g.nextInt(below: ops.count)]
    let leaves: [String] = [
        "x", "y", "b", "s", "c", "s", "x", "y", "x_y", "is", "in", "k",
    ]
    let numbers = ["0", "3", "-2", "2.5", "-0.75", "10", "true"]
    let strings = ["\"Java\"", "\"bali\"", "\"Été\"", "\"m\"", "\"Zz\"", "\"\""]
    let flip = g.nextUnit() < 0.3
    func compare(_ column: String, _ constant: String) -> String { flip ? "\(constant) \(op) \(column)" : "\(column) \(op) \(constant)" }
    switch leaves[g.nextInt(below: leaves.count)] {
    case "x": return compare("x", numbers[g.nextInt(below: numbers.count)])
    case "y": return compare("y", numbers[g.nextInt(below: numbers.count)])
    case "b": return compare("b", ["true", "false", "1", "0.5"][g.nextInt(below: 4)])
    case "s": return compare("s", strings[g.nextInt(below: strings.count)])
    case "c": return compare("c", strings[g.nextInt(below: strings.count)])
    case "x_y": return "x \(op) y"
    case "is": return ["x is null", "s is not null", "b"][g.nextInt(below: 3)]
    case "in": return "s in [\"Java\", \"Été\"]"
    default: return compare("k", "x")
    }
}

@Test func fusedFilterMatchesTheGeneralPathOnRandomConditions() throws {
    let s = session(csv: randomTable())
    s.bind("k", to: .float(1.5))
    let all = try s.table("t")
    #expect(all.rowCount == 5000)
    if case .string(let c)? = all.column(named: "s"), case .dictionary = c.storage {} else { Issue.record("s should be dictionary-encoded") }
    if case .string(let c)? = all.column(named: "c"), case .plain = c.storage {} else { Issue.record("c should be plain") }
    var g = SeededGenerator(seed: 11)
    var nonTrivial = 0
    for _ in 0..<150 {
        // A leaf first: a statement cannot start a filter condition with '('.
        let condition = "\(randomCondition(&g, depth: 0)) \(g.nextUnit() < 0.5 ? "and" : "or") \(randomCondition(&g, depth: 3))"
        let fused = try s.table("t | filter \(condition)")
        let general = try s.table("t | derive keep = \(condition) | filter keep")
        #expect(ids(fused) == ids(general), "filter \(condition)")
        #expect(fused.columnNames == all.columnNames)
        if fused.rowCount > 0 && fused.rowCount < 5000 { nonTrivial += 1 }
    }
    #expect(nonTrivial > 75)   // the conditions really select
}
