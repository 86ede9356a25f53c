/// Problems with a PLS path model, each with what to do about it.
public enum PLSError: Error, Equatable, CustomStringConvertible {
    /// Model syntax error at a line and column of the model text (1-based).
    case syntax(line: Int, column: Int, message: String)
    /// An indicator that is not a numeric column of the data (with the names that exist).
    case unknownVariable(String, available: [String])
    /// A model that cannot be estimated as written.
    case specification(String)
    /// An indicator with no variance (or a construct score that collapses).
    case zeroVariance(String)
    /// A singular system (collinear items of a mode B construct, collinear predecessors).
    case singular(String)
    /// Too few rows left after the missing-data treatment.
    case tooFewRows(Int, needed: Int)
    /// Consistent PLS cannot correct a construct whose rho_A is not positive.
    case inadmissible(String)

    public var description: String {
        switch self {
        case .syntax(let l, let c, let m): return "model syntax, line \(l), column \(c): \(m)"
        case .unknownVariable(let n, _): return "'\(n)' is neither a construct nor a numeric column of the data"
        case .specification(let m): return m
        case .zeroVariance(let n): return "'\(n)' has no variance, so it cannot be standardised; drop it from the model"
        case .singular(let m): return "a singular system: \(m)"
        case .tooFewRows(let n, let needed): return "only \(n) usable rows; this model needs at least \(needed)"
        case .inadmissible(let m): return "consistent PLS cannot correct this model: \(m)"
        }
    }
}
