import MSNTable

/// Interpretation of an event study (`fit event`), read from its coefficient table (period, estimate,
/// se, t, pvalue, ci_lower, ci_upper; the reference period a row of zeros): the design, the
/// pre-adoption coefficients as a check of parallel trends, and the effects after adoption.
enum EventInterpretation {
    struct Design {
        var target: String
        var cohort: String
        var unit: String
        var time: String
        /// "twfe" or "sunab".
        var method: String
        var rows: Int
        var reference: Int
        var cohorts: Int
    }

    static func event(_ d: Design, _ t: Table, _ c: InterpretContext) -> [String] {
        guard let period = t.numbersOf("period"), let est = t.numbersOf("estimate"), let p = t.numbersOf("pvalue"),
              let tv = t.numbersOf("t"), let lo = t.numbersOf("ci_lower"), let hi = t.numbersOf("ci_upper") else { return [] }
        let ref = Double(d.reference)
        let pre = period.indices.filter { period[$0] < ref }
        let post = period.indices.filter { period[$0] >= 0 && period[$0] != ref }
        let preSig = pre.filter { p[$0] < 0.05 }
        let postSig = post.filter { p[$0] < 0.05 }
        let label = { (i: Int) in period[i] < 0 ? "t\(Int(period[i]))" : "t+\(Int(period[i]))" }
        let mean = post.isEmpty ? Double.nan : post.map { est[$0] }.reduce(0, +) / Double(post.count)
        if c.isOwner {
            var s: [String]
            if postSig.isEmpty {
                s = [c.t("event.o.none", ["target": d.target])]
            } else {
                s = [c.t(mean >= 0 ? "event.o.up" : "event.o.down", ["target": d.target, "size": c.fixed(abs(mean), 2)])]
            }
            if !preSig.isEmpty { s.append(c.t("event.o.pre", ["target": d.target])) }
            s.append(c.t("event.o.action"))
            return [s.joined(separator: " ")]
        }
        let method = c.word(d.method == "sunab" ? "event.method.sunab" : "event.method.twfe")
        var head = c.t("event.r.fit", ["target": d.target, "cohort": d.cohort, "method": method, "unit": d.unit, "time": d.time,
                                       "n": String(d.rows), "ref": label0(d.reference)])
        if d.method == "twfe", d.cohorts > 1 { head += " " + c.t("event.r.staggered", ["k": String(d.cohorts)]) }
        var out = [head]
        if !pre.isEmpty {
            if preSig.isEmpty {
                let maxT = pre.map { abs(tv[$0]) }.max() ?? .nan
                out.append(c.t("event.r.pre.ok", ["k": String(pre.count), "t": c.fixed(maxT, 2)]))
            } else {
                out.append(c.t("event.r.pre.bad", ["k": String(preSig.count), "m": String(pre.count), "target": d.target,
                                                   "list": c.list(preSig.map { "\(label($0)) (b = \(c.fixed(est[$0], 3)), \(c.p(p[$0])))" })]))
            }
        }
        if !post.isEmpty {
            let items = post.map { "\(label($0)): b = \(c.fixed(est[$0], 3)), 95% CI \(c.interval(lo[$0], hi[$0], 3)), \(c.p(p[$0]))" }
            out.append(c.t("event.r.post", ["list": items.joined(separator: "; "), "k": String(postSig.count), "m": String(post.count),
                                            "mean": c.fixed(mean, 3)]))
        }
        out.append(c.t("event.r.caution"))
        return out
    }

    static func label0(_ r: Int) -> String { r < 0 ? "t\(r)" : "t+\(r)" }
}
