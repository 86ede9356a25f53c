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
    /// ν[observed]: the intercept of an indicator.
    case nu(Int)
    /// α[eta]: a latent mean, or the intercept of an observed variable in the structural part.
    case alpha(Int)
}

/// One row of the parameter table — lavaan's single description of a model that estimation,
/// output and constraints all read.
public struct Parameter: Sendable, Equatable {
    /// Left-hand variable.
    public var lhs: String
    /// Operator: `=~`, `~`, `~~`, `~1`, `:=`.
    public var op: String
    /// Right-hand variable ("" for `~1`, the expression of a `:=`).
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
    /// 1-based group (0 for `:=` rows).
    public var group: Int = 1
    var slot: MatrixSlot?
}

/// How the table is built: lavaan's `std.lv`, `meanstructure`, number of groups and `group.equal`.
public struct TableOptions: Sendable {
    /// Fix latent variances to 1 and free every loading.
    public var stdLV = false
    /// Add intercepts and latent means (on automatically with `~ 1` in the model or several groups).
    public var meanStructure = false
    /// Number of groups.
    public var groups = 1
    /// lavaan's `group.equal` keywords.
    public var groupEqual: Set<String> = []
    /// lavaan's `group.partial`, as `partialKey`s: rows left free across groups.
    public var groupPartial: Set<String> = []
    /// Defaults: one group, no mean structure.
    public init() {}
}

/// The parameter table with the variable lists it refers to.
public struct ParameterTable: Sendable {
    /// All rows in lavaan's order: per group, user rows then defaults; `:=` rows last.
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
    /// Number of groups.
    public var groups: Int = 1
    /// Whether intercepts and latent means are modelled.
    public var meanStructure: Bool = false
    /// Exogenous observed covariates (their moments are fixed at the sample values: fixed.x).
    public var exogenous: [String] = []

    /// The keywords lavaan's `group.equal` accepts (that apply to continuous data).
    /// The key of a `group_partial` entry such as "visual =~ x2", "x7 ~ 1" or "x1 ~~ x4" ("lhs|op|rhs",
    /// with `~ 1` as op "~1"); throws on text that is not one parameter.
    public static func partialKey(_ text: String) throws -> String {
        let t = text.filter { !$0.isWhitespace }
        for op in ["=~", "~~", "~"] {
            guard let r = t.range(of: op) else { continue }
            let lhs = String(t[..<r.lowerBound]), rhs = String(t[r.upperBound...])
            guard !lhs.isEmpty, !rhs.isEmpty else { break }
            return op == "~" && rhs == "1" ? "\(lhs)|~1|" : "\(lhs)|\(op)|\(rhs)"
        }
        throw SEMError.unsupported("'\(text)' in group_partial is not a parameter like \"visual =~ x2\", \"x7 ~ 1\" or \"x1 ~~ x4\"")
    }

    /// The keys a row answers to (both orders for a covariance).
    static func rowKeys(_ lhs: String, _ op: String, _ rhs: String) -> [String] {
        op == "~~" ? ["\(lhs)|~~|\(rhs)", "\(rhs)|~~|\(lhs)"] : ["\(lhs)|\(op)|\(rhs)"]
    }

    public static let groupEqualKeywords = ["loadings", "intercepts", "means", "residuals", "residual.covariances",
                                            "lv.variances", "lv.covariances", "regressions"]

    /// Sample moments per group the model can reproduce: variances, covariances (and means), excluding
    /// the exogenous covariates' own moments as lavaan does under fixed.x.
    public var momentsPerGroup: Int {
        let p = observed.count, x = exogenous.count
        return p * (p + 1) / 2 - x * (x + 1) / 2 + (meanStructure ? p - x : 0)
    }

    /// Chi-square degrees of freedom.
    public var df: Int { groups * momentsPerGroup - freeCount }

    /// Builds the table from parsed syntax with lavaan's `sem()`/`cfa()` defaults (see `TableOptions`).
    public static func build(_ statements: [SyntaxStatement], dataColumns: [String], stdLV: Bool) throws -> ParameterTable {
        var o = TableOptions()
        o.stdLV = stdLV
        return try build(statements, dataColumns: dataColumns, options: o)
    }

