import Foundation
import Testing
import MSNPLS
import MSNStats
import MSNTable

/// PLS-MGA and MICOM (`compare regions p`) on data whose answers are known by construction.
@Suite struct PLSGroupComparisonTests {
    static let model = "X =~ x1 + x2 + x3\nY =~ y1 + y2 + y3\nY ~ X"

    /// Two groups of `n` rows: Y = slopeA·X in A and slopeB·X in B, plus noise (seeded).
    static func twoGroups(n: Int, slopeA: Double, slopeB: Double, seed: UInt64) -> ([String: [Double]], [String?]) {
        var g = SeededGenerator(seed: seed)
        func normal() -> Double { g.nextNormal() }
        var cols: [String: [Double]] = [:]
        var labels: [String?] = []
        for (label, slope) in [("A", slopeA), ("B", slopeB)] {
            for _ in 0..<n {
                let x = normal(), y = slope * x + (1 - slope * slope).squareRoot() * normal()
                for k in 1...3 {
                    cols["x\(k)", default: []].append(0.8 * x + 0.6 * normal())
                    cols["y\(k)", default: []].append(0.8 * y + 0.6 * normal())
                }
                labels.append(label)
            }
        }
        return (cols, labels)
    }

    @Test func henselerPCountsEveryPairAsSeminrDoes() {
        var g = SeededGenerator(seed: 5)
        let a = (0..<57).map { _ in Double(g.nextInt(below: 1000)) / 1000 }, b = (0..<43).map { _ in Double(g.nextInt(below: 1000)) / 1000 + 0.1 }
        // seminr: 1 − Σ_i Σ_j [2·mean(a) − a_i − 2·mean(b) + b_j > 0] / J².
        let ma = a.reduce(0, +) / 57, mb = b.reduce(0, +) / 43
        var count = 0
        for x in a { for y in b where 2 * ma - x - 2 * mb + y > 0 { count += 1 } }
        #expect(abs(PLSGroupComparison.henselerP(a, b) - (1 - Double(count) / Double(57 * 43))) < 1e-12)
        // Identical draws: the difference is centred on 0, so p is near one half.
        #expect(abs(PLSGroupComparison.henselerP(a, a) - 0.5) < 0.05)
    }

    @Test func identicalGroupsAreInvariantAndDoNotDiffer() throws {
        let (cols, _) = Self.twoGroups(n: 60, slopeA: 0.5, slopeB: 0.5, seed: 1)
        // The same 60 rows twice: group B is a copy of group A.
        let half = cols.mapValues { Array($0.prefix(60)) }
        let doubled = half.mapValues { $0 + $0 }
        let labels: [String?] = Array(repeating: "A", count: 60) + Array(repeating: "B", count: 60)
        let fit = try PLSFit.fit(model: Self.model, data: doubled)
        let r = try fit.compareGroups(labels, draws: 40, permutations: 40, seed: 3, threads: 2)
        let path = try #require(r.paths.first)
        #expect(path.estA == path.estB && path.diff == 0)
        for m in r.micom {
            #expect(abs(m.c - 1) < 1e-12 && m.compositional)
            #expect(abs(m.meanDiff) < 1e-12 && abs(m.logVarRatio) < 1e-12 && m.equalMeans && m.equalVariances)
        }
        #expect(r.groups.map(\.label) == ["A", "B"] && r.groups.map(\.n) == [60, 60])
    }

    @Test func aPathThatDiffersIsFoundAndResultsDoNotDependOnThreads() throws {
        let (cols, labels) = Self.twoGroups(n: 120, slopeA: 0.7, slopeB: 0.0, seed: 2)
        let fit = try PLSFit.fit(model: Self.model, data: cols)
        let one = try fit.compareGroups(labels, draws: 60, permutations: 30, seed: 9, threads: 1)
        let two = try fit.compareGroups(labels, draws: 60, permutations: 30, seed: 9, threads: 2)
        let p = try #require(one.paths.first)
        #expect(p.estA > 0.5 && abs(p.estB) < 0.3)
        // A's path is larger in (almost) every pair of draws: the one-sided p is near 0.
        #expect(p.pOneSided < 0.01 && p.pTwoSided < 0.02, "\(p)")
        #expect(one.paths.map(\.pOneSided) == two.paths.map(\.pOneSided))
        #expect(one.micom.map(\.c) == two.micom.map(\.c) && one.micom.map(\.pMean) == two.micom.map(\.pMean))
        // The same measurement model in both groups: compositional invariance holds.
        #expect(one.micom.allSatisfy { $0.compositional && $0.c > 0.95 })
        #expect(one.failedDraws == 0 && one.failedPermutations == 0)
    }

    @Test func permutationsAreSeededAndThreadIndependent() {
        let p = Permutation.order(draw: 4, n: 10, seed: 7)
        #expect(p.sorted() == Array(0..<10) && p != Array(0..<10))
        #expect(p == Permutation.order(draw: 4, n: 10, seed: 7) && p != Permutation.order(draw: 5, n: 10, seed: 7))
    }
}
