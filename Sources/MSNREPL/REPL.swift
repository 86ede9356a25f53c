import Foundation
import MSNKernel

/// Starts the REPL: line editing on a terminal, plain statement-by-statement execution otherwise.
public enum REPL {
    /// Runs the REPL on standard input and output; returns the exit status.
    public static func main(version: String, keepGoing: Bool) -> Int32 {
        let interactive = isatty(STDIN_FILENO) != 0 && isatty(STDOUT_FILENO) != 0
        let session = Session()
        session.startupWarnings.forEach { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
        let out: (String) -> Void = { s in FileHandle.standardOutput.write(Data(s.utf8)) }
        let err: (String) -> Void = { s in FileHandle.standardError.write(Data(s.utf8)) }
        let reader: LineReader
        if interactive {
            out("msnb \(version) — :help for help, Ctrl-D to quit\n")
            let directory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            let completer = Completer(session: session, directory: directory, metaCommands: MetaCommands.metaCommands)
            reader = EditLineReader(historyPath: historyPath(), complete: { completer.candidates(before: $0, word: $1) })
        } else {
            reader = PlainLineReader()
        }
        let code = REPLLoop(session: session, reader: reader, interactive: interactive, keepGoing: keepGoing, out: out, err: err).run()
        session.close()
        return code
    }

    /// `$MSNB_HISTORY`, else `~/.msnb_history`.
    static func historyPath() -> String? {
        if let p = ProcessInfo.processInfo.environment["MSNB_HISTORY"], !p.isEmpty { return p }
        return ProcessInfo.processInfo.environment["HOME"].map { $0 + "/.msnb_history" }
    }
}
