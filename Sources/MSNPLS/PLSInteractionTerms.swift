import Foundation

/// How an interaction term `A:B` is measured (seminr's `interaction_term(method = …)`).
public enum PLSInteractionMethod: String, Sendable, Equatable, CaseIterable {
    /// Stage 1 without the term; the product of the two construct scores is its single item (default).
    case twoStage = "two_stage"
    /// Every product of a standardised item of A with a standardised item of B is an item (mode A).
    case productIndicator = "product_indicator"
    /// The product indicators, each replaced by its residual on all items of A and B (Henseler & Chin 2010).
    case orthogonal
}

extension PLSFit {
    /// Product-indicator (or orthogonalised) items of `x` from the data items; names `a_item:b_item`.
    static func productItems(_ x: PLSInteraction, spec: PLSSpecification, column: (String) throws -> [Double],
                             orthogonal: Bool) throws -> [(String, [Double])] {
        guard let ca = spec.constructs.first(where: { $0.name == x.a }), let cb = spec.constructs.first(where: { $0.name == x.b }) else {
            throw PLSError.specification("the interaction \(x.name) needs \(x.a) and \(x.b) as constructs")
        }
        func z(_ item: String) throws -> [Double] {
            guard let s = Columns.standardized(try column(item)) else { throw PLSError.zeroVariance(item) }
            return s
        }
        let za = try ca.items.map(z), zb = try cb.items.map(z)
        var out: [(String, [Double])] = []
        for (i, a) in ca.items.enumerated() {
            for (j, b) in cb.items.enumerated() {
                out.append(("\(a):\(b)", zip(za[i], zb[j]).map { $0 * $1 }))
            }
        }
        guard orthogonal else { return out }
        let basis = try orthonormalBasis(za + zb, what: "the items of \(x.a) and \(x.b)")
        return out.map { name, v in (name, residual(v, basis)) }
    }

    /// An orthonormal basis of the constant and `columns` by modified Gram–Schmidt (a thin QR).
    static func orthonormalBasis(_ columns: [[Double]], what: String) throws -> [[Double]] {
        guard let n = columns.first?.count, n > 0 else { return [] }
        var basis: [[Double]] = [[Double](repeating: 1 / Double(n).squareRoot(), count: n)]
        for c in columns {
            var v = c
            for q in basis {
                let d = PLSEstimator.dot(v, q)
                for t in 0..<n { v[t] -= d * q[t] }
            }
            let norm = PLSEstimator.dot(v, v).squareRoot()
            guard norm > 1e-10 * Double(n).squareRoot() else { throw PLSError.singular("\(what) are collinear") }
            basis.append(v.map { $0 / norm })
        }
        return basis
    }

    /// The residual of `y` after projecting out an orthonormal basis (OLS residuals with an intercept).
    static func residual(_ y: [Double], _ basis: [[Double]]) -> [Double] {
        var v = y
        for q in basis {
            let d = PLSEstimator.dot(v, q)
            for t in v.indices { v[t] -= d * q[t] }
        }
        return v
    }
}
