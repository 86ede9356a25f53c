import Foundation
import MSNPLS
import MSNStats
import MSNTable

/// A fitted PLS path model as a language value: a short summary with the path coefficients;
/// `estimates`, `rsquare`, `reliability`, `fsquare`, `vif`, `crossloadings`, `effects` and
/// `predict … on` turn it into tables.
struct PLSModelValue: ModelValue {
    let fit: PLSFit
    /// Bootstrap intervals, when fitted with se = "bootstrap".
    var bootstrap: PLSBootstrapResult?
    var kind: String { "pls" }
    var shape: String { "\(fit.spec.constructs.count) constructs, \(fit.data.items.count) items, \(fit.data.n) rows" }

    /// The path coefficients (with bootstrap intervals when fitted with them).
    var pathTable: Table? {
        guard let t = try? PLSTables.estimates(fit, bootstrap: bootstrap) else { return nil }
        let keep = (0..<t.rowCount).filter { t[$0, "parameter"] == .string("path") }
        return try? t.take(keep).dropping(["parameter"])
    }

    var summary: ModelSummary {
        let o = fit.options
        var items: [ModelSummary.Item] = [
            .init("weighting", .text((fit.isConsistent ? "consistent PLS, " : "") + o.scheme.rawValue)),
            .init(fit.converged ? "converged after" : "stopped after", .text("\(fit.iterations + 1) passes"), note: "Σ|ΔW| < 1e-\(o.stopCriterion.formatted())"),
            .init("observations", .int(fit.data.n)),
            .init("missing cells", .text((o.missing == .mean ? "mean replacement" : "listwise deletion") + (o.missingValue.map { "; \($0.formatted()) marks missing" } ?? ""))),
            .init("constructs", .text(fit.spec.constructs.map { "\($0.name) (\($0.reflective ? "reflective" : ($0.mode == .unit ? "unit" : "mode \($0.mode.rawValue)")), \($0.items.count))" }.joined(separator: ", "))),
        ]
        for r in fit.rSquared { items.append(.init("R² \(r.construct)", .bounded(r.r2, decimals: 3))) }
        var warnings = fit.warnings
        if let b = bootstrap {
            items.append(.init("bootstrap draws", .int(b.draws), note: "seed \(b.seed); \(b.draws - b.failed - b.notConverged) used; 95% percentile and BCa intervals"))
            if b.failed + b.notConverged > 0 { warnings.append("\(b.failed) bootstrap draws failed and \(b.notConverged) did not converge; they are left out of the intervals") }
        }
        return ModelSummary(title: "PLS path model", items: items, warnings: warnings, table: pathTable)
    }
}
