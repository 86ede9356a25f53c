import Foundation
import MSNStats
import MSNTable
import Testing
@testable import MSNSEM

/// A small SEM with a regression among latents, an equality label, a residual covariance, a mean
/// structure and two missing-data patterns, on simulated data, with its likelihood and a point away from
/// the optimum (the start values, perturbed).
private func smallModel() throws -> (Likelihood, [Double]) {
    var gen = SeededGenerator(seed: 11)
    let n = 60, names = ["y1", "y2", "y3", "y4", "y5", "y6"]
    var columns: [[Double]] = []
    let f1 = (0..<n).map { _ in gen.nextNormal() }
    let f2 = f1.map { 0.5 * $0 + gen.nextNormal() }
    for (j, _) in names.enumerated() {
        let f = j < 3 ? f1 : f2
        columns.append(f.map { 0.8 * $0 + 0.6 * gen.nextNormal() + Double(j) })
    }
    for r in stride(from: 0, to: n, by: 7) { columns[2][r] = .nan }   // a second missing-data pattern
    columns[0][5] = .nan; columns[5][5] = .nan                         // a one-row pattern: S_b = 0, no factor
    let model = "f1 =~ y1 + y2 + a*y3\nf2 =~ y4 + y5 + a*y6\nf2 ~ f1\ny1 ~~ y4"
    var options = TableOptions()
    options.meanStructure = true
    let table = try ParameterTable.build(try ModelSyntax.parse(model), dataColumns: names, options: options)
    let group = GroupData(label: "", group: 1, columns: table.observed.map { names.firstIndex(of: $0).map { columns[$0] } ?? [] },
                          rows: Array(0..<n))
    var x = SEMFit.startValues(table, [group])
    for i in x.indices { x[i] += 0.05 * gen.nextNormal() }
    return (Likelihood(table: table, groups: [group]), x)
}

/// The gradient and expected information from spelled-out p × p derivative matrices and dense products:
/// g_k = Σ_b (n_b/N)[tr((W − W T W) ∂Σ_k) − 2 dᵀW ∂μ_k], H_kl = Σ_b (n_b/N)[tr(W ∂Σ_k W ∂Σ_l) + 2 ∂μ_kᵀ W ∂μ_l].
private func denseGradient(_ lik: Likelihood, _ x: [Double]) throws -> (g: [Double], h: Matrix) {
    let q = x.count
    let mm = try lik.models(x)[0]
    let (terms, muD) = mm.derivatives(lik.table)
    var g = [Double](repeating: 0, count: q)
    var h = Matrix(rows: q, cols: q)
    for b in lik.blocks {
        let v = b.vars, pb = v.count, scale = Double(b.n) / lik.nTotal
        let w = try Matrix(v.map { i in v.map { mm.sigma[i, $0] } }).inverse()
        let d = (0..<pb).map { b.mean[$0] - mm.mu[v[$0]] }
        var t = b.cov
        for i in 0..<pb { for j in 0..<pb { t[i, j] += d[i] * d[j] } }
        let m = w - w * t * w
        var ds = [Matrix](repeating: Matrix(rows: pb, cols: pb), count: q)
        for term in terms {
            for i in 0..<pb { for j in 0..<pb {
                ds[term.k][i, j] += term.coef * (term.a[v[i]] * term.b[v[j]] + term.b[v[i]] * term.a[v[j]])
            } }
        }
        let mus = (0..<q).map { k in muD[k].isEmpty ? [Double](repeating: 0, count: pb) : v.map { muD[k][$0] } }
        let wd = w.apply(d)
        for k in 0..<q {
            g[k] += scale * ((m * ds[k]).trace - 2 * zip(wd, mus[k]).reduce(0) { $0 + $1.0 * $1.1 })
            let wdk = w * ds[k], wmu = w.apply(mus[k])
            for l in 0..<q {
                h[k, l] += scale * ((wdk * w * ds[l]).trace + 2 * zip(wmu, mus[l]).reduce(0) { $0 + $1.0 * $1.1 })
            }
        }
    }
    return (g, h)
}

