import Foundation
import MSNStats

/// One row of `modindices`.
public struct ModificationIndex: Sendable {
    public var lhs: String, op: String, rhs: String
    /// 1-based group.
    public var group: Int = 1
    public var mi: Double, epc: Double, sepcAll: Double
}

/// Reliability and validity of one factor.
public struct FactorReliability: Sendable {
    public var factor: String
    public var indicators: Int
    public var alpha: Double
    public var compositeReliability: Double
    public var ave: Double
}

extension SEMFit {
    /// Modification indices (score tests with the expected information) for cross-loadings and residual
    /// covariances not in the model, per group, sorted by MI. Not available under FIML.
    public func modificationIndices() throws -> [ModificationIndex] {
        guard missing == .listwise else {
            throw SEMError.unsupported("modification indices after missing = \"fiml\"; refit with listwise deletion to screen for misfit")
        }
        var extended = table
        var candidates: [(String, String, String, Int)] = []
        let obsIndex = Dictionary(uniqueKeysWithValues: table.observed.enumerated().map { ($1, $0) })
        let etaIndex = Dictionary(uniqueKeysWithValues: table.eta.enumerated().map { ($1, $0) })
        func has(_ l: String, _ op: String, _ r: String, _ g: Int) -> Bool {
            table.rows.contains { $0.group == g && $0.op == op && (($0.lhs == l && $0.rhs == r) || (op == "~~" && $0.lhs == r && $0.rhs == l)) }
        }
        func addCandidate(_ l: String, _ op: String, _ r: String, _ g: Int, _ slot: MatrixSlot) {
            extended.freeCount += 1
            extended.rows.append(Parameter(lhs: l, op: op, rhs: r, label: "", free: extended.freeCount, value: 0, user: false, exo: false, group: g, slot: slot))
            candidates.append((l, op, r, g))
        }
        let indicators = table.observed.filter { etaIndex[$0] == nil }
        for g in 1...table.groups {
            for f in table.latents { for o in indicators where !has(f, "=~", o, g) {
                addCandidate(f, "=~", o, g, .lambda(obsIndex[o]!, etaIndex[f]!))
            } }
            for (a, x) in indicators.enumerated() { for y in indicators.dropFirst(a + 1) where !has(x, "~~", y, g) {
                addCandidate(x, "~~", y, g, .theta(obsIndex[x]!, obsIndex[y]!))
            } }
        }
        let xExt = estimates + [Double](repeating: 0, count: candidates.count)
        let (grad, h) = try Likelihood(table: extended, groups: groups).gradient(xExt)
        let q = table.freeCount
        let hffInv = try Matrix((0..<q).map { i in (0..<q).map { h[i, $0] } }).inverse()
        var out: [ModificationIndex] = []
        for (c, cand) in candidates.enumerated() {
            let j = q + c
            var v = h[j, j]
            for a in 0..<q { for b in 0..<q { v -= h[j, a] * hffInv[a, b] * h[b, j] } }
            guard v > 1e-12 else { continue }
            let mi = Double(n) / 2 * grad[j] * grad[j] / v
            let epc = -grad[j] / v
            let sepc = standardized(cand.1, cand.0, cand.2, epc, group: cand.3).1
            out.append(ModificationIndex(lhs: cand.0, op: cand.1, rhs: cand.2, group: cand.3, mi: mi, epc: epc, sepcAll: sepc))
        }
        return out.sorted { $0.mi > $1.mi }
    }

    /// Cronbach's alpha, composite reliability and AVE per factor (standardized loadings) in group `group`.
    public func reliability(group: Int = 1) -> [FactorReliability] {
        let s = groups[group - 1].cov
        return table.latents.compactMap { f in
            let loadings = table.rows.filter { $0.op == "=~" && $0.lhs == f && $0.group == group && table.observed.contains($0.rhs) }
            let items = loadings.compactMap { table.observed.firstIndex(of: $0.rhs) }
            guard items.count >= 2 else { return nil }
            let k = Double(items.count)
            var total = 0.0, diag = 0.0
            for a in items { diag += s[a, a]; for b in items { total += s[a, b] } }
            let alpha = k / (k - 1) * (1 - diag / total)
            let std = loadings.map { standardized("=~", f, $0.rhs, $0.value, group: group).1 }
            let sum = std.reduce(0, +)
            let errors = std.reduce(0) { $0 + (1 - $1 * $1) }
            let cr = sum * sum / (sum * sum + errors)
            let ave = std.reduce(0) { $0 + $1 * $1 } / k
            return FactorReliability(factor: f, indicators: items.count, alpha: alpha, compositeReliability: cr, ave: ave)
        }
    }

    /// Latent correlations with √AVE on the diagonal (the Fornell–Larcker criterion) in group `group`.
    public func fornellLarcker(group: Int = 1) -> (factors: [String], matrix: Matrix) {
        let rel = Dictionary(uniqueKeysWithValues: reliability(group: group).map { ($0.factor, $0.ave) })
        let fs = table.latents
        let cov = model(group).m
        var m = Matrix(rows: fs.count, cols: fs.count)
        for (a, x) in fs.enumerated() {
            for (b, y) in fs.enumerated() {
                guard let i = table.eta.firstIndex(of: x), let j = table.eta.firstIndex(of: y) else { continue }
                m[a, b] = a == b ? (rel[x] ?? .nan).squareRoot() : cov[i, j] / (cov[i, i] * cov[j, j]).squareRoot()
            }
        }
        return (fs, m)
    }

    /// Heterotrait–monotrait ratios of the sample correlations (Henseler, Ringle & Sarstedt 2015) in group `group`.
    public func htmt(group: Int = 1) -> (factors: [String], matrix: Matrix) {
        let fs = table.latents
        let s = groups[group - 1].cov
        let items = fs.map { f in table.rows.filter { $0.op == "=~" && $0.lhs == f && $0.group == group }.compactMap { table.observed.firstIndex(of: $0.rhs) } }
        func r(_ a: Int, _ b: Int) -> Double { s[a, b] / (s[a, a] * s[b, b]).squareRoot() }
        func mono(_ set: [Int]) -> Double {
            var sum = 0.0, c = 0.0
            for (x, a) in set.enumerated() { for b in set.dropFirst(x + 1) { sum += r(a, b); c += 1 } }
            return c > 0 ? sum / c : .nan
        }
        var m = Matrix(rows: fs.count, cols: fs.count, value: .nan)
        for a in 0..<fs.count { for b in 0..<fs.count where a != b {
            var sum = 0.0, c = 0.0
            for x in items[a] { for y in items[b] { sum += r(x, y); c += 1 } }
            m[a, b] = (sum / c) / (mono(items[a]) * mono(items[b])).squareRoot()
        } }
        return (fs, m)
    }
}
