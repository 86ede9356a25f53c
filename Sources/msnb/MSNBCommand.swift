import ArgumentParser
import Foundation
import MSNREPL

/// The `msnb` command: the REPL (no arguments), `run`, `check` and `inspect`.
/// Exit status: 0 success, 1 a data or language error, 2 a usage or I/O error.
@main
struct MSNBCommand: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "msnb",
        abstract: "A notebook-style analysis kernel and REPL for MSME internationalisation research.",
        discussion: "With no subcommand, starts the REPL on a terminal, or runs statements piped to standard input.",
        version: version,
        subcommands: [RunCommand.self, CheckCommand.self, InspectCommand.self]
    )

    @Flag(name: .long, help: "With piped input: keep running after a failing statement.")
    var keepGoing = false

    mutating func run() throws {
        let code = REPL.main(version: MSNBCommand.version, keepGoing: keepGoing)
        if code != 0 { throw ExitCode(code) }
    }

    /// Parses arguments and maps usage errors to exit status 2.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            if let e = error as? ExitCode { Foundation.exit(e.rawValue) }
            let message = fullMessage(for: error)
            if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}

/// Writes text to standard error.
func printError(_ s: String) {
    FileHandle.standardError.write(Data((s.hasSuffix("\n") ? s : s + "\n").utf8))
}
