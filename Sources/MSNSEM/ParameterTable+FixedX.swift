extension ParameterTable {
    /// fixed.x: sets every exogenous observed mean and (co)variance to its value in the group's sample
    /// moments (`groups[row.group - 1]`), as lavaan does; used by the fit and by each bootstrap refit.
    mutating func fixExogenousMoments(_ groups: [GroupData]) {
        let obsIndex = Dictionary(uniqueKeysWithValues: observed.enumerated().map { ($1, $0) })
        for k in rows.indices where rows[k].exo {
            let r = rows[k], g = groups[r.group - 1]
            guard let i = obsIndex[r.lhs] else { continue }
            if r.op == "~1" { rows[k].value = g.mean[i] } else if let j = obsIndex[r.rhs] { rows[k].value = g.cov[i, j] }
        }
    }
}
