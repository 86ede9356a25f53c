import MSNLanguage
import MSNSimulate
import MSNTable

/// `simulate interviews [n = 15] [seed = 3] from firms [with kappa = 0.7, coders = 2]` and
/// `simulate interviews truth from firms`: coded interviews with firms of a `simulate exporters` table
/// (docs/simulate.md). Reached through the `simulate` verb.
enum InterviewsVerb {
    static let options = ["kappa", "coders"]

    static func run(_ ev: inout Evaluator, _ call: VerbCall, _ input: Value?) throws -> Value {
        try ev.checkOptions(call, form: "interviews")
        var firms: Table? = nil
        if let input {
            guard case .table(let t) = input else { throw Diagnostic(.type, "simulate interviews needs the firms table, but it was given \(input.kindPhrase)", at: call.nameSpan) }
            firms = t
        }
        var n = 15, wantsTruth = false
        var args = Array(call.arguments.dropFirst())
        while !args.isEmpty {
            let a = args.removeFirst()
            if a.name == nil, case .name("truth", _) = a.value { wantsTruth = true; continue }
            if a.name == nil, case .name("from", let span) = a.value {
                guard !args.isEmpty, args[0].name == nil else { throw Diagnostic(.syntax, "from needs the firms table", at: span, hint: "simulate interviews n = 15 from firms") }
                firms = try table(&ev, args.removeFirst().value)
                continue
            }
            switch a.name {
            case "n":
                let v = try ev.number(a.value, what: "n")
                guard v >= 2, v == v.rounded(), v <= 1_000_000 else { throw Diagnostic(.value, "n is a whole number of interviews, at least 2", at: a.value.span) }
                n = Int(v)
            case "seed": continue
            case let name?:
                throw Diagnostic(.unknownName, "simulate interviews has no setting '\(name)'", at: a.nameSpan ?? a.value.span,
                                 hint: Diagnostic.didYouMean(name, in: ["n", "seed"] + options) ?? "settings: n = …, seed = …, from firms, with kappa = …, coders = …")
            case nil:
                throw Diagnostic(.syntax, "simulate interviews takes n = …, seed = …, from firms and optionally truth", at: a.value.span)
            }
        }
        if firms == nil, let on = call.on?.first { firms = try table(&ev, on) }
        guard let firms else {
            throw Diagnostic(.value, "simulate interviews needs the firms the interviews are with", at: call.nameSpan,
                             hint: "firms = simulate exporters n = 500 seed = 42, then simulate interviews n = 15 seed = 3 from firms")
        }
        var kappa = 0.7, coders = 2
        if let o = call.options.first(where: { $0.name == "kappa" }) {
            kappa = try ev.number(o.value, what: "kappa")
            guard kappa >= 0, kappa <= 1 else { throw Diagnostic(.value, "kappa is the coders' agreement, between 0 and 1", at: o.value.span) }
        }
        if let o = call.options.first(where: { $0.name == "coders" }) {
            let c = try ev.number(o.value, what: "coders")
            guard c >= 2, c <= 10, c == c.rounded() else { throw Diagnostic(.value, "coders is a whole number from 2 to 10", at: o.value.span) }
            coders = Int(c)
        }
        var seedCall = call
        if let named = call.arguments.first(where: { $0.name == "seed" }) { seedCall.seed = named.value }
        let seed = try ev.seed(seedCall)
        do {
            if wantsTruth { return .table(try InterviewSimulation.truth(firms: firms, kappa: kappa)) }
            return .table(try InterviewSimulation.table(firms: firms, n: n, seed: seed, kappa: kappa, coders: coders))
        } catch let e as InterviewSimulation.Failure {
            throw Diagnostic(.value, e.description, at: call.nameSpan)
        }
    }

    private static func table(_ ev: inout Evaluator, _ e: Expr) throws -> Table {
        guard case .table(let t) = try ev.evaluate(e) else { throw Diagnostic(.type, "simulate interviews … from needs a table of firms", at: e.span) }
        return t
    }
}
