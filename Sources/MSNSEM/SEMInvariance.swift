import Foundation
import MSNStats

/// One rung of the measurement-invariance ladder: a multi-group fit with some parameters held equal.
public struct InvarianceStep: Sendable {
    /// configural, metric, scalar or strict.
    public let name: String
    /// The `group.equal` keywords of this step.
    public let groupEqual: [String]
    /// The fitted model.
    public let fit: SEMFit
    public let chisq: Double, df: Double, pvalue: Double, cfi: Double, tli: Double
    public let rmsea: Double, srmr: Double, aic: Double, bic: Double
}

/// A step compared with the one below it: lavaan's `lavTestLRT` chi-square difference test (ML; under MLR
/// the Satorra–Bentler 2001 scaled difference) and the
/// change in CFI and RMSEA, with verdicts under both usual rules.
public struct InvarianceComparison: Sendable {
    /// The less and the more constrained step.
    public let from: String, to: String
    public let deltaChisq: Double, deltaDf: Double, pvalue: Double
    public let deltaCFI: Double, deltaRMSEA: Double
    /// Which difference test: the plain LR difference (ML) or Satorra–Bentler 2001 (MLR; ScaledDifference.swift).
    public var method: ChisqDifferenceMethod = .standard
    /// c_d of the scaled difference (nil for the plain test).
    public var scalingFactor: Double?
    /// Invariance holds by the χ² difference test: p > .05.
    public var holdsByChisq: Bool { pvalue > 0.05 }
    /// Invariance holds by Cheung & Rensvold's (2002) rule: ΔCFI ≥ −.01.
    public var holdsByCFI: Bool { deltaCFI >= -0.01 }
}

/// A structural path (`~`) compared between two groups in the configural model.
public struct PathDifference: Sendable {
    public let lhs: String, rhs: String
    public let groupA: String, groupB: String
    public let estA: Double, seA: Double, estB: Double, seB: Double
    /// z = (b_A − b_B) / √(se_A² + se_B²) and its two-sided p.
    public let z: Double, pvalue: Double
    /// p adjusted by Holm over the pairs of groups of this path (equal to p for two groups).
    public let pvalueHolm: Double
}

/// The configural → metric → scalar → strict ladder with the comparisons between consecutive steps.
public struct InvarianceLadder: Sendable {
    /// The groups, in order of first appearance.
    public let groupLabels: [String]
    public let steps: [InvarianceStep]
    /// steps[i + 1] against steps[i].
    public let comparisons: [InvarianceComparison]
    /// Structural paths of the configural model compared between every pair of groups.
    public let paths: [PathDifference]
    /// Parameters left free in every step (lavaan's `group.partial`).
    public var groupPartial: [String] = []

    /// The latent means of groups 2… against the first group (fixed at 0) in the scalar step, where
    /// intercepts are equal (partially, with `groupPartial`) and the latent means free: lavaan's
    /// `visual ~ 1` rows of `cfa(…, group.equal = c("loadings", "intercepts"))`.
    public func latentMeans() throws -> [EstimateRow] {
        guard let scalar = steps.first(where: { $0.name == "scalar" })?.fit else { return [] }
        return try scalar.estimateRows().filter { $0.op == "~1" && $0.group > 1 && scalar.table.latents.contains($0.lhs) }
    }
}

/// Measurement invariance across groups, as one would do with lavaan's `cfa(…, group, group.equal)` and
/// `lavTestLRT`.
public enum SEMInvariance {
    /// The ladder's steps and their `group.equal` keywords.
    public static let steps: [(name: String, equal: [String])] = [
        ("configural", []), ("metric", ["loadings"]), ("scalar", ["loadings", "intercepts"]),
        ("strict", ["loadings", "intercepts", "residuals"]),
    ]

    /// Fits the four steps of `model` (lavaan syntax) with the rows grouped by `group` (one label per row,
    /// nil = dropped) and compares consecutive steps. `options.group` and `options.groupEqual` are ignored.
    /// Paths: every `~` row is compared between each pair of groups with z = (b₁ − b₂)/√(se₁² + se₂²) from
    /// the configural fit (pairwise rows with Holm-adjusted p for more than two groups).
    public static func ladder(model: String, data: [String: [Double]], columnOrder: [String], group: [String?],
                              options: SEMOptions = SEMOptions()) throws -> InvarianceLadder {
        var fitted: [InvarianceStep] = []
        for step in steps {
            var o = options
            o.group = group
            o.groupEqual = step.equal
            let fit: SEMFit
            do { fit = try SEMFit.fit(model: model, data: data, columnOrder: columnOrder, options: o) } catch let e as SEMError {
                switch e {
                case .syntax, .unknownVariable, .groupTooSmall, .singleGroup, .tooFewRows: throw e
                default: throw SEMError.invarianceStep(step.name, e.description)
                }
            }
            let m = Dictionary(uniqueKeysWithValues: fit.fitMeasures().map { ($0.name, $0.value) })
            func v(_ k: String) -> Double { m[k] ?? .nan }
            fitted.append(InvarianceStep(name: step.name, groupEqual: step.equal, fit: fit, chisq: v("chisq"), df: v("df"),
                                         pvalue: v("pvalue"), cfi: v("cfi"), tli: v("tli"), rmsea: v("rmsea"), srmr: v("srmr"),
                                         aic: v("aic"), bic: v("bic")))
        }
        var comparisons: [InvarianceComparison] = []
        for (a, b) in zip(fitted, fitted.dropFirst()) { comparisons.append(compare(a, b)) }
        let configural = fitted[0].fit
        var ladder = InvarianceLadder(groupLabels: configural.groups.map(\.label), steps: fitted, comparisons: comparisons,
                                      paths: try pathDifferences(configural))
        ladder.groupPartial = options.groupPartial
        return ladder
    }

    /// Every `~` row compared between each pair of groups of a multi-group fit.
    public static func pathDifferences(_ fit: SEMFit) throws -> [PathDifference] {
        let rows = try fit.estimateRows().filter { $0.op == "~" }
        var paths: [(String, String)] = []
        for r in rows where !paths.contains(where: { $0 == (r.lhs, r.rhs) }) { paths.append((r.lhs, r.rhs)) }
        let g = fit.groups.count
        var out: [PathDifference] = []
        for (lhs, rhs) in paths {
            var pairs: [(Int, Int, Double, Double, Double, Double, Double, Double)] = []
            for a in 1...g { for b in (a + 1)..<(g + 1) {
                guard let ra = rows.first(where: { $0.lhs == lhs && $0.rhs == rhs && $0.group == a }),
                      let rb = rows.first(where: { $0.lhs == lhs && $0.rhs == rhs && $0.group == b }) else { continue }
                let se = (ra.se * ra.se + rb.se * rb.se).squareRoot()
                let z = se > 0 ? (ra.est - rb.est) / se : .nan
                pairs.append((a, b, ra.est, ra.se, rb.est, rb.se, z, z.isNaN ? .nan : Distributions.twoSidedNormalP(z)))
            } }
            let holm = HolmAdjustment.adjust(pairs.map(\.7))
            for (i, q) in pairs.enumerated() {
                out.append(PathDifference(lhs: lhs, rhs: rhs, groupA: fit.groupLabel(q.0), groupB: fit.groupLabel(q.1), estA: q.2, seA: q.3,
                                          estB: q.4, seB: q.5, z: q.6, pvalue: q.7, pvalueHolm: holm[i]))
            }
        }
        return out
    }
}
