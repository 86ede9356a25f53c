/// Namespace marker for the `MSNKernel` module.
public enum MSNKernelModule {
    /// The module's name, for diagnostics.
    public static let name = "MSNKernel"
}
