import Foundation
import MSNKernel
import MSNPlot
import Testing

/// `plot path p` for a PLS model: the SEM path diagram with loadings, outer weights (formative arrows into
/// the composite), path coefficients and, after se = "bootstrap", significance stars.
@Test func plotPathDrawsAPLSModel() throws {
    let s = makeSession()
    let r = s.execute("""
        mobi = load "data/mobi.csv"
        p = fit pls on mobi {
          Image =~ IMAG1 + IMAG2 + IMAG3
          Value <~ PERV1 + PERV2
          Satisfaction =~ CUSA1 + CUSA2 + CUSA3
          Satisfaction ~ Image + Value
        } with se = "bootstrap", draws = 40, seed = 1
        """)
    #expect(r.succeeded, "\(Renderer.text(r.outputs, options: s.options))")
    let out = s.execute("plot path p")
    guard case .figure(let f)? = out.outputs.last else { Issue.record("no figure: \(Renderer.text(out.outputs, options: s.options))"); return }
    #expect(f.kind == "path" && f.svg.contains("<title>") && XMLCheck.parses(f.svg))
    // Every label is the estimate from `estimates p` (two decimals; loadings of =~ constructs, weights of
    // the <~ composite, paths), with bootstrap stars.
    let e = try s.table("estimates p")
    for i in 0..<e.rowCount {
        let kind = e[i, "parameter"].description, formative = e[i, "lhs"].description == "Value"
        guard kind == "path" || (kind == "loading" && !formative) || (kind == "weight" && formative) else { continue }
        let est = String(format: "%.2f", e[i, "est"].doubleValue ?? .nan)
        #expect(f.svg.contains(">\(est)"), "\(e[i, "lhs"]) \(e[i, "op"]) \(e[i, "rhs"]) \(est)")
    }
    #expect(f.svg.contains("***</text>"))
    // Value is formative: its indicator arrows start at the items (the text sketch lists the weights too).
    #expect(f.svg.contains(">PERV1</text>") && f.svg.contains(">Value</text>"))
    // A table is not a path model: the error names both kinds.
    let bad = s.execute("plot path mobi")
    #expect(!bad.succeeded && Renderer.text(bad.outputs, options: s.options).contains("SEM or PLS"))
}
