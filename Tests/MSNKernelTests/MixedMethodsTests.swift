import Foundation
import MSNKernel
import MSNTable
import Testing

/// `agreement`, `prevalence`, `joint` and `simulate interviews` (issue 20, mixed methods).
private func value(_ t: Table, _ row: Int, _ column: String) -> Double { t[row, column].doubleValue ?? .nan }

private func row(_ t: Table, where column: String, is text: String) -> Int? {
    (0..<t.rowCount).first { t[$0, column].description == text }
}

@Test func agreementReadsLongAndWideCodesAlike() throws {
    // Notebooks/data/interview_codes*.csv: 6 respondents × 3 themes = 18 units; 15 agree; coder A applied 7
    // themes, B 6, both 5. p_o = 270/324, p_e = (7·6 + 11·12)/324 = 174/324, so κ = 96/150 = 0.64.
    let s = makeSession()
    let long = try s.table("codes = load \"data/interview_codes.csv\"\nagreement codes by coder on theme with draws = 0 | part overall")
    let wide = try s.table("w = load \"data/interview_codes_wide.csv\"\nagreement w by coder with format = \"wide\", draws = 0 | part overall")
    for t in [long, wide] {
        let k = try #require(row(t, where: "statistic", is: "Cohen's kappa"))
        #expect(abs(value(t, k, "estimate") - 0.64) < 1e-12)
        #expect(abs(value(t, 0, "estimate") - 15.0 / 18) < 1e-12)
        #expect(t[k, "verdict"].description == "substantial")
    }
    // Per theme: fx_risk is 101 (1, 0), 102 (0, 1), 105 (1, 1), three 0/0 → p_o = 4/6, p_e = 5/9, κ = 1/4.
    let themes = try s.table("agreement codes by coder on theme with draws = 0 | part themes")
    let fx = try #require(row(themes, where: "theme", is: "fx_risk"))
    #expect(abs(value(themes, fx, "kappa") - 0.25) < 1e-12)
    #expect(themes.rowCount == 3)
}

@Test func agreementBootstrapIntervalsAreSeeded() throws {
    let s = makeSession()
    _ = s.execute("codes = load \"data/interview_codes.csv\"")
    let a = try s.table("agreement codes by coder on theme seed 5 with draws = 300 | part overall")
    let b = try s.table("agreement codes by coder on theme seed 5 with draws = 300 | part overall")
    #expect(value(a, 1, "ci_lower") == value(b, 1, "ci_lower"))
    #expect(value(a, 1, "ci_lower") <= 0.64 && 0.64 <= value(a, 1, "ci_upper"))
    let shown = s.execute("agreement codes by coder on theme seed 5 with draws = 300")
    let text = Renderer.text(shown.outputs, options: s.options)
    #expect(text.contains("Cohen's κ") && text.contains("95% bootstrap CI") && text.contains("Landis and Koch"))
}

@Test func agreementErrorsArePositionedAndHelpful() throws {
    let s = makeSession()
    _ = s.execute("codes = load \"data/interview_codes.csv\"")
    let noCoder = s.failure("agreement codes by rater on theme")
    #expect(noCoder?.message == "the coded table has no coder column 'rater'")
    #expect(noCoder?.span?.column == 20)
    #expect(noCoder?.hint?.contains("respondent, coder, theme") == true)
    #expect(s.failure("agreement codes by coder on theme with level = \"ratio\"")?.message.contains("nominal") == true)
    #expect(s.failure("agreement codes by coder on theme with format = \"tall\"")?.message == "format is \"long\" or \"wide\"")
    let one = s.failure("codes | filter coder == \"A\" | agreement by coder on theme")
    #expect(one?.message.contains("two or more coders") == true)
}

@Test func prevalenceGivesWilsonIntervals() throws {
    let s = makeSession()
    _ = s.execute("codes = load \"data/interview_codes.csv\"")
    let any = try s.table("prevalence codes by theme | part themes")
    // rule any: global_platforms 101, 104, 106 → 3 of 6; Wilson at p = .5: centre .5, half z√(1/24 + z²/144)/(1 + z²/6).
    let gp = try #require(row(any, where: "theme", is: "global_platforms"))
    let z = 1.959963984540054
    let half = z * (0.25 / 6 + z * z / 144).squareRoot() / (1 + z * z / 6)
    #expect(value(any, gp, "count") == 3 && value(any, gp, "n") == 6)
    #expect(abs(value(any, gp, "ci_lower") - (0.5 - half)) < 1e-12 && abs(value(any, gp, "ci_upper") - (0.5 + half)) < 1e-12)
    let all = try s.table("prevalence codes by theme with rule = \"all\" | part themes")
    #expect(value(all, try #require(row(all, where: "theme", is: "global_platforms")), "count") == 2)
    let wide = try s.table("w = load \"data/interview_codes_wide.csv\"\nprevalence w with format = \"wide\" | part themes")
    #expect(value(wide, try #require(row(wide, where: "theme", is: "fx_risk")), "count") == 3)
    #expect(s.failure("prevalence codes by theme, coder, excerpt")?.message == "prevalence breaks down by one group column")
    // Without by, a long table's text column 'theme' holds the themes.
    #expect(value(try s.table("prevalence codes | part themes"), 0, "count") == 3)
}

