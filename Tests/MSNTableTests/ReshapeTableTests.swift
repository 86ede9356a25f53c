import Testing
@testable import MSNTable

private func t(_ pairs: [(String, Column)]) throws -> Table { try Table(pairs) }
private func text(_ t: Table, _ c: String) -> [String] { (0..<t.rowCount).map { t[$0, c].description } }

@Test func joinKindsOnTheEngine() throws {
    let left = try t([("k", .int(TypedColumn([1, 2, 3, 2]))), ("x", .string(StringColumn(["a", "b", "c", "d"])))])
    let right = try t([("k", .float(TypedColumn([2, 4]))), ("x", .int(TypedColumn([20, 40])))])
    let full = try left.joined(with: right, on: [("k", "k")], kind: .full, suffix: ("_l", "_r"))
    #expect(full.columnNames == ["k", "x_l", "x_r"])
    #expect(text(full, "k") == ["1.0", "2.0", "3.0", "2.0", "4.0"])   // int and float keys meet as float
    #expect(text(full, "x_r") == ["", "20", "", "20", "40"])
    #expect(text(try left.joined(with: right, on: [("k", "k")], kind: .right), "x") == ["b", "d", ""])
    #expect(text(try left.joined(with: right, on: [("k", "k")], kind: .semi), "x") == ["b", "d"])
    #expect(text(try left.joined(with: right, on: [("k", "k")], kind: .anti), "x") == ["a", "c"])
}

@Test func pivotAndCountOnTheEngine() throws {
    let wide = try t([("id", .int(TypedColumn([1, 2]))), ("a", .int(TypedColumn([10, 20]))), ("b", .float(TypedColumn([1.5, 2.5])))])
    let long = try wide.pivotLonger(["a", "b"], namesTo: "item", valuesTo: "v")
    #expect(text(long, "v") == ["10.0", "1.5", "20.0", "2.5"] && long.column(named: "v")?.type == .float)
    let back = try long.pivotWider(namesFrom: "item", valuesFrom: "v")
    #expect(back.columnNames == ["id", "a", "b"] && text(back, "b") == ["1.5", "2.5"])
    #expect(throws: TableError.self) { try long.concatenating(long).pivotWider(namesFrom: "item", valuesFrom: "v") }
    let counted = try long.countRows(by: ["item"], byFrequency: true)
    #expect(text(counted, "item") == ["a", "b"] && text(counted, "n") == ["2", "2"])
}
