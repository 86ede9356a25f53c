import Foundation

/// Probability distributions used by the tests and models: normal, χ² (central and noncentral),
/// Student's t and F. Implemented from the regularized incomplete gamma and beta functions
/// (series and Lentz continued fractions); checked against SciPy in the tests.
public enum Distributions {
    // MARK: Normal

    /// Standard normal cumulative probability.
    public static func normalCDF(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }

    /// Two-sided p-value of a z statistic: 2·(1 − Φ(|z|)).
    public static func twoSidedNormalP(_ z: Double) -> Double { erfc(abs(z) / 2.0.squareRoot()) }

    /// Standard normal quantile (Acklam's rational approximation refined by one Halley step).
    public static func normalQuantile(_ p: Double) -> Double {
        guard p > 0, p < 1 else { return p <= 0 ? -.infinity : .infinity }
        let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
        let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01]
        let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        var x: Double
        if p < 0.02425 {
            let q = (-2 * Foundation.log(p)).squareRoot()
            x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        } else if p > 1 - 0.02425 {
            let q = (-2 * Foundation.log(1 - p)).squareRoot()
            x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        } else {
            let q = p - 0.5, r = q * q
            x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
        }
        let e = normalCDF(x) - p
        let u = e * (2 * Double.pi).squareRoot() * Foundation.exp(x * x / 2)
        x -= u / (1 + x * u / 2)
        return x
    }

    // MARK: Gamma family

    /// Regularized lower incomplete gamma P(a, x).
    public static func gammaP(_ a: Double, _ x: Double) -> Double {
        guard x > 0 else { return 0 }
        if x < a + 1 {
            var sum = 1 / a, term = 1 / a, n = a
            for _ in 0..<10_000 {
                n += 1
                term *= x / n
                sum += term
                if abs(term) < abs(sum) * 1e-16 { break }
            }
            return min(1, sum * Foundation.exp(-x + a * Foundation.log(x) - lgamma(a)))
        }
        return max(0, 1 - gammaQContinuedFraction(a, x))
    }

    /// Regularized upper incomplete gamma Q(a, x) = 1 − P(a, x), accurate in the far tail.
    public static func gammaQ(_ a: Double, _ x: Double) -> Double {
        guard x > 0 else { return 1 }
        return x < a + 1 ? 1 - gammaP(a, x) : gammaQContinuedFraction(a, x)
    }

    private static func gammaQContinuedFraction(_ a: Double, _ x: Double) -> Double {
        let tiny = 1e-300
        var b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d
        for i in 1..<10_000 {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b; if abs(d) < tiny { d = tiny }
            c = b + an / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return Foundation.exp(-x + a * Foundation.log(x) - lgamma(a)) * h
    }

    /// χ² cumulative probability.
    public static func chiSquaredCDF(_ x: Double, df: Double) -> Double { gammaP(df / 2, x / 2) }

    /// χ² upper tail P(X > x).
    public static func chiSquaredUpperTail(_ x: Double, df: Double) -> Double { gammaQ(df / 2, x / 2) }

    /// Noncentral χ² cumulative probability (Poisson mixture of central χ², summed outward from the mode).
    public static func noncentralChiSquaredCDF(_ x: Double, df: Double, noncentrality lambda: Double) -> Double {
        guard lambda > 0 else { return chiSquaredCDF(x, df: df) }
        guard x > 0 else { return 0 }
        // The terms w_j·P(df/2 + j, x/2) by recurrences from the mode (one incomplete gamma instead of one
        // per term): Poisson weights w_{j±1} from w_j, and P(a − 1) = P(a) + t(a − 1), P(a + 1) = P(a) − t(a)
        // with t(a) = yᵃe⁻ʸ/Γ(a + 1) = P(a) − P(a + 1). Going up subtracts, so P is recomputed directly
        // whenever it has halved since the last direct value (bounded cancellation).
        let half = lambda / 2, y = x / 2
        let mode = Int(half)
        let a0 = df / 2 + Double(mode)
        let w0 = Foundation.exp(-half + Double(mode) * Foundation.log(half) - lgamma(Double(mode) + 1))
        let t0 = Foundation.exp(a0 * Foundation.log(y) - y - lgamma(a0 + 1))
        let p0 = gammaP(a0, y)
        guard t0 > 1e-280, p0 > 1e-280, t0.isFinite, w0.isFinite else { return noncentralChiSquaredCDFTermwise(x, df: df, lambda: lambda) }
        var total = w0 * p0
        var w = w0, t = t0, p = p0, a = a0, j = mode
        while j > 0 {
            w *= Double(j) / half
            t *= a / y
            a -= 1
            j -= 1
            p = min(1, p + t)
            total += w * p
            if w < 1e-17 { break }
        }
        (w, t, p, a, j) = (w0, t0, p0, a0, mode)
        var anchor = p0
        while j <= mode + 100_000 {
            p -= t
            t *= y / (a + 1)
            a += 1
            j += 1
            w *= half / Double(j)
            if p < 0.5 * anchor { p = gammaP(a, y); anchor = p }
            let term = w * p
            total += term
            if w < 1e-17 || term < 1e-17 { break }
        }
        return min(1, max(0, total))
    }

    /// The Poisson mixture with one incomplete gamma per term (when the recurrences' start under- or overflows).
    private static func noncentralChiSquaredCDFTermwise(_ x: Double, df: Double, lambda: Double) -> Double {
        let half = lambda / 2
        let mode = Int(half)
        func weight(_ j: Int) -> Double { Foundation.exp(-half + Double(j) * Foundation.log(half) - lgamma(Double(j) + 1)) }
        var total = 0.0
        var j = mode
        while j >= 0 {
            let w = weight(j)
            total += w * chiSquaredCDF(x, df: df + 2 * Double(j))
            if w < 1e-17 && j < mode { break }
            j -= 1
        }
        j = mode + 1
        while true {
            let w = weight(j)
            let term = w * chiSquaredCDF(x, df: df + 2 * Double(j))
            total += term
            if (w < 1e-17 || term < 1e-17) && j > mode { break }
            j += 1
            if j > mode + 100_000 { break }
        }
        return min(1, max(0, total))
    }

    // MARK: Beta family

    /// Regularized incomplete beta I_x(a, b).
    public static func betaI(_ x: Double, _ a: Double, _ b: Double) -> Double {
        guard x > 0 else { return 0 }
        guard x < 1 else { return 1 }
        let logBeta: Double = lgamma(a + b) - lgamma(a) - lgamma(b)
        let logPowers: Double = a * Foundation.log(x) + b * Foundation.log(1 - x)
        let front = Foundation.exp(logBeta + logPowers)
        if x < (a + 1) / (a + b + 2) { return front * betaContinuedFraction(x, a, b) / a }
        return 1 - front * betaContinuedFraction(1 - x, b, a) / b
    }

    private static func betaContinuedFraction(_ x: Double, _ a: Double, _ b: Double) -> Double {
        let tiny = 1e-300
        var c = 1.0, d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1..<10_000 {
            let m2 = Double(2 * m), md = Double(m)
            var aa = md * (b - md) * x / ((a + m2 - 1) * (a + m2))
            d = 1 + aa * d; if abs(d) < tiny { d = tiny }
            c = 1 + aa / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            aa = -(a + md) * (a + b + md) * x / ((a + m2) * (a + m2 + 1))
            d = 1 + aa * d; if abs(d) < tiny { d = tiny }
            c = 1 + aa / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return h
    }

    /// Student's t cumulative probability.
    public static func tCDF(_ t: Double, df: Double) -> Double {
        let tail = 0.5 * betaI(df / (df + t * t), df / 2, 0.5)
        return t > 0 ? 1 - tail : tail
    }

    /// Two-sided p-value of a t statistic.
    public static func twoSidedTP(_ t: Double, df: Double) -> Double { betaI(df / (df + t * t), df / 2, 0.5) }

    /// F upper tail P(F > f).
    public static func fUpperTail(_ f: Double, df1: Double, df2: Double) -> Double {
        guard f > 0 else { return 1 }
        return betaI(df2 / (df2 + df1 * f), df2 / 2, df1 / 2)
    }

    /// Student's t quantile, by bisection on the CDF (used for confidence intervals).
    public static func tQuantile(_ p: Double, df: Double) -> Double {
        var lo = -1e3, hi = 1e3
        for _ in 0..<200 {
            let mid = (lo + hi) / 2
            if tCDF(mid, df: df) < p { lo = mid } else { hi = mid }
        }
        return (lo + hi) / 2
    }
}
