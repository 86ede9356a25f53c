import Foundation
import MSNTable
import Testing
@testable import MSNSEM

/// Parity with lavaan 0.6-14's `estimator = "MLR"` and `group.partial` (Fixtures/lavaan-robust, made by
/// make_robust.R): estimates, sandwich SEs and standardized values within 1e-3 absolute; the scaled χ²,
/// its scaling factor and the scaled/robust CFI, TLI and RMSEA within 1e-3 (χ² relative 1e-6 + 1e-3).
private let robustFolder = "lavaan-robust"

private func options(_ estimator: SEMEstimator = .mlr, missing: MissingMethod = .listwise, information: SEMInformation? = nil) -> SEMOptions {
    var o = SEMOptions()
    o.estimator = estimator
    o.missing = missing
    o.information = information
    return o
}


@Test func mlrOnHolzingerSwinefordMatchesLavaan() throws {
    let (cols, order, _) = semData(try hsTable())
    let model = try extraText("hs3.model.txt")
    let fit = try SEMFit.fit(model: model, data: cols, columnOrder: order, options: options())
    #expect(fit.estimator == .mlr && fit.informationKind == .observed)
    try expectParity(fit, "mlr_hs", folder: robustFolder)
    // The point estimates are ML's; only the SEs and the test change.
    let ml = try SEMFit.fit(model: model, data: cols, columnOrder: order)
    #expect(zip(ml.estimates, fit.estimates).allSatisfy { abs($0 - $1) < 1e-9 })
    let fm = Dictionary(uniqueKeysWithValues: fit.fitMeasures().map { ($0.name, $0.value) })
    #expect(abs((fm["chisq.scaled"] ?? 0) * (fm["chisq.scaling.factor"] ?? 0) - (fm["chisq"] ?? 1)) < 1e-9)
    #expect(ml.fitMeasures().allSatisfy { $0.name != "chisq.scaled" })
    // information = "expected": expected-information bread and expected H1 information in the trace.
    let expected = try SEMFit.fit(model: model, data: cols, columnOrder: order, options: options(information: .expected))
    try expectParity(expected, "mlr_hs_expected", folder: robustFolder)
}

@Test func mlrUnderFimlMatchesLavaan() throws {
    let (cols, order, _) = semData(try extraFixture("hs_missing.csv"))
    let fit = try SEMFit.fit(model: try extraText("hs3.model.txt"), data: cols, columnOrder: order, options: options(missing: .fiml))
    // Every measure, the robust CFI/TLI/RMSEA (and CI) from the FIML-corrected statistics included.
    try expectParity(fit, "mlr_fiml", folder: robustFolder)
    // The corrected statistics themselves (lavaan's lav_fit_fiml_corrected "V3"): χ² within 1e-5 relative
    // (the FIML estimates agree to about 1e-5), ĉ within 1e-4.
    let ref = try extraFixture("mlr_fiml_corrected.csv", folder: robustFolder)
    var want: [String: Double] = [:]
    for i in 0..<ref.rowCount { want[ref[i, "measure"].description] = ref[i, "value"].doubleValue }
    let t = try fit.fimlCorrectedTest(df: want["df3"] ?? .nan, baseDf: want["df3.null"] ?? .nan)
    for (name, got, tol) in [("XX3", t.chisq, 1e-5 * t.chisq), ("c.hat3", t.cHat, 1e-4), ("XX3.scaled", t.scaled, 1e-5 * t.scaled),
                             ("XX3.null", t.baselineChisq, 1e-5 * t.baselineChisq), ("c.hat3.null", t.baselineCHat, 1e-4)] {
        #expect(abs(got - (want[name] ?? .nan)) < tol, "\(name): \(got) vs lavaan \(want[name] ?? .nan)")
    }
}

