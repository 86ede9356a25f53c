import MSNLanguage
import MSNTable

/// Data cleaning and resampling: `drop nulls`, `drop outliers`, `sample`, `split`.
enum CleaningVerbs {
    static let drop: VerbImplementation = { ev, call, input in
        let t = try ev.inputTable(call, input)
        let args = try ev.positional(call)
        guard let first = args.first, case .name(let what, _) = first.value, what == "nulls" || what == "outliers" else {
            throw Diagnostic(.value, "drop needs 'nulls' or 'outliers' and then column names", at: call.nameSpan,
                             hint: "drop nulls export_volume, or drop outliers export_volume with k = 3")
        }
        let names = try args.dropFirst().map { a -> String in
            let n = try ev.columnName(a.value, verb: "drop \(what)")
            _ = try ev.requireColumn(t, n, at: a.value.span)
            return n
        }
        if what == "nulls" {
            try ev.checkOptions(call)
            return .table(try t.droppingNulls(in: names))
        }
        try ev.checkOptions(call)
        guard !names.isEmpty else { throw Diagnostic(.value, "drop outliers needs the columns to check", at: first.value.span) }
        for (n, a) in zip(names, args.dropFirst()) where !(t.column(named: n)?.type.isNumeric ?? false) {
            throw Diagnostic(.type, "drop outliers needs number columns, but '\(n)' is \(t.column(named: n)?.type.description ?? "")", at: a.value.span)
        }
        var k = 1.5
        if let o = call.options.first(where: { $0.name == "k" }) { k = try ev.number(o.value, what: "k") }
        return .table(try t.removingOutliers(in: names, k: k))
    }

    static func stratum(_ ev: Evaluator, _ call: VerbCall, _ t: Table) throws -> String? {
        guard let by = call.by else { return nil }
        guard by.count == 1 else { throw Diagnostic(.value, "\(call.name) stratifies by one column", at: by[1].span) }
        let n = try ev.columnName(by[0], verb: call.name)
        _ = try ev.requireColumn(t, n, at: by[0].span)
        return n
    }

    static let sample: VerbImplementation = { ev, call, input in
        try ev.checkOptions(call)
        let t = try ev.inputTable(call, input)
        let args = try ev.positional(call)
        guard args.count == 1 else { throw Diagnostic(.value, "sample needs the number of rows", at: call.nameSpan, hint: "sample 100 by region seed 1") }
        let n = try ev.number(args[0].value, what: "the sample size")
        guard n >= 0, n == n.rounded() else { throw Diagnostic(.value, "the sample size must be a whole number ≥ 0", at: args[0].value.span) }
        return .table(try t.sample(n >= 1e15 ? 1_000_000_000_000_000 : Int(n), stratum: try stratum(ev, call, t), seed: try ev.seed(call)))
    }

    static let split: VerbImplementation = { ev, call, input in
        try ev.checkOptions(call)
        let t = try ev.inputTable(call, input)
        let args = try ev.positional(call)
        guard args.count == 1 else { throw Diagnostic(.value, "split needs the training fraction", at: call.nameSpan, hint: "train, test = t | split 0.8 by exported seed 42") }
        let f = try ev.number(args[0].value, what: "the split fraction")
        guard f > 0, f < 1 else {
            throw Diagnostic(.value, "split fraction must be between 0 and 1, got \(f)", at: args[0].value.span,
                             hint: "0.8 puts 80% of the rows in the first table")
        }
        let (train, test) = try t.split(fraction: f, stratum: try stratum(ev, call, t), seed: try ev.seed(call))
        return .tuple([.table(train), .table(test)])
    }
}
