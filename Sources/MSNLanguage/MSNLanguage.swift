/// Namespace marker for the `MSNLanguage` module.
public enum MSNLanguageModule {
    /// The module's name, for diagnostics.
    public static let name = "MSNLanguage"
}
