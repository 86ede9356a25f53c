/// The learning task, chosen from the target unless given.
public enum Objective: String, Sendable, Equatable {
    /// Binary logistic regression on 0/1 labels (`binary:logistic`).
    case binary
    /// Softmax over K classes 0 ..< K (`multi:softprob`).
    case multiclass
    /// Squared error (`reg:squarederror`).
    case regression
}

/// Training settings, named as in the language (`with trees = 300, depth = 4, rate = 0.05`) and
/// defaulting to XGBoost's `hist` defaults where the issue does not say otherwise.
public struct BoostOptions: Sendable, Equatable {
    /// Number of boosting rounds.
    public var trees = 100
    /// Maximum depth (depth-wise growth); 0 means unlimited (use with `leaves`).
    public var depth = 6
    /// Maximum number of leaves: when set, trees grow leaf-wise (best gain first).
    public var leaves: Int? = nil
    /// Learning rate (eta).
    public var rate = 0.3
    /// L2 regularisation on leaf weights.
    public var lambda = 1.0
    /// L1 regularisation on leaf weights.
    public var alpha = 0.0
    /// Minimum loss reduction to split (min_split_loss).
    public var gamma = 0.0
    /// Minimum hessian sum in a child.
    public var minChildWeight = 1.0
    /// Fraction of rows sampled for each tree.
    public var subsample = 1.0
    /// Fraction of features sampled for each tree.
    public var colsample = 1.0
    /// Maximum histogram bins per feature, the bin of missing values included (a feature with missing
    /// values gets at most `bins − 1` value bins).
    public var bins = 256
    /// Seed for row and column sampling.
    public var seed: UInt64 = 42
    /// The objective (nil: from the target).
    public var objective: Objective? = nil
    /// Number of classes (multiclass).
    public var classes = 2
    /// Initial prediction; nil uses the label mean (binary: its logit), as XGBoost 3 does.
    public var baseScore: Double? = nil
    /// Weight of positive rows (binary), as XGBoost's scale_pos_weight.
    public var scalePosWeight = 1.0
    /// Stop when the validation metric has not improved for this many rounds.
    public var earlyStop: Int? = nil
    /// Features (by index) holding category codes 0 … 63 (NaN = missing), split by partitions of
    /// their categories rather than by thresholds.
    public var categorical: Set<Int> = []

    /// Defaults.
    public init() {}
}

/// Why a model could not be trained.
public enum BoostError: Error, Equatable, CustomStringConvertible {
    /// No training rows.
    case empty
    /// The target has a single value.
    case constantTarget
    /// A setting out of range.
    case invalidOption(String)
    /// Label values that do not fit the objective.
    case badLabels(String)
    /// Training was stopped by its caller (`shouldStop` returned true).
    case interrupted

    public var description: String {
        switch self {
        case .empty: return "the training table has no rows"
        case .constantTarget: return "the target has only one value, so there is nothing to learn"
        case .invalidOption(let s): return s
        case .badLabels(let s): return s
        case .interrupted: return "interrupted"
        }
    }
}
