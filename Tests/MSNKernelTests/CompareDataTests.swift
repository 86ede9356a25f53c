import Foundation
import MSNKernel
import MSNLanguage
import MSNTable
import Testing

/// `compare regions` form 1 against SciPy 1.17.1 (Fixtures/compare/make_compare.py, which also wrote
/// firms.csv); R 4's oneway.test, kruskal.test, chisq.test(correct = FALSE) and p.adjust("holm") agree
/// (see Fixtures/PROVENANCE.md).
private struct CompareFixture: Decodable {
    struct Summary: Decodable { let n: Int; let mean: Double; let sd: Double; let median: Double }
    struct Welch: Decodable { let F: Double; let df1: Double; let df2: Double; let p: Double; let eta2: Double }
    struct Kruskal: Decodable { let H: Double; let df: Double; let p: Double; let eps2: Double }
    struct Chi2: Decodable { let chi2: Double; let df: Double; let p: Double; let V: Double }
    struct GH: Decodable { let i: Int; let j: Int; let diff: Double; let t: Double; let df: Double; let p: Double }
    struct Variable: Decodable {
        let summary: [Summary]?
        let welch: Welch?
        let kruskal: Kruskal?
        let games_howell: [GH]?
        let levels: [String]?
        let counts: [[Int]]?
        let shares: [[Double]]?
        let chi2: Chi2?
    }
    struct DataSet: Decodable { let regions: [String]; let rows: Int; let variables: [String: Variable]; let p_holm: [Double] }
    let firms: DataSet
    let hs: DataSet

    static func load() throws -> CompareFixture {
        let url = repositoryRoot.appendingPathComponent("Tests/MSNKernelTests/Fixtures/compare/compare.json")
        return try JSONDecoder().decode(CompareFixture.self, from: Data(contentsOf: url))
    }
}

private func close(_ a: Double?, _ b: Double, _ tol: Double = 1e-9) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= tol * max(1, abs(b))
}

private let firmsPath = repositoryRoot.appendingPathComponent("Tests/MSNKernelTests/Fixtures/compare/firms.csv").path

/// Checks every table of a report against a fixture data set, variables in `order`.
private func checkReport(_ s: Session, _ report: String, _ ref: CompareFixture.DataSet, order: [String]) throws {
    let numeric = try s.table("\(report) | part numeric")
    let tests = try s.table("\(report) | part tests")
    var row = 0
    for name in order {
        guard let v = ref.variables[name] else { Issue.record("fixture lacks \(name)"); continue }
        if let welch = v.welch, let kw = v.kruskal, let summary = v.summary {
            for (k, region) in ref.regions.enumerated() {
                let r = try #require((0..<numeric.rowCount).first { numeric[$0, "region"] == .string(region) && numeric[$0, "variable"] == .string(name) })
                #expect(numeric[r, "n"] == .int(Int64(summary[k].n)))
                #expect(close(numeric[r, "mean"].doubleValue, summary[k].mean, 1e-12))
                #expect(close(numeric[r, "sd"].doubleValue, summary[k].sd, 1e-12))
                #expect(close(numeric[r, "median"].doubleValue, summary[k].median, 1e-12))
            }
            #expect(tests[row, "variable"] == .string(name) && tests[row, "test"] == .string("welch_anova"))
            #expect(close(tests[row, "statistic"].doubleValue, welch.F, 1e-10))
            #expect(close(tests[row, "df1"].doubleValue, welch.df1))
            #expect(close(tests[row, "df2"].doubleValue, welch.df2, 1e-10))
            #expect(close(tests[row, "p"].doubleValue, welch.p, 1e-8))
            #expect(close(tests[row, "effect_size"].doubleValue, welch.eta2, 1e-10))
            #expect(tests[row + 1, "test"] == .string("kruskal_wallis"))
            #expect(close(tests[row + 1, "statistic"].doubleValue, kw.H, 1e-10))
            #expect(close(tests[row + 1, "df1"].doubleValue, kw.df))
            #expect(tests[row + 1, "df2"].isNull)
            #expect(close(tests[row + 1, "p"].doubleValue, kw.p, 1e-8))
            #expect(close(tests[row + 1, "effect_size"].doubleValue, kw.eps2, 1e-10))
            row += 2
        } else if let chi = v.chi2, let levels = v.levels, let shares = v.shares {
            let lv = try s.table("\(report) | part levels | filter variable == \"\(name)\"")
            #expect(lv.rowCount == ref.regions.count * levels.count)
            for (k, region) in ref.regions.enumerated() {
                for (j, level) in levels.enumerated() {
                    let r = try #require((0..<lv.rowCount).first { lv[$0, "region"] == .string(region) && lv[$0, "level"] == .string(level) })
                    #expect(lv[r, "n"] == .int(Int64(v.counts?[k][j] ?? -1)))
                    #expect(close(lv[r, "share"].doubleValue, shares[k][j], 1e-12))
                }
            }
            #expect(tests[row, "test"] == .string("chi_square"))
            #expect(close(tests[row, "statistic"].doubleValue, chi.chi2, 1e-10))
            #expect(close(tests[row, "df1"].doubleValue, chi.df))
            #expect(close(tests[row, "p"].doubleValue, chi.p, 1e-8))
            #expect(close(tests[row, "effect_size"].doubleValue, chi.V, 1e-10))
            row += 1
        }
    }
    #expect(tests.rowCount == ref.p_holm.count)
    for (i, p) in ref.p_holm.enumerated() {
        #expect(close(tests[i, "p_holm"].doubleValue, p, 1e-8))
        #expect(tests[i, "verdict"] == .string(p < 0.05 ? "differs" : "no detectable difference"))
    }
}

