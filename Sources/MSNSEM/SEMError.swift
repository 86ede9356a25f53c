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
    /// A group with too few rows: its label, rows, rows needed.
    case groupTooSmall(String, rows: Int, needed: Int)
    /// The grouping variable has a single level.
    case singleGroup(String)
    /// An unknown `group.equal` keyword (with the valid ones).
    case unknownGroupEqual(String, valid: [String])
    /// The implied covariance matrix is not positive definite during estimation.
    case notPositiveDefinite
    /// A step of the invariance ladder failed (step name, what went wrong).
    case invarianceStep(String, String)

    public var description: String {
        switch self {
        case .syntax(let l, let c, let m): return "model syntax, line \(l), column \(c): \(m)"
        case .unknownVariable(let n, _): return "'\(n)' is neither a latent variable (left of =~) nor a column of the data"
        case .underIdentified(let m): return "the model is not identified: \(m)"
        case .sampleNotPositiveDefinite(let m): return "the sample covariance matrix is not positive definite: \(m)"
        case .notConverged(let i, let g): return "the estimation did not converge after \(i) iterations (largest gradient \(g)); try simpler starting values or fix a parameter"
        case .unsupported(let m): return "not supported yet: \(m)"
        case .tooFewRows(let n, let needed): return "only \(n) complete rows; this model needs at least \(needed)"
        case .groupTooSmall(let g, let rows, let needed):
            return "group '\(g)' has only \(rows) usable rows; this model needs at least \(needed) per group"
        case .singleGroup(let level): return "the grouping column has a single level ('\(level)'); groups need at least two levels"
        case .unknownGroupEqual(let k, let valid): return "'\(k)' is not a group_equal keyword (use \(valid.joined(separator: ", ")))"
        case .invarianceStep(let step, let why): return "the \(step) invariance model could not be fitted: \(why)"
        case .notPositiveDefinite: return "the implied covariance matrix stopped being positive definite during estimation; the model may be misspecified"
        }
    }
}
