import Foundation
import MSNLanguage
import MSNPanel
import MSNTable

/// `fit did y ~ treated_post [+ controls] | unit + time on t [with cluster = …, se = …]` and
/// `fit event y ~ treat(adopt_year) [+ controls] | unit + time on t [with window = [-4, 4], ref = -1,
/// method = "twfe" | "sunab", cluster = …]`. Both cluster by the unit unless told otherwise.
enum EventVerbs {
    static let didOptions = ["cluster", "se", "singletons"]
    static let eventOptions = ["window", "ref", "method", "cluster", "se"]

    static func staggerWarning(_ first: Double, _ last: Double) -> String {
        "adoption is staggered (units start treatment between \(label(first)) and \(label(last))): two-way fixed effects compare later adopters with earlier ones, so with effects that change over time or differ by cohort the estimate is biased (Goodman-Bacon 2021; Sun & Abraham 2021); see fit event … with method = \"sunab\""
    }

    static let fitDiD: FitVerb.Fitter = { ev, call, input in
        try ev.checkOptions(call, form: "did")
        let t = try ev.inputTable(call, input)
        let f = try PanelVerbs.formula(call, t, verb: "fit did", example: "fit did export_volume ~ treated_post | firm_id + year on panel")
        guard f.absorb.count == 2 else {
            throw Diagnostic(.syntax, "fit did needs the unit and time keys after |", at: f.span, hint: "\(f.response) ~ \(f.regressors.first?.0 ?? "treated_post") | firm_id + year")
        }
        var spec = try PanelVerbs.specification(&ev, call, t, f)
        if !call.options.contains(where: { $0.name == "cluster" || $0.name == "se" }) { spec.variance = .clustered([f.absorb[0]]) }
        // The first regressor is the treatment indicator: 0/1, switching on at each unit's adoption.
        let (treatment, span) = f.regressors[0]
        guard let d = t.column(named: treatment)?.doubles(), d.allSatisfy({ $0.isNaN || $0 == 0 || $0 == 1 }) else {
            throw Diagnostic(.value, "the treatment '\(treatment)' must be a 0/1 column", at: span)
        }
        let fit = try PanelVerbs.run(&ev, call, t, spec, at: f.span, terms: f.regressors)
        if let (first, last) = staggered(t, unit: f.absorb[0], time: f.absorb[1], treatment: d) {
            let w = staggerWarning(first, last)
            ev.sideOutputs.append(.warning(Diagnostic(.model, w, at: span, severity: .warning), source: nil))
        }
        return .model(PanelModelValue(fit: fit, kind: "did"))
    }

    /// Whether adoption is staggered: some treated unit is still untreated at a time when another is
    /// already treated. Returns the earliest and latest first-treated times.
    static func staggered(_ t: Table, unit: String, time: String, treatment: [Double]) -> (Double, Double)? {
        guard let u = t.column(named: unit), let tm = t.column(named: time)?.doubles() else { return nil }
        var firstOn: [String: Double] = [:], lastOff: [String: Double] = [:]
        for i in 0..<t.rowCount where !tm[i].isNaN && !treatment[i].isNaN {
            let key = u[i].description
            if treatment[i] == 1 { firstOn[key] = min(firstOn[key] ?? .infinity, tm[i]) } else { lastOff[key] = max(lastOff[key] ?? -.infinity, tm[i]) }
        }
        guard let earliest = firstOn.values.min(), let latest = firstOn.values.max() else { return nil }
        let laterAdopterWaiting = firstOn.keys.contains { (lastOff[$0] ?? -.infinity) >= earliest }
        return laterAdopterWaiting ? (earliest, latest) : nil
    }

    static func label(_ v: Double) -> String { v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v) }

    static func whole(_ c: CellValue) -> Int? {
        guard let d = c.doubleValue, d == d.rounded(), abs(d) < 1e6 else { return nil }
        return Int(d)
    }

    static let fitEvent: FitVerb.Fitter = { ev, call, input in
        try ev.checkOptions(call, form: "event")
        let t = try ev.inputTable(call, input)
        let example = "fit event y ~ treat(adopt_year) | firm_id + year on panel with window = [-4, 4], ref = -1"
        guard call.arguments.count >= 2, case .binary("~", let lhs, let rhs, let span) = call.arguments[1].value,
              case .name(let y, let ySpan) = lhs else {
            throw Diagnostic(.syntax, "fit event needs a formula", at: call.nameSpan, hint: example)
        }
        _ = try PanelVerbs.requireColumn(t, y, ySpan)
        guard case .binary("|", let terms, let fe, _) = rhs else {
            throw Diagnostic(.syntax, "fit event needs the unit and time keys after |", at: span, hint: example)
        }
        let keys = try PanelVerbs.names(fe, t, what: "a fixed-effect key").map(\.0)
        guard keys.count == 2 else { throw Diagnostic(.syntax, "fit event needs exactly two keys after |: unit + time", at: fe.span) }
        var cohort: String?
        var controls: [String] = []
        func walk(_ e: Expr) throws {
            switch e {
            case .binary("+", let a, let b, _): try walk(a); try walk(b)
            case .call("treat", let args, let s):
                guard args.count == 1, case .name(let c, let cs) = args[0] else {
                    throw Diagnostic(.syntax, "treat takes the column of adoption times", at: s, hint: "treat(adopt_year)")
                }
                _ = try PanelVerbs.requireColumn(t, c, cs)
                cohort = c
            case .name(let n, let s): _ = try PanelVerbs.requireColumn(t, n, s); controls.append(n)
            default: throw Diagnostic(.syntax, "terms are treat(adoption_column) and control columns joined by +", at: e.span)
            }
        }
        try walk(terms)
        guard let cohort else { throw Diagnostic(.syntax, "fit event needs treat(adoption_column) among the terms", at: terms.span, hint: example) }
        var spec = EventStudySpecification(response: y, cohort: cohort, unit: keys[0], time: keys[1], controls: controls)
        if let (v, s) = try ev.option(call, "window") {
            guard case .list(let items) = v, items.count == 2, case .scalar(let a) = items[0], case .scalar(let b) = items[1],
                  let lo = whole(a), let hi = whole(b), lo < hi else {
                throw Diagnostic(.value, "window must be [first, last] relative periods", at: s, hint: "with window = [-4, 4]")
            }
            spec.window = lo...hi
        }
        if let (v, s) = try ev.option(call, "ref") {
            guard case .scalar(let c) = v, let r = whole(c) else { throw Diagnostic(.value, "ref must be a whole number", at: s) }
            spec.reference = r
        }
        if let m = try PanelVerbs.stringOption(&ev, call, "method", allowed: ["twfe", "sunab"]) { spec.method = m == "sunab" ? .sunab : .twfe }
        if let c = try PanelVerbs.keyOption(&ev, call, "cluster", t) { spec.variance = .clustered(c) }
        else if try PanelVerbs.stringOption(&ev, call, "se", allowed: ["iid", "standard", "robust", "cluster"]).map({ $0 == "robust" }) == true { spec.variance = .robust }
        do {
            let study = try EventStudy(t, spec)
            let extra = study.notes.map { "note: \($0)" }
            if study.isStaggered && spec.method == .twfe, let first = study.cohorts.first, let last = study.cohorts.last {
                ev.sideOutputs.append(.warning(Diagnostic(.model, staggerWarning(first, last), at: span, severity: .warning), source: nil))
            }
            return .model(EventModelValue(study: study, extra: extra))
        } catch let e as PanelError {
            throw Diagnostic(.model, e.description, at: span)
        }
    }
}
