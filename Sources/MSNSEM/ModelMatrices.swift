import MSNStats

/// ∂Σ/∂θ_k as a sum of symmetric rank-two pieces coef·(a bᵀ + b aᵀ): every LISREL derivative has this
/// form, so the information needs only inner products (no p × p matrix per parameter).
struct SigmaTerm {
    /// The free parameter (0-based).
    var k: Int
    var coef: Double
    var a: [Double]
    var b: [Double]
}

/// The LISREL-style matrices of one group at given parameter values: the implied covariance
/// Σ = Λ (I − B)⁻¹ Ψ (I − B)⁻ᵀ Λᵀ + Θ and mean μ = ν + Λ (I − B)⁻¹ α, with their derivatives.
struct ModelMatrices {
    var lambda: Matrix
    var beta: Matrix
    var psi: Matrix
    var theta: Matrix
    var nu: [Double]
    var alpha: [Double]
    /// (I − B)⁻¹.
    var a: Matrix
    /// Cov(η) = A Ψ Aᵀ.
    var m: Matrix
    /// Λ Cov(η): the right factors of the loadings' derivatives.
    var lambdaM: Matrix
    /// Σ.
    var sigma: Matrix
    /// μ (zeros without a mean structure).
    var mu: [Double]
    /// E(η) = A α.
    var etaMean: [Double]
    let group: Int

    /// Builds group `group`'s matrices from the table with free parameters set to `x`.
    init(_ table: ParameterTable, free x: [Double], group: Int = 1) throws {
        self.group = group
        let p = table.observed.count, k = table.eta.count
        lambda = Matrix(rows: p, cols: k)
        beta = Matrix(rows: k, cols: k)
        psi = Matrix(rows: k, cols: k)
        theta = Matrix(rows: p, cols: p)
        nu = [Double](repeating: 0, count: p)
        alpha = [Double](repeating: 0, count: k)
        for (o, e) in table.phantoms { lambda[o, e] = 1 }
        for row in table.rows where row.group == group {
            guard let slot = row.slot else { continue }
            let v = row.free > 0 ? x[row.free - 1] : row.value
            switch slot {
            case .lambda(let i, let j): lambda[i, j] = v
            case .beta(let i, let j): beta[i, j] = v
            case .psi(let i, let j): psi[i, j] = v; psi[j, i] = v
            case .theta(let i, let j): theta[i, j] = v; theta[j, i] = v
            case .nu(let i): nu[i] = v
            case .alpha(let i): alpha[i] = v
            }
        }
        if beta.values.allSatisfy({ $0 == 0 }) {
            // No regressions among the variables (a CFA): A = I and Cov(η) = Ψ.
            a = Matrix.identity(k)
            m = psi
        } else {
            var iMinusB = Matrix.identity(k)
            for i in 0..<(k * k) { iMinusB.values[i] -= beta.values[i] }
            do { a = try iMinusB.inverse() } catch {
                throw SEMError.underIdentified("the regressions among the variables form a loop that cannot be solved (I − B is singular)")
            }
            m = a * psi * a.transposed
        }
        // Σ = (Λ M) Λᵀ + Θ: its lower triangle by dot products of rows, mirrored (exactly symmetric).
        var lm = Matrix(rows: p, cols: k)
        lm.values = DenseKernel.multiply(lambda.values, m.values, m: p, k: k, n: k)
        var sg = theta
        let lambdaValues = lambda.values
        lm.values.withUnsafeBufferPointer { lp in
            lambdaValues.withUnsafeBufferPointer { ap in
                sg.values.withUnsafeMutableBufferPointer { sp in
                    guard let pl = lp.baseAddress, let pa = ap.baseAddress, let ps = sp.baseAddress else { return }
                    for i in 0..<p { for j in 0...i {
                        let v = DenseKernel.dot(pl + i * k, pa + j * k, k)
                        ps[i * p + j] += v
                        if i != j { ps[j * p + i] += v }
                    } }
                }
            }
        }
        lambdaM = lm
        sigma = sg
        etaMean = k > 0 ? (a * Matrix(alpha.map { [$0] })).values : []
        let la = k > 0 ? (lambda * Matrix(etaMean.map { [$0] })).values : [Double](repeating: 0, count: p)
        mu = zip(nu, la).map { $0 + $1 }
    }

    /// The derivative pieces of Σ (with their vectors spelled out) and the derivatives of μ (one length-p
    /// vector per free parameter, empty when μ does not depend on it) for this group's free rows; labels sum
    /// their rows. The same pieces as `basisDerivatives`, in the same order.
    func derivatives(_ table: ParameterTable) -> (sigma: [SigmaTerm], mu: [[Double]]) {
        let d = basisDerivatives(table)
        // Vectors are made once per basis column and shared by the pieces (arrays are copy-on-write).
        var vectors = [[Double]?](repeating: nil, count: d.p + d.width)
        func vector(_ u: Int) -> [Double] {
            if let v = vectors[u] { return v }
            let v = d.vector(u)
            vectors[u] = v
            return v
        }
        let terms = d.pieces.map { SigmaTerm(k: $0.k, coef: $0.coef, a: vector($0.a), b: vector($0.b)) }
        return (terms, d.mu)
    }
}
