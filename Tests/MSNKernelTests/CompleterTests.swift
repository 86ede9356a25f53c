import Foundation
@testable import MSNKernel
import Testing

private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

private func completer() -> Completer {
    let s = Session(configuration: SessionConfiguration(directory: root.appendingPathComponent("Notebooks"),
                                                       stdlibDirectory: root.appendingPathComponent("Stdlib")))
    _ = s.execute("firms = load \"data/HolzingerSwineford1939.csv\"\nfirst_n = 3")
    return Completer(session: s, directory: root.appendingPathComponent("Notebooks"), metaCommands: [":help", ":tables", ":schema", ":timing", ":rows", ":reset", ":load", ":save", ":quit"])
}

@Test func completesColumnsOfThePipelineTable() {
    let c = completer()
    #expect(c.candidates(before: "firms | filter ", word: "age") == ["ageyr", "agemo"].sorted())
    #expect(c.candidates(before: "x = firms | derive y = ", word: "sc") == ["scale_mean3", "school"])
    #expect(c.candidates(before: "firms | summarize m = mean(", word: "x") == ["x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9"])
}

@Test func completesVerbsAtStagesAndNamesAtStart() {
    let c = completer()
    #expect(c.candidates(before: "firms | ", word: "fi") == ["filter", "fit", "fitmeasures"])   // only verbs this build has
    #expect(c.candidates(before: "", word: "fir") == ["firms", "first_n"])
    #expect(c.candidates(before: "", word: "de") == ["def", "derive", "describe"])
}

@Test func completesOptionsPathsAndMetaCommands() {
    let c = completer()
    #expect(c.candidates(before: "t = load \"x.csv\" with ", word: "de") == ["decimal", "delimiter"])
    #expect(c.candidates(before: "t = load \"", word: "data/Hol") == ["data/HolzingerSwineford1939.csv"])
    #expect(c.candidates(before: "t = load \"", word: "da") == ["data/"])
    #expect(c.candidates(before: "", word: ":ta") == [":tables"])
    #expect(c.candidates(before: ":help ", word: "sp") == ["split"])
    #expect(c.candidates(before: ":schema ", word: "f") == ["firms"])
}

@Test func completesColumnsMadeByEarlierStagesAndJoinedTables() {
    let c = completer()
    _ = c.session.execute("sizes = firms | summarize n_pupils = count() by school")
    #expect(c.candidates(before: "firms | derive zed = x1 * 2 | filter ", word: "ze") == ["zed"])
    #expect(c.candidates(before: "firms | select pupil = id | sort ", word: "pup") == ["pupil"])
    #expect(c.candidates(before: "firms | join sizes on school | filter ", word: "n_p") == ["n_pupils"])
    // An option value is not a column.
    #expect(c.candidates(before: "firms | drop outliers x1 with k = 3 | filter ", word: "k") == [])
}

@Test func pathsOnlyInTheStringsOfLoadUseAndExport() {
    let c = completer()
    #expect(c.candidates(before: "use \"", word: "data/Hol") == ["data/HolzingerSwineford1939.csv"])
    #expect(c.candidates(before: "firms | export \"", word: "data/Hol") == ["data/HolzingerSwineford1939.csv"])
    #expect(c.candidates(before: "firms | filter school == \"", word: "da") == [])
}

@Test func optionsOfEveryVerbWithOptions() {
    let c = completer()
    #expect(c.candidates(before: "firms | join sizes on school with ", word: "") == ["kind", "suffix"])
    #expect(c.candidates(before: "firms | drop outliers x1 with ", word: "") == ["k"])
    #expect(c.candidates(before: "m = fit boost y ~ x on firms with ", word: "tr") == ["trees"])
    #expect(c.candidates(before: "s = fit sem on firms { f =~ x1 + x2 + x3 } with ", word: "std") == ["std_lv"])
    #expect(c.candidates(before: "compare regions firms by school on x1 with ", word: "p") == ["pairwise", "permutations"])
}

@Test func completesAtACursorAsJupyterAsks() {
    let c = completer()
    let code = "firms | filter age"
    let r = c.complete(code: code, cursor: code.utf8.count)
    #expect(r.start == 15 && r.end == 18)
    #expect(r.matches == ["agemo", "ageyr"])
    let path = "t = load \"data/Hol"
    let p = c.complete(code: path, cursor: path.utf8.count)
    #expect(p.start == 10 && p.matches == ["data/HolzingerSwineford1939.csv"])
    // The cursor in the middle of the code: only the text before it counts.
    let mid = c.complete(code: "firms | fi\nx = 1", cursor: 10)
    #expect(mid.start == 8 && mid.end == 10 && mid.matches == ["filter", "fit", "fitmeasures"])
}

@Test func noSpaceInsideAnOpenString() {
    #expect(Completer.appendCharacter(before: "load \"", matches: ["data/firms.xlsx"]) == 0)
    #expect(Completer.appendCharacter(before: "load \"", matches: ["data/"]) == 0)
    #expect(Completer.appendCharacter(before: "firms | ", matches: ["filter"]) == 32)
    #expect(Completer.appendCharacter(before: "t = load \"a.csv\" | ", matches: ["filter"]) == 32)
}