@Test func structuredGradientAndInformationEqualTheDenseFormulas() throws {
    let (lik, x) = try smallModel()
    #expect(lik.blocks.count == 3)
    #expect(lik.blocks.filter { $0.covFactor == nil }.count == 1)       // both ways to W S W are checked
    let fast = try lik.gradient(x)
    let dense = try denseGradient(lik, x)
    let gScale = dense.g.map(abs).max() ?? 1, hScale = dense.h.values.map(abs).max() ?? 1
    for k in x.indices { #expect(abs(fast.g[k] - dense.g[k]) <= 1e-12 * gScale, "g[\(k)]: \(fast.g[k]) vs \(dense.g[k])") }
    for i in 0..<(x.count * x.count) { #expect(abs(fast.h.values[i] - dense.h.values[i]) <= 1e-12 * hScale) }
    // And the gradient is the derivative of G (central differences).
    for k in x.indices {
        var up = x, down = x
        up[k] += 1e-6; down[k] -= 1e-6
        let numeric = ((lik.value(up) ?? .nan) - (lik.value(down) ?? .nan)) / 2e-6
        #expect(abs(numeric - fast.g[k]) < 1e-6 * max(1, gScale), "g[\(k)]: \(fast.g[k]) vs numeric \(numeric)")
    }
}

@Test func denseKernelsMatchTheMatrixRoutines() throws {
    var gen = SeededGenerator(seed: 5)
    let n = 13
    var a = Matrix(rows: n, cols: n), b = Matrix(rows: n, cols: 7)
    for i in 0..<(n * n) { a.values[i] = gen.nextNormal() }
    for i in 0..<(n * 7) { b.values[i] = i % 3 == 0 ? 0 : gen.nextNormal() }
    // Products add the rows in the same order as `Matrix *`, so they are equal to the last bit.
    #expect(DenseKernel.multiply(a.values, b.values, m: n, k: n, n: 7) == (a * b).values)
    let abt = DenseKernel.multiplyTransposed(b.transposed.values, a.values, m: 7, k: n, n: n)   // Bᵀ Aᵀ = (A B)ᵀ
    let reference = (a * b).transposed
    for i in 0..<(7 * n) { #expect(abs(abt[i] - reference.values[i]) < 1e-13 * max(1, abs(reference.values[i]))) }
    // Cholesky inverse, log-determinant and solve of an SPD matrix.
    let s = a * a.transposed + Matrix.identity(n)
    let (inv, logDet) = try #require(SPDKernel.inverseAndLogDet(s))
    let sInverse = try s.inverse()
    for i in 0..<(n * n) { #expect(abs(inv.values[i] - sInverse.values[i]) < 1e-12 * max(1, abs(sInverse.values[i]))) }
    #expect(abs(logDet - (try s.logDeterminantSPD())) < 1e-12 * abs(logDet))
    let rhs = (0..<n).map { Double($0) - 3 }
    let u = try #require(SPDKernel.choleskyUpper(s.values, n: n)).u
    let x = SPDKernel.solve(upperFactor: u, n: n, rhs)
    for (r, v) in zip(s.apply(x), rhs) { #expect(abs(r - v) < 1e-10) }
    var notPD = s
    notPD[4, 4] = -1
    #expect(SPDKernel.inverseAndLogDet(notPD) == nil)
}

@Test func bfgsTwoLoopEqualsTheUpdatedInverse() throws {
    var gen = SeededGenerator(seed: 9)
    let n = 8
    var a = Matrix(rows: n, cols: n)
    for i in 0..<(n * n) { a.values[i] = gen.nextNormal() }
    let h = a * a.transposed + Matrix.identity(n)
    var bfgs = try InverseBFGS(information: h)
    var dense = try h.inverse()
    for _ in 0..<3 {
        let s = (0..<n).map { _ in gen.nextNormal() }
        let y = zip(h.apply(s), s).map { $0 + 0.1 * $1 }       // positive curvature
        bfgs.update(s: s, y: y)
        // H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ.
        let rho = 1 / zip(y, s).reduce(0) { $0 + $1.0 * $1.1 }
        var v = Matrix.identity(n)
        for i in 0..<n { for j in 0..<n { v[i, j] -= rho * y[i] * s[j] } }
        dense = v.transposed * dense * v
        for i in 0..<n { for j in 0..<n { dense[i, j] += rho * s[i] * s[j] } }
    }
    let g = (0..<n).map { _ in gen.nextNormal() }
    for (p, r) in zip(bfgs.apply(g), dense.apply(g)) { #expect(abs(p - r) < 1e-12 * max(1, abs(r))) }
}

@Test func sampleMomentsOverSeveralRowBlocksMatchTheTwoPassFormula() {
    var gen = SeededGenerator(seed: 3)
    let n = 10_000   // more than one 4096-row block, and a partial last block
    let cols = (0..<3).map { j in (0..<n).map { _ in gen.nextNormal() * Double(j + 1) + 100 } }
    let rows = Array(stride(from: 0, to: n, by: 1)).filter { $0 % 5 != 0 }
    let (m, s) = GroupData.moments(cols, rows)
    for a in 0..<3 {
        let ma = rows.reduce(0.0) { $0 + cols[a][$1] } / Double(rows.count)
        #expect(abs(m[a] - ma) < 1e-12 * abs(ma))
        for b in 0..<3 {
            let mb = rows.reduce(0.0) { $0 + cols[b][$1] } / Double(rows.count)
            let v = rows.reduce(0.0) { $0 + (cols[a][$1] - ma) * (cols[b][$1] - mb) } / Double(rows.count)
            #expect(abs(s[a, b] - v) < 1e-12 * max(1, abs(v)), "s[\(a), \(b)] = \(s[a, b]) vs \(v)")
        }
    }
}
