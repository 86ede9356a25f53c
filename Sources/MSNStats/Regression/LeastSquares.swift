import Foundation

/// Weighted or unweighted linear least squares by Householder QR (never the normal equations).
///
/// Each column is first scaled by a power of two near its length (exact, and QR's rank and condition
/// then do not depend on units). Small designs (n·k² ≤ `extendedPrecisionWork`) are factored in
/// double-double arithmetic (about 32 digits), so the answer is the exact least-squares solution of the
/// data as stored, to about 15 digits, up to condition numbers near 1e15. Larger designs are factored in
/// Double first and redone in double-double when the scaled design's estimated condition number exceeds
/// `extendedPrecisionThreshold` or a column looks aliased.
/// Standard errors come from R⁻¹ ((XᵀWX)⁻¹ = R⁻¹R⁻ᵀ), never from inverting XᵀX.
public struct LeastSquares: Sendable {
    /// Which arithmetic to factor in.
    public enum Precision: Sendable { case automatic, double, extended }

    /// A column is aliased when the part of it not explained by the kept columns before it is at
    /// most this fraction of its length (R's `lm` uses 1e-7, which sets aside Filip's x¹⁰).
    public static let aliasTolerance = 1e-9
    /// Above this estimated condition number (of the column-scaled design) the Double pass is redone
    /// in double-double: a Double QR loses about log10(κ) digits.
    public static let extendedPrecisionThreshold = 1e4
    /// Designs with n·k² at most this are always factored in double-double (a few milliseconds), since
    /// even a modest condition number costs small coefficients relative digits in Double (Wampler3:
    /// κ ≈ 2e3, yet a Double QR gets only 9 digits of its intercept).
    public static let extendedPrecisionWork = 5_000_000

    /// Coefficients in column order (NaN for aliased columns).
    public let coefficients: [Double]
    /// Indices of aliased columns (linear combinations of earlier ones), in column order.
    public let aliased: [Int]
    /// Residuals y − Xβ (unweighted).
    public let residuals: [Double]
    /// Σ wᵢ eᵢ² (the weighted residual sum of squares), from Qᵀy.
    public let residualSumOfSquares: Double
    /// (XᵀWX)⁻¹ over all columns (rows and columns of aliased ones are NaN).
    public let unscaledCovariance: Matrix
    /// ‖R‖₁‖R⁻¹‖₁ of the column-scaled design: an estimate of its condition number.
    public let conditionNumber: Double
    /// Whether the double-double path produced the result.
    public let usedExtendedPrecision: Bool

    /// Number of kept columns.
    public var rank: Int { coefficients.count - aliased.count }

    /// Solves min Σ wᵢ (yᵢ − xᵢβ)² over the columns of X (each of n values).
    public init(columns: [[Double]], response y: [Double], weights: [Double]? = nil, precision: Precision = .automatic) {
        let root = weights.map { $0.map { $0.squareRoot() } }
        let weighted = root.map { r in columns.map { c in zip(c, r).map { $0 * $1 } } } ?? columns
        let wy = root.map { zip(y, $0).map { $0 * $1 } } ?? y
        let scales = weighted.map { c -> Double in
            let norm = c.reduce(0.0) { $0 + $1 * $1 }.squareRoot()
            return norm > 0 && norm.isFinite ? Foundation.exp2(Foundation.log2(norm).rounded()) : 1
        }
        let scaled = zip(weighted, scales).map { c, s in c.map { $0 / s } }
        let small = y.count * columns.count * columns.count <= Self.extendedPrecisionWork
        if precision == .double || (precision == .automatic && !small) {
            let fast = Solution<Double>(scaled, wy, scales)
            if precision == .double || (fast.condition <= Self.extendedPrecisionThreshold && fast.qr.aliased.isEmpty) {
                self.init(fast, columns: columns, y: y, extended: false)
                return
            }
        }
        self.init(Solution<DoubleDouble>(scaled, wy, scales), columns: columns, y: y, extended: true)
    }

    private init<T>(_ s: Solution<T>, columns: [[Double]], y: [Double], extended: Bool) {
        let k = columns.count
        var beta = [Double](repeating: .nan, count: k)
        for (p, c) in s.qr.kept.enumerated() { beta[c] = s.beta[p] }
        coefficients = beta
        aliased = s.qr.aliased
        residualSumOfSquares = s.qr.residualSumOfSquares(rightHandSide: 0).doubleValue
        unscaledCovariance = s.covariance(k)
        conditionNumber = s.condition
        usedExtendedPrecision = extended
        // eᵢ = yᵢ − Σ xᵢⱼβⱼ accumulated in double-double, so cancellation in Xβ costs no digits.
        let n = y.count
        var e = [Double](repeating: 0, count: n)
        for i in 0..<n {
            var acc = DoubleDouble(y[i])
            for (j, c) in columns.enumerated() where !beta[j].isNaN { acc = acc - DoubleDouble.twoProductDD(c[i], beta[j]) }
            e[i] = acc.doubleValue
        }
        residuals = e
    }
}

/// One factorization's results in its own arithmetic.
private struct Solution<T: QRScalar> {
    let qr: HouseholderQR<T>
    let rInverse: [[T]]
    let scales: [Double]
    /// Coefficients of the kept columns, on the original (unscaled) columns.
    let beta: [Double]
    let condition: Double

    init(_ scaled: [[Double]], _ y: [Double], _ scales: [Double]) {
        qr = HouseholderQR<T>(columns: scaled, rightHandSides: [y], tolerance: LeastSquares.aliasTolerance)
        self.scales = scales
        rInverse = qr.inverseR()
        let kept = qr.kept
        beta = qr.solve(rightHandSide: 0).enumerated().map { p, b in (b / T(scales[kept[p]])).doubleValue }
        let r = qr.rank
        var normR = 0.0, normInv = 0.0
        for j in 0..<r {
            var a = 0.0, b = 0.0
            for i in 0...j { a += abs(qr.rAt(i, j).doubleValue); b += abs(rInverse[i][j].doubleValue) }
            normR = max(normR, a)
            normInv = max(normInv, b)
        }
        condition = normR * normInv
    }

    /// (XᵀWX)⁻¹ on the original columns, k × k, NaN where aliased.
    func covariance(_ k: Int) -> Matrix {
        var cov = Matrix(rows: k, cols: k, value: .nan)
        let kept = qr.kept, r = qr.rank
        for p in 0..<r {
            for q in p..<r {
                var s = T(0)
                for m in q..<r { s = s + rInverse[p][m] * rInverse[q][m] }
                let v = (s / T(scales[kept[p]] * scales[kept[q]])).doubleValue
                cov[kept[p], kept[q]] = v
                cov[kept[q], kept[p]] = v
            }
        }
        return cov
    }
}
