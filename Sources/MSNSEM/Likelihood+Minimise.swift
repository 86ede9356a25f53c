import MSNStats

extension Likelihood {
    /// Minimises G from `start`; returns the estimates, iterations and the minimum. Fisher scoring until the
    /// gradient is small, then BFGS updates of the last Fisher matrix: scoring converges only linearly when
    /// the model does not fit exactly (with complete data) or when the expected information differs from
    /// the Hessian (missing-data patterns), the updates superlinearly. The evaluation of the accepted point
    /// (model matrices and Σ_b⁻¹) is kept for the next gradient, and returned with the estimates.
    func minimise(start: [Double], maxIterations: Int = 500) throws -> (x: [Double], iterations: Int, value: Double, evaluation: Evaluation) {
        var x = start
        guard var e = evaluate(start) else {
            throw SEMError.unsupported("the starting values give an implied covariance matrix that is not positive definite")
        }
        var f = e.value
        let quasiNewtonFrom = blocks.contains { $0.vars.count < table.observed.count } ? 1e-4 : Likelihood.switchToBFGS
        // The BFGS phase applies its inverse Hessian through the stored updates (no q × q inverse).
        var bfgs: InverseBFGS?
        var previous: (x: [Double], g: [Double])?
        for iteration in 1...maxIterations {
            let (g, h) = gradient(e, information: bfgs == nil)
            if bfgs != nil, let prev = previous {
                bfgs?.update(s: zip(x, prev.x).map { $0 - $1 }, y: zip(g, prev.g).map { $0 - $1 })
            }
            let gmax = g.map(abs).max() ?? 0
            if gmax < 1e-10 { return (x, iteration, f, e) }
            previous = (x, g)
            let step: [Double]
            do {
                if bfgs == nil && gmax < quasiNewtonFrom { bfgs = try InverseBFGS(information: h) }
                if let b = bfgs { step = b.apply(g) } else { step = try InverseBFGS.solve(h, g) }
            } catch {
                throw SEMError.underIdentified("the information matrix is singular: some parameters cannot be told apart (too many free parameters, or a latent without a scale)")
            }
            var t = 1.0
            var accepted = false
            for _ in 0..<40 {
                let candidate = zip(x, step).map { $0 - t * $1 }
                if let ec = evaluate(candidate), ec.value <= f + 1e-14 * max(1, abs(f)) {
                    let improvement = f - ec.value
                    x = candidate
                    e = ec
                    f = ec.value
                    accepted = true
                    if improvement < 1e-15 && gmax < 1e-7 { return (x, iteration, f, e) }
                    break
                }
                t /= 2
            }
            if !accepted {
                if gmax < 1e-6 { return (x, iteration, f, e) }
                throw SEMError.notConverged(iterations: iteration, gradient: gmax)
            }
        }
        let gmax = gradient(e, information: false).g.map(abs).max() ?? 0
        if gmax < 1e-6 { return (x, maxIterations, f, e) }
        throw SEMError.notConverged(iterations: maxIterations, gradient: gmax)
    }

    /// The largest gradient entry at which complete-data fits leave Fisher scoring for BFGS updates.
    /// (1e-2: on the Holzinger–Swineford CFA, 13 iterations instead of 35 for scoring alone.)
    static let switchToBFGS = 1e-2
}

/// The BFGS inverse Hessian H_m = V_mᵀ H_{m−1} V_m + ρ_m s_m s_mᵀ (V = I − ρ y sᵀ) started from the inverse
/// of an information matrix, applied by the two-loop recursion over every stored update and the Cholesky
/// factor of the information: the same matrix as updating a stored inverse in place, without inverting the
/// q × q information (one factorisation, then O(q² + m q) per product).
struct InverseBFGS {
    private let n: Int
    /// Upper Cholesky factor of the information, or (not positive definite) its LU inverse.
    private let factor: [Double]?
    private let inverse: Matrix?
    private var pairs: [(s: [Double], y: [Double], rho: Double)] = []

    /// Starts from the information `h` (Cholesky; LU when it is not positive definite, which throws when singular).
    init(information h: Matrix) throws {
        n = h.rows
        if let u = InverseBFGS.factorSPD(h) { factor = u; inverse = nil } else { factor = nil; inverse = try SPDKernel.inverse(h) }
    }

    /// H_m v.
    func apply(_ v: [Double]) -> [Double] {
        var r = v
        var alpha = [Double](repeating: 0, count: pairs.count)
        for m in pairs.indices.reversed() {
            let pr = pairs[m]
            alpha[m] = pr.rho * dot(pr.s, r)
            for i in 0..<n { r[i] -= alpha[m] * pr.y[i] }
        }
        if let u = factor { r = SPDKernel.solve(upperFactor: u, n: n, r) } else if let inv = inverse { r = inv.apply(r) }
        for m in pairs.indices {
            let pr = pairs[m]
            let beta = pr.rho * dot(pr.y, r)
            for i in 0..<n { r[i] += (alpha[m] - beta) * pr.s[i] }
        }
        return r
    }

    /// Adds the update for step s and gradient change y, skipped unless the curvature yᵀs is clearly positive.
    mutating func update(s: [Double], y: [Double]) {
        let ys = dot(y, s), yhy = dot(y, apply(y))
        guard ys > 1e-12 * (dot(y, y) * dot(s, s)).squareRoot(), yhy > 0 else { return }
        pairs.append((s, y, 1 / ys))
    }

    /// The upper Cholesky factor of an information matrix when it is positive definite with every pivot
    /// above 1e-13 of its largest entry (the threshold of the LU routines); nil otherwise.
    static func factorSPD(_ h: Matrix) -> [Double]? {
        let scale = h.values.reduce(0) { max($0, abs($1)) }
        for i in 0..<h.rows where !(h[i, i] > 1e-13 * scale) { return nil }
        return SPDKernel.choleskyUpper(h.values, n: h.rows, minimumPivot: 1e-13 * scale)?.u
    }

    /// Solves h x = g: Cholesky when h is positive definite, LU (with its singularity error) otherwise.
    static func solve(_ h: Matrix, _ g: [Double]) throws -> [Double] {
        if let u = factorSPD(h) { return SPDKernel.solve(upperFactor: u, n: h.rows, g) }
        return try SPDKernel.solve(h, g)
    }
}
