import MSNTable

/// Sentences for the mixed-methods results (`agreement`, `prevalence`, `joint`), read from their
/// tables and facts through the message catalogue: the verbs' own paragraph (researcher, session
/// language) and `interpret` (either audience) both come from here.
enum MixedMethodsInterpretation {
    static func paragraphs(_ r: MixedMethodsResult, _ c: InterpretContext) -> [String] {
        switch r.kind {
        case "agreement": return agreement(r, c)
        case "prevalence": return prevalence(r, c)
        case "joint": return joint(r, c)
        default: return r.summary.paragraphs
        }
    }

    /// Landis and Koch's (1977) band of a κ, as a catalogue word; nil when undefined.
    static func band(_ k: Double, _ c: InterpretContext) -> String? {
        guard let word = MixedMethodsSupport.landisKoch(k) else { return nil }
        return c.word("kappa." + word.replacingOccurrences(of: " ", with: ""))
    }

    static func percent1(_ share: Double) -> String { SummaryValue.percent(share).formatted }

    // MARK: agreement

    static func agreement(_ r: MixedMethodsResult, _ c: InterpretContext) -> [String] {
        guard let overall = r.part("overall"), let stats = overall.textsOf("statistic"), let est = overall.numbersOf("estimate"),
              let lo = overall.numbersOf("ci_lower"), let hi = overall.numbersOf("ci_upper") else { return r.summary.paragraphs }
        let two = stats.contains("Cohen's kappa")
        guard let main = stats.firstIndex(of: two ? "Cohen's kappa" : "Fleiss' kappa") else { return r.summary.paragraphs }
        let kappa = est[main], pct = percent1(est[0])
        let coders = r.facts["coders"] ?? "2"
        // Lowest and highest κ among themes.
        var low: (String, Double)?, high: (String, Double)?
        if let t = r.part("themes"), let names = t.textsOf("theme"), let ks = t.numbersOf("kappa") {
            let ranked = names.indices.filter { ks[$0].isFinite }.sorted { ks[$0] < ks[$1] }
            if ranked.count > 1, let a = ranked.first, let b = ranked.last { low = (names[a], ks[a]); high = (names[b], ks[b]) }
        }
        if c.isOwner {
            var s = c.t("agr.o.main", ["coders": coders, "percent": pct, "band": band(kappa, c) ?? c.word("kappa.undefined")])
            if !kappa.isFinite || kappa <= 0.4 { s += " " + c.t("agr.o.weak") }
            else if let low { s += " " + c.t("agr.o.ok", ["theme": low.0]) }
            else { s += " " + c.t("agr.o.good") }
            return [s]
        }
        var s = c.t("agr.r.main", [
            "units": r.facts["units"] ?? "?", "coders": coders, "percent": pct,
            "stat": two ? "Cohen's κ" : "Fleiss' κ", "value": MixedMethodsSupport.fixed(kappa),
            "ci": lo[main].isFinite ? c.t("agr.r.ci", ["ci": c.interval(lo[main], hi[main], 2)]) : "",
            "band": band(kappa, c).map { c.t("agr.r.band", ["band": $0]) } ?? "",
        ])
        if let low, let high {
            s += " " + c.t("agr.r.themes", ["low": low.0, "lowk": MixedMethodsSupport.fixed(low.1), "high": high.0, "highk": MixedMethodsSupport.fixed(high.1)])
        }
        return [s]
    }

    // MARK: prevalence

