import MSNLanguage

/// A user function from `def`.
struct UserFunction: Sendable {
    let name: String
    let parameters: [String]
    let body: Expr
    /// The source text that defined it (for diagnostics inside the body).
    let source: String
}

/// Everything a statement can change. Statements run on a copy; the session keeps the copy only if
/// the statement succeeds, so an error never changes bindings.
struct Environment: Sendable {
    var bindings: [String: Value] = [:]
    var functions: [String: UserFunction] = [:]
    var options = SessionOptions()
    /// Names bound by the prelude and `use`, hidden from `:tables` unless rebound.
    var libraryNames: Set<String> = []
}
