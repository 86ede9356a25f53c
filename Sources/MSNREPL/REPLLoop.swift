import Foundation
import MSNKernel

/// The read–eval–print loop over any `LineReader`; the kernel session survives every error.
public final class REPLLoop {
    /// The session statements run in.
    public let session: Session
    /// The kernel's statement runner over `session`.
    let runner: Runner
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
        self.runner = Runner(session: session)
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
        while true {
            let prompt = assembler.isContinuing ? "  ...> " : "msnb> "
            switch reader.readLine(prompt: prompt) {
            case .eof:
                out("\n")
                return 0
            case .interrupted:
                assembler.clear()
                out("^C\n")
            case .line(let line):
                if !assembler.isContinuing && line.trimmingCharacters(in: .whitespaces).hasPrefix(":") {
                    reader.remember(line)
                    if MetaCommands.run(line.trimmingCharacters(in: .whitespaces), loop: self) == .quit { return 0 }
                    continue
                }
                guard let entry = assembler.add(line) else { continue }
                reader.remember(entry)
                let start = Date()
                show(executeCancellable(entry))
                if timing { out(String(format: "time: %.3f s\n", Date().timeIntervalSince(start))) }
            }
        }
    }

    /// Piped input: statement entries run through the runner in order; `:` commands run between them.
    private func runBatch() -> Int32 {
        var lines: [String] = []
        while case .line(let l) = reader.readLine(prompt: "") { lines.append(l) }
        var pending: [RunUnit] = []
        func flush() -> Bool {
            defer { pending = [] }
            let outcome = runner.run(pending, policy: RunPolicy(keepGoing: keepGoing), onResult: { show($0.result) })
            return outcome.succeeded || keepGoing
        }
        for entry in InputAssembler.entries(lines) {
            let trimmed = entry.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix(":") else { pending.append(RunUnit(source: entry)); continue }
            if !flush() { return 1 }
            if MetaCommands.run(trimmed, loop: self) == .quit { return anyFailed ? 1 : 0 }
        }
        if !flush() { return 1 }
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

    /// Runs on the runner's worker thread while this thread watches for Ctrl-C and cancels the statement.
    private func executeCancellable(_ text: String) -> ExecutionResult {
        interruptFlag.store(false, ordering: .relaxed)
        return runner.execute(text, origin: .repl) { [session] in
            if interruptFlag.exchange(false, ordering: .relaxed) { session.cancellation.cancel() }
        }
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
