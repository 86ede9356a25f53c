/// Namespace marker for the `MSNNotebook` module.
public enum MSNNotebookModule {
    /// The module's name, for diagnostics.
    public static let name = "MSNNotebook"
}
