/// Namespace marker for the `MSNREPL` module.
public enum MSNREPLModule {
    /// The module's name, for diagnostics.
    public static let name = "MSNREPL"
}
