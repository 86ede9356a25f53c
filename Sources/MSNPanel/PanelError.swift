/// Why a panel model could not be specified or estimated. The kernel turns these into positioned diagnostics.
public enum PanelError: Error, Equatable, CustomStringConvertible {
    /// A named column is not in the table.
    case unknownColumn(String, available: [String])
    /// A regressor or the response is text.
    case notNumeric(String)
    /// The option needs an id (entity) or time column.
    case needsPanelKeys(String)
    /// Too few usable rows (after dropping missing values and singletons) for the model.
    case tooFewRows(used: Int, needed: Int)
    /// A regressor is collinear with the others or with the fixed effects.
    case collinear([String])
    /// Alternating projections did not reach the tolerance.
    case notConverged(iterations: Int, change: Double)
    /// The same (id, time) appears twice, which first differences cannot order.
    case duplicateKeys(id: String, time: String)
    /// A bad option value.
    case invalidOption(String)
    /// A covariance matrix is not positive definite where it must be (e.g. Hausman's difference).
    case notPositiveDefinite(String)

    public var description: String {
        switch self {
        case .unknownColumn(let c, _): return "unknown column '\(c)'"
        case .notNumeric(let c): return "column '\(c)' is text; a panel-model variable must be numeric"
        case .needsPanelKeys(let what): return "\(what) needs the panel's id and time columns (with id = firm, time = year)"
        case .tooFewRows(let used, let needed): return "only \(used) usable rows; the model needs at least \(needed)"
        case .collinear(let names): return "collinear with the fixed effects or the other regressors: \(names.joined(separator: ", "))"
        case .notConverged(let it, let change):
            return "demeaning the fixed effects did not converge after \(it) iterations (last change \(change))"
        case .duplicateKeys(let id, let time): return "some (\(id), \(time)) pairs appear more than once"
        case .invalidOption(let m): return m
        case .notPositiveDefinite(let m): return m
        }
    }
}
