import MSNFactor
import MSNLanguage
import MSNTable

/// `fit efa on t { x1 x2 … x9 } with factors = 3 | "parallel", method = "ml" | "pa",
/// rotation = "oblimin" | "varimax" | "promax" | "none", draws = 500` (draws and the seed are for
/// parallel analysis).
enum FactorVerbs {
    static let fitOptions = ["factors", "method", "rotation", "draws"]

    /// The variables named in the block: separated by spaces, commas or `+`; `a … b` (or `a ... b`)
    /// is every column from a to b in the table's order.
    static func variables(_ block: RawBlock, _ t: Table) throws -> [String] {
        let tokens = block.text.split(whereSeparator: { " \n\t,+".contains($0) }).map(String.init)
        var names: [String] = []
        var i = 0
        while i < tokens.count {
            let token = tokens[i]
            if token == "…" || token == "..." {
                guard let from = names.last, i + 1 < tokens.count, let a = t.index(of: from), let b = t.index(of: tokens[i + 1]), a < b else {
                    throw Diagnostic(.syntax, "a range needs two columns in table order, as in x1 … x9", at: block.firstMention(of: token))
                }
                names += t.columnNames[(a + 1)...b]
                i += 2
                continue
            }
            guard t.index(of: token) != nil else {
                throw Diagnostic(.unknownName, "unknown column '\(token)'", at: block.firstMention(of: token),
                                 hint: Diagnostic.didYouMean(token, in: t.columnNames) ?? "the table's columns are: \(t.columnNames.prefix(12).joined(separator: ", "))")
            }
            names.append(token)
            i += 1
        }
        guard names.count >= 3 else {
            throw Diagnostic(.value, "a factor analysis needs at least three variables", at: block.span(line: 1, column: 1), hint: "fit efa on hs { x1 … x9 } with factors = 3")
        }
        return names
    }

    /// The correlation data of the named numeric columns.
    static func data(_ names: [String], _ t: Table, _ block: RawBlock) throws -> CorrelationData {
        var columns: [[Double]] = []
        for n in names {
            guard let c = t.column(named: n), c.type.isNumeric, let d = c.doubles() else {
                throw Diagnostic(.type, "column '\(n)' is not numeric", at: block.firstMention(of: n))
            }
            columns.append(d)
        }
        return try CorrelationData(names: names, columns: columns)
    }

    /// A text option's value among `allowed`.
    static func choice(_ ev: inout Evaluator, _ call: VerbCall, _ name: String, _ allowed: [String]) throws -> String? {
        guard let (value, span) = try ev.option(call, name) else { return nil }
        guard case .scalar(.string(let s)) = value, allowed.contains(s) else {
            throw Diagnostic(.value, "\(name) must be one of \(allowed.map { "\"\($0)\"" }.joined(separator: ", "))", at: span)
        }
        return s
    }

    static let fitEFA: FitVerb.Fitter = { ev, call, input in
        try ev.checkOptions(call, form: "efa")
        let t = try ev.inputTable(call, input)
        guard let block = call.block else {
            throw Diagnostic(.syntax, "fit efa needs the variables in braces", at: call.nameSpan, hint: "fit efa on hs { x1 … x9 } with factors = 3")
        }
        let names = try variables(block, t)
        do {
            let data = try data(names, t, block)
            let method = FactorSpecification.Method(rawValue: try choice(&ev, call, "method", ["ml", "pa"]) ?? "ml") ?? .ml
            let rotation = FactorSpecification.Rotation(rawValue: try choice(&ev, call, "rotation", ["oblimin", "varimax", "promax", "none"]) ?? "oblimin") ?? .oblimin
            var draws = 500
            if let (value, span) = try ev.option(call, "draws") {
                guard case .scalar(let c) = value, let d = c.doubleValue, d >= 20, d <= 100_000, d == d.rounded() else {
                    throw Diagnostic(.value, "draws must be a whole number from 20 to 100000", at: span)
                }
                draws = Int(d)
            }
            var factors = 1
            var parallel: ParallelAnalysis?
            switch try ev.option(call, "factors") {
            case nil, (.scalar(.string("parallel")), _)?:
                let p = ParallelAnalysis(data, draws: draws, seed: try ev.seed(call))
                parallel = p
                factors = min(max(1, p.retained), FactorError.maximumFactors(names.count))
            case (.scalar(let c), let span)?:
                guard let d = c.doubleValue, d >= 1, d == d.rounded() else {
                    throw Diagnostic(.value, "factors must be a whole number or \"parallel\"", at: span, hint: "factors = 3")
                }
                factors = Int(d)
                if factors > FactorError.maximumFactors(names.count) {
                    throw Diagnostic(.value, FactorError.tooManyFactors(factors: factors, variables: names.count, maximum: FactorError.maximumFactors(names.count)).description, at: span)
                }
            case (_, let span)?:
                throw Diagnostic(.value, "factors must be a whole number or \"parallel\"", at: span, hint: "factors = 3")
            }
            let fit = try FactorFit(FactorSpecification(factors: factors, method: method, rotation: rotation), data: data)
            if data.dropped > 0 {
                ev.sideOutputs.append(.warning(Diagnostic(.data, "\(data.dropped) rows with missing values were left out", at: nil, severity: .warning), source: nil))
            }
            return .model(FactorModelValue(fit: fit, parallel: parallel))
        } catch let e as FactorError {
            throw Diagnostic(.model, e.description, at: call.nameSpan)
        }
    }
}
