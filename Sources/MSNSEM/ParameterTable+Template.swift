/// The rows of one group, before they are repeated per group and numbered.
struct TemplateRow {
    var lhs: String, op: String, rhs: String
    var slot: MatrixSlot
    var user: Bool
    var exo = false
    /// The value the row is fixed at by default, nil when free by default.
    var defaultFixed: Double?
    /// The user's modifiers.
    var term: SyntaxTerm?
    /// A latent mean added by default (freed in groups 2… when intercepts are equal).
    var latentMean = false
    /// A latent variance added by default (freed in groups 2… with std.lv and equal loadings).
    var latentVariance = false
}

/// Builds the variable lists and template rows from parsed statements.
struct TemplateBuilder {
    var observed: [String] = []
    var latents: [String] = []
    var eta: [String] = []
    var exogenous: [String] = []
    var phantoms: [(Int, Int)] = []
    var rows: [TemplateRow] = []

    init(_ statements: [SyntaxStatement], dataColumns: [String], stdLV: Bool, meanStructure: Bool) throws {
        if let s = statements.first(where: { $0.op == "<~" }) {
            throw SEMError.syntax(line: s.line, column: 1, message: "'<~' (a formative composite) is estimated by fit pls, not fit sem")
        }
        for s in statements where s.op == "=~" && !latents.contains(s.lhs) { latents.append(s.lhs) }
        for s in statements where s.op != ":=" {
            if s.op != "=~" { try note(s.lhs, dataColumns) }
            for t in s.terms { try note(t.name, dataColumns) }
        }
        let regressions = statements.filter { $0.op == "~" && !$0.terms.allSatisfy { $0.name == "1" } }
        let dependents = Set(regressions.filter { s in s.terms.contains { $0.name != "1" } }.map(\.lhs))
        let predictors = Set(regressions.flatMap { $0.terms.map(\.name) }.filter { $0 != "1" })
        let inStructure = dependents.union(predictors)
        let phantomNames = observed.filter { inStructure.contains($0) }
        eta = latents + phantomNames
        let etaIndex = Dictionary(uniqueKeysWithValues: eta.enumerated().map { ($1, $0) })
        let obsIndex = Dictionary(uniqueKeysWithValues: observed.enumerated().map { ($1, $0) })
        phantoms = phantomNames.compactMap { name in obsIndex[name].flatMap { o in etaIndex[name].map { (o, $0) } } }
        exogenous = phantomNames.filter { !dependents.contains($0) }

        func symmetricSlot(_ a: String, _ b: String, line: Int) throws -> MatrixSlot {
            if let i = etaIndex[a], let j = etaIndex[b] { return .psi(i, j) }
            if let i = obsIndex[a], let j = obsIndex[b], etaIndex[a] == nil, etaIndex[b] == nil { return .theta(i, j) }
            throw SEMError.unsupported("line \(line): a covariance between '\(a)' and '\(b)' mixes an indicator with a structural variable")
        }
        func meanSlot(_ v: String) -> MatrixSlot? {
            if let j = etaIndex[v] { return .alpha(j) }
            return obsIndex[v].map { .nu($0) }
        }
        // User rows, in order.
        var markerDone = Set<String>()
        for s in statements where s.op != ":=" {
            for t in s.terms {
                switch s.op {
                case "=~":
                    let slot: MatrixSlot
                    if let j = etaIndex[t.name], latents.contains(t.name) { slot = .beta(j, etaIndex[s.lhs] ?? 0) }
                    else if let i = obsIndex[t.name] { slot = .lambda(i, etaIndex[s.lhs] ?? 0) } else { continue }
                    let marker = !stdLV && !markerDone.contains(s.lhs)
                    markerDone.insert(s.lhs)
                    add(TemplateRow(lhs: s.lhs, op: "=~", rhs: t.name, slot: slot, user: true, defaultFixed: marker ? 1 : nil, term: t))
                case "~" where t.name == "1":
                    guard let slot = meanSlot(s.lhs) else { continue }
                    add(TemplateRow(lhs: s.lhs, op: "~1", rhs: "", slot: slot, user: true, term: t))
                case "~":
                    guard let i = etaIndex[s.lhs], let j = etaIndex[t.name] else { continue }
                    add(TemplateRow(lhs: s.lhs, op: "~", rhs: t.name, slot: .beta(i, j), user: true, term: t))
                default:
                    add(TemplateRow(lhs: s.lhs, op: "~~", rhs: t.name, slot: try symmetricSlot(s.lhs, t.name, line: s.line), user: true, term: t))
                }
            }
        }
        // Residual variances of indicators; latent (residual) variances; outcome residual variances.
        for (i, o) in observed.enumerated() where etaIndex[o] == nil { add(TemplateRow(lhs: o, op: "~~", rhs: o, slot: .theta(i, i), user: false)) }
        for l in latents {
            add(TemplateRow(lhs: l, op: "~~", rhs: l, slot: .psi(etaIndex[l]!, etaIndex[l]!), user: false, defaultFixed: stdLV ? 1 : nil, latentVariance: true))
        }
        for o in phantomNames where dependents.contains(o) { add(TemplateRow(lhs: o, op: "~~", rhs: o, slot: .psi(etaIndex[o]!, etaIndex[o]!), user: false)) }
        // Covariances among exogenous latents and among pure outcomes (dependent, predicting nothing).
        let exoLatents = latents.filter { !dependents.contains($0) }
        for (a, x) in exoLatents.enumerated() { for y in exoLatents.dropFirst(a + 1) {
            add(TemplateRow(lhs: x, op: "~~", rhs: y, slot: .psi(etaIndex[x]!, etaIndex[y]!), user: false))
        } }
        let pureY = eta.filter { dependents.contains($0) && !predictors.contains($0) }
        for (a, x) in pureY.enumerated() { for y in pureY.dropFirst(a + 1) {
            add(TemplateRow(lhs: x, op: "~~", rhs: y, slot: .psi(etaIndex[x]!, etaIndex[y]!), user: false))
        } }
        // Exogenous observed covariates: fixed at sample values (filled in by the fit).
        for (a, x) in exogenous.enumerated() { for y in exogenous[a...] {
            add(TemplateRow(lhs: x, op: "~~", rhs: y, slot: .psi(etaIndex[x]!, etaIndex[y]!), user: false, exo: true, defaultFixed: 0))
        } }
        guard meanStructure else { return }
        for o in observed {
            guard let slot = meanSlot(o) else { continue }
            let exo = exogenous.contains(o)
            add(TemplateRow(lhs: o, op: "~1", rhs: "", slot: slot, user: false, exo: exo, defaultFixed: exo ? 0 : nil))
        }
        for l in latents { add(TemplateRow(lhs: l, op: "~1", rhs: "", slot: .alpha(etaIndex[l]!), user: false, defaultFixed: 0, latentMean: true)) }
    }

