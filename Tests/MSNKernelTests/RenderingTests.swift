import Foundation
@testable import MSNKernel
import MSNTable
import Testing

@Test func summaryValuesFormatAPAStyle() {
    #expect(SummaryValue.pValue(0.0004).formatted == "< .001")
    #expect(SummaryValue.pValue(0.0416).formatted == ".042")
    #expect(SummaryValue.pValue(1).formatted == "1.000")
    #expect(SummaryValue.pValue(.nan).formatted == "n/a")
    #expect(SummaryValue.number(85.30552, decimals: 3).formatted == "85.306")
    #expect(SummaryValue.number(-0.00004, decimals: 3).formatted == "0.000")
    #expect(SummaryValue.number(-2.5, decimals: 0).formatted == "-3")
    #expect(SummaryValue.interval(0.0712, 0.1143, decimals: 3).formatted == "[0.071, 0.114]")
    #expect(SummaryValue.percent(0.4567).formatted == "45.7%")
}

@Test func modelSummariesRenderAsTextMarkdownAndHTML() throws {
    let s = makeSession()
    let r = s.execute("hs = load \"data/HolzingerSwineford1939.csv\"\nm = fit linear x9 ~ x7 + x8 on hs\nm")
    guard case .model(let kind, let summary)? = r.outputs.last else { Issue.record("model"); return }
    #expect(kind == "linear")
    #expect(summary.title == "linear regression (OLS) of x9")
    #expect(summary.items.map(\.label) == ["rows", "inference", "R²", "adjusted R²", "F", "AIC"])
    let text = SummaryRendering.text(summary, options: s.options)
    #expect(text.hasPrefix("linear regression (OLS) of x9\n  rows         301\n  inference    classical standard errors\n  R²           ."))
    let md = SummaryRendering.markdown(summary, options: s.options)
    #expect(md.hasPrefix("**linear regression (OLS) of x9**\n\n- rows: 301\n- inference: classical standard errors\n- R²: ."))
    #expect(md.contains("| term | estimate | se | t | pvalue | ci_lower | ci_upper |"))
    let html = HTMLRendering.summary(summary, options: s.options)
    #expect(html.contains("<tr><th>rows</th><td class=\"num\">301</td><td></td></tr>"))
    #expect(html.contains("<th class=\"num\" title=\"float\">estimate</th>"))
}

@Test func htmlTablesEscapeAndAlign() throws {
    let t = try Table([("name", .string(StringColumn(["<b>&", "x\"y"]))), ("n", .int(TypedColumn([1, 22])))])
    let html = HTMLRendering.table(t, caption: "cap", options: SessionOptions())
    #expect(html.contains("<caption>cap — 2 rows × 2 columns</caption>"))
    #expect(html.contains("<td>&lt;b&gt;&amp;</td><td class=\"num\">1</td>"))
    #expect(html.contains("<td>x&quot;y</td><td class=\"num\">22</td>"))
    var few = SessionOptions(); few.rows = 2
    let long = try Table([("n", .int(TypedColumn(Array(0..<10))))])
    let cut = HTMLRendering.table(long, caption: nil, options: few)
    #expect(cut.contains("<tr class=\"msnb-gap\"><td>…</td></tr>") && cut.contains(">9</td>") && cut.contains(">0</td>") && !cut.contains(">5</td>"))
}

@Test func mimeBundlesCarryPlainHTMLAndMarkdown() throws {
    let t = try Table([("n", .int(TypedColumn([1, 2])))])
    let b = MIMEBundle.bundle(.table(t, caption: nil), options: SessionOptions())
    #expect(Set(b.keys) == ["text/plain", "text/html", "text/markdown"])
    #expect(b["text/markdown"]?.contains("| n |") == true)
    let text = MIMEBundle.bundle(.text("42"), options: SessionOptions())
    #expect(text == ["text/plain": "42\n"])
}
