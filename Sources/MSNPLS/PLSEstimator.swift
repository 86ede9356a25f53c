import Foundation
import MSNStats

/// The inner weighting scheme of the PLS algorithm.
public enum PLSScheme: String, Sendable, Equatable, CaseIterable {
    /// Path weighting (seminr's default): regression weights from predecessors, correlations to successors.
    case path
    /// Factorial: correlations with every adjacent construct.
    case factorial
    /// Centroid: signs of the correlations with every adjacent construct.
    case centroid
}

/// The outer weights found by the Wold/Lohmöller iteration, with how it stopped.
struct PLSOuterSolution: Sendable {
    /// Weights per construct, aligned with the construct's items.
    var weights: [[Double]]
    /// Construct scores X·w per construct (variance 1, not standardised again).
    var scores: [[Double]]
    /// Passes made (seminr counts from 0).
    var iterations: Int
    /// Σ|ΔW| at the last pass.
    var weightDiff: Double
    /// Whether Σ|ΔW| fell below the criterion within maxIt + 1 passes.
    var converged: Bool
}

/// Wold/Lohmöller PLS on standardised items, with seminr's stop rule and weight normalisation.
enum PLSEstimator {
    static func estimate(_ spec: PLSSpecification, _ z: [[Double]], scheme: PLSScheme,
                         maxIterations: Int, stopCriterion: Double) throws -> PLSOuterSolution {
        let c = spec.constructs.count
        let n = z.first?.count ?? 0
        let nm1 = Double(n - 1)
        var offsets: [Int] = []
        var o = 0
        for k in spec.constructs { offsets.append(o); o += k.items.count }
        let index = Dictionary(uniqueKeysWithValues: spec.constructs.enumerated().map { ($1.name, $0) })
        var adjacency = [[Bool]](repeating: [Bool](repeating: false, count: c), count: c)
        var preds = [[Int]](repeating: [], count: c)
        for p in spec.paths {
            guard let i = index[p.from], let j = index[p.to] else { continue }
            adjacency[i][j] = true
            preds[j].append(i)
        }
        // Mode B blocks: the inverse-free solve uses each block's item correlation matrix.
        var blockCor: [Matrix?] = []
        for (k, con) in spec.constructs.enumerated() {
            if con.mode == .b && con.items.count > 1 {
                blockCor.append(Matrix(Columns.corMatrixStandardized(Array(z[offsets[k]..<(offsets[k] + con.items.count)]))))
            } else { blockCor.append(nil) }
        }
        var w: [[Double]] = spec.constructs.map { [Double](repeating: 1, count: $0.items.count) }
        var diff = Double.infinity
        var pass = 0
        var converged = false
        let tolerance = Foundation.pow(10, -stopCriterion)
        while pass <= maxIterations {
            var s = try scores(w, z, offsets).enumerated().map { k, col in
                guard let st = Columns.standardized(col) else { throw PLSError.zeroVariance("the score of \(spec.constructs[k].name)") }
                return st
            }
            let r = correlationsOfStandardized(s, nm1)
            // Inner weights e[a][b]: the weight of construct a in the inner proxy of b.
            var e = [[Double]](repeating: [Double](repeating: 0, count: c), count: c)
            for a in 0..<c {
                for b in 0..<c where adjacency[a][b] || adjacency[b][a] {
                    switch scheme {
                    case .factorial: e[a][b] = r[a][b]
                    case .centroid: e[a][b] = r[a][b] < 0 ? -1 : 1
                    case .path: e[a][b] = adjacency[b][a] ? r[a][b] : 0
                    }
                }
            }
            if scheme == .path {
                for j in 0..<c where !preds[j].isEmpty {
                    let beta = try regress(r, preds[j], j, name: spec.constructs[j].name)
                    for (t, i) in preds[j].enumerated() { e[i][j] = beta[t] }
                }
            }
            var proxies: [[Double]] = []
            for b in 0..<c {
                var col = [Double](repeating: 0, count: n)
                for a in 0..<c where e[a][b] != 0 {
                    let f = e[a][b]
                    for t in 0..<n { col[t] += f * s[a][t] }
                }
                guard let st = Columns.standardized(col) else {
                    throw PLSError.zeroVariance("the inner proxy of \(spec.constructs[b].name)")
                }
                proxies.append(st)
            }
            s = []
            var next = w
            for (k, con) in spec.constructs.enumerated() {
                let block = offsets[k]..<(offsets[k] + con.items.count)
                switch con.mode {
                case .unit: next[k] = [Double](repeating: 1, count: con.items.count)
                case .a: next[k] = block.map { dot(z[$0], proxies[k]) / nm1 }
                case .b:
                    let rxz = Matrix(rows: con.items.count, cols: 1, value: 0)
                    var v = rxz
                    for (t, i) in block.enumerated() { v[t, 0] = dot(z[i], proxies[k]) / nm1 }
                    if let m = blockCor[k] {
                        do { next[k] = try m.solve(v).values } catch {
                            throw PLSError.singular("the items of the mode B construct \(con.name) are collinear")
                        }
                    } else { next[k] = [v[0, 0]] }
                }
                // Normalise so the score X·w has variance 1 (root mean square with n−1).
                var ss = 0.0
                let score = scoreColumn(next[k], z, offsets[k])
                for v in score { ss += v * v }
                let sd = (ss / nm1).squareRoot()
                guard sd > 0, sd.isFinite else { throw PLSError.zeroVariance("the score of \(con.name)") }
                next[k] = next[k].map { $0 / sd }
            }
            diff = 0
            for k in 0..<c { for t in w[k].indices { diff += abs(next[k][t] - w[k][t]) } }
            w = next
            if diff < tolerance { converged = true; break }
            pass += 1
        }
        return PLSOuterSolution(weights: w, scores: try scores(w, z, offsets), iterations: min(pass, maxIterations),
                                weightDiff: diff, converged: converged)
    }