    static func prevalence(_ r: MixedMethodsResult, _ c: InterpretContext) -> [String] {
        guard let t = r.part("themes"), let themes = t.textsOf("theme"), let n = t.numbersOf("n"), let count = t.numbersOf("count"),
              let share = t.numbersOf("share"), let lo = t.numbersOf("ci_lower"), let hi = t.numbersOf("ci_upper") else { return r.summary.paragraphs }
        let respondents = r.facts["respondents"] ?? "?"
        let int = { (v: Double) in v.isFinite ? String(Int(v)) : "?" }
        var significant: [(String, Double)] = []
        if let tests = r.part("tests"), let names = tests.textsOf("theme"), let ps = tests.numbersOf("p") {
            significant = names.indices.filter { ps[$0].isFinite && ps[$0] < 0.05 }.map { (names[$0], ps[$0]) }
        }
        let group = r.facts["group"]
        if c.isOwner {
            guard let top = themes.indices.first else { return [] }
            let next = Array(themes.indices.dropFirst().prefix(2)).filter { count[$0] > 0 }.map { themes[$0] }
            var s = c.t(next.isEmpty ? "prev.o.top1" : "prev.o.top", ["theme": themes[top], "count": int(count[top]), "n": int(n[top]), "list": c.list(next)])
            if let group {
                s += " " + (significant.isEmpty ? c.t("prev.o.groups.none", ["group": group])
                                                : c.t("prev.o.groups", ["group": group, "list": c.list(significant.map { $0.0 })]))
            }
            if (Int(respondents) ?? 0) < 30 { s += " " + c.t("prev.o.small") }
            s += " " + c.t("prev.o.action", ["theme": themes[top]])
            return [s]
        }
        let items = themes.indices.map { k in
            c.t("prev.r.item", ["theme": themes[k], "count": int(count[k]), "n": int(n[k]), "share": percent1(share[k]),
                                "lo": percent1(lo[k]), "hi": percent1(hi[k])])
        }
        var out = [c.t("prev.r.list", ["list": items.joined(separator: "; ")])]
        if let group {
            out.append(significant.isEmpty
                ? c.t("prev.r.groups.none", ["group": group, "n": respondents])
                : c.t("prev.r.groups.sig", ["group": group, "k": String(themes.count),
                                            "list": significant.map { "\($0.0) (\(c.p($0.1)))" }.joined(separator: ", ")]))
        }
        return out
    }

    // MARK: joint display

    /// How sentences name the joint display's quantity in `c`'s language.
    static func quantity(_ r: MixedMethodsResult, _ c: InterpretContext) -> String {
        switch r.facts["quantity"] {
        case "probability": return c.word("joint.q.probability")
        case "prediction": return c.t("joint.q.prediction", ["target": r.facts["target"] ?? ""])
        default: return r.facts["column"] ?? r.facts["target"] ?? "?"
        }
    }

    static func joint(_ r: MixedMethodsResult, _ c: InterpretContext) -> [String] {
        guard let t = r.part("convergence"), let themes = t.textsOf("theme"), let pattern = t.textsOf("pattern"),
              let nWith = t.numbersOf("n_with"), let with = t.numbersOf("mean_with"), let without = t.numbersOf("mean_without"),
              let diff = t.numbersOf("difference"), let lo = t.numbersOf("ci_lower"), let hi = t.numbersOf("ci_upper"),
              let tv = t.numbersOf("t"), let df = t.numbersOf("df"), let p = t.numbersOf("p") else { return r.summary.paragraphs }
        let name = quantity(r, c)
        let f = { (v: Double) in MixedMethodsSupport.fixed(v) }
        let clear = themes.indices.filter { pattern[$0] == "lower with the theme" || pattern[$0] == "higher with the theme" }
        let none = themes.indices.filter { pattern[$0] == "no clear difference" }.map { themes[$0] }
        if c.isOwner {
            var parts: [String] = clear.isEmpty ? [c.t("joint.o.none", ["name": name])] : clear.map { k in
                c.t(diff[k] < 0 ? "joint.o.lower" : "joint.o.higher", ["theme": themes[k], "name": name, "with": f(with[k]), "without": f(without[k])])
            }
            if !clear.isEmpty, !none.isEmpty { parts.append(c.t("joint.o.rest", ["list": c.list(none)])) }
            parts.append(c.t("joint.o.action"))
            return [parts.joined(separator: " ")]
        }
        guard !clear.isEmpty else { return [c.t("joint.r.none", ["name": name])] }
        var s = clear.map { k in
            c.t("joint.r.clear", ["theme": themes[k], "n": String(Int(nWith[k])), "name": name, "with": f(with[k]), "without": f(without[k]),
                                  "diff": f(diff[k]), "ci": c.interval(lo[k], hi[k], 2), "df": MixedMethodsSupport.fixed(df[k], 1),
                                  "t": f(tv[k]), "p": c.p(p[k])])
        }.joined(separator: " ")
        if !none.isEmpty { s += " " + c.t("joint.r.rest", ["list": none.joined(separator: ", "), "name": name]) }
        return [s]
    }
}
