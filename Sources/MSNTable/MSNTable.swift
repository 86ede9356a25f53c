/// Namespace marker for the `MSNTable` module.
public enum MSNTableModule {
    /// The module's name, for diagnostics.
    public static let name = "MSNTable"
}
