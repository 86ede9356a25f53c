import Foundation
import MSNLanguage
import MSNSimulate
import MSNTable

/// `simulate exporters n = 500 seed = 42 [panel = true]`, `simulate ecosystem n = 2000 seed = 7`, and
/// `simulate exporters truth` (the true parameters of the design). See docs/simulate.md.
enum SimulateVerb {
    /// A data-generating process: its default size, its table and its truth.
    struct Process: Sendable {
        let defaultRows: Int
        let table: @Sendable (Int, UInt64) throws -> Table
        let truth: @Sendable () throws -> Table
        /// The firm × year panel, where the design has one.
        var panel: (@Sendable (Int, UInt64) throws -> Table)? = nil
    }

    static let processes: [String: Process] = [
        "exporters": Process(defaultRows: 500, table: ExportersSimulation.table, truth: ExportersSimulation.truth, panel: ExportersSimulation.panel),
        "ecosystem": Process(defaultRows: 2000, table: EcosystemSimulation.table, truth: EcosystemSimulation.truth),
    ]

    static let run: VerbImplementation = { ev, call, input in
        if let first = call.arguments.first, first.name == nil, case .name("interviews", _) = first.value {
            return try InterviewsVerb.run(&ev, call, input)
        }
        try ev.checkOptions(call)
        if let input { throw Diagnostic(.value, "simulate makes a new table; it does not take a \(input.kindName) piped in", at: call.nameSpan) }
        let known = processes.keys.sorted()
        guard let first = call.arguments.first, first.name == nil, case .name(let which, let span) = first.value else {
            throw Diagnostic(.syntax, "simulate needs the name of a design", at: call.nameSpan,
                             hint: "designs: \(known.joined(separator: ", ")); e.g. simulate exporters n = 500 seed = 42")
        }
        guard let process = processes[which] else {
            throw Diagnostic(.unknownName, "there is no simulation design '\(which)'", at: span,
                             hint: Diagnostic.didYouMean(which, in: known) ?? "designs: \(known.joined(separator: ", "))")
        }
        var rows = process.defaultRows
        var wantsTruth = false, wantsPanel = false
        for a in call.arguments.dropFirst() {
            if a.name == nil, case .name("truth", _) = a.value { wantsTruth = true; continue }
            switch a.name {
            case "n":
                let v = try ev.number(a.value, what: "n")
                guard v >= 1, v == v.rounded(), v <= 10_000_000 else {
                    throw Diagnostic(.value, "n is a whole number of firms between 1 and 10,000,000", at: a.value.span)
                }
                rows = Int(v)
            case "seed":
                continue   // read below, like the `seed S` clause
            case "panel":
                guard case .scalar(.bool(let b)) = try ev.evaluate(a.value) else {
                    throw Diagnostic(.type, "panel is true or false", at: a.value.span)
                }
                guard process.panel != nil || !b else {
                    throw Diagnostic(.value, "the \(which) design has no panel form", at: a.nameSpan ?? a.value.span, hint: "panels: simulate exporters … panel = true")
                }
                wantsPanel = b
            case let name?:
                throw Diagnostic(.unknownName, "simulate has no setting '\(name)'", at: a.nameSpan ?? a.value.span,
                                 hint: Diagnostic.didYouMean(name, in: ["n", "seed", "panel"]) ?? "settings: n, seed, panel")
            case nil:
                throw Diagnostic(.syntax, "simulate \(which) takes n = …, seed = …, panel = true and optionally truth", at: a.value.span)
            }
        }
        if wantsTruth { return .table(try process.truth()) }
        var seedCall = call
        if let named = call.arguments.first(where: { $0.name == "seed" }) { seedCall.seed = named.value }
        let seed = try ev.seed(seedCall)
        do {
            if wantsPanel, let panel = process.panel { return .table(try panel(rows, seed)) }
            return .table(try process.table(rows, seed))
        } catch let e as SimulationError {
            throw Diagnostic(.value, e.description, at: call.nameSpan)
        }
    }
}
