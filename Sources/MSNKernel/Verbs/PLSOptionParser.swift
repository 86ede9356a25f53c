import MSNLanguage
import MSNPLS
import MSNStats
import MSNTable

/// Bootstrap settings shared by `fit pls` and `fit sem`: `se = "bootstrap", draws = N, seed = S, threads = T`.
struct BootstrapRequest: Sendable, Equatable {
    var draws = 5000
    var seed: UInt64 = 1
    var threads = Bootstrap.defaultThreads
}

/// Reads `fit pls`'s `with` options into `PLSOptions` (and a bootstrap request).
enum PLSOptionParser {
    static let allowed = ["scheme", "consistent", "missing", "missing_value", "max_iterations", "stop_criterion", "interaction",
                          "se", "draws", "seed", "threads"]

    static func parse(_ ev: inout Evaluator, _ call: VerbCall) throws -> (PLSOptions, BootstrapRequest?) {
        try ev.checkOptions(call, form: "pls")
        var o = PLSOptions()
        if let (v, span) = try ev.option(call, "scheme") {
            guard case .scalar(.string(let s)) = v, let scheme = PLSScheme(rawValue: s) else {
                throw Diagnostic(.value, "scheme is \"path\", \"factorial\" or \"centroid\"", at: span,
                                 hint: text(v).flatMap { Diagnostic.didYouMean($0, in: PLSScheme.allCases.map(\.rawValue)) })
            }
            o.scheme = scheme
        }
        if let (v, span) = try ev.option(call, "consistent") {
            switch v {
            case .scalar(.bool(let b)): o.consistency = b ? .all : .none
            case .list(let items):
                let names = items.compactMap { if case .scalar(.string(let s)) = $0 { return s } else { return nil } }
                guard names.count == items.count else { throw Diagnostic(.type, "consistent is true, false or a list of construct names like [\"MI\", \"GC\"]", at: span) }
                o.consistency = .only(names)
            default: throw Diagnostic(.type, "consistent is true, false or a list of construct names like [\"MI\", \"GC\"]", at: span)
            }
        }
        if let (v, span) = try ev.option(call, "missing") {
            guard case .scalar(.string(let s)) = v, let m = PLSMissing(rawValue: s) else {
                throw Diagnostic(.value, "missing is \"mean\" (mean replacement) or \"listwise\"", at: span,
                                 hint: text(v).flatMap { Diagnostic.didYouMean($0, in: ["mean", "listwise"]) })
            }
            o.missing = m
        }
        if let (v, span) = try ev.option(call, "interaction") {
            let methods = PLSInteractionMethod.allCases.map(\.rawValue)
            guard case .scalar(.string(let s)) = v, let m = PLSInteractionMethod(rawValue: s) else {
                throw Diagnostic(.value, "interaction is \"two_stage\", \"product_indicator\" or \"orthogonal\"", at: span,
                                 hint: text(v).flatMap { Diagnostic.didYouMean($0, in: methods) })
            }
            o.interactionMethod = m
        }
        if let (v, span) = try ev.option(call, "missing_value") {
            guard case .scalar(let c) = v, let d = c.doubleValue else { throw Diagnostic(.type, "missing_value is a number, e.g. -99", at: span) }
            o.missingValue = d
        }
        if let (v, span) = try ev.option(call, "max_iterations") {
            guard case .scalar(.int(let i)) = v, i >= 1 else { throw Diagnostic(.value, "max_iterations is a whole number ≥ 1", at: span) }
            o.maxIterations = Int(i)
        }
        if let (v, span) = try ev.option(call, "stop_criterion") {
            guard case .scalar(let c) = v, let d = c.doubleValue, d > 0 else { throw Diagnostic(.value, "stop_criterion is a positive number (7 stops at Σ|ΔW| < 1e-7)", at: span) }
            o.stopCriterion = d
        }
        return (o, try bootstrap(&ev, call))
    }

    private static func text(_ v: Value) -> String? { if case .scalar(.string(let s)) = v { return s } else { return nil } }

    /// `se = "bootstrap"` with `draws`, `seed`, `threads`; nil without `se`. Shared with `fit sem`.
    static func bootstrap(_ ev: inout Evaluator, _ call: VerbCall) throws -> BootstrapRequest? {
        var request = BootstrapRequest()
        func whole(_ name: String, min: Int64) throws -> Int? {
            guard let (v, span) = try ev.option(call, name) else { return nil }
            guard case .scalar(.int(let i)) = v, i >= min else { throw Diagnostic(.value, "\(name) is a whole number ≥ \(min)", at: span) }
            return Int(i)
        }
        let draws = try whole("draws", min: 10), seed = try whole("seed", min: 0), threads = try whole("threads", min: 1)
        guard let (v, span) = try ev.option(call, "se") else {
            if draws != nil || seed != nil {
                throw Diagnostic(.value, "draws and seed need se = \"bootstrap\"", at: call.nameSpan, hint: "with se = \"bootstrap\", draws = 5000, seed = 1")
            }
            return nil
        }
        guard case .scalar(.string(let s)) = v, s == "bootstrap" else {
            throw Diagnostic(.value, "se = \"bootstrap\" is the only resampling method", at: span)
        }
        if let d = draws { request.draws = d }
        if let s = seed { request.seed = UInt64(s) }
        if let t = threads { request.threads = t }
        return request
    }
}