@Test func compareRegionsOnFirmsMatchesSciPy() throws {
    let f = try CompareFixture.load()
    let s = makeSession()
    _ = s.execute("firms = load \"\(firmsPath)\"")
    let r = s.execute("cmp = compare regions firms by region on export_volume, sentiment, sector with pairwise = true")
    #expect(r.succeeded)
    // The row without a region is left out with a warning; sector's smallest expected count is 4.
    let warnings = r.outputs.compactMap { if case .warning(let d, _) = $0 { return d.message } else { return nil } }
    #expect(warnings.contains("1 row without a region was left out"))
    #expect(warnings.contains { $0.hasPrefix("the smallest expected count for sector is 4.0") })
    try checkReport(s, "cmp", f.firms, order: ["export_volume", "sentiment", "sector"])
    // Games–Howell: contrasts (A,B), (A,C), (B,C) per numeric variable.
    let pairs = try s.table("cmp | part pairwise")
    #expect(pairs.rowCount == 6)
    for (offset, name) in ["export_volume", "sentiment"].enumerated() {
        for (k, gh) in (f.firms.variables[name]?.games_howell ?? []).enumerated() {
            let r = offset * 3 + k
            #expect(pairs[r, "variable"] == .string(name))
            #expect(pairs[r, "region_a"] == .string(f.firms.regions[gh.i]) && pairs[r, "region_b"] == .string(f.firms.regions[gh.j]))
            #expect(close(pairs[r, "mean_diff"].doubleValue, gh.diff, 1e-10))
            #expect(close(pairs[r, "t"].doubleValue, gh.t, 1e-10))
            #expect(close(pairs[r, "df"].doubleValue, gh.df, 1e-10))
            #expect(abs((pairs[r, "p"].doubleValue ?? -1) - gh.p) < 1e-7)
        }
    }
    // The paragraph names the verdicts.
    guard case .model(let m)? = s.value(of: "cmp") else { Issue.record("no report"); return }
    #expect(m.kind == "comparison")
    let text = m.summary.paragraphs.joined(separator: " ").replacingOccurrences(of: "\n", with: " ")
    #expect(text.contains("Differs across regions: export_volume (Welch F = 18.16, p_holm < .001, eta² = .38 (95% CI "))
    #expect(text.contains("), large) and sector (χ² = 18.84, p_holm = .003, Cramér's V = .40 (95% CI "))
    #expect(text.contains("No detectable difference: sentiment (Welch F = 1.76, p_holm = .376)"))
    #expect(text.contains("rows: A 21, B 20, C 18; 1 without a region left out"))
}

@Test func compareRegionsOnHolzingerSwinefordMatchesSciPy() throws {
    let f = try CompareFixture.load()
    let s = makeSession()
    _ = s.execute("hs = load \"data/HolzingerSwineford1939.csv\" | derive older = if(ageyr >= 13, \"13+\", \"12 or less\")")
    let r = s.execute("by_school = hs | compare regions by school on x1, x4, x7, older")
    #expect(r.succeeded, "\(Renderer.text(r.outputs, options: s.options))")
    try checkReport(s, "by_school", f.hs, order: ["x1", "x4", "x7", "older"])
    #expect(s.failure("by_school | part pairwise")?.hint == "The tables are: numeric, levels, tests")
}

