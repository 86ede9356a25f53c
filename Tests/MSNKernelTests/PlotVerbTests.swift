import Foundation
import MSNKernel
import MSNLanguage
import MSNPlot
import Testing

/// `plot …` through the session: every chart kind on real data (Holzinger–Swineford, breast cancer,
/// simulated exporters) gives a figure whose SVG parses as XML; errors teach.
private func figure(_ s: Session, _ source: String) throws -> Figure {
    let r = s.execute(source, origin: SourceOrigin(file: "test.msq"))
    guard r.succeeded else { throw TestFailure(message: Renderer.text(r.outputs, options: s.options)) }
    for o in r.outputs.reversed() { if case .figure(let f) = o { return f } }
    throw TestFailure(message: "no figure in the output")
}

private func wellFormed(_ svg: String) -> Bool {
    svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=") && svg.contains("<title>") && svg.contains("<desc>")
        && XMLCheck.parses(svg)
}

@Test func everyChartKindDrawsRealData() throws {
    let s = makeSession()
    _ = s.execute("""
    hs = load "data/HolzingerSwineford1939.csv"
    bc = load "data/breast_cancer.csv"
    firms = simulate exporters n = 300 seed = 42
    train, test = firms | split 0.8 by exported seed 42
    m = fit boost exported ~ sentiment + fx_volatility + import_policy + tech_use on train with trees = 30, depth = 3, seed = 1
    logit = fit logistic exported ~ sentiment + fx_volatility + import_policy + tech_use on train
    cfa = fit sem on hs {
      visual  =~ x1 + x2 + x3
      textual =~ x4 + x5 + x6
    }
    """, origin: SourceOrigin(file: "setup.msq"))
    let sources: [(String, String)] = [
        ("histogram", "hs | plot histogram x1 by school"), ("density", "hs | plot density x1"), ("box", "hs | plot box x7 by school"),
        ("scatter", "hs | plot scatter x1, x4 color school with trend = \"linear\""), ("bar", "firms | summarize share = mean(exported) by region | plot bar region, share"),
        ("bar", "hs | plot bar school"), ("line", "hs | summarize v = mean(x1) by ageyr | plot line ageyr, v"),
        ("corr", "bc | select mean_radius, mean_texture, mean_area | plot corr"), ("importance", "plot importance m"),
        ("shap", "plot shap m on test"), ("dependence", "plot dependence m sentiment on test color fx_volatility"),
        ("roc", "plot roc [m, logit] on test"), ("path", "plot path cfa"),
    ]
    for (kind, src) in sources {
        let f = try figure(s, src)
        #expect(f.kind == kind, "\(src)")
        #expect(wellFormed(f.svg), "\(src)")
    }
    let roc = try figure(s, "plot roc [m, logit] on test")
    #expect(roc.svg.contains(">m (AUC 0.") && roc.svg.contains(">logit (AUC 0."))
    let path = try figure(s, "plot path cfa")
    // lavaan's standardized loadings for this two-factor model: x1 0.77, x4 0.85 (see Tests/MSNSEMTests fixtures).
    #expect(path.svg.contains(">0.85</text>") || path.svg.contains(">0.84</text>"))
    #expect(path.svg.contains(">0.46***</text>") || path.svg.contains("***</text>"))
}

@Test func reportsDrawLadderAndTransfer() throws {
    let s = makeSession()
    _ = s.execute("""
    firms = simulate exporters n = 300 seed = 42
    s = fit sem on firms {
      market_intel    =~ mi1 + mi2 + mi3
      competitiveness =~ gc1 + gc2 + gc3
      competitiveness ~ market_intel
    }
    inv = compare regions s by region on firms
    m = fit boost exported ~ sentiment + fx_volatility on firms with trees = 20, depth = 2, seed = 1
    tr = compare regions m by region on firms with folds = 3 seed 1
    """, origin: SourceOrigin(file: "setup.msq"))
    let ladder = try figure(s, "plot ladder inv")
    #expect(ladder.kind == "ladder" && wellFormed(ladder.svg) && ladder.svg.contains(">configural</text>"))
    let transfer = try figure(s, "plot transfer tr")
    #expect(transfer.kind == "transfer" && wellFormed(transfer.svg) && transfer.svg.contains(">Bali</text>"))
    let wrong = s.failure("plot ladder tr")
    #expect(wrong?.message.contains("no 'ladder' table") == true)
}

