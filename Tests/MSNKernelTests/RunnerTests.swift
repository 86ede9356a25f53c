import Foundation
@testable import MSNKernel
import MSNLanguage
import Testing

@Test func runnerStopsAtTheFirstFailureUnlessKeepGoing() {
    let units = [RunUnit(source: "a = 1"), RunUnit(source: "b = nope + 1"), RunUnit(source: "c = 3")]
    let stop = Runner(session: makeSession()).run(units)
    #expect(stop.results.count == 2 && !stop.succeeded && !stop.timedOut)
    #expect(stop.results.map(\.ok) == [true, false])
    let s = makeSession()
    var seen: [Bool] = []
    let go = Runner(session: s).run(units, policy: RunPolicy(keepGoing: true), onResult: { seen.append($0.ok) })
    #expect(go.results.count == 3 && !go.succeeded && seen == [true, false, true])
    // The failing unit left no binding; the others did.
    #expect(s.value(of: "b") == nil)
    if case .scalar(.int(3))? = s.value(of: "c") {} else { Issue.record("c should be 3") }
}

@Test func runnerHonoursExpectedErrorsAndUnevaluatedUnits() {
    let units = [RunUnit(source: "x = 1 +", expectsError: true), RunUnit(source: "y = zzz", evaluate: false),
                 RunUnit(source: "z = 2", expectsError: true)]
    let r = Runner(session: makeSession()).run(units, policy: RunPolicy(keepGoing: true))
    #expect(r.results.map(\.ok) == [true, true, false])
    #expect(r.results[1].result.outputs.isEmpty)
}

@Test func runnerTimeLimitCancelsTheRunningStatement() {
    let s = makeSession()
    let slow = "t = simulate exporters n = 20000 seed = 1\nm = fit boost exported ~ sentiment + fx_volatility on t with trees = 5000, depth = 6"
    let start = Date()
    let r = Runner(session: s).run([RunUnit(source: slow), RunUnit(source: "after = 1")], policy: RunPolicy(timeout: 0.5))
    #expect(Date().timeIntervalSince(start) < 10)
    #expect(r.timedOut && !r.succeeded && r.results.count == 1 && r.results[0].timedOut)
    #expect(s.value(of: "m") == nil && s.value(of: "after") == nil)
}

@Test func runnerSplitsAScriptIntoStatementsWithTheirLines() {
    let (units, diagnostics) = Runner.units(ofScript: "a = 1\n\nb = a |\n  head 2\n", file: "s.msq")
    #expect(diagnostics.isEmpty)
    #expect(units.map(\.origin.firstLine) == [1, 3])
    let (_, bad) = Runner.units(ofScript: "a = (1\nb = 2 2", file: "s.msq")
    #expect(!bad.isEmpty)
}

@Test func runnerEvaluatesOnADeepStack() {
    // 900 nested parentheses (the limit is 1,000) evaluate on the runner's kernel thread (a known, generous stack).
    let deep = String(repeating: "(", count: 900) + "1" + String(repeating: ")", count: 900)
    let r = Runner(session: makeSession()).execute("x = " + deep + "\nx")
    #expect(r.succeeded)
    guard case .text(let v)? = r.outputs.last else { Issue.record("no value"); return }
    #expect(v == "1")
}
