import Foundation
@testable import MSNKernel
import MSNLanguage
import MSNTable
import Testing

/// `interpret` of agreement, prevalence and joint results, and of event studies and multiclass models,
/// in English and Indonesian, for researchers and owners (issue 20).
private func paragraphs(_ s: Session, _ source: String) throws -> [String] {
    let r = s.execute(source, origin: SourceOrigin(file: "test.msq"))
    guard r.succeeded else { throw TestFailure(message: Renderer.text(r.outputs, options: s.options)) }
    for o in r.outputs.reversed() { if case .model(_, let summary) = o, !summary.paragraphs.isEmpty { return summary.paragraphs } }
    throw TestFailure(message: "no paragraphs in the output")
}

// Notebooks/data/interview_codes.csv: 6 respondents × 3 themes = 18 units, 15 agree (83.3%), Cohen's κ = 0.64
// (substantial, Landis & Koch); per theme fx_risk κ = 0.25 is the lowest (MixedMethodsTests works these out).
private let codes = "codes = load \"data/interview_codes.csv\"\nag = agreement codes by coder on theme with draws = 0"

@Test func agreementInBothLanguagesAndAudiences() throws {
    let s = makeSession()
    let en = try paragraphs(s, codes + "\ninterpret ag")
    #expect(en.count == 1)
    #expect(en[0].hasPrefix("Over 18 respondent–theme units the 2 coders agree on 83.3%; Cohen's κ = 0.64, substantial agreement by Landis and Koch's (1977) bands. Agreement is lowest on fx_risk (κ = 0.25) and highest on "))
    // The verb's own paragraph is the same template.
    #expect(try paragraphs(s, "ag") == en)
    let owner = try paragraphs(s, "interpret ag with for = \"owner\"")
    #expect(owner == ["The 2 people who coded the interviews made the same call 83.3% of the time; allowing for lucky guesses, their agreement is substantial. The codes can be used; talk through fx_risk, where they disagreed most, before relying on it."])
    _ = s.execute("set language \"id\"")
    let id = try paragraphs(s, "interpret ag")
    #expect(id[0].hasPrefix("Dari 18 unit responden–tema, 2 pengode sepakat pada 83.3%; Cohen's κ = 0.64, kesepakatan kuat menurut kategori Landis dan Koch (1977). Kesepakatan terendah pada fx_risk (κ = 0.25) dan tertinggi pada "))
    #expect(try paragraphs(s, "agreement codes by coder on theme with draws = 0") == id)
    let idOwner = try paragraphs(s, "interpret ag with for = \"owner\"")
    #expect(idOwner == ["Sebanyak 2 orang yang memberi kode pada wawancara mengambil keputusan yang sama pada 83.3% kasus; setelah memperhitungkan kebetulan, kesepakatan mereka kuat. Kode-kode ini dapat dipakai; bahas dulu tema fx_risk, tempat mereka paling sering berbeda, sebelum mengandalkannya."])
    _ = s.execute("set locale \"id\"")
    #expect(try paragraphs(s, "interpret ag")[0].contains("sepakat pada 83,3%; Cohen's κ = 0,64"))
}

@Test func weakAgreementTellsOwnersToRecode() throws {
    // Landis & Koch bands and the owner's advice follow κ: ≤ .40 is too weak to rely on.
    let c = InterpretContext(audience: .owner)
    let overall = try Table([("statistic", .string(StringColumn(["percent agreement", "Cohen's kappa"]))),
                             ("estimate", .float([0.7, 0.3], nanIsNull: true)), ("ci_lower", .float([.nan, .nan], nanIsNull: true)),
                             ("ci_upper", .float([.nan, .nan], nanIsNull: true))])
    let r = MixedMethodsResult(kind: "agreement", summary: ModelSummary(title: "t"), parts: [("overall", overall)], facts: ["coders": "2", "units": "10"])
    #expect(MixedMethodsInterpretation.agreement(r, c) == ["The 2 people who coded the interviews made the same call 70.0% of the time; allowing for lucky guesses, their agreement is fair. That is too weak to rely on: agree together on what each theme means, then code the interviews again."])
    #expect(MixedMethodsInterpretation.agreement(r, InterpretContext())[0] == "Over 10 respondent–theme units the 2 coders agree on 70.0%; Cohen's κ = 0.30, fair agreement by Landis and Koch's (1977) bands.")
}

