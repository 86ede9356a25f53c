import MSNLanguage
import MSNSEM
import MSNTable

/// Reads `fit sem`'s `with` options into `SEMOptions`, with did-you-mean diagnostics.
enum SEMOptionParser {
    static let missingMethods = ["listwise", "fiml"]

    static func parse(_ ev: inout Evaluator, _ call: VerbCall, _ t: Table) throws -> SEMOptions {
        var options = SEMOptions()
        if let (v, span) = try ev.option(call, "std_lv") {
            guard case .scalar(.bool(let b)) = v else { throw Diagnostic(.type, "std_lv is true or false", at: span) }
            options.stdLV = b
        }
        if let (v, span) = try ev.option(call, "missing") {
            guard case .scalar(.string(let m)) = v else {
                throw Diagnostic(.type, "missing is a text: \"listwise\" or \"fiml\"", at: span)
            }
            switch m {
            case "listwise": options.missing = .listwise
            case "fiml", "ml": options.missing = .fiml
            default:
                throw Diagnostic(.value, "missing = \"\(m)\" is not a method", at: span,
                                 hint: Diagnostic.didYouMean(m, in: missingMethods) ?? "use \"listwise\" (drop incomplete rows) or \"fiml\" (full-information ML)")
            }
        }
        if let o = call.options.first(where: { $0.name == "group" }) {
            let name: String
            if case .name(let n, _) = o.value { name = n } else if case .scalar(.string(let s)) = try ev.evaluate(o.value) { name = s } else {
                throw Diagnostic(.type, "group is a column name", at: o.value.span, hint: "fit sem on hs { … } with group = school")
            }
            let column = try ev.requireColumn(t, name, at: o.value.span)
            options.group = (0..<t.rowCount).map { r in
                let c = column[r]
                return c.isNull ? nil : c.description
            }
            let levels = Set(options.group?.compactMap { $0 } ?? [])
            guard levels.count >= 2 else {
                throw Diagnostic(.value, "the group column '\(name)' has \(levels.count == 1 ? "a single level ('\(levels.first ?? "")')" : "no values"); groups need at least two levels", at: o.value.span)
            }
        }
        if let (v, span) = try ev.option(call, "group_equal") {
            var names: [String] = []
            switch v {
            case .scalar(.string(let s)): names = [s]
            case .list(let items):
                for item in items {
                    guard case .scalar(.string(let s)) = item else { throw Diagnostic(.type, "group_equal is a list of texts like [\"loadings\", \"intercepts\"]", at: span) }
                    names.append(s)
                }
            default: throw Diagnostic(.type, "group_equal is a list of texts like [\"loadings\", \"intercepts\"]", at: span)
            }
            let valid = ParameterTable.groupEqualKeywords
            // lavaan writes lv.variances; msnb's lv_variances is accepted too.
            names = names.map { valid.contains($0) ? $0 : $0.replacingOccurrences(of: "_", with: ".") }
            for n in names where !valid.contains(n) {
                throw Diagnostic(.value, "'\(n)' is not a group_equal keyword", at: span,
                                 hint: Diagnostic.didYouMean(n, in: valid) ?? "keywords: \(valid.joined(separator: ", "))")
            }
            guard options.group != nil else {
                throw Diagnostic(.value, "group_equal needs several groups", at: span, hint: "add group = column, e.g. with group = school, group_equal = [\"loadings\"]")
            }
            options.groupEqual = names
        }
        if let (names, span) = try groupPartial(&ev, call) {
            guard options.group != nil else {
                throw Diagnostic(.value, "group_partial needs several groups", at: span, hint: "with group = school, group_equal = [\"loadings\", \"intercepts\"], group_partial = [\"x7 ~ 1\"]")
            }
            options.groupPartial = names
        }
        if let (v, span) = try ev.option(call, "estimator") {
            guard case .scalar(.string(let e)) = v, let est = SEMEstimator(rawValue: e.uppercased()) else {
                throw Diagnostic(.value, "estimator is \"ML\" or \"MLR\"", at: span, hint: "MLR: robust (Huber–White) SEs and the Yuan–Bentler scaled chi-square, as lavaan's estimator = \"MLR\"")
            }
            options.estimator = est
        }
        if let (v, span) = try ev.option(call, "information") {
            guard case .scalar(.string(let e)) = v, let kind = SEMInformation(rawValue: e.lowercased()) else {
                throw Diagnostic(.value, "information is \"expected\" or \"observed\"", at: span)
            }
            options.information = kind
        }
        return options
    }

    /// `group_partial = ["visual =~ x2", "x7 ~ 1"]`: parameters left free across groups (lavaan's group.partial).
    static func groupPartial(_ ev: inout Evaluator, _ call: VerbCall) throws -> ([String], SourceSpan)? {
        guard let (v, span) = try ev.option(call, "group_partial") else { return nil }
        var names: [String] = []
        switch v {
        case .scalar(.string(let s)): names = [s]
        case .list(let items):
            for item in items {
                guard case .scalar(.string(let s)) = item else { throw Diagnostic(.type, "group_partial is a list of texts like [\"visual =~ x2\", \"x7 ~ 1\"]", at: span) }
                names.append(s)
            }
        default: throw Diagnostic(.type, "group_partial is a list of texts like [\"visual =~ x2\", \"x7 ~ 1\"]", at: span)
        }
        for n in names {
            do { _ = try ParameterTable.partialKey(n) } catch {
                throw Diagnostic(.value, "'\(n)' in group_partial is not one parameter", at: span, hint: "write it as in the model: \"visual =~ x2\", \"x7 ~ 1\" or \"x1 ~~ x4\"")
            }
        }
        return (names, span)
    }
}
