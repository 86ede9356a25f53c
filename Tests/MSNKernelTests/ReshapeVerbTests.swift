import Foundation
import MSNKernel
import MSNLanguage
import MSNTable
import Testing

/// A session with `name` bound to a table loaded from CSV text written to a temporary file.
private func session(_ tables: [String: String]) -> Session {
    let s = makeSession()
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("msnb-reshape-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    for (name, csv) in tables {
        let url = dir.appendingPathComponent(name + ".csv")
        try? csv.write(to: url, atomically: true, encoding: .utf8)
        _ = s.execute("\(name) = load \"\(url.path)\"")
    }
    return s
}

private func column(_ t: Table, _ name: String) -> [String] { (0..<t.rowCount).map { t[$0, name].description } }

private let survey = "id,region,mi1,mi2,mi3\n1,Java,4,5,3\n2,Bali,2,,1\n3,Java,5,4,4\n"

@Test func pivotLongerThenWiderRoundTrips() throws {
    let s = session(["svy": survey])
    let long = try s.table("svy | pivot longer mi1, mi2, mi3 names_to = \"item\" values_to = \"score\"")
    #expect(long.columnNames == ["id", "region", "item", "score"])
    #expect(long.rowCount == 9)
    #expect(column(long, "item") == ["mi1", "mi2", "mi3", "mi1", "mi2", "mi3", "mi1", "mi2", "mi3"])
    #expect(column(long, "score") == ["4", "5", "3", "2", "", "1", "5", "4", "4"])
    #expect(column(long, "id") == ["1", "1", "1", "2", "2", "2", "3", "3", "3"])
    // tidyr's defaults: name / value.
    #expect(try s.table("svy | pivot longer mi1, mi2").columnNames == ["id", "region", "mi3", "name", "value"])
    let wide = try s.table("long = svy | pivot longer mi1, mi2, mi3 names_to = \"item\" values_to = \"score\"\nlong | pivot wider names_from = item values_from = score")
    #expect(wide.columnNames == ["id", "region", "mi1", "mi2", "mi3"])
    #expect(column(wide, "mi2") == ["5", "", "4"])
    #expect(wide.column(named: "mi1")?.type == .int)
}

@Test func pivotErrorsAreClear() throws {
    let s = session(["svy": survey, "dup": "id,item,score\n1,a,3\n1,a,4\n2,a,5\n"])
    let d = s.failure("dup | pivot wider names_from = item values_from = score")
    #expect(d?.message.contains("two rows for id = 1, item = a (rows 1 and 2)") == true)
    #expect(s.failure("svy | pivot longer region, mi1")?.message.contains("different types") == true)
    #expect(s.failure("svy | pivot sideways mi1")?.message == "pivot needs a direction: longer or wider")
    #expect(s.failure("svy | pivot longer mi9")?.hint == "did you mean 'mi1'?")
}

private let firms = "id,region,sales\n1,Java,10\n2,Bali,20\n3,Java,30\n4,Papua,40\n"
private let regions = "region,sales,island_group\nJava,100,west\nBali,200,central\nSumatra,300,west\n"

@Test func joinKinds() throws {
    let s = session(["firms": firms, "regions": regions])
    let full = try s.table("firms | join regions on region with kind = \"full\"")
    #expect(full.columnNames == ["id", "region", "sales", "sales_right", "island_group"])
    #expect(column(full, "region") == ["Java", "Bali", "Java", "Papua", "Sumatra"])
    #expect(column(full, "id") == ["1", "2", "3", "4", ""])
    #expect(column(full, "sales_right") == ["100", "200", "100", "", "300"])
    let right = try s.table("firms | join regions on region with kind = \"right\"")
    #expect(column(right, "region") == ["Java", "Bali", "Java", "Sumatra"])
    #expect(column(right, "id") == ["1", "2", "3", ""])
    #expect(column(try s.table("firms | join regions on region with kind = \"semi\""), "id") == ["1", "2", "3"])
    let anti = try s.table("firms | join regions on region with kind = \"anti\"")
    #expect(column(anti, "id") == ["4"] && anti.columnNames == ["id", "region", "sales"])
    let suffixed = try s.table("firms | join regions on region with suffix = [\"_firm\", \"_region\"]")
    #expect(suffixed.columnNames == ["id", "region", "sales_firm", "sales_region", "island_group"])
    #expect(s.failure("firms | join regions on region with kind = \"outer\"")?.message.contains("\"full\"") == true)
    #expect(s.failure("firms | join regions on region with suffix = \"_x\"")?.hint == "with suffix = [\"_a\", \"_b\"]")
}

