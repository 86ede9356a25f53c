/// The arithmetic a least-squares factorization needs; `Double` and `DoubleDouble` provide it, so one
/// generic Householder QR serves both the fast path and the extended-precision path.
public protocol QRScalar: Sendable {
    init(_ value: Double)
    /// The nearest Double.
    var doubleValue: Double { get }
    static func + (a: Self, b: Self) -> Self
    static func - (a: Self, b: Self) -> Self
    static func * (a: Self, b: Self) -> Self
    static func / (a: Self, b: Self) -> Self
    static prefix func - (a: Self) -> Self
    func squareRoot() -> Self
}

extension Double: QRScalar {
    @inline(__always) public var doubleValue: Double { self }
}

/// An unevaluated sum hi + lo of two Doubles with |lo| ≤ ulp(hi)/2: about 32 significant digits
/// (Dekker 1971; the algorithms of Hida, Li and Bailey's QD library). Uses fused multiply-add.
public struct DoubleDouble: QRScalar, Equatable {
    public var hi: Double
    public var lo: Double

    @inline(__always) public init(_ value: Double) { hi = value; lo = 0 }
    @inline(__always) init(hi: Double, lo: Double) { self.hi = hi; self.lo = lo }

    @inline(__always) public var doubleValue: Double { hi + lo }

    /// s + e = a + b exactly (any magnitudes).
    @inline(__always) static func twoSum(_ a: Double, _ b: Double) -> (Double, Double) {
        let s = a + b, bb = s - a
        return (s, (a - (s - bb)) + (b - bb))
    }

    /// s + e = a + b exactly, given |a| ≥ |b|.
    @inline(__always) static func quickTwoSum(_ a: Double, _ b: Double) -> (Double, Double) {
        let s = a + b
        return (s, b - (s - a))
    }

    /// p + e = a · b exactly.
    @inline(__always) static func twoProduct(_ a: Double, _ b: Double) -> (Double, Double) {
        let p = a * b
        return (p, (-p).addingProduct(a, b))
    }

    @inline(__always) public static func + (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble {
        var (s, e) = twoSum(a.hi, b.hi)
        let (t, f) = twoSum(a.lo, b.lo)
        e += t
        (s, e) = quickTwoSum(s, e)
        e += f
        (s, e) = quickTwoSum(s, e)
        return DoubleDouble(hi: s, lo: e)
    }

    @inline(__always) public static prefix func - (a: DoubleDouble) -> DoubleDouble { DoubleDouble(hi: -a.hi, lo: -a.lo) }

    @inline(__always) public static func - (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble { a + (-b) }

    @inline(__always) public static func * (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble {
        var (p, e) = twoProduct(a.hi, b.hi)
        e += a.hi * b.lo + a.lo * b.hi
        (p, e) = quickTwoSum(p, e)
        return DoubleDouble(hi: p, lo: e)
    }

    public static func / (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble {
        let q1 = a.hi / b.hi
        var r = a - b * DoubleDouble(q1)
        let q2 = r.hi / b.hi
        r = r - b * DoubleDouble(q2)
        let q3 = r.hi / b.hi
        let (s, e) = quickTwoSum(q1, q2)
        return DoubleDouble(hi: s, lo: e) + DoubleDouble(q3)
    }

    /// The square root (one Newton step from the Double root); 0 for 0.
    public func squareRoot() -> DoubleDouble {
        guard hi > 0 else { return DoubleDouble(0) }
        let x = hi.squareRoot()
        let r = self - DoubleDouble.twoProductDD(x, x)
        let (s, e) = DoubleDouble.quickTwoSum(x, r.hi / (2 * x))
        return DoubleDouble(hi: s, lo: e)
    }

    @inline(__always) static func twoProductDD(_ a: Double, _ b: Double) -> DoubleDouble {
        let (p, e) = twoProduct(a, b)
        return DoubleDouble(hi: p, lo: e)
    }
}
