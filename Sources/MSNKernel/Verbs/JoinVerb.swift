import MSNLanguage
import MSNTable

/// `join other on key [, key2 | left_key == right_key] [with kind = "left", suffix = ["_a", "_b"]]`.
enum JoinVerb {
    static let run: VerbImplementation = { ev, call, input in
        try ev.checkOptions(call)
        let left = try ev.inputTable(call, input, usesOnForOtherThings: true)
        let args = try ev.positional(call)
        guard args.count == 1, case .table(let right) = try ev.evaluate(args[0].value) else {
            throw Diagnostic(.value, "join needs the table to join with", at: call.nameSpan, hint: "firms | join regions on region")
        }
        guard let on = call.on, !on.isEmpty else {
            throw Diagnostic(.value, "join needs key columns after 'on'", at: call.nameSpan, hint: "firms | join regions on region")
        }
        var keys: [(left: String, right: String)] = []
        for e in on {
            if case .binary("==", let l, let r, _) = e {
                let ln = try ev.columnName(l, verb: "join"), rn = try ev.columnName(r, verb: "join")
                _ = try ev.requireColumn(left, ln, at: l.span); _ = try ev.requireColumn(right, rn, at: r.span)
                keys.append((ln, rn))
            } else {
                let n = try ev.columnName(e, verb: "join")
                _ = try ev.requireColumn(left, n, at: e.span); _ = try ev.requireColumn(right, n, at: e.span)
                keys.append((n, n))
            }
        }
        let kinds = JoinKind.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
        var kind = JoinKind.inner
        if let (v, span) = try ev.option(call, "kind") {
            guard case .scalar(.string(let s)) = v, let k = JoinKind(rawValue: s) else {
                let hint = { if case .scalar(.string(let s)) = v { return Diagnostic.didYouMean(s, in: JoinKind.allCases.map(\.rawValue)) } else { return nil } }()
                throw Diagnostic(.value, "join kind must be one of \(kinds)", at: span, hint: hint)
            }
            kind = k
        }
        var suffix = (left: "", right: "_right")
        if let (v, span) = try ev.option(call, "suffix") {
            guard case .list(let items) = v, items.count == 2,
                  case .scalar(.string(let a)) = items[0], case .scalar(.string(let b)) = items[1], a != b else {
                throw Diagnostic(.value, "suffix must be a list of two different texts", at: span, hint: "with suffix = [\"_a\", \"_b\"]")
            }
            suffix = (a, b)
        }
        do {
            return .table(try left.joined(with: right, on: keys, kind: kind, suffix: suffix))
        } catch let e as TableError {
            throw Diagnostic(.type, e.description, at: on[0].span)
        }
    }
}
