import Foundation
import Testing
@testable import MSNKernel
import MSNLanguage
import MSNTable

private let hsModel = """
hs = load "data/HolzingerSwineford1939.csv"
s = fit sem on hs {
  visual  =~ x1 + x2 + x3
  textual =~ x4 + x5 + x6
  speed   =~ x7 + x8 + x9
}
"""

@Test func apaFormatsByHand() {
    #expect(SummaryValue.apaP(2.62226e-68) == "< .001")
    #expect(SummaryValue.apaP(0.0423) == ".042")
    #expect(SummaryValue.apaP(1) == "1.000")
    #expect(SummaryValue.bounded(0.9534, 3) == ".953")
    #expect(SummaryValue.bounded(-0.1204, 3) == "-.120")
    #expect(SummaryValue.bounded(1, 3) == "1.000")
    #expect(SummaryValue.estimate(0.4212, lower: 0.3104, upper: 0.5333, decimals: 2, bounded: true).formatted == ".42 [.31, .53]")
    #expect(ReportFormat.p(0.0004) == "< .001" && ReportFormat.p(0.0376) == "= .038")
}

@Test func pValuesRenderAPAStyleInEveryFormatButExportKeepsEveryDigit() throws {
    let s = makeSession()
    let t = try s.table(hsModel + "\nestimates s | filter op == \"=~\" | select lhs, rhs, est, pvalue, std_all")
    // x5's p-value is about 6.4e-65: never scientific in a rendering.
    let p = try #require(t.column(named: "pvalue")?.doubles())
    #expect(p[4] < 1e-60)
    #expect(t.columnFormats["pvalue"] == .pValue)
    let text = Renderer.textTable(t, options: s.options), md = Renderer.markdownTable(t, options: s.options)
    let html = HTMLRendering.table(t, caption: nil, options: s.options)
    for r in [text, md, html] {
        #expect(r.contains("< .001") || r.contains("&lt; .001"))
        #expect(!r.contains("e-65") && !r.contains("e-08"))
    }
    #expect(html.contains("<td class=\"num\">&lt; .001</td>"))
    // std_all is not bounded (a Heywood case exceeds 1): it keeps its leading zero.
    #expect(text.contains("0.77188"))
    // The exported CSV keeps the full value.
    let csv = String(decoding: CSVWriter.render(t), as: UTF8.self)
    #expect(csv.contains(FloatFormat.shortest(p[4])))
    #expect(!csv.contains("< .001"))
}

@Test func boundedStatisticsHaveNoLeadingZero() throws {
    let s = makeSession()
    let r = s.execute(hsModel + "\ns", origin: SourceOrigin(file: "t.msq"))
    let text = Renderer.text(r.outputs, options: s.options)
    #expect(text.contains("\n  CFI              .931  (acceptable (≥ .90))\n"))
    #expect(text.contains("\n  p                < .001\n"))
    let md = Renderer.markdown(r.outputs, options: s.options)
    #expect(md.contains("- CFI: .931"))
    // rsquare's r2 column, through filter and select, stays formatted.
    let r2 = try s.table("rsquare s | filter variable == \"x1\" | select variable, r2")
    #expect(Renderer.textTable(r2, options: s.options).contains(".596"))
    // The user's own data is never annotated, even with a column called p.
    let own = try s.table("hs | derive p = x1 / 1000 | select p | head 1")
    #expect(own.columnFormats.isEmpty)
}

@Test func regressionSummaryTableUsesAPAPValues() throws {
    let s = makeSession()
    let r = s.execute("hs = load \"data/HolzingerSwineford1939.csv\"\nm = fit linear x9 ~ x7 + x8 on hs\nm", origin: SourceOrigin(file: "t.msq"))
    let text = Renderer.text(r.outputs, options: s.options)
    #expect(text.contains("< .001"))
    #expect(!text.contains("e-1") && !text.contains("e-2"))
    let html = HTMLRendering.html(r.outputs, options: s.options)
    #expect(html.contains("&lt; .001"))
}
