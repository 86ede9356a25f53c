import Foundation
import MSNStats

/// The rows of one group that share a missing-data pattern, summarised by their mean and covariance
/// (divisor n): all the casewise likelihood needs.
struct DataBlock: Sendable {
    let group: Int
    /// Observed-variable indices present in these rows.
    let vars: [Int]
    let n: Int
    let mean: [Double]
    let cov: Matrix
    /// The data rows in this block (indices into the group's columns), for casewise scores.
    var rows: [Int] = []
    /// The upper Cholesky factor U of `cov` (cov = UᵀU, row-major), nil when `cov` is not positive definite:
    /// W S W = (U W)ᵀ(U W) in the gradient costs half of W S W's product.
    var covFactor: [Double]? = nil
}

/// One group's data: the blocks and the unrestricted (H1) moments — the sample moments with complete
/// data, the EM estimates under FIML.
public struct GroupData: Sendable {
    /// The group's label (the grouping column's value).
    public let label: String
    /// Rows used.
    public let n: Int
    /// H1 means of the observed variables.
    public internal(set) var mean: [Double]
    /// H1 covariance of the observed variables (divisor n).
    public internal(set) var cov: Matrix
    /// Missing-data patterns (1 with complete data).
    public var patterns: Int { blocks.count }
    let blocks: [DataBlock]
    /// The observed variables' columns (NaN = missing), indexed by `DataBlock.rows`.
    let columns: [[Double]]

    /// Summarises rows `rows` of `columns` (one array per observed variable, NaN = missing): one block with
    /// complete data, one block per pattern otherwise (rows with nothing observed are left out).
    init(label: String, group: Int, columns: [[Double]], rows: [Int]) {
        self.label = label
        self.columns = columns
        let p = columns.count
        var byPattern: [[Bool]: [Int]] = [:]
        var order: [[Bool]] = []
        let complete = !rows.isEmpty && columns.allSatisfy { c in rows.allSatisfy { !c[$0].isNaN } }
        if complete {
            // One pattern: skip hashing a mask per row.
            let all = [Bool](repeating: true, count: p)
            order = [all]
            byPattern[all] = rows
        }
        for r in rows where !complete {
            let mask = (0..<p).map { !columns[$0][r].isNaN }
            guard mask.contains(true) else { continue }
            if byPattern[mask] == nil { order.append(mask) }
            byPattern[mask, default: []].append(r)
        }
        var blocks: [DataBlock] = []
        for mask in order {
            let members = byPattern[mask] ?? []
            let vars = (0..<p).filter { mask[$0] }
            let (m, s) = GroupData.moments(vars.map { columns[$0] }, members)
            blocks.append(DataBlock(group: group, vars: vars, n: members.count, mean: m, cov: s, rows: members,
                                    covFactor: SPDKernel.choleskyUpper(s.values, n: vars.count)?.u))
        }
        self.blocks = blocks
        n = blocks.reduce(0) { $0 + $1.n }
        if blocks.count == 1, blocks[0].vars.count == p {
            mean = blocks[0].mean
            cov = blocks[0].cov
        } else {
            (mean, cov) = GroupData.availableCaseStart(columns, rows)
        }
    }

    /// Means and covariance (divisor n) of `rows` of `cols`: the centred rows are gathered, 4096 at a time,
    /// into one contiguous buffer per variable, and each covariance accumulates vectorised dot products of
    /// those blocks (bounded extra memory however many rows).
    static func moments(_ cols: [[Double]], _ rows: [Int]) -> ([Double], Matrix) {
        let k = cols.count, n = Double(rows.count)
        let m = cols.map { c in rows.reduce(0.0) { $0 + c[$1] } / n }
        let chunk = 4096
        var sums = [Double](repeating: 0, count: k * k)
        var centred = [Double](repeating: 0, count: k * min(chunk, rows.count))
        var start = 0
        while start < rows.count {
            let len = min(chunk, rows.count - start)
            for a in 0..<k {
                let c = cols[a], ma = m[a]
                for r in 0..<len { centred[a * len + r] = c[rows[start + r]] - ma }
            }
            centred.withUnsafeBufferPointer { cp in
                guard let pc = cp.baseAddress else { return }
                for a in 0..<k { for b in a..<k { sums[a * k + b] += DenseKernel.dot(pc + a * len, pc + b * len, len) } }
            }
            start += len
        }
        var s = Matrix(rows: k, cols: k)
        for a in 0..<k { for b in a..<k { let v = sums[a * k + b] / n; s[a, b] = v; s[b, a] = v } }
        return (m, s)
    }

