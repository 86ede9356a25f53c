/// Namespace marker for the `MSNBoost` module.
public enum MSNBoostModule {
    /// The module's name, for diagnostics.
    public static let name = "MSNBoost"
}
