import Foundation
import MSNStats

/// Delta-method standard errors of the completely standardised estimates (lavaan's
/// `standardizedSolution()`, type "std.all"): std.all is a function of every free parameter (through
/// the model-implied variances), differentiated numerically and combined with the parameters'
/// sampling covariance.
extension SEMFit {
    /// std.all of `row` when the free parameters are `x`.
    func standardizedAll(_ row: Parameter, at x: [Double]) throws -> Double {
        let g = max(1, row.group)
        let mm = try ModelMatrices(table, free: x, group: g)
        func value(_ r: Parameter) -> Double { r.free > 0 ? x[r.free - 1] : r.value }
        func sd(_ v: String) -> Double {
            if let i = table.eta.firstIndex(of: v), table.latents.contains(v) { return mm.m[i, i].squareRoot() }
            if let i = table.observed.firstIndex(of: v) { return mm.sigma[i, i].squareRoot() }
            return 1
        }
        func residual(_ v: String) -> Double {
            table.rows.first { $0.op == "~~" && $0.lhs == v && $0.rhs == v && $0.group == g }.map(value) ?? 1
        }
        let est = value(row)
        switch row.op {
        case "=~": return est * sd(row.lhs) / sd(row.rhs)
        case "~": return est * sd(row.rhs) / sd(row.lhs)
        case "~1": return est / sd(row.lhs)
        default:
            if row.lhs == row.rhs { return est / (sd(row.lhs) * sd(row.rhs)) }
            return est / (residual(row.lhs) * residual(row.rhs)).squareRoot()
        }
    }

    /// The delta-method standard error of std.all for every row of the parameter table (nil for `:=`
    /// rows and when the model cannot be evaluated nearby), in table order.
    public func standardizedAllSE() -> [Double?] {
        table.rows.map { row in
            guard row.op != ":=", row.op != "==" else { return nil }
            let x = estimates
            var grad = [Double](repeating: 0, count: x.count)
            for k in 0..<x.count {
                let h = 1e-6 * max(1, abs(x[k]))
                var up = x, down = x
                up[k] += h; down[k] -= h
                guard let a = try? standardizedAll(row, at: up), let b = try? standardizedAll(row, at: down) else { return nil }
                grad[k] = (a - b) / (2 * h)
            }
            let v = vcov.apply(grad)
            let variance = zip(grad, v).reduce(0) { $0 + $1.0 * $1.1 }
            return variance >= 0 && variance.isFinite ? variance.squareRoot() : nil
        }
    }
}
