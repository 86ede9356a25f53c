import MSNLanguage
import MSNTable

/// Verbs that keep, reorder or add columns and rows: filter, select, derive, sort, head, tail,
/// distinct, describe.
enum RowVerbs {
    static let filter: VerbImplementation = { ev, call, input in
        try ev.checkOptions(call)
        if let named = call.arguments.first(where: { $0.name != nil }), let span = named.nameSpan {
            throw Diagnostic(.syntax, "'=' assigns; to compare use '=='", at: span,
                             hint: "write \(named.name ?? "x") == … to keep rows where it is equal")
        }
        let t = try ev.inputTable(call, input)
        guard call.arguments.count == 1 else {
            throw Diagnostic(.value, "filter takes one condition", at: call.nameSpan, hint: "combine conditions with and / or")
        }
        let e = call.arguments[0].value
        warnNullComparisons(e, &ev)
        let ctx = RowContext(table: t, grouping: nil, locals: [:])
        if let rows = try ev.fusedSelection(e, in: ctx) { return .table(t.take(rows)) }
        let v = try ev.evaluateRows(e, in: ctx)
        guard let b = v.bools(t.rowCount) else {
            throw Diagnostic(.type, "filter needs a true/false condition, but \(ev.label(e)) is \(VectorOps.typeName(v))", at: e.span,
                             hint: "compare it, e.g. \(ev.label(e).replacingOccurrences(of: "'", with: "")) > 0")
        }
        return .table(try t.filter(TypedColumn(b.values, validity: b.validity)))
    }

    /// `x == null` is null for every row (SQL semantics), so such a filter keeps nothing: say so.
    static func warnNullComparisons(_ e: Expr, _ ev: inout Evaluator) {
        switch e {
        case .binary(let op, let a, let b, let span):
            if op == "==" || op == "!=", case .null = b {
                ev.sideOutputs.append(.warning(Diagnostic(.value, "'\(op) null' is never true (a comparison with null is null)", at: span,
                                                          hint: "write \(ev.label(a).replacingOccurrences(of: "'", with: "")) is \(op == "!=" ? "not " : "")null", severity: .warning), source: ev.source))
            } else if op == "==" || op == "!=", case .null = a {
                ev.sideOutputs.append(.warning(Diagnostic(.value, "'null \(op)' is never true (a comparison with null is null)", at: span,
                                                          hint: "write x is \(op == "!=" ? "not " : "")null", severity: .warning), source: ev.source))
            }
            warnNullComparisons(a, &ev); warnNullComparisons(b, &ev)
        case .unary(_, let x, _): warnNullComparisons(x, &ev)
        default: break
        }
    }

    static let select: VerbImplementation = { ev, call, input in
        try ev.checkOptions(call)
        let t = try ev.inputTable(call, input)
        var keep: [(String, String)] = []   // (output name, source column)
        var drop: [String] = []
        for a in call.arguments {
            if let newName = a.name {
                let old = try ev.columnName(a.value, verb: "select")
                _ = try ev.requireColumn(t, old, at: a.value.span)
                keep.append((newName, old))
            } else if case .unary("-", let inner, _) = a.value {
                let n = try ev.columnName(inner, verb: "select")
                _ = try ev.requireColumn(t, n, at: inner.span)
                drop.append(n)
            } else {
                let n = try ev.columnName(a.value, verb: "select")
                _ = try ev.requireColumn(t, n, at: a.value.span)
                keep.append((n, n))
            }
        }
        if keep.isEmpty { return .table(try t.dropping(drop)) }
        if !drop.isEmpty {
            throw Diagnostic(.value, "select either keeps columns or drops them (-name), not both", at: call.nameSpan)
        }
        var out = try Table(keep.map { ($0.0, t.column(named: $0.1) ?? .nulls(.float, count: t.rowCount)) })
        for (name, source) in keep { if let f = t.columnFormats[source] { out.columnFormats[name] = f } }
        return .table(out)
    }

    static let derive: VerbImplementation = { ev, call, input in
        try ev.checkOptions(call)
        var t = try ev.inputTable(call, input)
        for a in call.arguments {
            guard let name = a.name else {
                throw Diagnostic(.syntax, "derive needs a name for each new column", at: a.value.span, hint: "derive ratio = a / b")
            }
            t = try t.adding(name, try ev.columnValues(a.value, on: t))
        }
        return .table(t)
    }

    static let sort: VerbImplementation = { ev, call, input in
        try ev.checkOptions(call)
        let t = try ev.inputTable(call, input)
        let args = try ev.positional(call)
        guard !args.isEmpty else { throw Diagnostic(.value, "sort needs at least one column", at: call.nameSpan, hint: "sort mean_vol desc") }
        var keys: [SortKey] = []
        for a in args {
            let n = try ev.columnName(a.value, verb: "sort")
            _ = try ev.requireColumn(t, n, at: a.value.span)
            keys.append(SortKey(n, descending: a.descending))
        }
        return .table(try t.sorted(by: keys))
    }

    static func rowCount(_ ev: inout Evaluator, _ call: VerbCall) throws -> Int {
        let args = try ev.positional(call)
        guard let first = args.first else { return 5 }
        let d = try ev.number(first.value, what: "the number of rows")
        guard d >= 0, d == d.rounded() else { throw Diagnostic(.value, "the number of rows must be a whole number ≥ 0", at: first.value.span) }
        return d >= 1e15 ? 1_000_000_000_000_000 : Int(d)   // more rows than any table has: all of them
    }

    static let head: VerbImplementation = { ev, call, input in
        try ev.checkOptions(call)
        let t = try ev.inputTable(call, input)
        return .table(t.head(try rowCount(&ev, call)))
    }

    static let tail: VerbImplementation = { ev, call, input in
        try ev.checkOptions(call)
        let t = try ev.inputTable(call, input)
        return .table(t.tail(try rowCount(&ev, call)))
    }

    static let distinct: VerbImplementation = { ev, call, input in
        try ev.checkOptions(call)
        var t = try ev.inputTable(call, input)
        let names = try ev.positional(call).map { a -> String in
            let n = try ev.columnName(a.value, verb: "distinct")
            _ = try ev.requireColumn(t, n, at: a.value.span)
            return n
        }
        if !names.isEmpty { t = try t.selecting(names) }
        return .table(try t.distinct())
    }

    static let describe: VerbImplementation = { ev, call, input in
        try ev.checkOptions(call)
        return .table(try ev.inputTable(call, input).describe())
    }

}

/// `summarize name = aggregate(…), … [by col, …]`.
enum SummarizeVerb {
    static let run: VerbImplementation = { ev, call, input in
        try ev.checkOptions(call)
        let t = try ev.inputTable(call, input)
        let keys = try (call.by ?? []).map { e -> String in
            let n = try ev.columnName(e, verb: "by")
            _ = try ev.requireColumn(t, n, at: e.span)
            return n
        }
        let grouping = try t.grouping(by: keys)
        var out = grouping.keys
        if keys.isEmpty { out = Table(rowCount: 1) }
        for a in call.arguments {
            guard let name = a.name else {
                throw Diagnostic(.syntax, "summarize needs a name for each result", at: a.value.span, hint: "summarize n = count(), mean_vol = mean(export_volume)")
            }
            let v = try ev.evaluateRows(a.value, in: RowContext(table: t, grouping: grouping, locals: [:]))
            out = try out.adding(name, v.column(grouping.groupCount))
        }
        return .table(out)
    }
}