@Test func prevalenceInBothLanguagesAndAudiences() throws {
    // rule any: fx_risk 101, 102, 105 and global_platforms 101, 104, 106 → 3 of 6; regulatory_barriers 2 of 6.
    // Wilson 95%: 3/6 → [18.8%, 81.2%]; 2/6 → centre .3984, half .3016 → [9.7%, 70.0%]. Ties sort by name.
    let s = makeSession()
    let en = try paragraphs(s, "codes = load \"data/interview_codes.csv\"\np = prevalence codes by theme\ninterpret p")
    #expect(en == ["Respondents reporting each theme: fx_risk 3 of 6 (50.0%, 95% CI 18.8%–81.2%); global_platforms 3 of 6 (50.0%, 95% CI 18.8%–81.2%); regulatory_barriers 2 of 6 (33.3%, 95% CI 9.7%–70.0%)."])
    #expect(try paragraphs(s, "p") == en)
    #expect(try paragraphs(s, "interpret p with for = \"owner\"") == ["The most common theme is fx_risk, raised by 3 of the 6 firms interviewed; next come global_platforms and regulatory_barriers. With so few interviews these counts are rough: read them as what to ask more firms about, not as exact shares. Start with fx_risk when you plan support or the next interviews."])
    _ = s.execute("set language \"id\"")
    #expect(try paragraphs(s, "interpret p") == ["Responden yang melaporkan setiap tema: fx_risk 3 dari 6 (50.0%, SK 95% 18.8%–81.2%); global_platforms 3 dari 6 (50.0%, SK 95% 18.8%–81.2%); regulatory_barriers 2 dari 6 (33.3%, SK 95% 9.7%–70.0%)."])
    #expect(try paragraphs(s, "interpret p with for = \"owner\"")[0].hasPrefix("Tema yang paling sering muncul adalah fx_risk, disebut oleh 3 dari 6 usaha yang diwawancarai; berikutnya global_platforms dan regulatory_barriers."))
}

@Test func prevalenceByGroupNamesTheThemesThatDiffer() throws {
    // x in 4 of 4 respondents of g1 and 0 of 4 of g2: Fisher's exact p = 2/C(8,4) = .029.
    let s = makeSession()
    var lines = ["respondent,group,theme"]
    for i in 1...8 { lines.append("\(i),\(i <= 4 ? "g1" : "g2"),\(i <= 4 ? "x" : "")") }
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("msnb-prev-\(UUID().uuidString).csv")
    try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: file) }
    let en = try paragraphs(s, "c = load \"\(file.path)\"\np = prevalence c by theme, group\ninterpret p")
    #expect(en.count == 2 && en[1] == "The share differs between group groups for x (p = .029) (exact tests, not adjusted for 1 themes).")
    #expect(try paragraphs(s, "interpret p with for = \"owner\"")[0].contains("The share of firms raising x differs by group."))
    _ = s.execute("set language \"id\"")
    #expect(try paragraphs(s, "interpret p")[1] == "Proporsi berbeda antarkelompok group untuk x (p = .029) (uji eksak, tanpa koreksi untuk 1 tema).")
}

@Test func jointDisplayInBothLanguagesAndAudiences() throws {
    let s = makeSession()
    _ = s.execute("""
        firms = simulate exporters n = 300 seed = 8
        codes = simulate interviews n = 40 seed = 2 from firms
        m = fit boost exported ~ sentiment + fx_volatility + import_policy + tech_use on firms with trees = 20, depth = 3
        j = joint firms, codes by firm_id with model = m
        """)
    let conv = try s.table("j | part convergence")
    let patterns = (0..<conv.rowCount).map { conv[$0, "pattern"].description }
    let en = try paragraphs(s, "interpret j")
    #expect(try paragraphs(s, "j") == en)
    let clear = (0..<conv.rowCount).filter { patterns[$0] == "lower with the theme" || patterns[$0] == "higher with the theme" }
    if let k = clear.first {
        let f = { (c: String) in SummaryValue.fixed(conv[k, c].doubleValue ?? .nan, 2) }
        #expect(en[0].hasPrefix("Firms reporting \(conv[k, "theme"]) (n = \(conv[k, "n_with"])) have a mean predicted probability of \(f("mean_with")) against \(f("mean_without")) for the others: difference \(f("difference")), 95% CI [\(f("ci_lower")), \(f("ci_upper"))]"))
    } else {
        #expect(en == ["No theme goes with a clear difference in predicted probability (every 95% interval includes zero)."])
    }
    let owner = try paragraphs(s, "interpret j with for = \"owner\"")
    #expect(owner.count == 1 && owner[0].hasSuffix("Where the interviews and the numbers agree, act on both; where they part, ask more firms before deciding."))
    _ = s.execute("set language \"id\"")
    let id = try paragraphs(s, "interpret j")
    #expect(id[0].hasPrefix(clear.isEmpty ? "Tidak ada tema yang disertai perbedaan peluang terprediksi" : "Usaha yang melaporkan \(conv[clear[0], "theme"]) (n = "))
    #expect(try paragraphs(s, "interpret j with for = \"owner\"")[0].hasSuffix("tanyakan kepada lebih banyak usaha sebelum memutuskan."))
}

