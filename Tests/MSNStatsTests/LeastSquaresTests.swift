import Foundation
import Testing
@testable import MSNStats

@Test func doubleDoubleKeepsTheDigitsDoubleLoses() {
    // (1 + 2⁻⁶⁰) − 1 is 0 in Double and exactly 2⁻⁶⁰ in double-double.
    let tiny = 1.0 / 1_152_921_504_606_846_976.0  // 2⁻⁶⁰
    let a = DoubleDouble(1) + DoubleDouble(tiny)
    #expect((a - DoubleDouble(1)).doubleValue == tiny)
    // 1/3 · 3 = 1 and √2 · √2 = 2 to about 32 digits.
    let third = DoubleDouble(1) / DoubleDouble(3)
    let one = third * DoubleDouble(3) - DoubleDouble(1)
    #expect(abs(one.hi) < 1e-31)
    let r = DoubleDouble(2).squareRoot()
    #expect(abs((r * r - DoubleDouble(2)).hi) < 1e-31)
}

@Test func qrSolvesAHandWorkedProblem() {
    // y = 1 + 2x exactly on x = 0…4, plus residuals (1, −1, 0, −1, 1) orthogonal to [1, x]:
    // β = (1, 2), RSS = 4, (XᵀX)⁻¹ = [[0.6, −0.2], [−0.2, 0.1]].
    let x: [Double] = [0, 1, 2, 3, 4]
    let y = zip(x, [1.0, -1, 0, -1, 1]).map { 1 + 2 * $0 + $1 }
    for precision in [LeastSquares.Precision.double, .extended] {
        let ls = LeastSquares(columns: [[1, 1, 1, 1, 1], x], response: y, precision: precision)
        #expect(abs(ls.coefficients[0] - 1) < 1e-14 && abs(ls.coefficients[1] - 2) < 1e-14)
        #expect(abs(ls.residualSumOfSquares - 4) < 1e-13)
        let c = ls.unscaledCovariance
        #expect(abs(c[0, 0] - 0.6) < 1e-14 && abs(c[0, 1] + 0.2) < 1e-14 && abs(c[1, 1] - 0.1) < 1e-14)
        #expect(zip(ls.residuals, [1.0, -1, 0, -1, 1]).allSatisfy { abs($0 - $1) < 1e-13 })
    }
}

@Test func weightedLeastSquaresEqualsRowScaling() {
    // WLS with weights w equals OLS on rows multiplied by √w (w = 4 → rows doubled).
    let x: [Double] = [1, 2, 3, 4, 5, 6], y: [Double] = [2.1, 3.9, 6.2, 7.8, 10.1, 12.2]
    let w: [Double] = [4, 1, 4, 1, 4, 1]
    let a = LeastSquares(columns: [[Double](repeating: 1, count: 6), x], response: y, weights: w)
    let s = w.map { $0.squareRoot() }
    let b = LeastSquares(columns: [s, zip(x, s).map { $0 * $1 }], response: zip(y, s).map { $0 * $1 })
    #expect(abs(a.coefficients[0] - b.coefficients[0]) < 1e-13 && abs(a.coefficients[1] - b.coefficients[1]) < 1e-13)
    #expect(abs(a.residualSumOfSquares - b.residualSumOfSquares) < 1e-13)
}

@Test func aliasedColumnsAreTheLaterOnesAndIllConditioningUsesExtendedPrecision() {
    let ones = [Double](repeating: 1, count: 6)
    let a: [Double] = [1, 2, 3, 4, 6, 7], b: [Double] = [2, 1, 0, 3, 1, 5]
    let ls = LeastSquares(columns: [ones, a, b, zip(a, b).map { $0 + $1 }, b], response: [1, 2, 3, 4, 5, 7])
    #expect(ls.aliased == [3, 4] && ls.rank == 3 && ls.coefficients[3].isNaN)
    // A quadratic in a year near 2000 (the example): κ ≈ 1e7 after scaling → double-double.
    let year = (0..<20).map { 2000.0 + Double($0) }
    let y = year.map { 3 + 0.5 * ($0 - 2010) - 0.01 * ($0 - 2010) * ($0 - 2010) }
    let q = LeastSquares(columns: [[Double](repeating: 1, count: 20), year, year.map { $0 * $0 }], response: y)
    #expect(q.usedExtendedPrecision && q.conditionNumber > 1e4)
    // By hand: 3 + 0.5(t − 2010) − 0.01(t − 2010)² = −0.01t² + 40.7t − 40 401 − 1005 + 3 = −0.01t² + 40.7t − 41 403.
    #expect(abs(q.coefficients[2] + 0.01) < 1e-12 && abs(q.coefficients[1] - 40.7) < 1e-9 && abs(q.coefficients[0] + 41_403) < 1e-6)
}
