/// Problems with a structural equation model, each with what to do about it.
public enum SEMError: Error, Equatable, CustomStringConvertible {
    /// Model syntax error at a line and column of the model text (1-based).
    case syntax(line: Int, column: Int, message: String)
    /// A name that is neither a latent variable nor a data column (with the names that exist).
    case unknownVariable(String, available: [String])
    /// More free parameters than sample moments, or a latent without a scale.
    case underIdentified(String)
    /// The sample covariance matrix is not positive definite.
    case sampleNotPositiveDefinite(String)
    /// The optimizer did not converge.
    case notConverged(iterations: Int, gradient: Double)
    /// Something the engine does not support yet.
    case unsupported(String)
    /// Not enough complete rows.
    case tooFewRows(Int, needed: Int)

    public var description: String {
        switch self {
        case .syntax(let l, let c, let m): return "model syntax, line \(l), column \(c): \(m)"
        case .unknownVariable(let n, _): return "'\(n)' is neither a latent variable (left of =~) nor a column of the data"
        case .underIdentified(let m): return "the model is not identified: \(m)"
        case .sampleNotPositiveDefinite(let m): return "the sample covariance matrix is not positive definite: \(m)"
        case .notConverged(let i, let g): return "the estimation did not converge after \(i) iterations (largest gradient \(g)); try simpler starting values or fix a parameter"
        case .unsupported(let m): return "not supported yet: \(m)"
        case .tooFewRows(let n, let needed): return "only \(n) complete rows; this model needs at least \(needed)"
        }
    }
}
