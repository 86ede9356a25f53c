import Foundation
import MSNKernel
import MSNTable
import Testing

/// `fit panel`, `hausman`, `fit did` and `fit event` through the language, against the linearmodels /
/// pyfixest references in Tests/MSNPanelTests/Fixtures (see the PROVENANCE note there).
private let wagePath = repositoryRoot.appendingPathComponent("Tests/MSNPanelTests/Fixtures/wagepan/wage_panel.csv").path

private func reference(_ file: String) throws -> [String: (Double, Double)] {
    let t = try CSVReader.read(path: repositoryRoot.appendingPathComponent("Tests/MSNPanelTests/Fixtures/\(file)").path)
    var out: [String: (Double, Double)] = [:]
    for i in 0..<t.rowCount { out[t[i, "term"].description] = (t[i, "estimate"].doubleValue ?? .nan, t[i, "se"].doubleValue ?? .nan) }
    return out
}

private func coefficients(_ s: Session, _ source: String) throws -> (summary: ModelSummary, table: Table) {
    let r = s.execute(source, origin: SourceOrigin(file: "test.msq"))
    guard r.succeeded else { throw TestFailure(message: Renderer.text(r.outputs, options: s.options)) }
    for o in r.outputs { if case .model(_, let summary) = o, let table = summary.table { return (summary, table) } }
    throw TestFailure(message: "no model output")
}

private func expectMatches(_ t: Table, _ ref: [String: (Double, Double)], terms: [String]) {
    for term in terms {
        guard let i = (0..<t.rowCount).first(where: { t[$0, "term"].description == term }), let (est, se) = ref[term] else {
            Issue.record("\(term) missing"); continue
        }
        #expect(abs((t[i, "estimate"].doubleValue ?? 0) - est) <= 1e-8 * abs(est), "\(term)")
        #expect(abs((t[i, "se"].doubleValue ?? 0) - se) <= 1e-8 * abs(se), "\(term) se")
    }
}

private let tv = ["expersq", "union", "married", "hours"]

@Test func fitPanelThroughTheLanguage() throws {
    let s = makeSession()
    _ = s.execute("w = load \"\(wagePath)\"")
    let fe = try coefficients(s, "fe = fit panel lwage ~ expersq + union + married + hours | nr on w with cluster = nr\nfe")
    expectMatches(fe.table, try reference("wagepan/fe_clustered.csv"), terms: ["(Intercept)"] + tv)
    func item(_ m: ModelSummary, _ label: String) -> ModelSummary.Item? { m.items.first { $0.label == label } }
    #expect(item(fe.summary, "year") == nil)  // no time key given for one-way FE
    #expect(item(fe.summary, "rows used")?.value == .int(4360) && item(fe.summary, "nr")?.value == .int(545))
    #expect(item(fe.summary, "standard errors")?.value == .text("clustered by nr") && item(fe.summary, "standard errors")?.note == "545 clusters")
    #expect(item(fe.summary, "t degrees of freedom")?.value == .int(544))
    let twfe = try coefficients(s, "fit panel lwage ~ expersq + union + married + hours | nr + year on w with cluster = nr")
    expectMatches(twfe.table, try reference("wagepan/twfe_clustered.pyfixest.csv"), terms: tv)
    let re = try coefficients(s, "re = fit panel lwage ~ expersq + union + married + hours + educ + black + hisp on w with model = \"random\", id = nr, time = year\nre")
    expectMatches(re.table, try reference("wagepan/re.csv"), terms: ["(Intercept)", "educ"] + tv)
    #expect(item(re.summary, "θ")?.value.formatted == ".6359")
    let fd = try coefficients(s, "fit panel lwage ~ expersq + union + married + hours | nr + year on w with model = \"fd\", se = \"cluster\"")
    expectMatches(fd.table, try reference("wagepan/fd_clustered.csv"), terms: tv)
    let robust = try coefficients(s, "fit panel lwage ~ expersq + union + married + hours | nr on w with se = \"robust\"")
    expectMatches(robust.table, try reference("wagepan/fe_robust.csv"), terms: tv)
    // Hausman: FE (conventional SEs) against RE, 22.6429 with 4 df in the reference.
    let h = try s.table("fe0 = fit panel lwage ~ expersq + union + married + hours | nr on w\nhausman fe0, re")
    #expect(abs((h[0, "statistic"].doubleValue ?? 0) - 22.642895177941842) < 1e-6)
    #expect(h[0, "df"].doubleValue == 4)
    // The fit part: counts and measures; a pipe after the absorbed keys still works.
    let fit = try s.table("w | fit panel lwage ~ union | nr + year | part fit")
    let measures = Dictionary(uniqueKeysWithValues: (0..<fit.rowCount).map { (fit[$0, "measure"].description, fit[$0, "value"].doubleValue ?? .nan) })
    #expect(measures["observations"] == 4360 && measures["entities"] == 545 && measures["periods"] == 8 && measures["singletons"] == 0)
}

