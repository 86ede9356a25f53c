/// Where a parameter lives in the model matrices.
enum MatrixSlot: Sendable, Equatable {
    /// Λ[indicator, factor].
    case lambda(Int, Int)
    /// B[eta, eta]: regression of the first on the second.
    case beta(Int, Int)
    /// Ψ[eta, eta], symmetric.
    case psi(Int, Int)
    /// Θ[observed, observed], symmetric.
    case theta(Int, Int)
}

/// One row of the parameter table — lavaan's single description of a model that estimation,
/// output and constraints all read.
public struct Parameter: Sendable, Equatable {
    /// Left-hand variable.
    public var lhs: String
    /// Operator: `=~`, `~`, `~~`, `:=`.
    public var op: String
    /// Right-hand variable (or the expression of a `:=`).
    public var rhs: String
    /// Label ("" when none).
    public var label: String
    /// 1-based index of the free parameter, or 0 when fixed.
    public var free: Int
    /// The fixed value, or the estimate once fitted.
    public var value: Double
    /// Written by the user (not added by a default).
    public var user: Bool
    /// Fixed at the sample value because it belongs to exogenous observed covariates (fixed.x).
    public var exo: Bool
    var slot: MatrixSlot?
}

/// The parameter table with the variable lists it refers to.
public struct ParameterTable: Sendable {
    /// All rows in lavaan's order: user rows, then defaults.
    public var rows: [Parameter]
    /// Observed variables, in order of first appearance.
    public var observed: [String]
    /// Latent variables (left of =~).
    public var latents: [String]
    /// Latent variables plus observed variables that take part in regressions (phantoms).
    public var eta: [String]
    /// Number of free parameters (equal labels share one).
    public var freeCount: Int
    /// Observed variables standing in for themselves in the structural part: (observed index, eta index).
    var phantoms: [(Int, Int)]

