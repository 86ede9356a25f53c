import MSNLanguage
import MSNStats
import MSNTable

/// `agreement codes by coder on theme [seed S] [with format, respondent, value, level, draws]`:
/// inter-rater agreement of coded interviews — percent agreement, Cohen's κ (two coders), Fleiss' κ and
/// Krippendorff's α over every respondent × theme, each with a bootstrap interval that resamples
/// respondents, and the same per theme.
enum AgreementVerb {
    static let options = ["format", "respondent", "value", "level", "draws"]

    static let run: VerbImplementation = { ev, call, input in
        try ev.checkOptions(call)
        let t = try MixedMethodsSupport.codesTable(&ev, call, input)
        var r = CodedData.Request(verbSpan: call.nameSpan)
        if let by = call.by {
            guard by.count == 1, let e = by.first else { throw Diagnostic(.syntax, "agreement … by names one coder column", at: by[1].span) }
            let (name, span) = try MixedMethodsSupport.columnName(e, verb: "agreement … by")
            r.coder = (name, span)
        } else if t.column(named: "coder") == nil {
            throw Diagnostic(.value, "agreement needs the column that says who coded each row", at: call.nameSpan, hint: "agreement codes by coder on theme")
        }
        let on = try (call.on ?? []).map { try MixedMethodsSupport.columnName($0, verb: "agreement … on") }
        if on.count == 1, case .string? = t.column(named: on[0].0) { r.theme = (on[0].0, on[0].1) } else { r.themeColumns = on }
        if let f = try MixedMethodsSupport.word(call, "format") { r.format = f }
        if let c = try MixedMethodsSupport.word(call, "respondent") { r.respondent = (c.0, c.1) }
        r.value = try MixedMethodsSupport.word(call, "value")
        var level = InterRater.Level.nominal
        if let (l, span) = try MixedMethodsSupport.word(call, "level") {
            guard let v = InterRater.Level(rawValue: l) else {
                throw Diagnostic(.value, "level is \"nominal\", \"ordinal\" or \"interval\" (for Krippendorff's α)", at: span)
            }
            level = v
        }
        let data = try CodedData.read(t, r)
        guard data.coders.count >= 2 else {
            throw Diagnostic(.value, "agreement needs two or more coders, but the table has \(data.coders.count) (\(data.coders.joined(separator: ", ")))",
                             at: r.coder?.1 ?? call.nameSpan, hint: "each respondent is coded separately by every coder; the coder column names who")
        }
        let draws = try MixedMethodsSupport.draws(&ev, call)
        let seed = try ev.seed(call)
        let study = AgreementStudy(codes: data.codes, level: level)
        let boot = draws > 0 ? study.bootstrap(draws: draws, seed: seed, threads: Bootstrap.defaultThreads) : nil
        return .model(try result(data, study, boot, level: level, draws: draws, seed: seed, ev.paragraphContext))
    }

