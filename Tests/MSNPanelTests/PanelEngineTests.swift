import Foundation
import MSNStats
import MSNTable
import Testing
@testable import MSNPanel

private func table(_ columns: [(String, [Double])]) throws -> Table {
    try Table(columns.map { ($0.0, Column.float(TypedColumn($0.1))) })
}

/// A small unbalanced two-way panel: 6 firms, years 1–4, some rows missing, a deterministic x and y.
private func smallPanel() throws -> (Table, firm: [Double], year: [Double], x1: [Double], x2: [Double], y: [Double]) {
    var firm: [Double] = [], year: [Double] = [], x1: [Double] = [], x2: [Double] = [], y: [Double] = []
    for f in 1...6 {
        for t in 1...4 where !(f == 2 && t == 3) && !(f == 5 && t == 1) {
            let a = Double(f), b = Double(t)
            firm.append(a); year.append(b)
            let u = sin(a * 1.7 + b * 0.9), v = cos(a * 0.4 - b * 1.3)
            x1.append(u + 0.1 * b); x2.append(v * v + 0.2 * a)
            y.append(0.5 * a + 0.3 * b * b + 1.5 * (u + 0.1 * b) - 0.7 * (v * v + 0.2 * a) + 0.2 * sin(7 * a + 3 * b))
        }
    }
    return (try table([("firm", firm), ("year", year), ("x1", x1), ("x2", x2), ("y", y)]), firm, year, x1, x2, y)
}

@Test func qrSolvesAnExactFit() throws {
    let x = [1.0, 2, 3, 4, 5]
    let sol = try QRLeastSquares.solve(columns: [[1, 1, 1, 1, 1], x], y: x.map { 1 + 2 * $0 }, names: ["a", "b"])
    #expect(abs(sol.coefficients[0] - 1) < 1e-12 && abs(sol.coefficients[1] - 2) < 1e-12)
    // (X'X)⁻¹ for [1, x], x = 1…5: [[11/10, −3/10], [−3/10, 1/10]].
    #expect(abs(sol.xtxInverse[0, 0] - 1.1) < 1e-12 && abs(sol.xtxInverse[0, 1] + 0.3) < 1e-12 && abs(sol.xtxInverse[1, 1] - 0.1) < 1e-12)
}

@Test func qrNamesCollinearColumns() throws {
    let x = [1.0, 2, 3, 4, 5]
    #expect(throws: PanelError.collinear(["twice"])) {
        try QRLeastSquares.solve(columns: [x, x.map { 2 * $0 }, [1, 0, 1, 0, 1]], y: [1, 2, 3, 4, 6], names: ["x", "twice", "z"])
    }
}

/// Absorbing firm and year effects by alternating projections gives the LSDV slopes (dummies by QR).
@Test func twoWayAbsorptionMatchesDummies() throws {
    let (t, firm, year, x1, x2, y) = try smallPanel()
    let fit = try PanelFit.fit(t, PanelSpecification(response: "y", regressors: ["x1", "x2"], absorb: ["firm", "year"]))
    var columns = [x1, x2, [Double](repeating: 1, count: y.count)]
    var names = ["x1", "x2", "one"]
    for f in 2...6 { columns.append(firm.map { $0 == Double(f) ? 1 : 0 }); names.append("f\(f)") }
    for s in 2...4 { columns.append(year.map { $0 == Double(s) ? 1 : 0 }); names.append("y\(s)") }
    let lsdv = try QRLeastSquares.solve(columns: columns, y: y, names: names)
    for j in 0..<2 {
        #expect(abs(fit.coefficients[j + 1] - lsdv.coefficients[j]) < 1e-9 * abs(lsdv.coefficients[j]))
        // iid SEs: s² = SSR/(N − 2 − 6 − 4 + 1) with the LSDV (X'X)⁻¹.
        let s2 = lsdv.residuals.reduce(0) { $0 + $1 * $1 } / Double(y.count - names.count)
        #expect(abs(fit.standardErrors[j + 1] - (s2 * lsdv.xtxInverse[j, j]).squareRoot()) < 1e-8 * fit.standardErrors[j + 1])
    }
    #expect(fit.counts.observations == 22 && fit.counts.entities == 6 && fit.counts.periods == 4)
}

