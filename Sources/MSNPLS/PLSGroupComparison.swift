import Foundation
import MSNStats

/// One structural path compared between two groups by Henseler's PLS-MGA.
public struct PLSPathComparison: Sendable {
    public var from: String, to: String
    public var groupA: String, groupB: String
    /// Path coefficients of each group's own fit, and their difference (A − B).
    public var estA: Double, estB: Double
    public var diff: Double { estA - estB }
    /// Means of the bootstrap draws of each group.
    public var bootMeanA: Double, bootMeanB: Double
    /// Henseler's one-sided p (seminr's `pls_mga_p`): small when the path is larger in A than in B.
    public var pOneSided: Double
    /// 2·min(p, 1 − p): the two-sided version SmartPLS reports.
    public var pTwoSided: Double { min(1, 2 * min(pOneSided, 1 - pOneSided)) }
}

/// MICOM steps 2 and 3 for one construct and pair of groups (Henseler, Ringle & Sarstedt 2016).
public struct MICOMConstruct: Sendable {
    public var construct: String
    public var groupA: String, groupB: String
    /// Step 2: c = cor(X·w_A, X·w_B) on the pooled standardized items; the 5% quantile of c over the
    /// permutations; p = share of permutations with a smaller c. Compositional invariance: c ≥ q05.
    public var c: Double, cQuantile05: Double, pC: Double
    public var compositional: Bool { c >= cQuantile05 }
    /// Step 3a: mean of the pooled composite scores in A minus in B, its 95% permutation interval, p.
    public var meanDiff: Double, meanLower: Double, meanUpper: Double, pMean: Double
    public var equalMeans: Bool { meanDiff >= meanLower && meanDiff <= meanUpper }
    /// Step 3b: log(var_A / var_B) of the pooled scores, its 95% permutation interval, p.
    public var logVarRatio: Double, varLower: Double, varUpper: Double, pVar: Double
    public var equalVariances: Bool { logVarRatio >= varLower && logVarRatio <= varUpper }
}

/// The multi-group analysis of a PLS model: every pair of groups, PLS-MGA for the paths and MICOM for
/// the constructs. Bootstrap draws and permutations come from seeded per-draw streams (MSNStats), so
/// the result is the same for any thread count.
public struct PLSGroupComparison: Sendable {
    public var groups: [(label: String, n: Int)]
    public var paths: [PLSPathComparison]
    public var micom: [MICOMConstruct]
    public var draws: Int, permutations: Int, seed: UInt64
    /// Bootstrap draws and permutations that failed (refits that did not converge or were singular).
    public var failedDraws: Int, failedPermutations: Int
}

extension PLSFit {
    /// Compares the groups given by `group` (one label per row of the prepared data, nil = left out).
    /// Each group is refitted on its own rows (standardized within the group), bootstrapped `draws`
    /// times for PLS-MGA; MICOM permutes the group labels of each pair `permutations` times.
    public func compareGroups(_ group: [String?], draws: Int, permutations: Int, seed: UInt64,
                              threads: Int = Bootstrap.defaultThreads) throws -> PLSGroupComparison {
        guard spec.interactions.isEmpty else { throw PLSError.specification("multi-group analysis of a model with interaction terms is not supported") }
        var labels: [String] = []
        var members: [String: [Int]] = [:]
        for (i, g) in group.enumerated() where i < data.n {
            guard let g else { continue }
            if members[g] == nil { labels.append(g) }
            members[g, default: []].append(i)
        }
        guard labels.count >= 2 else { throw PLSError.specification("multi-group analysis needs at least two groups (found \(labels.count))") }
        var paths: [PLSPathComparison] = [], micom: [MICOMConstruct] = []
        var failedDraws = 0, failedPerms = 0
        for a in 0..<labels.count { for b in (a + 1)..<labels.count {
            let ra = members[labels[a]] ?? [], rb = members[labels[b]] ?? []
            let pairSeed = seed &+ UInt64(a * labels.count + b) &* 0x2545_F491_4F6C_DD1D
            let fa = try refit(rows: ra), fb = try refit(rows: rb)
            let (da, fa1) = pathDraws(rows: ra, draws: draws, seed: pairSeed, threads: threads)
            let (db, fb1) = pathDraws(rows: rb, draws: draws, seed: pairSeed &+ 1, threads: threads)
            failedDraws += fa1 + fb1
            for (p, path) in spec.paths.enumerated() {
                let xa = da.map { $0[p] }, xb = db.map { $0[p] }
                let ma = xa.reduce(0, +) / Double(max(1, xa.count)), mb = xb.reduce(0, +) / Double(max(1, xb.count))
                paths.append(PLSPathComparison(from: path.from, to: path.to, groupA: labels[a], groupB: labels[b],
                                               estA: fa.pathCoefficients[p], estB: fb.pathCoefficients[p], bootMeanA: ma, bootMeanB: mb,
                                               pOneSided: PLSGroupComparison.henselerP(xa, xb)))
            }
            let (rows, failed) = try micomPair(ra, rb, labels[a], labels[b], permutations: permutations, seed: pairSeed &+ 2, threads: threads)
            micom += rows
            failedPerms += failed
        } }
        return PLSGroupComparison(groups: labels.map { ($0, members[$0]?.count ?? 0) }, paths: paths, micom: micom, draws: draws,
                                  permutations: permutations, seed: seed, failedDraws: failedDraws, failedPermutations: failedPerms)
    }

    /// Path coefficients of `draws` bootstrap refits on resamples of `rows` (usable draws only) and the count lost.
    func pathDraws(rows: [Int], draws: Int, seed: UInt64, threads: Int) -> ([[Double]], Int) {
        let me = self, count = spec.paths.count
        let outcomes = Bootstrap.run(n: rows.count, draws: draws, seed: seed, threads: threads) { idx in
            guard let f = try? me.refit(rows: idx.map { rows[$0] }), f.converged, f.pathCoefficients.count == count else { return .failed }
            return .value(f.pathCoefficients)
        }
        let usable = outcomes.compactMap { if case .value(let v) = $0 { return v } else { return nil } }
        return (usable, draws - usable.count)
    }
}

extension PLSGroupComparison {
    /// Henseler's PLS-MGA p: 1 − #{(i, j): 2·mean(a) − a_i − 2·mean(b) + b_j > 0} / (J_a·J_b), counted by
    /// sorting (O(J log J)) rather than over all J² pairs.
    public static func henselerP(_ a: [Double], _ b: [Double]) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return .nan }
        let shift = 2 * a.reduce(0, +) / Double(a.count) - 2 * b.reduce(0, +) / Double(b.count)
        let sortedB = b.sorted()
        var count = 0
        for x in a {
            // b_j > x − shift: the number of sorted values strictly above the threshold.
            let t = x - shift
            var lo = 0, hi = sortedB.count
            while lo < hi { let mid = (lo + hi) / 2; if sortedB[mid] > t { hi = mid } else { lo = mid + 1 } }
            count += sortedB.count - lo
        }
        return 1 - Double(count) / Double(a.count * b.count)
    }
}