    static func dot(_ a: [Double], _ b: [Double]) -> Double {
        var s = 0.0
        for i in a.indices { s += a[i] * b[i] }
        return s
    }

    static func scoreColumn(_ w: [Double], _ z: [[Double]], _ offset: Int) -> [Double] {
        let n = z[offset].count
        var col = [Double](repeating: 0, count: n)
        for (t, wt) in w.enumerated() {
            let x = z[offset + t]
            for i in 0..<n { col[i] += wt * x[i] }
        }
        return col
    }

    static func scores(_ w: [[Double]], _ z: [[Double]], _ offsets: [Int]) throws -> [[Double]] {
        w.indices.map { scoreColumn(w[$0], z, offsets[$0]) }
    }

    /// Correlations of standardised columns.
    static func correlationsOfStandardized(_ s: [[Double]], _ nm1: Double) -> [[Double]] {
        let c = s.count
        var r = [[Double]](repeating: [Double](repeating: 1, count: c), count: c)
        for a in 0..<c { for b in 0..<a { r[a][b] = dot(s[a], s[b]) / nm1; r[b][a] = r[a][b] } }
        return r
    }

    /// Standardised regression weights of `target` on `preds` from a correlation matrix.
    static func regress(_ r: [[Double]], _ preds: [Int], _ target: Int, name: String) throws -> [Double] {
        let rpp = Matrix(preds.map { a in preds.map { r[a][$0] } })
        let rpy = Matrix(preds.map { [r[$0][target]] })
        do { return try rpp.solve(rpy).values } catch {
            throw PLSError.singular("the predecessors of \(name) are collinear")
        }
    }
}

extension Columns {
    /// The correlation matrix of already standardised columns (n−1).
    static func corMatrixStandardized(_ z: [[Double]]) -> [[Double]] {
        PLSEstimator.correlationsOfStandardized(z, Double((z.first?.count ?? 2) - 1))
    }
}
