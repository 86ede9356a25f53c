import Foundation
import MSNStats

/// How rows with missing values are handled.
public enum MissingMethod: String, Sendable, CaseIterable {
    /// Drop every row with a missing model variable (lavaan's default).
    case listwise
    /// Full-information ML: the casewise likelihood by missing-data pattern (lavaan's `missing = "fiml"`).
    case fiml
}

/// Options for `fit sem`.
public struct SEMOptions: Sendable {
    /// Fix latent variances to 1 and free every loading (lavaan's `std.lv = TRUE`).
    public var stdLV = false
    /// Model intercepts and latent means even without `~ 1` (on for several groups and FIML).
    public var meanStructure = false
    /// Listwise deletion or FIML.
    public var missing = MissingMethod.listwise
    /// The group of every data row (nil: that row's group is missing and the row is dropped); nil for one group.
    public var group: [String?]?
    /// lavaan's `group.equal` keywords (see `ParameterTable.groupEqualKeywords`).
    public var groupEqual: [String] = []
    /// lavaan's `group.partial`: parameters ("visual =~ x2", "x7 ~ 1") left free across groups although a
    /// `groupEqual` keyword covers them.
    public var groupPartial: [String] = []
    /// ML or robust ML (MLR).
    public var estimator = SEMEstimator.ml
    /// The information matrix for the SEs; nil: lavaan's default (expected for ML with complete data,
    /// observed under FIML or MLR).
    public var information: SEMInformation?
    /// Default options (lavaan's `sem()` defaults).
    public init() {}
}

/// A fitted structural equation model: ML with lavaan's defaults — one or several groups, listwise or
/// FIML, expected-information standard errors with complete data and observed (Hessian) ones with FIML.
public struct SEMFit: Sendable {
    /// The parameter table with estimates in `value`.
    public let table: ParameterTable
    /// Observations used (all groups).
    public let n: Int
    /// Rows dropped (missing values under listwise deletion, or nothing observed, or a missing group).
    public let droppedRows: Int
    /// Per group: label, rows, H1 moments.
    public let groups: [GroupData]
    /// How missing values were handled.
    public let missing: MissingMethod
    /// Model-implied matrices per group.
    let models: [ModelMatrices]
    /// Sampling covariance of the free parameters (the sandwich for MLR).
    public internal(set) var vcov: Matrix
    /// Fisher-scoring iterations used.
    public let iterations: Int
    /// The minimum of the discrepancy: chisq / N.
    public let fmin: Double
    /// The minimum of the likelihood objective G (−2 log L / N up to a constant).
    let objective: Double
    /// Warnings (Heywood cases, dropped rows).
    public let warnings: [String]
    /// Free parameter estimates.
    public let estimates: [Double]
    /// The information matrix used for the standard errors (expected, or the observed Hessian under FIML).
    let information: Matrix
    /// The estimator (ML or MLR) and the information the SEs use.
    public internal(set) var estimator = SEMEstimator.ml
    public internal(set) var informationKind = SEMInformation.expected
    /// The scaled test, for MLR.
    public internal(set) var robust: RobustTest?

    /// Sample (H1) covariance of the first group.
    public var sample: Matrix { groups[0].cov }
    /// Model-implied covariance of the first group.
    public var sigma: Matrix { models[0].sigma }
    /// Cov(η) implied in the first group.
    var etaCovariance: Matrix { models[0].m }
    /// Chi-square degrees of freedom.
    public var df: Int { table.df }
    /// Whether this fit has several groups.
    public var isMultiGroup: Bool { table.groups > 1 }