/// Singletons go repeatedly: firm 9 is alone (dropped), then year 7 holds one row (firm 8's), which goes,
/// leaving firm 8 with one row, which goes too.
@Test func singletonsAreDroppedRepeatedly() throws {
    let (t, firm, year, x1, x2, y) = try smallPanel()
    let extra: [(Double, Double)] = [(9, 1), (8, 7), (8, 2)]
    let t2 = try table([("firm", firm + extra.map(\.0)), ("year", year + extra.map(\.1)), ("x1", x1 + [0.3, 0.1, 0.2]),
                        ("x2", x2 + [0.5, 0.4, 0.9]), ("y", y + [1, 2, 3])])
    let spec = PanelSpecification(response: "y", regressors: ["x1", "x2"], absorb: ["firm", "year"])
    let fit = try PanelFit.fit(t2, spec)
    #expect(fit.counts.singletons == 3 && fit.counts.observations == 22)
    let base = try PanelFit.fit(t, spec)
    for (a, b) in zip(fit.coefficients, base.coefficients) { #expect(abs(a - b) <= 1e-12 * abs(b)) }
    var keep = spec
    keep.dropSingletons = false
    #expect(try PanelFit.fit(t2, keep).counts.observations == 25)
}

@Test func missingValuesAreCountedAndDropped() throws {
    let (_, firm, year, x1, x2, y) = try smallPanel()
    var yy = y
    yy[3] = .nan
    var xx = x1
    xx[10] = .nan
    let fit = try PanelFit.fit(try table([("firm", firm), ("year", year), ("x1", xx), ("x2", x2), ("y", yy)]),
                               PanelSpecification(response: "y", regressors: ["x1", "x2"], absorb: ["firm"]))
    #expect(fit.counts.rowsInput == 22 && fit.counts.rowsMissing == 2 && fit.counts.observations == 20)
}

/// First differences skip gaps: firm 2 has no year 3, so (2,2)→(2,4) is not differenced; firm 5 starts in year 2.
@Test func firstDifferencesSkipGaps() throws {
    let (t, _, _, _, _, _) = try smallPanel()
    let fit = try PanelFit.fit(t, PanelSpecification(response: "y", regressors: ["x1", "x2"], estimator: .firstDifference, id: "firm", time: "year"))
    // Firms 1, 3, 4, 6: 3 differences each; firm 2 (years 1, 2, 4): 1; firm 5 (years 2–4): 2.
    #expect(fit.counts.observations == 15)
    #expect(fit.notes.contains { $0.hasPrefix("1 pairs") })
}

@Test func timeInvariantRegressorIsCollinearWithFirmEffects() throws {
    let (t, firm, _, _, _, _) = try smallPanel()
    let t2 = try t.adding("size", .float(TypedColumn(firm.map { $0 * $0 })))
    #expect(throws: PanelError.collinear(["size"])) {
        try PanelFit.fit(t2, PanelSpecification(response: "y", regressors: ["x1", "size"], absorb: ["firm"]))
    }
}

/// With one cluster per row, CRV1 on an absorbed-free pooled model is HC1 times (N−1)/N·N/(N−1) = the same.
@Test func clusteringByRowEqualsRobust() throws {
    let (t, _, _, _, _, y) = try smallPanel()
    let t2 = try t.adding("row", .float(TypedColumn((0..<y.count).map(Double.init))))
    let robust = try PanelFit.fit(t2, PanelSpecification(response: "y", regressors: ["x1", "x2"], estimator: .pooled, variance: .robust))
    let cluster = try PanelFit.fit(t2, PanelSpecification(response: "y", regressors: ["x1", "x2"], estimator: .pooled, variance: .clustered(["row"])))
    for (a, b) in zip(robust.standardErrors, cluster.standardErrors) { #expect(abs(a - b) < 1e-12 * a) }
}

@Test func oneClusterIsAnError() throws {
    let (t, _, _, _, _, y) = try smallPanel()
    let t2 = try t.adding("country", .float(TypedColumn([Double](repeating: 1, count: y.count))))
    #expect(throws: PanelError.invalidOption("clustering by 'country' needs at least 2 clusters among the rows used")) {
        try PanelFit.fit(t2, PanelSpecification(response: "y", regressors: ["x1"], absorb: ["firm"], variance: .clustered(["country"])))
    }
}