    /// Builds the table from parsed syntax with lavaan's `sem()`/`cfa()` defaults: first loading fixed to 1
    /// (all loadings free and latent variances fixed to 1 with `stdLV`), residual and latent variances
    /// free, exogenous latent covariances free, covariances among pure outcomes free, exogenous observed
    /// covariates fixed at their sample (co)variances.
    public static func build(_ statements: [SyntaxStatement], dataColumns: [String], stdLV: Bool) throws -> ParameterTable {
        var latents: [String] = []
        for s in statements where s.op == "=~" && !latents.contains(s.lhs) { latents.append(s.lhs) }
        var observed: [String] = []
        func note(_ name: String) throws {
            guard !latents.contains(name), !observed.contains(name), name != "1" else { return }
            guard dataColumns.contains(name) else {
                throw SEMError.unknownVariable(name, available: dataColumns + latents)
            }
            observed.append(name)
        }
        for s in statements where s.op != ":=" {
            if s.op != "=~" { try note(s.lhs) }
            for t in s.terms { try note(t.name) }
        }
        if statements.contains(where: { $0.op == "~" && $0.terms.contains { $0.name == "1" } }) {
            throw SEMError.unsupported("intercepts (~ 1) need a mean structure; single-group covariance models only in this version")
        }
        // Regression roles.
        let regressions = statements.filter { $0.op == "~" }
        let dependents = Set(regressions.map(\.lhs))
        let predictors = Set(regressions.flatMap { $0.terms.map(\.name) })
        let inStructure = dependents.union(predictors)
        let phantomNames = observed.filter { inStructure.contains($0) }
        let eta = latents + phantomNames
        let etaIndex = Dictionary(uniqueKeysWithValues: eta.enumerated().map { ($1, $0) })
        let obsIndex = Dictionary(uniqueKeysWithValues: observed.enumerated().map { ($1, $0) })

        var rows: [Parameter] = []
        var labelIndex: [String: Int] = [:]
        var freeCount = 0
        func add(_ lhs: String, _ op: String, _ rhs: String, slot: MatrixSlot?, fixed: Double?, label: String = "", user: Bool, exo: Bool = false) {
            if rows.contains(where: { $0.lhs == lhs && $0.op == op && $0.rhs == rhs }) || (op == "~~" && rows.contains(where: { $0.lhs == rhs && $0.op == op && $0.rhs == lhs })) { return }
            var free = 0
            if fixed == nil {
                if !label.isEmpty, let existing = labelIndex[label] { free = existing } else {
                    freeCount += 1
                    free = freeCount
                    if !label.isEmpty { labelIndex[label] = free }
                }
            }
            rows.append(Parameter(lhs: lhs, op: op, rhs: rhs, label: label, free: free, value: fixed ?? 0, user: user, exo: exo, slot: slot))
        }
        func symmetricSlot(_ a: String, _ b: String, line: Int) throws -> MatrixSlot {
            if let i = etaIndex[a], let j = etaIndex[b] { return .psi(i, j) }
            if let i = obsIndex[a], let j = obsIndex[b], etaIndex[a] == nil, etaIndex[b] == nil { return .theta(i, j) }
            throw SEMError.unsupported("line \(line): a covariance between '\(a)' and '\(b)' mixes an indicator with a structural variable")
        }
        // User rows, in order.
        for s in statements where s.op != ":=" {
            for (k, t) in s.terms.enumerated() {
                switch s.op {
                case "=~":
                    let slot: MatrixSlot
                    if let j = etaIndex[t.name], latents.contains(t.name) { slot = .beta(j, etaIndex[s.lhs] ?? 0) }
                    else if let i = obsIndex[t.name] { slot = .lambda(i, etaIndex[s.lhs] ?? 0) } else { continue }
                    let firstFixed = k == 0 && !stdLV && !t.forcedFree && t.fixed == nil
                    add(s.lhs, "=~", t.name, slot: slot, fixed: t.fixed ?? (firstFixed ? 1 : nil), label: t.label ?? "", user: true)
                case "~":
                    guard let i = etaIndex[s.lhs], let j = etaIndex[t.name] else { continue }
                    add(s.lhs, "~", t.name, slot: .beta(i, j), fixed: t.fixed, label: t.label ?? "", user: true)
                default:
                    add(s.lhs, "~~", t.name, slot: try symmetricSlot(s.lhs, t.name, line: s.line), fixed: t.fixed, label: t.label ?? "", user: true)
                }
            }
        }
        // Exogenous observed covariates (fixed.x) are fixed later at sample values.
        let exoObserved = phantomNames.filter { !dependents.contains($0) }
        // Residual variances of indicators.
        for (i, o) in observed.enumerated() where etaIndex[o] == nil { add(o, "~~", o, slot: .theta(i, i), fixed: nil, user: false) }
        // Latent (residual) variances and phantom outcomes' residual variances.
        for l in latents { add(l, "~~", l, slot: .psi(etaIndex[l]!, etaIndex[l]!), fixed: stdLV ? 1 : nil, user: false) }
        for o in phantomNames where dependents.contains(o) { add(o, "~~", o, slot: .psi(etaIndex[o]!, etaIndex[o]!), fixed: nil, user: false) }
        // Covariances among exogenous latents.
        let exoLatents = latents.filter { !dependents.contains($0) }
        for (a, x) in exoLatents.enumerated() { for y in exoLatents.dropFirst(a + 1) {
            add(x, "~~", y, slot: .psi(etaIndex[x]!, etaIndex[y]!), fixed: nil, user: false)
        } }
        // Covariances among pure outcomes (dependent, predicting nothing).
        let pureY = eta.filter { dependents.contains($0) && !predictors.contains($0) }
        for (a, x) in pureY.enumerated() { for y in pureY.dropFirst(a + 1) {
            add(x, "~~", y, slot: .psi(etaIndex[x]!, etaIndex[y]!), fixed: nil, user: false)
        } }
        // Exogenous observed covariates: fixed at sample values (filled in by the estimator).
        for (a, x) in exoObserved.enumerated() { for y in exoObserved[a...] {
            add(x, "~~", y, slot: .psi(etaIndex[x]!, etaIndex[y]!), fixed: 0, user: false, exo: true)
        } }
        // Defined parameters.
        for s in statements where s.op == ":=" {
            rows.append(Parameter(lhs: s.lhs, op: ":=", rhs: s.definition ?? "", label: s.lhs, free: 0, value: 0, user: true, exo: false, slot: nil))
        }
        // Identification: every latent needs a scale.
        for l in latents where !stdLV {
            let loadingsFixed = rows.contains { $0.op == "=~" && $0.lhs == l && $0.free == 0 }
            let varianceFixed = rows.contains { $0.op == "~~" && $0.lhs == l && $0.rhs == l && $0.free == 0 }
            if !loadingsFixed && !varianceFixed {
                throw SEMError.underIdentified("latent '\(l)' has no scale: fix a loading (1*x) or its variance (\(l) ~~ 1*\(l)), or use std_lv = true")
            }
        }
        let phantoms = phantomNames.map { (obsIndex[$0]!, etaIndex[$0]!) }
        return ParameterTable(rows: rows, observed: observed, latents: latents, eta: eta, freeCount: freeCount, phantoms: phantoms)
    }
}
