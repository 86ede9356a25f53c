/// Householder QR of an n × k matrix with limited column pivoting (the strategy of R's `lm`,
/// LINPACK `dqrdc2`): columns are taken in their given order, and a column whose part not explained
/// by the columns kept before it is at most `tolerance` × its own length is set aside as aliased.
/// So the aliased columns are the later members of a dependent set, named as the user wrote them.
///
/// Generic over the scalar: `Double` for the fast path, `DoubleDouble` when the design is ill-conditioned.
struct HouseholderQR<T: QRScalar> {
    let n: Int
    let k: Int
    /// Indices of the kept columns in order; R is rank × rank.
    let kept: [Int]
    /// Indices of aliased columns, in their original order.
    let aliased: [Int]
    /// R, upper triangular, column-major rank × rank.
    let r: [T]
    /// Qᵀ y for each right-hand side.
    let qty: [[T]]

    var rank: Int { kept.count }

    /// Factors the columns (`columns[j]` has n entries) and applies Qᵀ to each right-hand side.
    init(columns: [[Double]], rightHandSides: [[Double]], tolerance: Double) {
        let n = columns.first?.count ?? 0
        let k = columns.count
        self.n = n
        self.k = k
        let m = rightHandSides.count
        // The right-hand sides ride along as extra columns k..<k+m, so every reflector reaches them.
        var a = [T](); a.reserveCapacity(n * (k + m))
        for c in columns + rightHandSides { for v in c { a.append(T(v)) } }
        let originalNorms = columns.map { c in c.reduce(0.0) { $0 + $1 * $1 }.squareRoot() }
        var kept: [Int] = [], aliased: [Int] = []
        var pos = 0
        a.withUnsafeMutableBufferPointer { a in
            for c in 0..<k {
                guard pos < n else { aliased.append(c); continue }
                var ss = T(0)
                for i in pos..<n { let x = a[c * n + i]; ss = ss + x * x }
                let norm = ss.squareRoot()
                if originalNorms[c] == 0 || !(norm.doubleValue > tolerance * originalNorms[c]) {
                    aliased.append(c)
                    continue
                }
                // Reflector H = I − v vᵀ / (‖x‖(‖x‖ + |x₀|)), with v = x − α e₀ and α = −sign(x₀)‖x‖.
                let x0 = a[c * n + pos]
                let alpha = x0.doubleValue >= 0 ? -norm : norm
                let v0 = x0 - alpha
                let denominator = norm * (x0.doubleValue >= 0 ? norm + x0 : norm - x0)
                for d in (c + 1)..<(k + m) {
                    var s = v0 * a[d * n + pos]
                    for i in (pos + 1)..<n { s = s + a[c * n + i] * a[d * n + i] }
                    let f = s / denominator
                    a[d * n + pos] = a[d * n + pos] - f * v0
                    for i in (pos + 1)..<n { a[d * n + i] = a[d * n + i] - f * a[c * n + i] }
                }
                a[c * n + pos] = alpha
                kept.append(c)
                pos += 1
            }
        }
        let b = (0..<m).map { j in Array(a[((k + j) * n)..<((k + j + 1) * n)]) }
        let rank = kept.count
        var r = [T](repeating: T(0), count: rank * rank)
        for (p, c) in kept.enumerated() { for i in 0...p { r[p * rank + i] = a[c * n + i] } }
        self.kept = kept
        self.aliased = aliased
        self.r = r
        self.qty = b
    }

    /// R[i, j] (row i, column j, both in kept positions).
    @inline(__always) func rAt(_ i: Int, _ j: Int) -> T { r[j * rank + i] }

    /// Solves R x = (Qᵀy)[0..<rank] for right-hand side `j`.
    func solve(rightHandSide j: Int) -> [T] {
        var x = Array(qty[j].prefix(rank))
        for i in stride(from: rank - 1, through: 0, by: -1) {
            var s = x[i]
            for m in (i + 1)..<max(i + 1, rank) { s = s - rAt(i, m) * x[m] }
            x[i] = s / rAt(i, i)
        }
        return x
    }

    /// Sum of squares of the part of right-hand side `j` orthogonal to the kept columns (the RSS).
    func residualSumOfSquares(rightHandSide j: Int) -> T {
        var s = T(0)
        for i in rank..<max(rank, n) { s = s + qty[j][i] * qty[j][i] }
        return s
    }

    /// R⁻¹, upper triangular, as rows: `inverse[i][j]` for j ≥ i.
    func inverseR() -> [[T]] {
        var inv = [[T]](repeating: [T](repeating: T(0), count: rank), count: rank)
        for j in 0..<rank {
            inv[j][j] = T(1) / rAt(j, j)
            for i in stride(from: j - 1, through: 0, by: -1) {
                var s = T(0)
                for m in (i + 1)...j { s = s + rAt(i, m) * inv[m][j] }
                inv[i][j] = -s / rAt(i, i)
            }
        }
        return inv
    }
}
