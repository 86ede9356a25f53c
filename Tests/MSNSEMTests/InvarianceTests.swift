import Foundation
import MSNStats
import MSNTable
import Testing
@testable import MSNSEM

/// The invariance ladder against lavaan 0.6-14: each step's fit measures (mg_<step>.fit.csv) and
/// `lavTestLRT(configural, metric, scalar, strict)` (mg_ladder.lrt.csv), both made by make_groups.R.
@Test func invarianceLadderMatchesLavTestLRT() throws {
    let (cols, order, school) = semData(try hsTable())
    let ladder = try SEMInvariance.ladder(model: try extraText("hs3.model.txt"), data: cols, columnOrder: order, group: school)
    #expect(ladder.groupLabels == ["Pasteur", "Grant-White"])
    #expect(ladder.steps.map(\.name) == ["configural", "metric", "scalar", "strict"])
    let lrt = try extraFixture("mg_ladder.lrt.csv")
    var lavaanCFI: [Double] = []
    for (i, step) in ladder.steps.enumerated() {
        #expect(lrt[i, "step"].description == step.name)
        #expect(abs(step.chisq - (lrt[i, "chisq"].doubleValue ?? .nan)) < 1e-3, "\(step.name) chisq")
        #expect(step.df == lrt[i, "df"].doubleValue)
        #expect(abs(step.aic - (lrt[i, "aic"].doubleValue ?? .nan)) < 1e-3 && abs(step.bic - (lrt[i, "bic"].doubleValue ?? .nan)) < 1e-3)
        let fm = try extraFixture("mg_\(step.name).fit.csv")
        func ref(_ name: String) -> Double { (0..<fm.rowCount).first { fm[$0, "measure"].description == name }.flatMap { fm[$0, "value"].doubleValue } ?? .nan }
        for (name, mine) in [("cfi", step.cfi), ("tli", step.tli), ("rmsea", step.rmsea), ("srmr", step.srmr), ("pvalue", step.pvalue)] {
            #expect(abs(mine - ref(name)) < 1e-3, "\(step.name) \(name) \(mine) vs \(ref(name))")
        }
        lavaanCFI.append(ref("cfi"))
    }
    for (i, c) in ladder.comparisons.enumerated() {
        let r = i + 1
        #expect(abs(c.deltaChisq - (lrt[r, "chisq_diff"].doubleValue ?? .nan)) < 1e-3, "\(c.to) Δχ²")
        #expect(c.deltaDf == lrt[r, "df_diff"].doubleValue)
        let p = lrt[r, "p"].doubleValue ?? .nan
        #expect(abs(c.pvalue - p) < 1e-3, "\(c.to) p")
        #expect(c.holdsByChisq == (p > 0.05))
        let dcfi = lavaanCFI[r] - lavaanCFI[r - 1]
        #expect(abs(c.deltaCFI - dcfi) < 1e-3 && c.holdsByCFI == (dcfi >= -0.01))
    }
    // Metric holds by both rules (lavaan: p = .224, ΔCFI = −.0015); scalar fails both (p < .001).
    #expect(ladder.comparisons[0].holdsByChisq && ladder.comparisons[0].holdsByCFI)
    #expect(!ladder.comparisons[1].holdsByChisq && !ladder.comparisons[1].holdsByCFI)
    let t = try ladder.table()
    #expect(t.rowCount == 4 && t[0, "d_chisq"].isNull && t[1, "holds_chisq"] == .bool(true) && t[2, "holds_cfi"] == .bool(false))
    #expect(try ladder.pathsTable().rowCount == 0)
}

@Test func structuralPathsAreComparedBetweenGroups() throws {
    let (cols, order, school) = semData(try hsTable())
    let ladder = try SEMInvariance.ladder(model: try extraText("hs_paths.model.txt"), data: cols, columnOrder: order, group: school)
    let ref = try extraFixture("mg_paths_configural.estimates.csv")
    func lavaan(_ rhs: String, _ g: Int, _ col: String) -> Double {
        (0..<ref.rowCount).first { ref[$0, "op"].description == "~" && ref[$0, "rhs"].description == rhs && ref[$0, "group"].doubleValue == Double(g) }
            .flatMap { ref[$0, col].doubleValue } ?? .nan
    }
    #expect(ladder.paths.map(\.rhs) == ["visual", "textual"])
    for p in ladder.paths {
        #expect(p.groupA == "Pasteur" && p.groupB == "Grant-White" && p.lhs == "speed")
        let (b1, s1, b2, s2) = (lavaan(p.rhs, 1, "est"), lavaan(p.rhs, 1, "se"), lavaan(p.rhs, 2, "est"), lavaan(p.rhs, 2, "se"))
        #expect(abs(p.estA - b1) < 1e-3 && abs(p.seA - s1) < 1e-3 && abs(p.estB - b2) < 1e-3 && abs(p.seB - s2) < 1e-3)
        let z = (b1 - b2) / (s1 * s1 + s2 * s2).squareRoot()
        #expect(abs(p.z - z) < 1e-2 && abs(p.pvalue - Distributions.twoSidedNormalP(z)) < 1e-3 && p.pvalueHolm == p.pvalue)
    }
    #expect(try ladder.pathsTable().columnNames == ["lhs", "op", "rhs", "group_a", "group_b", "est_a", "se_a", "est_b", "se_b", "diff", "z", "pvalue", "p_holm"])
}