    static func result(_ data: CodedData, _ study: AgreementStudy, _ boot: (intervals: [BootstrapInterval], undefined: [Int])?,
                       level: InterRater.Level, draws: Int, seed: UInt64, _ c: InterpretContext = InterpretContext()) throws -> MixedMethodsResult {
        let pooled = study.pooled, themes = study.perTheme
        let two = data.coders.count == 2
        func ci(_ p: Int) -> (Double, Double) {
            guard let b = boot?.intervals[p] else { return (.nan, .nan) }
            return (b.percentileLower, b.percentileUpper)
        }
        let names = ["percent agreement", "Cohen's kappa", "Fleiss' kappa", "Krippendorff's alpha (\(level.rawValue))"]
        let estimates = [pooled.percent, pooled.cohen, pooled.fleiss, pooled.alpha]
        let keep = two ? [0, 1, 2, 3] : [0, 2, 3]
        let overall = try Table([
            ("statistic", MixedMethodsSupport.texts(keep.map { names[$0] })),
            ("estimate", MixedMethodsSupport.floats(keep.map { estimates[$0] })),
            ("ci_lower", MixedMethodsSupport.floats(keep.map { ci($0).0 })), ("ci_upper", MixedMethodsSupport.floats(keep.map { ci($0).1 })),
            ("verdict", MixedMethodsSupport.texts(keep.map { $0 == 0 || $0 == 3 ? "" : MixedMethodsSupport.landisKoch(estimates[$0]) ?? "undefined" })),
        ])
        let kappas = themes.map { two ? $0.cohen : $0.fleiss }
        let themeTable = try Table([
            ("theme", MixedMethodsSupport.texts(data.themes)), ("n", MixedMethodsSupport.ints(themes.map(\.units))),
            ("percent", MixedMethodsSupport.floats(themes.map(\.percent))),
            ("kappa", MixedMethodsSupport.floats(kappas)),
            ("kappa_lower", MixedMethodsSupport.floats(themes.indices.map { ci(4 + 2 * $0).0 })), ("kappa_upper", MixedMethodsSupport.floats(themes.indices.map { ci(4 + 2 * $0).1 })),
            ("alpha", MixedMethodsSupport.floats(themes.map(\.alpha))),
            ("alpha_lower", MixedMethodsSupport.floats(themes.indices.map { ci(5 + 2 * $0).0 })), ("alpha_upper", MixedMethodsSupport.floats(themes.indices.map { ci(5 + 2 * $0).1 })),
            ("verdict", MixedMethodsSupport.texts(kappas.map { MixedMethodsSupport.landisKoch($0) ?? "undefined" })),
        ])
        let kappaName = two ? "Cohen's κ" : "Fleiss' κ"
        let main = two ? 1 : 2
        var items: [ModelSummary.Item] = [
            .init("respondents", .int(data.respondents.count)), .init("coders", .text(data.coders.joined(separator: ", "))),
            .init("themes", .int(data.themes.count)), .init("units (respondent × theme)", .int(pooled.units)),
            .init("percent agreement", .percent(pooled.percent)),
        ]
        for (label, p) in (two ? [("Cohen's κ", 1)] : []) + [("Fleiss' κ", 2), ("Krippendorff's α (\(level.rawValue))", 3)] {
            items.append(.init(label, .bounded(estimates[p], decimals: 3), note: p == 3 ? nil : MixedMethodsSupport.landisKoch(estimates[p])))
            if boot != nil { items.append(.init("  95% bootstrap CI", .interval(ci(p).0, ci(p).1, decimals: 3, bounded: true))) }
        }
        if boot != nil { items.append(.init("bootstrap", .text("\(draws) resamples of respondents, seed \(seed), percentile intervals"))) }
        var warnings: [String] = []
        let undefinedThemes = data.themes.indices.filter { !kappas[$0].isFinite }.map { data.themes[$0] }
        if !undefinedThemes.isEmpty {
            warnings.append("κ is undefined for \(undefinedThemes.joined(separator: ", ")): every code given is the same, so chance agreement is 1.")
        }
        if let b = boot, b.undefined[main] > 0 {
            warnings.append("\(b.undefined[main]) of \(draws) bootstrap draws had a \(kappaName) that is undefined (every resampled code the same); the interval uses the others.")
        }
        if data.respondents.count < 30 {
            warnings.append("With \(data.respondents.count) respondents the intervals are wide; report them with κ.")
        }
        let summary = ModelSummary(title: "inter-rater agreement: \(data.coders.count) coders, \(data.respondents.count) respondents, \(data.themes.count) themes",
                                   items: items, warnings: warnings)
        let r = MixedMethodsResult(kind: "agreement", summary: summary, parts: [("overall", overall), ("themes", themeTable)],
                                   facts: ["units": String(pooled.units), "coders": String(data.coders.count), "respondents": String(data.respondents.count)])
        return r.with(paragraphs: MixedMethodsInterpretation.agreement(r, c))
    }
}