    private mutating func note(_ name: String, _ dataColumns: [String]) throws {
        guard !latents.contains(name), !observed.contains(name), name != "1" else { return }
        guard dataColumns.contains(name) else { throw SEMError.unknownVariable(name, available: dataColumns + latents) }
        observed.append(name)
    }

    private mutating func add(_ row: TemplateRow) {
        if rows.contains(where: { $0.op == row.op && (($0.lhs == row.lhs && $0.rhs == row.rhs) || (row.op == "~~" && $0.lhs == row.rhs && $0.rhs == row.lhs)) }) { return }
        rows.append(row)
    }

    /// Whether lavaan's `group.equal` makes this row equal across groups.
    private func covered(_ r: TemplateRow, _ eq: Set<String>) -> Bool {
        let ovNoX = !latents.contains(r.lhs) && observed.contains(r.lhs) && !exogenous.contains(r.lhs)
        let lv = latents.contains(r.lhs)
        switch r.op {
        case "=~": return eq.contains("loadings")
        case "~": return eq.contains("regressions")
        case "~1": return (ovNoX && eq.contains("intercepts")) || (lv && eq.contains("means"))
        case "~~" where r.lhs == r.rhs: return (ovNoX && eq.contains("residuals")) || (lv && eq.contains("lv.variances"))
        case "~~": return (ovNoX && eq.contains("residual.covariances")) || (lv && eq.contains("lv.covariances"))
        default: return false
        }
    }

    /// The rows of every group. `free` is 1 (free) or −1 (fixed) and `label` the equality key until
    /// `ParameterTable.assignFree` numbers them.
    func expand(groups: Int, groupEqual: Set<String>, groupPartial: Set<String> = [], stdLV: Bool) -> [Parameter] {
        var out: [Parameter] = []
        for g in 1...groups {
            for t in rows {
                var fixed = t.defaultFixed
                if g > 1, t.latentMean, groupEqual.contains("intercepts"), !groupEqual.contains("means") { fixed = nil }
                if g > 1, t.latentVariance, stdLV, groupEqual.contains("loadings"), !groupEqual.contains("lv.variances") { fixed = nil }
                var label: String?
                if let term = t.term {
                    if let v = term.fixed { fixed = v }
                    if term.forcedFree { fixed = nil }
                    label = term.label
                    if g <= term.perGroup.count {
                        let m = term.perGroup[g - 1]
                        if let v = m.fixed { fixed = v }
                        if m.forcedFree { fixed = nil }
                        if let l = m.label { label = l }
                    }
                }
                if t.exo { fixed = 0 }
                let base = "\u{1}\(t.lhs) \(t.op) \(t.rhs)"
                let partial = ParameterTable.rowKeys(t.lhs, t.op, t.rhs).contains { groupPartial.contains($0) }
                let key = label ?? (g == 1 || (covered(t, groupEqual) && !partial) ? base : "\(base) .g\(g)")
                out.append(Parameter(lhs: t.lhs, op: t.op, rhs: t.rhs, label: key, free: fixed == nil ? 1 : -1, value: fixed ?? 0,
                                     user: t.user, exo: t.exo, group: g, slot: t.slot))
            }
        }
        return out
    }
}
