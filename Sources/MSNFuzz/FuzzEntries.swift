import Foundation
import MSNKernel
import MSNLanguage
import MSNNotebook
import MSNTable

/// The code under fuzzing, one entry point per target: each takes arbitrary bytes and must return
/// (a value or a clear error) without crashing or hanging. The libFuzzer mains in Fuzz/ call these,
/// and `FuzzRegressionTests` replays every file of Fuzz/Corpus and Fuzz/Regressions through them.
public enum FuzzEntries {
    /// The targets by name (the folder names under Fuzz/Corpus).
    public static let targets: [String: @Sendable ([UInt8]) -> Void] = [
        "csv": csv, "parser": parser, "notebook": notebook, "evaluator": evaluator, "jupyter": jupyter,
    ]

    /// CSV bytes → a table or a `CSVError`; a table read back from its own CSV must be equal.
    public static func csv(_ bytes: [UInt8]) {
        guard let t = try? CSVReader.parse(bytes, name: "fuzz.csv") else { return }
        let again = try? CSVReader.parse(CSVWriter.render(t), name: "again.csv")
        precondition(again?.columnNames == t.columnNames && again?.rowCount == t.rowCount, "CSV round trip changed the table's shape")
    }

    /// Text → statements or diagnostics; every statement also goes through the AST printer.
    public static func parser(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        KernelWorker.shared.run {
            let (statements, diagnostics) = Parser.parse(text, file: "fuzz.msq", verbs: Set(VerbOptions.verbs))
            for s in statements { _ = ASTDump.statement(s.statement) }
            // The first few and the last: every diagnostic renders by the same code, and a long random
            // input can have hundreds (rendering each scans the source to its line).
            for d in diagnostics.prefix(8) + diagnostics.suffix(diagnostics.count > 8 ? 1 : 0) { _ = d.render(source: text) }
            _ = Parser.isComplete(text)
        }
    }

    /// Text → a notebook (front matter and cells) or an error.
    public static func notebook(_ bytes: [UInt8]) {
        _ = try? NotebookDocument.parse(String(decoding: bytes, as: UTF8.self), file: "fuzz.msnb")
    }

    /// Bytes → a small program (see `ProgramGenerator`) run over a tiny table `t` in a fresh session
    /// whose exports are confined to a scratch folder. The table is read from memory (as `load`
    /// reads tiny.csv, with the default CSV options), so an input reads no file; only a generated
    /// `export` writes one. The table is read for every input, not once: its columns are built on
    /// the CSV reader's worker threads and held in enum payloads, which LeakSanitizer would report
    /// as leaked if they outlived an input.
    public static func evaluator(_ bytes: [UInt8]) {
        let program = ProgramGenerator.program(from: bytes)
        KernelWorker.shared.run {
            let session = Session(configuration: scratchConfiguration)
            if let t = try? CSVReader.parse(Array(ProgramGenerator.tinyCSV.utf8), name: "tiny.csv") {
                session.bind("t", value: .table(t))
            }
            let r = session.execute(program, origin: SourceOrigin(file: "fuzz.msq"))
            _ = Renderer.text(r.outputs, options: session.options)
        }
    }

    /// Makes the state every input of `target` shares (the Jupyter target's interpreter, the
    /// kernel worker) before fuzzing starts, so that no input pays for it.
    public static func prepare(_ target: String) {
        if target == "jupyter" { _ = jupyterRequests }
        if target == "evaluator" || target == "parser" { _ = KernelWorker.shared }
    }

    /// Runs `body` on the kernel worker the parser and evaluator targets use (the smoke fuzzer gives
    /// that thread an alternate signal stack, so that a stack overflow there is reported with its input).
    public static func onKernelWorker(_ body: @escaping () -> Void) { KernelWorker.shared.run(body) }

    static let scratchConfiguration: SessionConfiguration = {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("msnb-fuzz-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try? ProgramGenerator.tinyCSV.write(to: dir.appendingPathComponent("tiny.csv"), atomically: true, encoding: .utf8)
        var c = SessionConfiguration(directory: dir, writeDirectory: dir.appendingPathComponent("out"), loadPrelude: false)
        c.confineWrites = true
        return c
    }()
}

/// One long-lived kernel thread that runs the fuzz inputs one after another: starting a thread with a
/// 256 MiB stack per input would cost more than most inputs (and, under AddressSanitizer, far more).
final class KernelWorker: @unchecked Sendable {
    static let shared = KernelWorker()
    private let request = DispatchSemaphore(value: 0)
    private let done = DispatchSemaphore(value: 0)
    private var job: (() -> Void)?

    private init() {
        KernelThread.start { [self] in
            while true {
                request.wait()
                job?()
                job = nil
                done.signal()
            }
        }
    }

    /// Runs `body` on the worker and waits for it.
    func run(_ body: @escaping () -> Void) {
        job = body
        request.signal()
        done.wait()
    }
}
