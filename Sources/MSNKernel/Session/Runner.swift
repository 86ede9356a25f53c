import Foundation
import MSNLanguage

/// One piece of source for the runner: a REPL entry, a script statement, a notebook cell.
public struct RunUnit: Sendable {
    /// The source text.
    public var source: String
    /// Where it came from (file and first line, for diagnostics).
    public var origin: SourceOrigin
    /// Whether failing is the intended outcome (a notebook cell with `error=expected`).
    public var expectsError: Bool
    /// Whether to evaluate it at all (`eval=false` cells are carried through unevaluated).
    public var evaluate: Bool

    /// A unit.
    public init(source: String, origin: SourceOrigin = .repl, expectsError: Bool = false, evaluate: Bool = true) {
        self.source = source
        self.origin = origin
        self.expectsError = expectsError
        self.evaluate = evaluate
    }
}

/// What the runner does when a unit does not behave as intended.
public struct RunPolicy: Sendable {
    /// Keep running the remaining units after a failure.
    public var keepGoing: Bool
    /// Stop the whole run (and cancel the running statement) after this many seconds.
    public var timeout: Double?

    /// A policy; by default the run stops at the first failure and has no time limit.
    public init(keepGoing: Bool = false, timeout: Double? = nil) {
        self.keepGoing = keepGoing
        self.timeout = timeout
    }
}

/// What one unit did.
public struct UnitResult: Sendable {
    /// The unit.
    public var unit: RunUnit
    /// The execution result (empty and succeeded when not evaluated).
    public var result: ExecutionResult
    /// Whether it behaved as intended: succeeded, or failed when an error was expected.
    public var ok: Bool
    /// Wall time in seconds.
    public var seconds: Double
    /// Whether the run's time limit ran out during this unit.
    public var timedOut: Bool
}

/// The outcome of a run.
public struct RunOutcome: Sendable {
    /// Results of the units that were reached, in order.
    public var results: [UnitResult]
    /// Whether the time limit stopped the run.
    public var timedOut: Bool
    /// Whether every unit was reached and behaved as intended.
    public var succeeded: Bool
}

/// The one statement runner every front end drives (the REPL, `msnb run`, `:load`, notebooks, Jupyter).
/// It runs units in order on a kernel thread (`KernelThread`: a known, generous stack), applies the failure and
/// time-limit policy, and reports each unit as it finishes. Cancel a running unit with
/// `session.cancellation.cancel()` from any thread: the statement fails with "interrupted" and the
/// bindings stay as they were.
public final class Runner {
    /// The session statements run in.
    public let session: Session

    /// A runner over `session`.
    public init(session: Session) { self.session = session }

    /// Runs `units` in order under `policy`; `onResult` sees each unit's result as soon as it is done.
    /// `tick`, if given, is called about every 20 ms on the calling thread while a unit runs (the REPL
    /// polls its Ctrl-C flag there).
    @discardableResult
    public func run(_ units: [RunUnit], policy: RunPolicy = RunPolicy(),
                    tick: (() -> Void)? = nil, onResult: (UnitResult) -> Void = { _ in }) -> RunOutcome {
        let deadline = policy.timeout.map { Date().addingTimeInterval($0) }
        var results: [UnitResult] = []
        var timedOut = false
        for unit in units {
            if let deadline, Date() > deadline { timedOut = true; break }
            guard unit.evaluate else {
                let r = UnitResult(unit: unit, result: ExecutionResult(outputs: [], succeeded: true), ok: true, seconds: 0, timedOut: false)
                results.append(r); onResult(r)
                continue
            }
            let start = Date()
            let result = execute(unit.source, origin: unit.origin, deadline: deadline, tick: tick)
            let seconds = Date().timeIntervalSince(start)
            let expired = deadline.map { Date() > $0 } ?? false
            let unitTimedOut = expired && !result.succeeded
            let ok = (result.succeeded != unit.expectsError) && !unitTimedOut
            let r = UnitResult(unit: unit, result: result, ok: ok, seconds: seconds, timedOut: unitTimedOut)
            results.append(r)
            onResult(r)
            if unitTimedOut { timedOut = true; break }
            if !ok && !policy.keepGoing { break }
        }
        let succeeded = !timedOut && results.count == units.count && results.allSatisfy(\.ok)
        return RunOutcome(results: results, timedOut: timedOut, succeeded: succeeded)
    }

    /// A script split into one unit per statement (so a failure stops, or is passed over, statement by
    /// statement); syntax errors anywhere are returned instead, all of them.
    public static func units(ofScript text: String, file: String) -> (units: [RunUnit], diagnostics: [Diagnostic]) {
        let (statements, diagnostics) = Parser.parse(text, file: file, verbs: Verbs.names)
        guard diagnostics.isEmpty else { return ([], diagnostics) }
        return (statements.map { RunUnit(source: $0.source, origin: SourceOrigin(file: file, firstLine: $0.statement.span.line)) }, [])
    }

    /// Runs one piece of source on a kernel thread and waits for it; the deadline, when it passes,
    /// cancels the statement.
    public func execute(_ source: String, origin: SourceOrigin = .repl, deadline: Date? = nil,
                        tick: (() -> Void)? = nil) -> ExecutionResult {
        let job = Job(session: session, source: source, origin: origin)
        let done = DispatchSemaphore(value: 0)
        KernelThread.start { job.run(); done.signal() }
        while done.wait(timeout: .now() + .milliseconds(20)) == .timedOut {
            tick?()
            if let deadline, Date() > deadline { session.cancellation.cancel() }
        }
        return job.result ?? ExecutionResult(outputs: [], succeeded: true)
    }

    /// A statement run handed to the worker thread; the semaphore orders the hand-over.
    private final class Job: @unchecked Sendable {
        let session: Session
        let source: String
        let origin: SourceOrigin
        var result: ExecutionResult?
        init(session: Session, source: String, origin: SourceOrigin) {
            self.session = session; self.source = source; self.origin = origin
        }
        func run() { result = session.execute(source, origin: origin) }
    }
}
