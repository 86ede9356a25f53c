import Foundation
import MSNLanguage
import MSNSimulate
import MSNTable

/// `simulate exporters n = 500 seed = 42`, `simulate ecosystem n = 2000 seed = 7`, and
/// `simulate exporters truth` (the true parameters of the design). See docs/simulate.md.
enum SimulateVerb {
    /// A data-generating process: its default size, its table and its truth.
    struct Process: Sendable {
        let defaultRows: Int
        let table: @Sendable (Int, UInt64) throws -> Table
        let truth: @Sendable () throws -> Table
    }

    static let processes: [String: Process] = [
        "exporters": Process(defaultRows: 500, table: ExportersSimulation.table, truth: ExportersSimulation.truth),
        "ecosystem": Process(defaultRows: 2000, table: EcosystemSimulation.table, truth: EcosystemSimulation.truth),
    ]

    static let run: VerbImplementation = { ev, call, input in
        try ev.checkOptions(call, allowed: [])
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
        var wantsTruth = false
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
            case let name?:
                throw Diagnostic(.unknownName, "simulate has no setting '\(name)'", at: a.nameSpan ?? a.value.span,
                                 hint: Diagnostic.didYouMean(name, in: ["n", "seed"]) ?? "settings: n, seed")
            case nil:
                throw Diagnostic(.syntax, "simulate \(which) takes n = …, seed = … and optionally truth", at: a.value.span)
            }
        }
        if wantsTruth { return .table(try process.truth()) }
        var seedCall = call
        if let named = call.arguments.first(where: { $0.name == "seed" }) { seedCall.seed = named.value }
        let seed = try ev.seed(seedCall)
        do { return .table(try process.table(rows, seed)) } catch let e as SimulationError {
            throw Diagnostic(.value, e.description, at: call.nameSpan)
        }
    }
}
