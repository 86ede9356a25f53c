/// What a SEM path diagram shows, in plain values (the kernel fills it from a fitted model).
public struct PathModel: Sendable {
    /// A directed or two-headed edge with its standardized estimate.
    public struct Edge: Sendable {
        /// For loadings: the latent; for regressions: the predictor; for covariances: one side.
        public var from: String
        /// For loadings: the indicator; for regressions: the outcome; for covariances: the other side.
        public var to: String
        /// The standardized (std.all) estimate.
        public var estimate: Double
        /// The two-sided p-value (NaN for fixed parameters).
        public var pvalue: Double
        /// An edge.
        public init(_ from: String, _ to: String, estimate: Double, pvalue: Double) {
            self.from = from; self.to = to; self.estimate = estimate; self.pvalue = pvalue
        }
        /// "0.77***" — two decimals and significance stars (* .05, ** .01, *** .001).
        public var label: String {
            let stars = !pvalue.isFinite ? "" : pvalue < 0.001 ? "***" : pvalue < 0.01 ? "**" : pvalue < 0.05 ? "*" : ""
            return String(format: "%.2f", estimate) + stars
        }
    }

    /// Latent variables in order.
    public var latents: [String]
    /// Measurement: latent → indicator.
    public var loadings: [Edge]
    /// Structural: predictor → outcome.
    public var regressions: [Edge]
    /// Covariances between distinct variables (latent or residual).
    public var covariances: [Edge]
    /// Residual variances (standardized: the unexplained share), by variable.
    public var residuals: [String: Double]
    /// Formative composites (PLS `<~`): their indicator arrows point into the composite.
    public var formative: Set<String> = []
    /// A model.
    public init(latents: [String], loadings: [Edge], regressions: [Edge], covariances: [Edge], residuals: [String: Double]) {
        self.latents = latents; self.loadings = loadings; self.regressions = regressions
        self.covariances = covariances; self.residuals = residuals
    }
}
