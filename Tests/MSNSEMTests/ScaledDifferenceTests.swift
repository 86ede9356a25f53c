import Foundation
import MSNStats
import Testing
@testable import MSNSEM

/// The invariance ladder under MLR against lavaan 0.6-14's `lavTestLRT` (method "satorra.bentler.2001",
/// its default for MLR) on HS by school: Fixtures/lavaan-robust/mlr_ladder.lrt.csv, made by
/// make_scaled_diff.R. Unscaled χ² relative 1e-6; scaling factors, Δχ² and p within 1e-3.
@Test func mlrLadderUsesSatorraBentler2001LikeLavTestLRT() throws {
    let (cols, order, school) = semData(try hsTable())
    var o = SEMOptions()
    o.estimator = .mlr
    let ladder = try SEMInvariance.ladder(model: try extraText("hs3.model.txt"), data: cols, columnOrder: order, group: school, options: o)
    let ref = try extraFixture("mlr_ladder.lrt.csv", folder: "lavaan-robust")
    #expect(ref.rowCount == ladder.steps.count)
    for (i, step) in ladder.steps.enumerated() {
        #expect(ref[i, "step"].description == step.name)
        let chisq = ref[i, "chisq"].doubleValue ?? .nan
        #expect(abs(step.chisq - chisq) < 1e-6 * chisq + 1e-3, "\(step.name) χ² \(step.chisq) vs \(chisq)")
        let c = step.fit.robust?.scalingFactor ?? .nan
        #expect(abs(c - (ref[i, "scaling"].doubleValue ?? .nan)) < 1e-3, "\(step.name) scaling \(c)")
    }
    for (i, k) in ladder.comparisons.enumerated() {
        let r = i + 1
        #expect(k.method == .satorraBentler2001 && ref[r, "method"].description == "satorra.bentler.2001")
        #expect(abs(k.deltaChisq - (ref[r, "chisq_diff"].doubleValue ?? .nan)) < 1e-3, "\(k.to) Δχ² \(k.deltaChisq)")
        #expect(k.deltaDf == ref[r, "df_diff"].doubleValue)
        #expect(abs(k.pvalue - (ref[r, "p"].doubleValue ?? .nan)) < 1e-3, "\(k.to) p \(k.pvalue)")
    }
    // The plain difference would differ (scalar: 40.06 unscaled vs lavaan's scaled 40.84).
    let plain = ladder.steps[2].chisq - ladder.steps[1].chisq
    #expect(abs(plain - ladder.comparisons[1].deltaChisq) > 0.5)
    let t = try ladder.table()
    #expect(t[0, "test"].isNull && t[1, "test"].description == "satorra.bentler.2001" && !t[1, "c_diff"].isNull)
}

/// Hand-computed: T₁ = 10 on 4 df with c₁ = 1.2, T₀ = 20 on 6 df with c₀ = 1.1:
/// c_d = (6·1.1 − 4·1.2)/2 = 0.9, T_d = 10/0.9; a negative c_d gives no statistic; ML ladders keep the plain test.
@Test func satorraBentler2001ByHand() throws {
    let d = ScaledDifference(t1: 10, r1: 4, c1: 1.2, t0: 20, r0: 6, c0: 1.1)
    #expect(abs(d.scalingFactor - 0.9) < 1e-12 && abs(d.statistic - 10 / 0.9) < 1e-12 && d.df == 2)
    #expect(abs(d.pvalue - Distributions.chiSquaredUpperTail(10 / 0.9, df: 2)) < 1e-12)
    let negative = ScaledDifference(t1: 10, r1: 4, c1: 2, t0: 20, r0: 6, c0: 1)
    #expect(negative.scalingFactor.isNaN && negative.pvalue.isNaN)
    // A saturated less-constrained model counts c₁ as 1.
    let saturated = ScaledDifference(t1: 0, r1: 0, c1: .nan, t0: 12, r0: 3, c0: 1.5)
    #expect(abs(saturated.scalingFactor - 1.5) < 1e-12 && abs(saturated.statistic - 8) < 1e-12)
}
