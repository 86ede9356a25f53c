import Foundation
import MSNKernel

/// The read–eval–print loop over any `LineReader`; the kernel session survives every error.
public final class REPLLoop {
    /// The session statements run in.
    public let session: Session
    let reader: LineReader
    let interactive: Bool
    let keepGoing: Bool
    let out: (String) -> Void
    let err: (String) -> Void
    var timing = false
    /// Whether any statement failed (batch exit status).
    public private(set) var anyFailed = false

    /// A loop; `interactive` enables prompts and Ctrl-C cancellation of running statements.
    public init(session: Session, reader: LineReader, interactive: Bool, keepGoing: Bool = false,
                out: @escaping (String) -> Void, err: @escaping (String) -> Void) {
        self.session = session
        self.reader = reader
        self.interactive = interactive
        self.keepGoing = keepGoing
        self.out = out
        self.err = err
    }

    /// Runs until end of input or `:quit`; returns the exit status.
    public func run() -> Int32 {
        var assembler = InputAssembler()
        if !interactive { return runBatch() }
        // A complete entry from a pasted block waits for the next line, which may start with `|`.
        var held: String? = nil
        while true {
            let prompt = assembler.isContinuing ? "  ...> " : "msnb> "
            switch reader.readLine(prompt: prompt) {
            case .eof:
                if let h = held { runEntry(h) }
                out("\n")
                return 0
            case .interrupted:
                assembler.clear()
                held = nil
                out("^C\n")
            case .line(var line):
                if let h = held {
                    held = nil
                    if line.trimmingCharacters(in: .whitespaces).hasPrefix("|") { line = h + "\n" + line } else { runEntry(h) }
                }
                if !assembler.isContinuing && line.trimmingCharacters(in: .whitespaces).hasPrefix(":") {
                    reader.remember(line)
                    if MetaCommands.run(line.trimmingCharacters(in: .whitespaces), loop: self) == .quit { return 0 }
                    continue
                }
                guard let entry = assembler.add(line) else { continue }
                if reader.hasPendingInput { held = entry; continue }
                runEntry(entry)
            }
        }
    }

    private func runEntry(_ entry: String) {
        reader.remember(entry)
        let start = Date()
        show(executeCancellable(entry))
        if timing { out(String(format: "time: %.3f s\n", Date().timeIntervalSince(start))) }
    }

    private func runBatch() -> Int32 {
        var lines: [String] = []
        while case .line(let l) = reader.readLine(prompt: "") { lines.append(l) }
        for entry in InputAssembler.entries(lines) {
            let trimmed = entry.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix(":") {
                if MetaCommands.run(trimmed, loop: self) == .quit { break }
                continue
            }
            let r = session.execute(entry, origin: .repl)
            show(r)
            if !r.succeeded && !keepGoing { return 1 }
        }
        return anyFailed ? 1 : 0
    }

    /// Prints results: values on stdout, diagnostics on stderr.
    func show(_ r: ExecutionResult) {
        if !r.succeeded { anyFailed = true }
        var options = session.options
        if interactive { options.terminalWidth = Terminal.width() }
        for o in r.outputs {
            switch o {
            case .error, .warning: err(Renderer.text([o], options: options))
            default: out(Renderer.text([o], options: options))
            }
        }
    }

    /// Runs on a worker thread while this thread watches for Ctrl-C and cancels the statement.
    private func executeCancellable(_ text: String) -> ExecutionResult {
        let job = Job(session: session, text: text)
        let done = DispatchSemaphore(value: 0)
        Thread { job.run(); done.signal() }.start()
        interruptFlag.store(false, ordering: .relaxed)
        while done.wait(timeout: .now() + .milliseconds(20)) == .timedOut {
            if interruptFlag.exchange(false, ordering: .relaxed) { session.cancellation.cancel() }
        }
        return job.result ?? ExecutionResult(outputs: [], succeeded: true)
    }

    private final class Job: @unchecked Sendable {
        let session: Session
        let text: String
        var result: ExecutionResult?
        init(session: Session, text: String) { self.session = session; self.text = text }
        func run() { result = session.execute(text, origin: .repl) }
    }
}

/// Terminal facts.
enum Terminal {
    /// Columns of the terminal on standard output, if it is one.
    static func width() -> Int? {
        var w = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &w) == 0, w.ws_col > 0 else { return nil }
        return Int(w.ws_col)
    }
}
