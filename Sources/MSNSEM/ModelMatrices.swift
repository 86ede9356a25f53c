import MSNStats

/// The LISREL-style matrices of a model at given parameter values, and the implied covariance
/// Σ = Λ (I − B)⁻¹ Ψ (I − B)⁻ᵀ Λᵀ + Θ with its derivatives with respect to each free parameter.
struct ModelMatrices {
    var lambda: Matrix
    var beta: Matrix
    var psi: Matrix
    var theta: Matrix
    /// (I − B)⁻¹.
    var a: Matrix
    /// Cov(η) = A Ψ Aᵀ.
    var m: Matrix
    /// Σ.
    var sigma: Matrix

    /// Builds the matrices from the table with free parameters set to `x`.
    init(_ table: ParameterTable, free x: [Double]) throws {
        let p = table.observed.count, k = table.eta.count
        lambda = Matrix(rows: p, cols: k)
        beta = Matrix(rows: k, cols: k)
        psi = Matrix(rows: k, cols: k)
        theta = Matrix(rows: p, cols: p)
        for (o, e) in table.phantoms { lambda[o, e] = 1 }
        for row in table.rows {
            guard let slot = row.slot else { continue }
            let v = row.free > 0 ? x[row.free - 1] : row.value
            switch slot {
            case .lambda(let i, let j): lambda[i, j] = v
            case .beta(let i, let j): beta[i, j] = v
            case .psi(let i, let j): psi[i, j] = v; psi[j, i] = v
            case .theta(let i, let j): theta[i, j] = v; theta[j, i] = v
            }
        }
        var iMinusB = Matrix.identity(k)
        for i in 0..<(k * k) { iMinusB.values[i] -= beta.values[i] }
        a = k > 0 ? try iMinusB.inverse() : Matrix(rows: 0, cols: 0)
        m = a * psi * a.transposed
        sigma = lambda * m * lambda.transposed + theta
    }

    /// ∂Σ/∂θ for each free parameter (entries sharing a label are summed), as p × p matrices.
    func derivatives(_ table: ParameterTable) -> [Matrix] {
        let p = sigma.rows
        let l = lambda * a          // p × k
        let q = lambda * m          // p × k
        var out = [Matrix](repeating: Matrix(rows: p, cols: p), count: table.freeCount)
        for row in table.rows where row.free > 0 {
            guard let slot = row.slot else { continue }
            var d = out[row.free - 1]
            switch slot {
            case .lambda(let i, let j):
                for b in 0..<p { d[i, b] += q[b, j]; d[b, i] += q[b, j] }
            case .beta(let i, let j):
                for x in 0..<p { for y in 0..<p { d[x, y] += l[x, i] * q[y, j] + q[x, j] * l[y, i] } }
            case .psi(let i, let j):
                if i == j { for x in 0..<p { for y in 0..<p { d[x, y] += l[x, i] * l[y, i] } } }
                else { for x in 0..<p { for y in 0..<p { d[x, y] += l[x, i] * l[y, j] + l[x, j] * l[y, i] } } }
            case .theta(let i, let j):
                d[i, j] += 1
                if i != j { d[j, i] += 1 }
            }
            out[row.free - 1] = d
        }
        return out
    }
}
