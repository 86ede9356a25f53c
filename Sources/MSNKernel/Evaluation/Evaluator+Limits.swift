import MSNLanguage

/// The evaluator's limits: the stack floor and the user-function call depth (see `StackGuard`).
extension Evaluator {
    /// Stops before the thread's stack runs out (a backstop: the parser already limits nesting).
    func checkStack(_ span: SourceSpan) throws {
        if StackGuard.currentAddress() < limits.floor {
            throw Diagnostic(.runtime, "the expression is nested too deeply to evaluate", at: span,
                             hint: "split it into named steps")
        }
    }

    /// Counts one more user-function call; a positioned error past the call-depth limit, which is
    /// sized from the thread's stack (`StackGuard.limits`).
    mutating func enterCall(_ name: String, at span: SourceSpan) throws {
        callDepth += 1
        if callDepth > limits.callDepth || StackGuard.currentAddress() < limits.floor {
            throw Diagnostic(.runtime, "recursion deeper than \(callDepth - 1) calls in '\(name)'", at: span,
                             hint: "a function cannot call itself, directly or through other functions: every call is evaluated")
        }
    }

    /// Whether `d` is the call-depth error (kept as it is while it unwinds, then placed at the outermost call).
    static func isRecursionError(_ d: Diagnostic) -> Bool { d.message.hasPrefix("recursion deeper than ") }
}
