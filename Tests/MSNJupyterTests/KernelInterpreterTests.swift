import Foundation
import MSNKernel
import Testing
@testable import MSNJupyter

/// The language side of the kernel: is-complete answers, history, completion ranges, and how an
/// execution result becomes Jupyter messages.
struct KernelInterpreterTests {
    let interpreter = KernelInterpreter()

    @Test func isCompleteAnswersCompleteIncompleteInvalid() {
        #expect(interpreter.isComplete("x = 1") == "complete")
        #expect(interpreter.isComplete("x = [1,\n 2]") == "complete")
        #expect(interpreter.isComplete("x = (1 +") == "incomplete")
        #expect(interpreter.isComplete("t | filter a > 1 |") == "incomplete")
        #expect(interpreter.isComplete("x = 1 )") == "invalid")
        #expect(interpreter.isComplete("x = 1 +* 2") == "invalid")
        #expect(interpreter.isComplete("x = \")\"") == "complete")
    }

    @Test func historyTailRangeAndSearch() {
        for code in ["a = 1", "b = 2", "a + b", "a + 10"] { _ = interpreter.execute(code, storeHistory: true) }
        #expect(interpreter.historyEntries(access: "tail", n: 2, start: 0, stop: nil, pattern: "", unique: false).map(\.input) == ["a + b", "a + 10"])
        #expect(interpreter.historyEntries(access: "range", n: nil, start: 2, stop: 4, pattern: "", unique: false).map(\.line) == [2, 3])
        #expect(interpreter.historyEntries(access: "search", n: nil, start: 0, stop: nil, pattern: "a + *", unique: false).map(\.line) == [3, 4])
        #expect(interpreter.historyEntries(access: "search", n: nil, start: 0, stop: nil, pattern: "? = ?", unique: false).map(\.line) == [1, 2])
    }

    @Test func historyWithANegativeCountIsEmptyNotACrash() {
        // Found while writing the Jupyter fuzz target: `"n": -1` in a history_request trapped in Array.suffix
        // (kept as Fuzz/Regressions/jupyter/history-negative-n).
        _ = interpreter.execute("a = 1", storeHistory: true)
        #expect(interpreter.historyEntries(access: "tail", n: -1, start: 0, stop: nil, pattern: "", unique: false).isEmpty)
        #expect(interpreter.historyEntries(access: "search", n: -5, start: 0, stop: nil, pattern: "*", unique: false).map(\.input) == ["a = 1"])
        #expect(interpreter.historyEntries(access: "range", n: nil, start: 5, stop: -3, pattern: "", unique: false).isEmpty)
    }

    @Test func theKernelSurvivesRecursionAsAPositionedError() {
        // Issue 16, finding 1 in the kernel: statements run on a kernel thread with a known stack.
        let r = interpreter.execute("def g(x) = g(x)\ng(1)", storeHistory: true)
        #expect(!r.succeeded)
        let message = r.outputs.compactMap { if case .error(let d, _) = $0 { return d.message } else { return nil } }.first
        #expect(message?.hasPrefix("recursion deeper than ") == true && message?.hasSuffix(" calls in 'g'") == true)
        #expect(interpreter.execute("40 + 2", storeHistory: true).succeeded)
    }

    @Test func completionRangeCountsCodePoints() {
        _ = interpreter.execute("t = simulate exporters n = 20 seed = 1", storeHistory: false)
        let completion = KernelCompletion(session: interpreter.session, directory: interpreter.directory)
        let code = "é = 1\nt | fil"
        let r = completion.complete(code, cursor: code.unicodeScalars.count)
        #expect(r.matches == ["filter"])
        #expect(r.start == 10 && r.end == 13)
    }

    @Test func lastValueIsTheResultAndTheErrorCarriesTheCaret() {
        let r = interpreter.execute("x = 2\nx * 3\nx + nope", storeHistory: true)
        let messages = ExecutionMessages.iopub(r, executionCount: 1, options: SessionOptions())
        #expect(messages.map(\.type) == ["execute_result", "error"])
        let error = messages[1].content
        #expect(error["ename"] as? String == "NameError")
        #expect(error["traceback"] as? [String] == ["error: unknown name 'nope'", " --> In[1]:3:5", "  |", "3 | x + nope",
                                                   "  |     ^^^^ bind it first, e.g. nope = load \"file.csv\""])
        let reply = ExecutionMessages.reply(r, executionCount: 1)
        #expect(reply["status"] as? String == "error")
        // The failing statement left the earlier binding in place.
        let ok = interpreter.execute("x", storeHistory: true)
        let shown = ExecutionMessages.iopub(ok, executionCount: 2, options: SessionOptions())
        #expect((shown[0].content["data"] as? JSONObject)?["text/plain"] as? String == "2")
    }

    @Test func inspectGivesVerbHelpOrTableSchema() {
        #expect(interpreter.inspect("t | filter x > 1", cursor: 6)?.contains("filter") == true)
        #expect(interpreter.inspect("m = fit boost y ~ x on t", cursor: 5) == MSNKernel.HelpCatalog.help(for: "fit boost"))
        #expect(interpreter.inspect("m = fit sem on t { }", cursor: 5) == MSNKernel.HelpCatalog.help(for: "fit"))
        _ = interpreter.execute("t = simulate exporters n = 20 seed = 1", storeHistory: false)
        let schema = interpreter.inspect("t | head", cursor: 0) ?? ""
        #expect(schema.hasPrefix("table t\n"))
        #expect(interpreter.session.columns(of: "t").allSatisfy { schema.contains($0) })
        #expect(interpreter.inspect("no_such_thing", cursor: 3) == nil)
    }

    @Test func helpRequestsAreRecognised() {
        #expect(KernelInterpreter.helpRequest("?filter") == "filter")
        #expect(KernelInterpreter.helpRequest(":help fit boost") == "fit boost")
        #expect(KernelInterpreter.helpRequest("filter?") == "filter")
        #expect(KernelInterpreter.helpRequest("x = 1") == nil)
    }
}