@Test func eventStudyInBothLanguagesAndAudiences() throws {
    let s = makeSession()
    _ = s.execute("sp = load \"data/staggered_panel.csv\"\ne = fit event y ~ treat(adopt_year) + x | firm_id + year on sp with window = [-4, 4], ref = -1, method = \"sunab\"")
    guard case .model(let any)? = s.value(of: "e"), let t = try (any as? EventModelValue)?.study.table() else { Issue.record("no event study"); return }
    let en = try paragraphs(s, "interpret e")
    #expect(en[0].hasPrefix("An event study of y around adoption (treat(adopt_year)), estimated by Sun and Abraham's (2021) interaction-weighted estimator with firm_id and year fixed effects on "))
    // Each post-adoption coefficient is quoted from the event table.
    for i in 0..<t.rowCount {
        guard let p = t[i, "period"].doubleValue, p >= 0 else { continue }
        let b = SummaryValue.fixed(t[i, "estimate"].doubleValue ?? .nan, 3)
        #expect(en.contains { $0.contains("t+\(Int(p)): b = \(b), 95% CI [") }, "t+\(Int(p))")
    }
    let pre = (0..<t.rowCount).filter { (t[$0, "period"].doubleValue ?? 0) < -1 }
    let preSig = pre.filter { (t[$0, "pvalue"].doubleValue ?? 1) < 0.05 }
    #expect(en.contains { $0.hasPrefix(preSig.isEmpty ? "None of the \(pre.count) pre-adoption coefficients differs from zero" : "\(preSig.count) of \(pre.count) pre-adoption coefficients differ from zero") })
    let owner = try paragraphs(s, "interpret e with for = \"owner\"")
    #expect(owner.count == 1 && owner[0].hasPrefix("After firms adopt, their y ") && owner[0].hasSuffix("before expecting the same change elsewhere."))
    _ = s.execute("set language \"id\"")
    #expect(try paragraphs(s, "interpret e")[0].hasPrefix("Studi peristiwa (event study) untuk y di sekitar waktu adopsi (treat(adopt_year)), diestimasi dengan penduga berbobot interaksi Sun dan Abraham (2021)"))
    #expect(try paragraphs(s, "interpret e with for = \"owner\"")[0].hasPrefix("Setelah usaha mengadopsi, y mereka "))
}

@Test func multiclassModelAndEvaluateTable() throws {
    let s = makeSession()
    _ = s.execute("firms = simulate exporters n = 400 seed = 5\nm = fit boost region ~ sentiment + fx_volatility + tech_use on firms with trees = 10, depth = 3")
    let regions = try s.table("firms | distinct region").rowCount
    let model = try paragraphs(s, "interpret m")
    #expect(model.contains { $0.hasPrefix("It chooses among \(regions) classes; on the training rows the log loss is ") && $0.contains("against \(SummaryValue.fixed(log(Double(regions)), 3)) for giving every class the same chance (ln \(regions))") })
    let metrics = try s.table("evaluate m on firms")
    let acc = TableInterpretation.metrics(metrics)["accuracy"] ?? .nan
    let f1 = TableInterpretation.metrics(metrics)["macro_f1"] ?? .nan
    let owner = try paragraphs(s, "evaluate m on firms | interpret with for = \"owner\"")
    #expect(owner == ["The model puts about \(SummaryValue.fixed(100 * acc, 0)) of every 100 firms in the right group. Treat its flags as a shortlist to check, not as a decision."])
    let researcher = try paragraphs(s, "evaluate m on firms | interpret")
    #expect(researcher[0].hasPrefix("Accuracy is \(NumberText().bounded(acc, 2)), macro-averaged F1 = \(NumberText().bounded(f1, 2))"))
    #expect(researcher[0].contains("Macro-averaged F1 is well below accuracy") == (acc - f1 > 0.1))
    _ = s.execute("set language \"id\"")
    #expect(try paragraphs(s, "interpret m").contains { $0.hasPrefix("Model memilih di antara \(regions) kelas; pada data latih, log loss bernilai ") })
    #expect(try paragraphs(s, "evaluate m on firms | interpret with for = \"owner\"")[0].hasPrefix("Model menempatkan sekitar \(SummaryValue.fixed(100 * acc, 0)) dari setiap 100 usaha"))
}
