import Foundation

/// "Nice" tick values (steps of 1, 2, 2.5 or 5 × 10^k, as in Heckbert 1990 and d3) and their labels.
public enum Ticks {
    /// The nice step for about `count` intervals over `span`.
    public static func step(span: Double, count: Int) -> Double {
        guard span > 0, span.isFinite else { return 1 }
        let raw = span / Double(max(1, count))
        let magnitude = pow(10, floor(log10(raw)))
        let f = raw / magnitude
        let nice: Double = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10
        return nice * magnitude
    }

    /// Ticks covering [lo, hi] with a nice step: the first at or below lo, the last at or above hi.
    public static func nice(_ lo: Double, _ hi: Double, count: Int = 5) -> [Double] {
        var lo = lo, hi = hi
        if !(lo.isFinite && hi.isFinite) { return [0, 1] }
        if lo == hi { lo -= lo == 0 ? 1 : abs(lo) * 0.1; hi += hi == 0 ? 1 : abs(hi) * 0.1 }
        let s = step(span: hi - lo, count: count)
        let first = floor(lo / s + 1e-9), last = ceil(hi / s - 1e-9)
        return stride(from: first, through: last, by: 1).map { snap($0 * s) }
    }

    /// Ticks inside [lo, hi] (not extending it), for band-free axes whose domain is fixed.
    public static func inside(_ lo: Double, _ hi: Double, count: Int = 5) -> [Double] {
        guard hi > lo else { return [lo] }
        let s = step(span: hi - lo, count: count)
        let first = ceil(lo / s - 1e-9), last = floor(hi / s + 1e-9)
        guard first <= last else { return [lo, hi] }
        return stride(from: first, through: last, by: 1).map { snap($0 * s) }
    }

    /// Powers of ten covering [lo, hi] (both > 0), for log axes.
    public static func log10Ticks(_ lo: Double, _ hi: Double) -> [Double] {
        let a = floor(log10(lo)), b = ceil(log10(hi))
        let every = max(1, Int(((b - a) / 6).rounded(.up)))
        return stride(from: a, through: b, by: Double(every)).map { pow(10, $0) }
    }

    static func snap(_ x: Double) -> Double {
        let r = (x * 1e9).rounded() / 1e9
        return r == 0 ? 0 : r
    }

    /// Labels for ticks with just enough decimals to tell them apart ("0", "2.5", "1e+06").
    public static func labels(_ ticks: [Double]) -> [String] {
        guard ticks.count > 1 else { return ticks.map { label($0, decimals: 2) } }
        let step = zip(ticks.dropFirst(), ticks).map { abs($0 - $1) }.filter { $0 > 0 }.min() ?? 1
        let big = ticks.map(abs).max() ?? 0
        if big >= 1e6 || (big > 0 && big < 1e-3) { return ticks.map { $0 == 0 ? "0" : String(format: "%.0e", $0) } }
        var decimals = 0
        while decimals < 6, ticks.contains(where: { abs((Double(String(format: "%.\(decimals)f", $0)) ?? 0) - $0) > step * 1e-6 }) { decimals += 1 }
        return ticks.map { label($0, decimals: decimals) }
    }

    static func label(_ x: Double, decimals: Int) -> String {
        let s = String(format: "%.\(decimals)f", x)
        return s == "-0" || s.hasPrefix("-0.") && Double(s) == 0 ? String(s.dropFirst()) : s
    }
}
