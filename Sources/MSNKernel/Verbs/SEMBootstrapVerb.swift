import MSNLanguage
import MSNSEM
import MSNStats
import MSNTable

/// `fit sem … with se = "bootstrap", draws, seed, threads`: bootstrap intervals for every free
/// parameter and `:=` definition, shown as extra columns of `estimates`.
enum SEMBootstrapVerb {
    /// Runs the bootstrap the call asks for (nil without `se`), warning about lost draws.
    static func run(_ ev: inout Evaluator, _ call: VerbCall, fit: SEMFit, model: String, data: [String: [Double]],
                    order: [String], options: SEMOptions) throws -> SEMBootstrapResult? {
        guard let request = try PLSOptionParser.bootstrap(&ev, call) else { return nil }
        let result: SEMBootstrapResult
        do {
            result = try fit.bootstrap(model: model, data: data, columnOrder: order, options: options,
                                       draws: request.draws, seed: request.seed, threads: request.threads)
        } catch let e as SEMError { throw Diagnostic(.model, e.description, at: call.nameSpan) }
        if result.failed + result.notConverged > 0 {
            ev.sideOutputs.append(.warning(Diagnostic(.model, "\(result.failed) bootstrap draws failed and \(result.notConverged) did not converge; the intervals use the other \(result.draws - result.failed - result.notConverged)", at: nil, severity: .warning), source: nil))
        }
        return result
    }

    /// `estimates s` with the bootstrap columns when `s` was bootstrapped.
    static let estimates: VerbImplementation = { ev, call, input in
        let out = try SEMResultVerbs.estimates(&ev, call, input)
        guard case .table(let t) = out, let sem = try? SEMResultVerbs.model(&ev, call, input), let boot = sem.bootstrap else { return out }
        let rows = try sem.fit.estimateRows()
        let index = Dictionary(boot.keys.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let iv = rows.map { r in index[SEMParameterKey(lhs: r.lhs, op: r.op, rhs: r.rhs, group: r.op == ":=" ? 0 : r.group)].map { boot.intervals[$0] } }
        func col(_ f: (BootstrapInterval) -> Double?) -> Column { .float(TypedColumn(optionals: iv.map { $0.flatMap(f) })) }
        var table = t
        for (name, c) in [("boot_mean", col { $0.mean }), ("boot_se", col { $0.se }), ("boot_lower", col { $0.percentileLower }),
                          ("boot_upper", col { $0.percentileUpper }), ("bca_lower", col { $0.bcaLower }), ("bca_upper", col { $0.bcaUpper })] {
            table = try table.adding(name, c)
        }
        return .table(table)
    }
}