@Test func prevalenceByGroupUsesExactTests() throws {
    let s = makeSession()
    // 8 respondents, one coder: theme x in 4 of 4 in group g1, 0 of 4 in g2 → Fisher p = 2/C(8,4) = 2/70.
    var lines = ["respondent,group,theme"]
    for i in 1...8 { lines.append("\(i),\(i <= 4 ? "g1" : "g2"),\(i <= 4 ? "x" : "")") }
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("msnb-prev-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let file = dir.appendingPathComponent("codes.csv")
    try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
    let tests = try s.table("p = load \"\(file.path)\"\nprevalence p by theme, group | part tests")
    #expect(abs(value(tests, 0, "p") - 2.0 / 70) < 1e-12)
    #expect(tests[0, "test"].description == "Fisher's exact")
}

@Test func simulatedInterviewsAreDeterministicAndRecoverTheTruth() throws {
    let s = makeSession()
    _ = s.execute("firms = simulate exporters n = 2000 seed = 11")
    let a = try s.table("simulate interviews n = 15 seed = 3 from firms")
    let b = try s.table("simulate interviews n = 15 seed = 3 from firms")
    #expect(a.columnNames == ["respondent", "region", "coder", "theme", "excerpt"])
    #expect(a.rowCount == b.rowCount && (0..<a.rowCount).allSatisfy { a[$0, "theme"] == b[$0, "theme"] })
    // Over 1,500 interviews the per-theme κ is near the chosen 0.6 and each share near its truth.
    #expect(s.execute("big = simulate interviews n = 1500 seed = 4 from firms with kappa = 0.6").succeeded)
    let themes = try s.table("agreement big by coder on theme with draws = 0 | part themes")
    #expect(themes.rowCount == 5)
    for i in 0..<themes.rowCount { #expect(abs(value(themes, i, "kappa") - 0.6) < 0.06, "\(themes[i, "theme"])") }
    let truth = try s.table("simulate interviews truth from firms with kappa = 0.6")
    let shares = try s.table("big | filter coder == \"A\" | prevalence by theme | part themes")
    for i in 0..<truth.rowCount {
        let name = truth[i, "theme"].description
        let r = try #require(row(shares, where: "theme", is: name))
        #expect(abs(value(shares, r, "share") - value(truth, i, "share")) < 0.04, "\(name)")
    }
    #expect(s.failure("simulate interviews n = 15 seed = 3")?.hint?.contains("from firms") == true)
    #expect(s.failure("simulate interviews n = 15 from firms with kappa = 1.5")?.message.contains("between 0 and 1") == true)
    #expect(s.failure("firms | select firm_id, region | simulate interviews n = 15")?.message.contains("no numeric column 'sentiment'") == true)
}

@Test func jointDisplaysThemesBesideTheModel() throws {
    let s = makeSession()
    _ = s.execute("""
        firms = simulate exporters n = 300 seed = 8
        codes = simulate interviews n = 40 seed = 2 from firms
        """)
    _ = s.execute("m = fit boost exported ~ sentiment + fx_volatility + import_policy + tech_use on firms with trees = 20, depth = 3")
    let display = try s.table("j = joint firms, codes by firm_id with model = m\nj | part display")
    #expect(display.rowCount == 40)
    #expect(Array(display.columnNames.prefix(5)) == ["firm_id", "region", "predicted", "top_driver", "exported"])
    let conv = try s.table("j | part convergence")
    // The difference is the mean prediction with the theme minus without, from the display itself.
    let fx = try #require(row(conv, where: "theme", is: "fx_risk"))
    let with = (0..<40).filter { value(display, $0, "fx_risk") == 1 }.map { value(display, $0, "predicted") }
    let without = (0..<40).filter { value(display, $0, "fx_risk") == 0 }.map { value(display, $0, "predicted") }
    let diff = with.reduce(0, +) / Double(with.count) - without.reduce(0, +) / Double(without.count)
    #expect(abs(value(conv, fx, "difference") - diff) < 1e-12)
    #expect(value(conv, fx, "n_with") == Double(with.count))
    let outcome = try s.table("joint firms, codes by firm_id with outcome = exported | part display")
    #expect(outcome.columnNames.contains("exported") && !outcome.columnNames.contains("predicted"))
    #expect(s.failure("joint firms, codes by firm_id")?.hint?.contains("with model = m") == true)
    #expect(s.failure("joint firms, codes by firm")?.message == "unknown column 'firm'")
}

@Test func interpretReadsAgreementInWords() throws {
    // The same 6 × 3 example: 15 of 18 units agree (83.3%), κ = 0.64 (substantial), fx_risk lowest (κ = 0.25).
    let s = makeSession()
    _ = s.execute("codes = load \"data/interview_codes.csv\"\nag = agreement codes by coder on theme with draws = 0")
    let text = Renderer.text(s.execute("interpret ag").outputs, options: s.options)
    #expect(text.contains("83.3%"))
    #expect(text.contains("= 0.64"))
    #expect(text.contains("substantial agreement"))
    #expect(text.contains("lowest on fx_risk (κ = 0.25)"))
}