@Test func threeGroupsGivePairwiseRowsWithHolm() throws {
    let (cols, order, _) = semData(try hsTable())
    let age: [String?] = (cols["ageyr"] ?? []).map { $0 <= 12 ? "12 or less" : ($0 == 13 ? "13" : "14 or more") }
    let ladder = try SEMInvariance.ladder(model: try extraText("hs_paths.model.txt"), data: cols, columnOrder: order, group: age)
    #expect(ladder.groupLabels.count == 3 && ladder.paths.count == 6)
    let rows = try ladder.steps[0].fit.estimateRows().filter { $0.op == "~" && $0.rhs == "visual" }
    let visual = ladder.paths.filter { $0.rhs == "visual" }
    #expect(visual.map { "\($0.groupA)|\($0.groupB)" } == ["13|12 or less", "13|14 or more", "12 or less|14 or more"])
    for p in visual {
        let a = try #require(rows.first { ladder.steps[0].fit.groupLabel($0.group) == p.groupA })
        let b = try #require(rows.first { ladder.steps[0].fit.groupLabel($0.group) == p.groupB })
        #expect(abs(p.z - (a.est - b.est) / (a.se * a.se + b.se * b.se).squareRoot()) < 1e-12)
    }
    #expect(HolmAdjustment.adjust(visual.map(\.pvalue)) == visual.map(\.pvalueHolm))
}

@Test func ladderErrorsNameTheGroup() throws {
    let (cols, order, school) = semData(try hsTable())
    let model = try extraText("hs3.model.txt")
    #expect(throws: SEMError.singleGroup("Pasteur")) {
        try SEMInvariance.ladder(model: model, data: cols, columnOrder: order, group: school.map { $0 == "Pasteur" ? $0 : nil })
    }
    let ids = cols["id"] ?? []
    let few = zip(school, ids).map { s, id in s == "Pasteur" || id > 345 ? s : nil }
    #expect(throws: SEMError.groupTooSmall("Grant-White", rows: 5, needed: 10)) {
        try SEMInvariance.ladder(model: model, data: cols, columnOrder: order, group: few)
    }
}

/// Modification indices per group against lavaan's `modindices` (mg_configural.mi.csv, mg_metric.mi.csv):
/// every cross-loading and residual covariance msnb screens is in lavaan's list with the same MI and EPC.
@Test(arguments: [("configural", [String]()), ("metric", ["loadings"])])
func multiGroupModIndicesMatchLavaan(step: String, equal: [String]) throws {
    let fit = try fitBySchool(try extraText("hs3.model.txt"), equal)
    let ref = try extraFixture("mg_\(step).mi.csv")
    let ours = try fit.modificationIndices()
    #expect(ours.count == 2 * (3 * 6 + 36))
    for m in ours {
        guard let i = (0..<ref.rowCount).first(where: { ref[$0, "lhs"].description == m.lhs && ref[$0, "op"].description == m.op
            && ref[$0, "rhs"].description == m.rhs && ref[$0, "group"].doubleValue == Double(m.group) }) else {
            Issue.record("\(step): lavaan has no MI for \(m.lhs) \(m.op) \(m.rhs) group \(m.group)"); continue
        }
        #expect(abs(m.mi - (ref[i, "mi"].doubleValue ?? .nan)) < 1e-2, "\(step) \(m.lhs) \(m.op) \(m.rhs) g\(m.group) mi \(m.mi)")
        #expect(abs(m.epc - (ref[i, "epc"].doubleValue ?? .nan)) < 1e-3, "\(step) \(m.lhs) \(m.op) \(m.rhs) g\(m.group) epc")
        #expect(abs(m.sepcAll - (ref[i, "sepc.all"].doubleValue ?? .nan)) < 1e-3, "\(step) \(m.lhs) \(m.op) \(m.rhs) g\(m.group) sepc.all")
    }
}

/// A label written once is one parameter in every group: labelling every free loading reproduces lavaan's
/// group.equal = "loadings"; per-group labels c(…) reproduce the configural model.
@Test func labelsAcrossGroupsAreEqualityConstraints() throws {
    let shared = "visual =~ x1 + l2*x2 + l3*x3\ntextual =~ x4 + l5*x5 + l6*x6\nspeed =~ x7 + l8*x8 + l9*x9"
    try expectParity(try fitBySchool(shared, []), "mg_metric")
    let perGroup = "visual =~ x1 + c(a1, a2)*x2 + c(b1, b2)*x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9"
    try expectParity(try fitBySchool(perGroup, []), "mg_configural")
    #expect(throws: SEMError.syntax(line: 1, column: 1, message: "c(…) in front of x2 has 3 elements but there are 2 groups")) {
        try fitBySchool("visual =~ x1 + c(a, b, c)*x2 + x3", [])
    }
}
