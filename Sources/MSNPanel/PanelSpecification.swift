/// Which panel estimator to run.
public enum PanelEstimator: String, Sendable, CaseIterable {
    /// Fixed effects absorbed by demeaning (one or more keys), as xtreg, fe / reghdfe / fixest.
    case within
    /// OLS on the stacked rows.
    case pooled
    /// OLS on the entity means (unweighted).
    case between
    /// OLS of Δy on Δx between consecutive periods of the same entity, without a constant.
    case firstDifference = "fd"
    /// GLS random effects with Swamy–Arora variance components.
    case random
}

/// How the coefficient covariance is estimated.
public enum PanelVariance: Sendable, Equatable {
    /// Conventional s²(X'X)⁻¹.
    case iid
    /// Heteroskedasticity-robust (HC1).
    case robust
    /// Cluster-robust (CRV1) on one key, or Cameron–Gelbach–Miller two-way on two.
    case clustered([String])
}

/// What to fit: the response, the regressors, the absorbed fixed effects and the panel keys.
public struct PanelSpecification: Sendable {
    public var response: String
    public var regressors: [String]
    /// Keys whose fixed effects are absorbed (`| firm + year`); only for `.within`.
    public var absorb: [String]
    public var estimator: PanelEstimator
    public var variance: PanelVariance
    /// The entity key (defaults to the first absorbed key).
    public var id: String?
    /// The time key (defaults to the second absorbed key).
    public var time: String?
    /// Drop rows alone in a level of an absorbed key, repeatedly (fixest's `fixef_rm = "singleton"`).
    public var dropSingletons: Bool

    public init(response: String, regressors: [String], absorb: [String] = [], estimator: PanelEstimator = .within,
                variance: PanelVariance = .iid, id: String? = nil, time: String? = nil, dropSingletons: Bool = true) {
        self.response = response
        self.regressors = regressors
        self.absorb = absorb
        self.estimator = estimator
        self.variance = variance
        self.id = id
        self.time = time
        self.dropSingletons = dropSingletons
    }

    /// The entity key: `id`, else the first absorbed key.
    public var entityKey: String? { id ?? absorb.first }
    /// The time key: `time`, else the second absorbed key.
    public var timeKey: String? { time ?? (absorb.count > 1 ? absorb[1] : nil) }
    /// The cluster keys, if any.
    public var clusterKeys: [String] { if case .clustered(let k) = variance { return k } else { return [] } }
}