@Test func countPerValue() throws {
    let s = session(["firms": firms + "5,Java,50\n6,,60\n"])
    #expect(try s.text("firms | count") == "6")
    let c = try s.table("firms | count region")
    #expect(column(c, "region") == ["Bali", "Java", "Papua", ""])   // key order, null last
    #expect(column(c, "n") == ["1", "3", "1", "1"])
    let sorted = try s.table("firms | count region sort = true")
    #expect(column(sorted, "region") == ["Java", "Bali", "Papua", ""] && column(sorted, "n") == ["3", "1", "1", "1"])
    let two = try s.table("firms | count region, id with sort = true, name = \"firms\"")
    #expect(two.columnNames == ["region", "id", "firms"] && two.rowCount == 6)
    #expect(s.failure("firms | count regoin")?.hint == "did you mean 'region'?")
}

@Test func recodeCaseCutIfElse() throws {
    let s = session(["f": "sector,score,q\nfood,2.5,1\ntextile,7,5\ncraft,,4\nfood,5,2\n"])
    let t = try s.table("f | derive s2 = recode(sector, \"food\" -> \"agri\", \"textile\" -> \"manufacturing\"), " +
                        "lvl = case(score < 3 -> \"low\", score < 6 -> \"mid\", \"high\"), " +
                        "bin = cut(score, [0, 3, 6, 10]), hi = if_else(score > 4, 1, 0), q2 = recode(q, 1 -> 5, 2 -> 4, 4 -> 2, 5 -> 1)")
    #expect(column(t, "s2") == ["agri", "manufacturing", "craft", "agri"])
    #expect(column(t, "lvl") == ["low", "high", "high", "mid"])   // a null score fails both tests: the default
    #expect(column(t, "bin") == ["(0,3]", "(6,10]", "", "(3,6]"])
    #expect(column(t, "hi") == ["0", "1", "", "1"])
    #expect(column(t, "q2") == ["5", "1", "2", "4"] && t.column(named: "q2")?.type == .int)
    let other = try s.table("f | derive s3 = recode(sector, \"food\" -> \"agri\", \"other\"), b = cut(score, [0, 5, 10], [\"small\", \"big\"])")
    #expect(column(other, "s3") == ["agri", "other", "other", "agri"])
    #expect(column(other, "b") == ["small", "big", "", "small"])
    #expect(s.failure("f | derive x = recode(sector, 1 -> 2)")?.message.contains("looks for a number") == true)
    #expect(s.failure("f | derive x = cut(score, [3, 1])")?.message == "cut needs at least two increasing numbers as breaks")
    #expect(s.failure("f | derive x = case(score -> 1)")?.message.contains("true/false") == true)
    let r = try s.table("use likert\nf | derive r = reverse_code(q, 1, 5)")
    #expect(column(r, "r") == ["5", "1", "2", "4"])
}

@Test func habitsFromOtherToolsGetHints() throws {
    let s = session(["f": firms])
    #expect(s.failure("f | mutate x = 1")?.hint == "'mutate' is from another tool; in msnb write derive")
    #expect(s.failure("f | summarise n = count()")?.hint?.contains("summarize") == true)
    #expect(s.failure("f | summarize k = n()")?.hint == "'n()' is from another tool; in msnb write count()")
    #expect(s.failure("f %>% count")?.hint == "msnb pipes with |: t | filter x > 1")
    #expect(s.failure("f |> count")?.hint == "msnb pipes with |: t | filter x > 1")
    #expect(s.failure("f | filter is.na(sales)")?.hint == "write x is null (or x is not null)")
    #expect(s.failure("f | sort desc(sales)")?.hint == "write sort x desc")
    #expect(s.failure("f | filter sales > 1 & id < 3")?.hint == "write 'and' to combine conditions")
    #expect(s.failure("f | filter !(sales > 1)")?.hint == "write not x, or x != y")
    #expect(s.failure("f | filter sales > 1 || id < 3")?.hint == "write 'or' to combine conditions")
}

@Test func nullComparisonWarnsAndParametersCanBeNamed() throws {
    let s = session(["f": firms])
    let r = s.execute("f | filter region == null | count")
    #expect(r.succeeded)
    let warning = r.outputs.compactMap { o -> Diagnostic? in if case .warning(let d, _) = o { return d } else { return nil } }.first
    #expect(warning?.hint == "write region is null")
    // A binding with a column's name: the column wins, with a warning; @name is the binding.
    let shadow = s.execute("region = \"Java\"\nf | filter region == region | count")
    #expect(shadow.outputs.contains { if case .warning(let d, _) = $0 { return d.hint == "write @region for the bound value" } else { return false } })
    #expect(try s.text("f | filter region == @region | count") == "2")
    // Saying @region shows which is meant: no shadowing warning for that statement.
    let explicit = s.execute("f | filter region == @region | count")
    #expect(explicit.succeeded && !explicit.outputs.contains { if case .warning = $0 { return true } else { return false } })
    #expect(s.failure("f | filter region == @nothing")?.message == "unknown name 'nothing'")
}
