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

    var summaryTable: Table? {
        guard let t = try? PLSTables.estimates(fit, bootstrap: bootstrap) else { return nil }
        let keep = (0..<t.rowCount).filter { t[$0, "parameter"] == .string("path") }
        return try? t.take(keep).dropping(["parameter"])
    }

    var summary: String {
        let o = fit.options
        var lines = [
            "PLS path model (\(fit.isConsistent ? "consistent PLS, " : "")\(o.scheme.rawValue) weighting) — \(fit.converged ? "converged" : "stopped") after \(fit.iterations + 1) passes (Σ|ΔW| < 1e-\(o.stopCriterion.formatted()))",
            "  observations \(fit.data.n), missing cells: \(o.missing == .mean ? "mean replacement" : "listwise deletion")\(o.missingValue.map { ", \($0.formatted()) marks missing" } ?? "")",
            "  constructs: " + fit.spec.constructs.map { "\($0.name) (\($0.reflective ? "reflective" : ($0.mode == .unit ? "unit" : "mode \($0.mode.rawValue)")), \($0.items.count))" }.joined(separator: ", "),
            "  R²: " + fit.rSquared.map { "\($0.construct) \(String(format: "%.3f", $0.r2))" }.joined(separator: ", "),
        ]
        if let b = bootstrap {
            lines.append("  bootstrap: \(b.draws) draws (seed \(b.seed)), \(b.draws - b.failed - b.notConverged) used, \(b.failed) failed, \(b.notConverged) not converged; 95% percentile and BCa intervals")
        }
        for w in fit.warnings { lines.append("  warning: \(w)") }
        return lines.joined(separator: "\n")
    }
}
