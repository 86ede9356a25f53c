import Foundation
import MSNStats

/// Reliability of one construct (seminr's `summary()$reliability`).
public struct PLSReliability: Sendable, Equatable {
    public var construct: String
    /// Standardised Cronbach's alpha.
    public var alpha: Double
    /// Dijkstra–Henseler rho_A (1 for mode B and single items).
    public var rhoA: Double
    /// Composite reliability (Jöreskog's rho_C) from the loadings.
    public var rhoC: Double
    /// Average variance extracted.
    public var ave: Double
}

/// Measurement-model quality: reliability, discriminant validity, collinearity.
public enum PLSQuality {
    /// rho_A = (wᵀw)²·(wᵀ S w)/(wᵀ(wwᵀ − diag)w), S the item correlations with a zero diagonal.
    static func rhoA(weights w: [Double], itemCor r: [[Double]]) -> Double {
        let k = w.count
        var ww = 0.0, sw = 0.0, aw = 0.0
        for i in 0..<k {
            ww += w[i] * w[i]
            for j in 0..<k where j != i {
                sw += w[i] * r[i][j] * w[j]
                aw += w[i] * w[i] * w[j] * w[j]
            }
        }
        return ww * ww * sw / aw
    }

    /// Alpha, rho_A, rho_C and AVE of every construct.
    public static func reliability(_ fit: PLSFit) -> [PLSReliability] {
        fit.spec.constructs.enumerated().map { k, con in
            let l = fit.loadings[k]
            guard con.items.count > 1 else { return PLSReliability(construct: con.name, alpha: 1, rhoA: 1, rhoC: 1, ave: 1) }
            let r = Columns.corMatrixStandardized(fit.block(k))
            let m = Double(con.items.count)
            var off = 0.0
            for i in r.indices { for j in r.indices where j != i { off += r[i][j] } }
            let rbar = off / (m * (m - 1))
            let alpha = m * rbar / (1 + (m - 1) * rbar)
            let sl = l.reduce(0, +)
            let rhoC = sl * sl / (sl * sl + l.reduce(0) { $0 + 1 - $1 * $1 })
            let ave = l.reduce(0) { $0 + $1 * $1 } / m
            let rhoA = con.mode == .b ? 1 : rhoA(weights: fit.weights[k], itemCor: r)
            return PLSReliability(construct: con.name, alpha: alpha, rhoA: rhoA, rhoC: rhoC, ave: ave)
        }
    }

    /// HTMT for every pair a < b (construct order), from absolute item correlations.
    public static func htmt(_ fit: PLSFit) -> [(a: String, b: String, value: Double)] {
        let cs = fit.spec.constructs
        let blocks = cs.indices.map { fit.block($0) }
        let mono: [Double] = blocks.map { b in
            guard b.count > 1 else { return 1 }
            let r = Columns.corMatrixStandardized(b)
            var s = 0.0
            for i in r.indices { for j in 0..<i { s += abs(r[i][j]) } }
            return s / Double(b.count * (b.count - 1) / 2)
        }
        var out: [(String, String, Double)] = []
        let nm1 = Double(fit.data.n - 1)
        for a in cs.indices {
            for b in cs.indices where b > a {
                var s = 0.0
                for x in blocks[a] { for y in blocks[b] { s += abs(PLSEstimator.dot(x, y) / nm1) } }
                let hetero = s / Double(blocks[a].count * blocks[b].count)
                out.append((cs[a].name, cs[b].name, hetero / (mono[a] * mono[b]).squareRoot()))
            }
        }
        return out.map { (a: $0.0, b: $0.1, value: $0.2) }
    }

    /// cor(item, construct score) for every item and construct.
    public static func crossLoadings(_ fit: PLSFit) -> [(item: String, construct: String, value: Double)] {
        var out: [(item: String, construct: String, value: Double)] = []
        for (i, item) in fit.data.items.enumerated() {
            for (k, con) in fit.spec.constructs.enumerated() {
                out.append((item, con.name, Columns.cor(fit.data.z[i], fit.scores[k])))
            }
        }
        return out
    }

    /// Fornell–Larcker: √AVE on the diagonal, score correlations below it.
    public static func fornellLarcker(_ fit: PLSFit) -> [(a: String, b: String, value: Double)] {
        let rel = reliability(fit)
        var out: [(a: String, b: String, value: Double)] = []
        for (a, ca) in fit.spec.constructs.enumerated() {
            for b in 0...a {
                out.append((ca.name, fit.spec.constructs[b].name, a == b ? rel[a].ave.squareRoot() : fit.scoreCorrelations[a][b]))
            }
        }
        return out
    }

    /// VIF of each item on the other items of its construct (multi-item constructs).
    public static func itemVIF(_ fit: PLSFit) throws -> [(construct: String, item: String, vif: Double)] {
        var out: [(construct: String, item: String, vif: Double)] = []
        for (k, con) in fit.spec.constructs.enumerated() where con.items.count > 1 {
            let vifs = try vif(Columns.corMatrixStandardized(fit.block(k)), what: "the items of \(con.name)")
            for (t, item) in con.items.enumerated() { out.append((con.name, item, vifs[t])) }
        }
        return out
    }

    /// VIF among the predecessors of each endogenous construct, from score correlations.
    public static func antecedentVIF(_ fit: PLSFit) throws -> [(to: String, from: String, vif: Double)] {
        var out: [(to: String, from: String, vif: Double)] = []
        for target in fit.spec.endogenous {
            let preds = fit.spec.predecessors(of: target)
            let idx = preds.compactMap { fit.index($0) }
            let r = idx.map { a in idx.map { fit.scoreCorrelations[a][$0] } }
            let vifs = try vif(r, what: "the predecessors of \(target)")
            for (t, p) in preds.enumerated() { out.append((target, p, vifs[t])) }
        }
        return out
    }

    /// VIF_i = (R⁻¹)_ii of a correlation matrix.
    static func vif(_ r: [[Double]], what: String) throws -> [Double] {
        guard r.count > 1 else { return r.map { _ in 1 } }
        do { return try Matrix(r).inverse().diagonal } catch { throw PLSError.singular("\(what) are collinear") }
    }

    /// Cohen's f² of every path: (R²_incl − R²_excl)/(1 − R²_incl), R²_excl from re-estimating without the path.
    public static func fSquare(_ fit: PLSFit) throws -> [(from: String, to: String, f2: Double)] {
        var out: [(from: String, to: String, f2: Double)] = []
        for p in fit.spec.paths {
            guard let incl = fit.rSquared.first(where: { $0.construct == p.to })?.r2 else { continue }
            var excl = 0.0
            if let reduced = fit.spec.removing(p), !reduced.predecessors(of: p.to).isEmpty {
                let items = reduced.constructs.flatMap(\.items)
                let idx = items.compactMap { fit.data.items.firstIndex(of: $0) }
                let data = try PLSData(items: items, raw: idx.map { fit.data.raw[$0] }, rows: fit.data.rows)
                let refit = try PLSFit.fit(spec: reduced, data: data, options: fit.options)
                excl = refit.rSquared.first { $0.construct == p.to }?.r2 ?? 0
            }
            out.append((p.from, p.to, (incl - excl) / (1 - incl)))
        }
        return out
    }
}