    /// Available-case means and variances (zero covariances): the EM start and the FIML baseline model.
    static func availableCaseStart(_ columns: [[Double]], _ rows: [Int]) -> ([Double], Matrix) {
        let p = columns.count
        var mean = [Double](repeating: 0, count: p)
        var cov = Matrix(rows: p, cols: p)
        for j in 0..<p {
            let present = rows.filter { !columns[j][$0].isNaN }
            let (m, s) = moments([columns[j]], present)
            mean[j] = m.first ?? 0
            cov[j, j] = s[0, 0]
        }
        return (mean, cov)
    }

    /// Replaces the start moments by the EM estimates of the unrestricted model (saturated means and
    /// covariances under missing data). Throws when EM does not converge or a covariance degenerates.
    mutating func estimateH1() throws {
        let p = mean.count
        var mu = mean, sigma = cov
        let nd = Double(n)
        for _ in 0..<10_000 {
            var t1 = [Double](repeating: 0, count: p)
            var t2 = Matrix(rows: p, cols: p)
            for b in blocks {
                let o = b.vars, mis = (0..<p).filter { !o.contains($0) }
                let bn = Double(b.n)
                // Completed rows are c + K y_o with K = [I; Σ_mo Σ_oo⁻¹]; the missing part adds C = Σ_mm − B Σ_om.
                var k = Matrix(rows: p, cols: o.count)
                var c = [Double](repeating: 0, count: p)
                for (a, i) in o.enumerated() { k[i, a] = 1 }
                var cm = Matrix(rows: p, cols: p)
                if !mis.isEmpty {
                    let soo = Matrix(o.map { i in o.map { sigma[i, $0] } })
                    guard let sooInv = try? soo.inverseSPD() else { throw SEMError.sampleNotPositiveDefinite("the EM estimate of the covariance matrix became singular") }
                    let smo = Matrix(mis.map { i in o.map { sigma[i, $0] } })
                    let bm = smo * sooInv
                    let bmu = bm.apply(o.map { mu[$0] })
                    for (r, i) in mis.enumerated() {
                        for a in 0..<o.count { k[i, a] = bm[r, a] }
                        c[i] = mu[i] - bmu[r]
                    }
                    let resid = bm * smo.transposed
                    for (r, i) in mis.enumerated() { for (s, j) in mis.enumerated() { cm[i, j] = sigma[i, j] - resid[r, s] } }
                }
                let ky = k.apply(b.mean)
                for i in 0..<p { t1[i] += bn * (c[i] + ky[i]) }
                var syy = b.cov
                for a in 0..<o.count { for d in 0..<o.count { syy[a, d] += b.mean[a] * b.mean[d] } }
                let kskt = k * syy * k.transposed
                for i in 0..<p { for j in 0..<p {
                    t2[i, j] += bn * (kskt[i, j] + c[i] * ky[j] + ky[i] * c[j] + c[i] * c[j] + cm[i, j])
                } }
            }
            let newMu = t1.map { $0 / nd }
            var newSigma = Matrix(rows: p, cols: p)
            for i in 0..<p { for j in 0..<p { newSigma[i, j] = t2[i, j] / nd - newMu[i] * newMu[j] } }
            var change = 0.0
            for i in 0..<p { change = max(change, abs(newMu[i] - mu[i])) }
            for i in 0..<(p * p) { change = max(change, abs(newSigma.values[i] - sigma.values[i])) }
            mu = newMu
            sigma = newSigma
            if change < 1e-12 { mean = mu; cov = sigma; return }
        }
        throw SEMError.unsupported("the EM estimate of the unrestricted model did not converge (too much missing data?)")
    }
}