@Test func plotErrorsArePositionedAndTeach() throws {
    let s = makeSession()
    _ = s.execute("hs = load \"data/HolzingerSwineford1939.csv\"\ncfa = fit sem on hs {\n  visual =~ x1 + x2 + x3\n}", origin: SourceOrigin(file: "setup.msq"))
    let text = try #require(s.failure("hs | plot histogram school"))
    #expect(text.message.contains("needs numbers, but 'school' is string"))
    #expect(text.hint?.contains("plot bar school") == true)
    #expect(text.span?.column == 21)
    let missing = try #require(s.failure("hs | plot histogram x10"))
    #expect(missing.message.contains("unknown column 'x10'") && missing.hint?.contains("x1") == true)
    let empty = try #require(s.failure("hs | filter ageyr > 99 | plot histogram x1"))
    #expect(empty.message.contains("no rows") && empty.hint != nil)
    let kind = try #require(s.failure("plot shap cfa on hs"))
    #expect(kind.message.contains("needs boosted trees, but it was given a sem model") && kind.span?.column == 11)
    let unknown = try #require(s.failure("hs | plot histgram x1"))
    #expect(unknown.message.contains("no 'histgram' plot") && unknown.hint?.contains("histogram") == true)
    let option = try #require(s.failure("hs | plot histogram x1 with colour = 1"))
    #expect(option.message.contains("no option 'colour'") && option.hint?.contains("color") == true)
    let theme = try #require(s.failure("hs | plot histogram x1 with theme = \"blue\""))
    #expect(theme.message.contains("light") && theme.message.contains("dark"))
}

@Test func figuresExportAsSVGOnly() throws {
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("msnb-plot-\(UUID().uuidString)")
    let s = makeSession(writeTo: out)
    let r = s.execute("hs = load \"data/HolzingerSwineford1939.csv\"\nf = hs | plot histogram x1\nexport f \"x1.svg\"", origin: SourceOrigin(file: "t.msq"))
    #expect(r.succeeded)
    let written = try String(contentsOf: out.appendingPathComponent("x1.svg"), encoding: .utf8)
    guard case .figure(let f)? = s.value(of: "f") else { Issue.record("f is not a figure"); return }
    #expect(written == f.svg)
    let png = try #require(s.failure("export f \"x1.png\""))
    #expect(png.message.contains("SVG only") && png.hint?.contains("x1.svg") == true)
    #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("x1.png").path))
    // Piped form too.
    #expect(s.execute("f | export \"again.svg\"").succeeded)
    #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("again.svg").path))
    #expect(s.bindings().first { $0.name == "f" }?.kind == "figure")
}

@Test func textRenderingShowsTheSketchAndTheFile() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("msnb-plots-\(UUID().uuidString)")
    let s = makeSession()
    s.options.plotsDirectory = dir.path
    let r = s.execute("load \"data/HolzingerSwineford1939.csv\" | plot bar school")
    let text = Renderer.text(r.outputs, options: s.options)
    #expect(text.contains("Grant-White │") && text.contains("svg: \(dir.path)/bar-"))
    let files = try FileManager.default.contentsOfDirectory(atPath: dir.path)
    #expect(files.count == 1 && files[0].hasPrefix("bar-") && files[0].hasSuffix(".svg"))
}

@Test func eventStudiesDrawTheirCoefficientsAndIntervals() throws {
    let s = makeSession()
    _ = s.execute("sp = load \"data/staggered_panel.csv\"\ne = fit event y ~ treat(adopt_year) + x | firm_id + year on sp with window = [-4, 4], ref = -1")
    guard case .model(let m)? = s.value(of: "e"), let t = m.summary.table else { Issue.record("no event study"); return }
    let f = try figure(s, "plot event e")
    #expect(f.kind == "event" && wellFormed(f.svg))
    // One filled point and one whisker per estimated period, a hollow point at the reference period.
    let periods = (0..<t.rowCount).map { Int(t[$0, "period"].doubleValue ?? 99) }
    #expect(periods == Array(-4...4))
    let filled = f.svg.components(separatedBy: "<circle").count - 1
    #expect(filled == periods.count)
    #expect(f.svg.contains("fill=\"none\""))
    #expect(f.svg.contains("period -1 is the reference (zero)"))
    #expect(s.failure("hs = load \"data/HolzingerSwineford1939.csv\"\nplot event hs")?.message.contains("plot event draws a fitted event study") == true)
}
