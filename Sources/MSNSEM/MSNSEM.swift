/// Namespace marker for the `MSNSEM` module.
public enum MSNSEMModule {
    /// The module's name, for diagnostics.
    public static let name = "MSNSEM"
}