    /// Builds the table: first loading fixed to 1 (all free and latent variances 1 with `stdLV`), residual
    /// and latent variances free, exogenous latent covariances free, covariances among pure outcomes free,
    /// exogenous observed covariates fixed at their sample moments; with a mean structure indicator and
    /// outcome intercepts free and latent means 0; the rows repeated per group with lavaan's `group.equal`
    /// equality constraints (labels shared across groups are constraints too).
    public static func build(_ statements: [SyntaxStatement], dataColumns: [String], options: TableOptions) throws -> ParameterTable {
        let hasIntercepts = statements.contains { $0.op == "~" && $0.terms.contains { $0.name == "1" } }
        let meanStructure = options.meanStructure || hasIntercepts || options.groups > 1
        let template = try TemplateBuilder(statements, dataColumns: dataColumns, stdLV: options.stdLV, meanStructure: meanStructure)
        for s in statements { for t in s.terms where !t.perGroup.isEmpty && t.perGroup.count != options.groups {
            throw SEMError.syntax(line: s.line, column: 1, message: "c(…) in front of \(t.name) has \(t.perGroup.count) elements but there \(options.groups == 1 ? "is 1 group" : "are \(options.groups) groups")")
        } }
        var table = ParameterTable(rows: [], observed: template.observed, latents: template.latents, eta: template.eta,
                                   freeCount: 0, phantoms: template.phantoms, groups: options.groups,
                                   meanStructure: meanStructure, exogenous: template.exogenous)
        table.rows = template.expand(groups: options.groups, groupEqual: options.groupEqual, groupPartial: options.groupPartial, stdLV: options.stdLV)
        for key in options.groupPartial.sorted() where !table.rows.contains(where: { ParameterTable.rowKeys($0.lhs, $0.op, $0.rhs).contains(key) }) {
            throw SEMError.unsupported("group_partial names '\(key.replacingOccurrences(of: "|", with: " "))', which is not a parameter of the model")
        }
        table.assignFree()
        for s in statements where s.op == ":=" {
            table.rows.append(Parameter(lhs: s.lhs, op: ":=", rhs: s.definition ?? "", label: s.lhs, free: 0, value: 0, user: true, exo: false, group: 0, slot: nil))
        }
        // Identification: every latent needs a scale.
        for l in table.latents {
            let loadingsFixed = table.rows.contains { $0.op == "=~" && $0.lhs == l && $0.free == 0 && $0.group == 1 }
            let varianceFixed = table.rows.contains { $0.op == "~~" && $0.lhs == l && $0.rhs == l && $0.free == 0 && $0.group == 1 }
            if !loadingsFixed && !varianceFixed {
                throw SEMError.underIdentified("latent '\(l)' has no scale: fix a loading (1*x) or its variance (\(l) ~~ 1*\(l)), or use std_lv = true")
            }
        }
        return table
    }

    /// Gives each equality class (same label, or same lavaan group.equal key) one free index; a class with
    /// a fixed member is fixed at the first fixed value, as lavaan does.
    mutating func assignFree() {
        var classes: [String: [Int]] = [:]
        var order: [String] = []
        for (i, r) in rows.enumerated() {
            if classes[r.label] == nil { order.append(r.label) }
            classes[r.label, default: []].append(i)
        }
        var next = 0
        var indexOf: [String: Int] = [:]
        for key in order {
            let members = classes[key] ?? []
            if let fixed = members.first(where: { rows[$0].free < 0 }) {
                for m in members { rows[m].free = 0; rows[m].value = rows[fixed].value }
            } else {
                next += 1
                indexOf[key] = next
                for m in members { rows[m].free = next }
            }
        }
        for i in rows.indices where rows[i].free < 0 { rows[i].free = 0 }
        freeCount = next
        // The equality key was kept in `label` while numbering; restore the user's labels.
        for i in rows.indices { rows[i].label = rows[i].label.hasPrefix("\u{1}") ? "" : rows[i].label }
    }
}
