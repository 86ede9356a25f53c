import MSNLanguage
import MSNStats
import MSNTable

/// Argument helpers shared by `agreement`, `prevalence` and `joint`.
enum MixedMethodsSupport {
    /// The coded table: piped in, or the first positional argument.
    static func codesTable(_ ev: inout Evaluator, _ call: VerbCall, _ input: Value?) throws -> Table {
        if let input {
            guard case .table(let t) = input else {
                throw Diagnostic(.type, "\(call.name) works on a table of codes, but it was given \(input.kindPhrase)", at: call.nameSpan)
            }
            return t
        }
        guard let first = call.arguments.first(where: { $0.name == nil }) else {
            throw Diagnostic(.value, "\(call.name) needs a table of codes", at: call.nameSpan, hint: "codes = load \"codes.csv\", then \(call.name) codes …")
        }
        guard case .table(let t) = try ev.evaluate(first.value) else {
            throw Diagnostic(.type, "\(call.name) needs a table of codes here", at: first.value.span)
        }
        return t
    }

    /// A column named in a clause: a bare name, backticks or a string.
    static func columnName(_ e: Expr, verb: String) throws -> (String, SourceSpan) {
        switch e {
        case .name(let n, let s), .string(let n, let s): return (n, s)
        default: throw Diagnostic(.syntax, "\(verb) expects a column name here", at: e.span)
        }
    }

    /// An option whose value is a column name (`respondent = firm_id`) or a word (`format = "wide"`).
    static func word(_ call: VerbCall, _ name: String) throws -> (String, SourceSpan)? {
        guard let o = call.options.first(where: { $0.name == name }) else { return nil }
        return try columnName(o.value, verb: "\(call.name) … with \(name) =")
    }

    /// The `rule` option: "any" (default) or "all" coders applied a theme.
    static func rule(_ call: VerbCall) throws -> String {
        guard let (r, span) = try word(call, "rule") else { return "any" }
        guard r == "any" || r == "all" else {
            throw Diagnostic(.value, "rule is \"any\" (a theme is present when any coder applied it) or \"all\"", at: span)
        }
        return r
    }

    /// The `draws` option (bootstrap resamples), 1000 by default.
    static func draws(_ ev: inout Evaluator, _ call: VerbCall) throws -> Int {
        guard let o = call.options.first(where: { $0.name == "draws" }) else { return 1000 }
        let d = try ev.number(o.value, what: "draws")
        guard d >= 0, d <= 100_000, d == d.rounded() else { throw Diagnostic(.value, "draws is a whole number from 0 to 100,000", at: o.value.span) }
        return Int(d)
    }

    /// A number column of a table.
    static func numbers(_ c: Column) -> [Double] {
        (c.doubles() ?? []).enumerated().map { c.isNull($0.offset) ? .nan : $0.element }
    }

    /// Landis and Koch's (1977) words for κ.
    static func landisKoch(_ k: Double) -> String? {
        guard k.isFinite else { return nil }
        return k < 0 ? "poor" : k <= 0.2 ? "slight" : k <= 0.4 ? "fair" : k <= 0.6 ? "moderate" : k <= 0.8 ? "substantial" : "almost perfect"
    }

    /// A number with `d` decimals ("n/a" when undefined), for generated sentences.
    static func fixed(_ v: Double, _ d: Int = 2) -> String { SummaryValue.fixed(v, d) }

    /// A float column with NaN as null.
    static func floats(_ v: [Double]) -> Column { .float(v, nanIsNull: true) }

    /// A text column.
    static func texts(_ v: [String]) -> Column { .string(StringColumn(v.map { Optional($0) })) }

    /// An int column.
    static func ints(_ v: [Int]) -> Column { .int(TypedColumn(v.map(Int64.init))) }
}
