import Foundation

/// Inter-rater agreement coefficients: Cohen's κ, Fleiss' κ, Krippendorff's α and percent agreement.
/// Ratings are given units × coders (`nil` = not coded). Each function returns NaN when the coefficient
/// is undefined (every code the same, or too few units); callers report that in words.
public enum InterRater {
    /// Krippendorff's levels of measurement (the distance between two values).
    public enum Level: String, Sendable, CaseIterable {
        case nominal, ordinal, interval
    }

    /// Cohen's κ from a k × k table of counts (rows: coder 1's category, columns: coder 2's), as
    /// statsmodels' `cohens_kappa` (unweighted): (p_o − p_e) / (1 − p_e).
    public static func cohenKappa(table: [[Double]]) -> Double {
        let n = table.reduce(0) { $0 + $1.reduce(0, +) }
        guard n > 0 else { return .nan }
        let k = table.count
        let agree = (0..<k).reduce(0.0) { $0 + table[$1][$1] } / n
        var expected = 0.0
        for c in 0..<k {
            let row = table[c].reduce(0, +) / n
            let col = table.reduce(0.0) { $0 + $1[c] } / n
            expected += row * col
        }
        return expected < 1 ? (agree - expected) / (1 - expected) : .nan
    }

    /// Cohen's κ of the first two coders on the units both coded.
    public static func cohenKappa(_ ratings: [[Double?]]) -> Double {
        let pairs = ratings.compactMap { u -> (Double, Double)? in
            guard u.count >= 2, let a = u[0], let b = u[1] else { return nil }
            return (a, b)
        }
        let cats = Array(Set(pairs.flatMap { [$0.0, $0.1] })).sorted()
        let index = Dictionary(uniqueKeysWithValues: cats.enumerated().map { ($1, $0) })
        var table = [[Double]](repeating: [Double](repeating: 0, count: cats.count), count: cats.count)
        for (a, b) in pairs { table[index[a] ?? 0][index[b] ?? 0] += 1 }
        return cohenKappa(table: table)
    }

    /// Fleiss' κ from units × categories counts with the same number of ratings in every unit, as
    /// statsmodels' `fleiss_kappa(method = "fleiss")`.
    public static func fleissKappa(counts: [[Double]]) -> Double {
        guard let m = counts.first?.reduce(0, +), m > 1, counts.allSatisfy({ $0.reduce(0, +) == m }) else { return .nan }
        let units = Double(counts.count), k = counts.first?.count ?? 0
        let total = units * m
        var pCat = [Double](repeating: 0, count: k)
        var pMean = 0.0
        for u in counts {
            for c in 0..<k { pCat[c] += u[c] / total }
            pMean += (u.reduce(0) { $0 + $1 * $1 } - m) / (m * (m - 1)) / units
        }
        let pe = pCat.reduce(0) { $0 + $1 * $1 }
        return pe < 1 ? (pMean - pe) / (1 - pe) : .nan
    }

    /// Fleiss' κ over the units every coder coded.
    public static func fleissKappa(_ ratings: [[Double?]]) -> Double {
        let complete = ratings.filter { $0.count >= 2 && $0.allSatisfy { $0 != nil } }.map { $0.compactMap { $0 } }
        let cats = Array(Set(complete.flatMap { $0 })).sorted()
        let index = Dictionary(uniqueKeysWithValues: cats.enumerated().map { ($1, $0) })
        let counts = complete.map { u -> [Double] in
            var row = [Double](repeating: 0, count: cats.count)
            for v in u { row[index[v] ?? 0] += 1 }
            return row
        }
        return fleissKappa(counts: counts)
    }

    /// The share of units coded by at least two coders on which every coder who coded it gave the same code.
    public static func percentAgreement(_ ratings: [[Double?]]) -> Double {
        let coded = ratings.map { $0.compactMap { $0 } }.filter { $0.count >= 2 }
        guard !coded.isEmpty else { return .nan }
        return Double(coded.filter { u in u.allSatisfy { $0 == u[0] } }.count) / Double(coded.count)
    }

    /// Krippendorff's α (units × coders, `nil` missing) at the given level, as the `krippendorff`
    /// package: coincidences from units with two or more values, α = 1 − D_o / D_e.
    public static func krippendorffAlpha(_ ratings: [[Double?]], level: Level) -> Double {
        let units = ratings.map { $0.compactMap { $0 } }.filter { $0.count >= 2 }
        let values = Array(Set(units.flatMap { $0 })).sorted()
        guard values.count >= 2 else { return .nan }
        let index = Dictionary(uniqueKeysWithValues: values.enumerated().map { ($1, $0) })
        let v = values.count
        var o = [[Double]](repeating: [Double](repeating: 0, count: v), count: v)
        for u in units {
            let w = 1 / Double(u.count - 1)
            for i in u.indices { for j in u.indices where i != j { o[index[u[i]] ?? 0][index[u[j]] ?? 0] += w } }
        }
        let nv = o.map { $0.reduce(0, +) }
        let n = nv.reduce(0, +)
        let d = distances(values, nv, level)
        var observed = 0.0, expected = 0.0
        for c in 0..<v {
            for k in 0..<v {
                observed += o[c][k] * d[c][k]
                expected += (nv[c] * nv[k] - (c == k ? nv[c] : 0)) / (n - 1) * d[c][k]
            }
        }
        return expected > 0 ? 1 - observed / expected : .nan
    }

    /// Squared distances between values: nominal 0/1, ordinal by the marginal counts between them, interval (c − k)².
    static func distances(_ values: [Double], _ nv: [Double], _ level: Level) -> [[Double]] {
        let v = values.count
        return (0..<v).map { c in
            (0..<v).map { k in
                switch level {
                case .nominal: return c == k ? 0 : 1
                case .interval: return (values[c] - values[k]) * (values[c] - values[k])
                case .ordinal:
                    let lo = min(c, k), hi = max(c, k)
                    let s = (lo...hi).reduce(0.0) { $0 + nv[$1] } - (nv[lo] + nv[hi]) / 2
                    return s * s
                }
            }
        }
    }
}