@Test func comparisonReportDisplaysEveryPartUnderItsName() throws {
    let s = makeSession()
    _ = s.execute("firms = load \"\(firmsPath)\"")
    let r = s.execute("compare regions firms by region on sentiment, sector")
    #expect(r.succeeded)
    let outputs = r.outputs.filter { if case .warning = $0 { return false } else { return true } }
    #expect(outputs.count == 4)
    guard case .model(let kind, let summary)? = outputs.first, summary.table == nil else { Issue.record("summary first"); return }
    #expect(kind == "comparison")
    let captions = outputs.dropFirst().compactMap { if case .table(_, let c) = $0 { return c } else { return nil } }
    #expect(captions == ["numeric", "levels", "tests"])
    let md = Renderer.markdown(outputs, options: s.options)
    #expect(md.contains("**tests**\n\n| variable | test | statistic |"))
    #expect(md.contains("- tables: numeric, levels, tests — pick one with: | part numeric\n\nCompared 3 regions by region"))
}

@Test func compareRegionsExplainsWhatIsWrong() throws {
    let s = makeSession()
    _ = s.execute("firms = load \"\(firmsPath)\"\nhs = load \"data/HolzingerSwineford1939.csv\"")
    let unknownBy = s.failure("compare regions firms by regoin on sentiment")
    #expect(unknownBy?.message == "unknown column 'regoin'" && unknownBy?.hint == "did you mean 'region'?")
    let unknownOn = s.failure("compare regions firms by region on sentimnet")
    #expect(unknownOn?.message == "unknown column 'sentimnet'" && unknownOn?.hint == "did you mean 'sentiment'?")
    #expect(s.failure("compare regions (firms | filter region == \"A\") by region on sentiment")?.message
            == "the grouping column 'region' has a single level ('A'); there is nothing to compare")
    let small = s.failure("compare regions (firms | filter region != \"C\" or id == 3) by region on sentiment")
    #expect(small?.message == "region 'C' has 1 value of sentiment; comparing means needs at least 2 per region")
    #expect(small?.hint == "leave the region out first: | filter region != \"C\"")
    #expect(s.failure("compare regions firms by region")?.message == "compare regions needs the variables to compare after 'on'")
    #expect(s.failure("compare regions firms by region on region")?.message == "'region' is the grouping column; compare other columns across it")
    #expect(s.failure("compare region firms by region on sentiment")?.hint == "did you mean 'regions'?")
    #expect(s.failure("compare regions firms by region on sentiment with pairwise = 1")?.message == "pairwise is true or false")
    #expect(s.failure("compare regions firms by region on sentiment with pairwse = true")?.hint == "did you mean 'pairwise'?")
    // A fitted SEM goes to form 3 (CompareSEMTests); a model fitted in groups is refused there.
    #expect(s.execute("sm = fit sem on hs { visual =~ x1 + x2 + x3 }\ncompare regions sm by school on hs").succeeded)
    #expect(s.failure("compare regions 3 by school on hs")?.message == "compare regions needs a table or a fitted model, but it was given an int")
    // part: a table from a report, with did-you-mean over the part names.
    _ = s.execute("cmp = compare regions firms by region on sentiment")
    let part = s.failure("cmp | part test")
    #expect(part?.message == "this comparison has no table 'test'")
    #expect(part?.hint == "did you mean 'tests'? The tables are: numeric, tests")
    #expect(try s.table("part cmp numeric").rowCount == 3)
    #expect(s.failure("firms | part tests")?.message == "part picks a table from a report with parts (from compare), but it was given a table")
}

@Test func effectSizesCarryBootstrapIntervals() throws {
    let s = makeSession()
    _ = s.execute("hs = load \"data/HolzingerSwineford1939.csv\" | derive older = if(ageyr >= 13, \"13+\", \"12 or less\")")
    let t = try s.table("compare regions hs by school on x5, older seed 4 with effect_draws = 300 | part tests")
    #expect(t.columnNames.contains("effect_lower") && t.columnNames.contains("effect_upper"))
    for r in 0..<t.rowCount {
        let (lo, e, hi) = (t[r, "effect_lower"].doubleValue ?? .nan, t[r, "effect_size"].doubleValue ?? .nan, t[r, "effect_upper"].doubleValue ?? .nan)
        #expect(lo <= e && e <= hi, "row \(r): \(lo) \(e) \(hi)")
    }
    // The same seed gives the same intervals; effect_draws = 0 leaves them out.
    let again = try s.table("compare regions hs by school on x5, older seed 4 with effect_draws = 300 | part tests")
    #expect(again[0, "effect_lower"] == t[0, "effect_lower"])
    let none = try s.table("compare regions hs by school on x5 with effect_draws = 0 | part tests")
    #expect(none[0, "effect_lower"].isNull)
    // x5 differs between the schools (Welch p < .001): the paragraph gives eta² with its interval.
    let text = Renderer.text(s.execute("compare regions hs by school on x5 seed 4 with effect_draws = 300").outputs, options: s.options)
    #expect(text.contains("eta² = ") && text.contains("(95% CI "))
}