    /// Fits `model` (lavaan syntax) to data given as named columns (NaN = missing).
    public static func fit(model: String, data: [String: [Double]], columnOrder: [String], options: SEMOptions = SEMOptions()) throws -> SEMFit {
        let statements = try ModelSyntax.parse(model)
        for k in options.groupEqual where !ParameterTable.groupEqualKeywords.contains(k) {
            throw SEMError.unknownGroupEqual(k, valid: ParameterTable.groupEqualKeywords)
        }
        let rowsTotal = columnOrder.lazy.compactMap { data[$0]?.count }.first ?? 0
        // Groups in order of first appearance, as lavaan orders a character grouping column.
        var labels: [String] = []
        var groupOf = [Int](repeating: 1, count: rowsTotal)
        if let g = options.group {
            var index: [String: Int] = [:]
            for r in 0..<rowsTotal {
                guard r < g.count, let l = g[r] else { groupOf[r] = 0; continue }
                if index[l] == nil { labels.append(l); index[l] = labels.count }
                groupOf[r] = index[l] ?? 0
            }
            guard labels.count >= 2 else { throw SEMError.singleGroup(labels.first ?? "") }
        } else { labels = [""] }
        var topt = TableOptions()
        topt.stdLV = options.stdLV
        topt.meanStructure = options.meanStructure || options.missing == .fiml
        topt.groups = labels.count
        topt.groupEqual = Set(options.groupEqual)
        topt.groupPartial = try Set(options.groupPartial.map(ParameterTable.partialKey))
        var table = try ParameterTable.build(statements, dataColumns: columnOrder, options: topt)
        let p = table.observed.count
        let columns = table.observed.map { data[$0] ?? [Double](repeating: .nan, count: rowsTotal) }
        let exoColumns = table.exogenous.compactMap { table.observed.firstIndex(of: $0) }
        var groups: [GroupData] = []
        var used = 0
        for (gi, label) in labels.enumerated() {
            let rows = (0..<rowsTotal).filter { r in
                guard groupOf[r] == gi + 1 else { return false }
                if options.missing == .listwise { return columns.allSatisfy { !$0[r].isNaN } }
                return exoColumns.allSatisfy { !columns[$0][r].isNaN } && columns.contains { !$0[r].isNaN }
            }
            let needed = p + 1
            if rows.count < needed {
                if labels.count > 1 { throw SEMError.groupTooSmall(label, rows: rows.count, needed: needed) }
                throw SEMError.tooFewRows(rows.count, needed: needed)
            }
            var gd = GroupData(label: label, group: gi + 1, columns: columns, rows: rows)
            if options.missing == .fiml { try gd.estimateH1() }
            used += gd.n
            groups.append(gd)
        }
        // fixed.x: exogenous observed moments at their (H1) sample values, per group.
        table.fixExogenousMoments(groups)
        let moments = table.groups * table.momentsPerGroup
        guard table.freeCount <= moments else {
            throw SEMError.underIdentified("\(table.freeCount) free parameters but only \(moments) sample \(table.meanStructure ? "means, variances and covariances" : "variances and covariances") (df = \(moments - table.freeCount))")
        }
        for g in groups where options.missing == .listwise {
            guard (try? g.cov.logDeterminantSPD()) != nil else {
                throw SEMError.sampleNotPositiveDefinite("two or more observed variables are collinear, or a variable is constant\(labels.count > 1 ? " (group '\(g.label)')" : "")")
            }
        }
        let likelihood = Likelihood(table: table, groups: groups)
        let (x, iterations, gmin, evaluation) = try likelihood.minimise(start: startValues(table, groups))
        let kind = options.information ?? (options.missing == .fiml || options.estimator == .mlr ? .observed : .expected)
        let info = kind == .observed ? try likelihood.observedHessian(x) : likelihood.gradient(evaluation, information: true).h
        let vcov: Matrix
        do { vcov = (2 / Double(used)) * (try SPDKernel.inverseInformation(info)) } catch {
            throw SEMError.underIdentified("the information matrix is singular at the solution: some parameters cannot be told apart")
        }
        for k in table.rows.indices where table.rows[k].free > 0 { table.rows[k].value = x[table.rows[k].free - 1] }
        let models = evaluation.models
        let h1 = likelihood.value(sigma: groups.map(\.cov), mu: groups.map(\.mean)) ?? .nan
        var warnings: [String] = []
        if rowsTotal > used {
            let noGroup = groupOf.filter { $0 == 0 }.count
            let why = options.missing == .fiml ? "nothing observed\(exoColumns.isEmpty ? "" : " or a missing covariate")" : "missing values (listwise deletion)"
            var parts: [String] = []
            if rowsTotal - used - noGroup > 0 { parts.append("\(rowsTotal - used - noGroup) for \(why)") }
            if noGroup > 0 { parts.append("\(noGroup) with no group value") }
            warnings.append("\(rowsTotal - used) of \(rowsTotal) rows dropped: \(parts.joined(separator: ", "))")
        }
        for r in table.rows where r.op == "~~" && r.lhs == r.rhs && r.free > 0 && r.value < 0 {
            warnings.append("Heywood case: the variance of \(r.lhs)\(labels.count > 1 ? " in group '\(labels[r.group - 1])'" : "") is negative (\(String(format: "%.4f", r.value))); the model may be misspecified")
        }
        var fit = SEMFit(table: table, n: used, droppedRows: rowsTotal - used, groups: groups, missing: options.missing, models: models,
                         vcov: vcov, iterations: iterations, fmin: max(0, gmin - h1), objective: gmin, warnings: warnings,
                         estimates: x, information: info)
        fit.informationKind = kind
        fit.estimator = options.estimator
        if options.estimator == .mlr { try fit.makeRobust(information: info, observed: kind == .observed) }
        return fit
    }

    /// The standard error of free parameter `k` (1-based), or 0 when fixed.
    func se(_ free: Int) -> Double { free > 0 ? max(0, vcov[free - 1, free - 1]).squareRoot() : 0 }
}