@Test func fitPanelErrorsArePositioned() throws {
    let s = makeSession()
    _ = s.execute("w = load \"\(wagePath)\"")
    let collinear = s.failure("fit panel lwage ~ union + educ | nr on w")
    #expect(collinear?.message == "collinear with the fixed effects or the other regressors: educ")
    #expect(collinear?.span?.column == 27)
    let noKeys = s.failure("fit panel lwage ~ union on w")
    #expect(noKeys?.message.hasPrefix("a fixed-effects model needs the keys to absorb after |") == true)
    let typo = s.failure("fit panel lwage ~ unoin | nr on w")
    #expect(typo?.message == "unknown column 'unoin'" && typo?.span?.column == 19)
    #expect(s.failure("fit panel lwage ~ union | nr on w with model = \"gmm\"")?.message.hasPrefix("model must be one of") == true)
    #expect(s.failure("hausman w, w")?.message == "hausman compares two panel models (from fit panel)")
}

@Test func didAndEventStudyThroughTheLanguage() throws {
    let s = makeSession()
    _ = s.execute("sp = load \"data/staggered_panel.csv\"")
    let r = s.execute("d = fit did y ~ treated_post + x | firm_id + year on sp\nd", origin: SourceOrigin(file: "test.msq"))
    #expect(r.succeeded)
    // 2023: one 2022 adopter lost its 2022 row, so its first treated row is in 2023.
    #expect(r.outputs.contains { if case .warning(let d, _) = $0 { return d.message.hasPrefix("adoption is staggered (units start treatment between 2018 and 2023)") } else { return false } })
    let did = try coefficients(s, "d")
    expectMatches(did.table, try reference("did/did.pyfixest.csv"), terms: ["treated_post", "x"])
    let sunab = try s.table("e = fit event y ~ treat(adopt_year) + x | firm_id + year on sp with window = [-4, 4], ref = -1, method = \"sunab\"\ne | part fit | head 1")
    _ = sunab
    let ev = try coefficients(s, "e")
    let ref = try reference("did/event_sunab.csv")
    for i in 0..<ev.table.rowCount {
        let p = Int(ev.table[i, "period"].doubleValue ?? 0)
        guard p != -1, let (est, se) = ref[p < 0 ? "t\(p)" : "t+\(p)"] else { continue }
        #expect(abs((ev.table[i, "estimate"].doubleValue ?? 0) - est) < 1e-7 * abs(est))
        #expect(abs((ev.table[i, "se"].doubleValue ?? 0) - se) < 1e-7 * se)
    }
    #expect(ev.summary.items.first { $0.label == "method" }?.value.formatted.contains("Sun–Abraham") == true)
    #expect(s.failure("fit event y ~ x | firm_id + year on sp")?.message == "fit event needs treat(adoption_column) among the terms")
}
