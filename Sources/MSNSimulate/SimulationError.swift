/// Why a simulation could not run.
public enum SimulationError: Error, CustomStringConvertible, Sendable {
    /// Too few rows for the design (e.g. fewer than one firm per sector and region).
    case tooFewRows(Int, needed: Int)

    /// A message for the user.
    public var description: String {
        switch self {
        case .tooFewRows(let n, let needed): return "n = \(n) is too small for this design; use n ≥ \(needed)"
        }
    }
}
