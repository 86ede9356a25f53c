extension Builtins {
    /// Built-in function names, for completion and help.
    public static var publicNames: Set<String> { names }
}