@Test func mlrUnderFimlOnSkewedLikertItemsMatchesLavaan() throws {
    let data = try extraFixture("likert_missing.csv", folder: robustFolder)
    var cols: [String: [Double]] = [:]
    for (n, c) in zip(data.columnNames, data.columns) { cols[n] = c.doubles() }
    #expect(cols.values.contains { $0.contains { $0.isNaN } })
    let model = try String(contentsOf: try #require(Bundle.module.url(forResource: "likert.model", withExtension: "txt", subdirectory: "Fixtures/\(robustFolder)")), encoding: .utf8)
    let fit = try SEMFit.fit(model: model, data: cols, columnOrder: data.columnNames, options: options(missing: .fiml))
    try expectParity(fit, "mlr_likert_fiml", folder: robustFolder)
}

@Test func mlrWithGroupsMatchesLavaan() throws {
    let (cols, order, school) = semData(try hsTable())
    var o = options()
    o.group = school
    o.groupEqual = ["loadings"]
    try expectParity(try SEMFit.fit(model: try extraText("hs3.model.txt"), data: cols, columnOrder: order, options: o), "mlr_mg", folder: robustFolder)
}

@Test func mlrOnSkewedLikertItemsMatchesLavaan() throws {
    let data = try extraFixture("likert.csv", folder: robustFolder)
    var cols: [String: [Double]] = [:]
    for (n, c) in zip(data.columnNames, data.columns) { cols[n] = c.doubles() }
    let model = try String(contentsOf: try #require(Bundle.module.url(forResource: "likert.model", withExtension: "txt", subdirectory: "Fixtures/\(robustFolder)")), encoding: .utf8)
    let fit = try SEMFit.fit(model: model, data: cols, columnOrder: data.columnNames, options: options())
    try expectParity(fit, "mlr_likert", folder: robustFolder)
}

@Test func partialScalarInvarianceMatchesLavaan() throws {
    let (cols, order, school) = semData(try hsTable())
    var o = SEMOptions()
    o.group = school
    o.groupEqual = ["loadings", "intercepts"]
    o.groupPartial = ["visual =~ x2", "x7 ~ 1"]
    let fit = try SEMFit.fit(model: try extraText("hs3.model.txt"), data: cols, columnOrder: order, options: o)
    try expectParity(fit, "partial_scalar", folder: robustFolder)
    // The freed loading differs across groups; the latent means of group 2 are free (not 0).
    let x2 = fit.table.rows.filter { $0.lhs == "visual" && $0.op == "=~" && $0.rhs == "x2" }
    #expect(x2.count == 2 && x2[0].free != x2[1].free)
    #expect(fit.table.rows.contains { $0.lhs == "visual" && $0.op == "~1" && $0.group == 2 && $0.free > 0 })
}

@Test func groupPartialRejectsWhatIsNotAParameter() throws {
    #expect(throws: SEMError.self) { try ParameterTable.partialKey("visual") }
    #expect(try ParameterTable.partialKey(" x7 ~ 1 ") == "x7|~1|")
    let (cols, order, school) = semData(try hsTable())
    var o = SEMOptions()
    o.group = school
    o.groupEqual = ["loadings"]
    o.groupPartial = ["visual =~ x9"]
    #expect(throws: SEMError.self) { try SEMFit.fit(model: try extraText("hs3.model.txt"), data: cols, columnOrder: order, options: o) }
}

/// GFI, AGFI and PGFI as lavaan's fitMeasures with a mean structure, with groups and under FIML (lavaan's
/// missing-data expected information as the weight), within 1e-6 (Fixtures/lavaan-robust/gfi.csv).
@Test func gfiAndAgfiMatchLavaanWithMeansGroupsAndFiml() throws {
    let (cols, order, school) = semData(try hsTable())
    let hs3 = try extraText("hs3.model.txt")
    var mg = SEMOptions()
    mg.group = school
    var scalar = mg
    scalar.groupEqual = ["loadings", "intercepts"]
    var fiml = SEMOptions()
    fiml.missing = .fiml
    let (mcols, morder, _) = semData(try extraFixture("hs_missing.csv"))
    let fits: [String: SEMFit] = [
        "hs3": try SEMFit.fit(model: hs3, data: cols, columnOrder: order),
        "means": try SEMFit.fit(model: try extraText("means.model.txt"), data: cols, columnOrder: order),
        "mg_configural": try SEMFit.fit(model: hs3, data: cols, columnOrder: order, options: mg),
        "mg_scalar": try SEMFit.fit(model: hs3, data: cols, columnOrder: order, options: scalar),
        "fiml": try SEMFit.fit(model: hs3, data: mcols, columnOrder: morder, options: fiml),
    ]
    let ref = try extraFixture("gfi.csv", folder: robustFolder)
    #expect(ref.rowCount == fits.count)
    for i in 0..<ref.rowCount {
        let stem = ref[i, "stem"].description
        let fit = try #require(fits[stem])
        let fm = Dictionary(uniqueKeysWithValues: fit.fitMeasures().map { ($0.name, $0.value) })
        for m in ["gfi", "agfi", "pgfi"] {
            #expect(abs((fm[m] ?? .nan) - (ref[i, m].doubleValue ?? .nan)) < 1e-6, "\(stem) \(m): \(fm[m] ?? .nan) vs \(ref[i, m])")
        }
    }
}
