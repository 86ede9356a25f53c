import MSNTable

extension InvarianceLadder {
    /// One row per step: step, equal (the group.equal keywords), chisq, df, pvalue, cfi, tli, rmsea, srmr,
    /// aic, bic, and against the previous step d_chisq, d_df, p_diff (χ² difference test), d_cfi, d_rmsea,
    /// holds_chisq (p_diff > .05), holds_cfi (ΔCFI ≥ −.01), test ("likelihood ratio", or "satorra.bentler.2001"
    /// under MLR) and c_diff (its scaling factor c_d); the comparison columns are null on the first row.
    public func table() throws -> Table {
        func col(_ f: (InvarianceStep) -> Double) -> Column { .float(TypedColumn(steps.map(f))) }
        func delta(_ f: (InvarianceComparison) -> Double) -> Column {
            .float(TypedColumn<Double>(optionals: [nil] + comparisons.map { Optional(f($0)) }))
        }
        func verdict(_ f: (InvarianceComparison) -> Bool) -> Column {
            .bool(TypedColumn<Bool>([false] + comparisons.map(f), validity: Bitmap([false] + comparisons.map { _ in true })))
        }
        return try Table([
            ("step", .string(StringColumn(steps.map(\.name)))),
            ("equal", .string(StringColumn(steps.map { step in
                let partial = step.groupEqual.isEmpty || groupPartial.isEmpty ? "" : " (free: \(groupPartial.joined(separator: ", ")))"
                return step.groupEqual.isEmpty ? "none" : step.groupEqual.joined(separator: ", ") + partial
            }))),
            ("chisq", col(\.chisq)), ("df", col(\.df)), ("pvalue", col(\.pvalue)), ("cfi", col(\.cfi)), ("tli", col(\.tli)),
            ("rmsea", col(\.rmsea)), ("srmr", col(\.srmr)), ("aic", col(\.aic)), ("bic", col(\.bic)),
            ("d_chisq", delta(\.deltaChisq)), ("d_df", delta(\.deltaDf)), ("p_diff", delta(\.pvalue)),
            ("d_cfi", delta(\.deltaCFI)), ("d_rmsea", delta(\.deltaRMSEA)),
            ("holds_chisq", verdict(\.holdsByChisq)), ("holds_cfi", verdict(\.holdsByCFI)),
            ("test", .string(StringColumn([nil] + comparisons.map { Optional($0.method.rawValue) }))),
            ("c_diff", .float(TypedColumn<Double>(optionals: [nil] + comparisons.map(\.scalingFactor)))),
        ])
    }

    /// One row per structural path (`~`) and pair of groups, from the configural fit: lhs, op, rhs, group_a,
    /// group_b, est_a, se_a, est_b, se_b, diff, z, pvalue, p_holm (Holm over the pairs of one path).
    public func pathsTable() throws -> Table {
        func col(_ f: (PathDifference) -> Double) -> Column { .float(TypedColumn(paths.map(f))) }
        func text(_ f: (PathDifference) -> String) -> Column { .string(StringColumn(paths.map(f))) }
        return try Table([
            ("lhs", text(\.lhs)), ("op", text { _ in "~" }), ("rhs", text(\.rhs)), ("group_a", text(\.groupA)), ("group_b", text(\.groupB)),
            ("est_a", col(\.estA)), ("se_a", col(\.seA)), ("est_b", col(\.estB)), ("se_b", col(\.seB)),
            ("diff", col { $0.estA - $0.estB }), ("z", col(\.z)), ("pvalue", col(\.pvalue)), ("p_holm", col(\.pvalueHolm)),
        ])
    }

    /// One row per latent variable and non-reference group from the scalar step: factor, group, reference,
    /// est (the mean difference from the reference group, whose mean is fixed at 0), se, z, pvalue, and
    /// std_all (the difference in the group's latent standard deviations).
    public func latentMeansTable() throws -> Table {
        let rows = try latentMeans()
        func col(_ f: (EstimateRow) -> Double?) -> Column { .float(TypedColumn(optionals: rows.map(f))) }
        return try Table([
            ("factor", .string(StringColumn(rows.map(\.lhs)))),
            ("group", .string(StringColumn(rows.map { groupLabels[max(0, min(groupLabels.count - 1, $0.group - 1))] }))),
            ("reference", .string(StringColumn(rows.map { _ in groupLabels.first ?? "" }))),
            ("est", col { $0.est }), ("se", col { $0.se }), ("z", col { $0.z }), ("pvalue", col { $0.pvalue }), ("std_all", col { $0.stdAll }),
        ])
    }
}
