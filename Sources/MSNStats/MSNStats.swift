/// Namespace marker for the `MSNStats` module.
public enum MSNStatsModule {
    /// The module's name, for diagnostics.
    public static let name = "MSNStats"
}
