import MSNLanguage
import MSNTable

/// `report | part NAME` (or `part report NAME`): one named table of a model that has parts, such
/// as a `compare regions` report, as an ordinary table.
enum PartVerb {
    static let run: VerbImplementation = { ev, call, input in
        try ev.checkOptions(call)
        let args = try ev.positional(call)
        var value = input
        var nameArgs = args
        if value == nil, args.count == 2 {
            value = try ev.evaluate(args[0].value)
            nameArgs = Array(args.dropFirst())
        }
        guard let value else {
            throw Diagnostic(.value, "part needs a report with tables", at: call.nameSpan, hint: "cmp | part tests")
        }
        guard case .model(let m) = value, !m.parts.isEmpty else {
            throw Diagnostic(.type, "part picks a table from a report with parts (from compare), but it was given \(value.kindPhrase)",
                             at: call.nameSpan, hint: value.kindName.hasPrefix("model") ? "display the model to see its tables" : "cmp = compare regions …, then cmp | part tests")
        }
        let names = m.parts.map(\.name)
        guard nameArgs.count == 1, let arg = nameArgs.first else {
            throw Diagnostic(.syntax, "part needs one table name", at: call.nameSpan, hint: "the tables are: \(names.joined(separator: ", "))")
        }
        let name: String
        switch arg.value {
        case .name(let n, _): name = n
        case .string(let s, _): name = s
        default: throw Diagnostic(.syntax, "part expects a table name such as \(names[0])", at: arg.value.span,
                                  hint: "the tables are: \(names.joined(separator: ", "))")
        }
        guard let table = m.parts.first(where: { $0.name == name })?.table else {
            throw Diagnostic(.unknownName, "this \(m.kind) has no table '\(name)'", at: arg.value.span,
                             hint: (Diagnostic.didYouMean(name, in: names).map { $0 + " " } ?? "") + "The tables are: \(names.joined(separator: ", "))")
        }
        return .table(table)
    }
}
