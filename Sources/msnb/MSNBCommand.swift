import ArgumentParser
import Foundation
import MSNKernel
import MSNREPL
import MSNTable

/// The `msnb` command: the REPL (no arguments), `run`, `check` and `inspect`.
/// Exit status: 0 success, 1 a data or language error, 2 a usage or I/O error.
@main
struct MSNBCommand: ParsableCommand {
    static let version = "0.2.0"
    /// The version with the commit it was built from ("0.2.0 (abc1234)").
    static var versionLine: String { BuildInfo.commit.isEmpty ? version : "\(version) (\(BuildInfo.commit))" }

    static let configuration = CommandConfiguration(
        commandName: "msnb",
        abstract: "A notebook-style analysis kernel and REPL for MSME internationalisation research.",
        discussion: "With no subcommand, starts the REPL on a terminal, or runs statements piped to standard input.",
        version: versionLine,
        subcommands: [RunCommand.self, CheckCommand.self, InspectCommand.self, KernelCommand.self, ConvertCommand.self, GradeCommand.self]
    )

    @OptionGroup var keepGoingOption: KeepGoingOption

    mutating func run() throws {
        let code = REPL.main(version: MSNBCommand.version, keepGoing: keepGoingOption.keepGoing)
        if code != 0 { throw ExitCode(code) }
    }

    /// Runs a batch command on a kernel thread (nonisolated, so the closure does not claim the main actor).
    nonisolated static func runOnKernelThread(_ command: inout ParsableCommand) throws {
        var moved = command
        try KernelThread.run { Result { try moved.run() } }.get()
        command = moved
    }

    /// Parses arguments and maps usage errors to exit status 2.
    static func main() {
        AllocatorPolicy.apply()   // keep freed column buffers for the next verb (see AllocatorPolicy)
        do {
            var command = try parseAsRoot()
            if command is MSNBCommand || command is KernelCommand {
                try command.run()   // the REPL and the Jupyter kernel manage their own kernel threads
            } else {
                // Batch commands run whole on a kernel thread, so that what they hold is also released there:
                // dropping a 100,000-deep syntax tree (a long `def`) recurses deeper than the main thread's stack.
                try runOnKernelThread(&command)
            }
        } catch let e as ExitCode {
            Foundation.exit(e.rawValue)   // a status chosen by a command, which has printed its own messages
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            let message = fullMessage(for: error)
            if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}

/// `--keep-going`, shared by the root command (piped input) and `run`: argument-parser lets a parent
/// command's flag be written after a subcommand and gives it to the parent, so a separate flag of the
/// same name on `run` would never be set. Declaring one group in both makes `msnb run F --keep-going` work.
struct KeepGoingOption: ParsableArguments {
    @Flag(name: .long, help: "Keep running after a failing statement (piped input, scripts) or cell (notebooks).")
    var keepGoing = false
}

/// Writes text to standard error.
func printError(_ s: String) {
    FileHandle.standardError.write(Data((s.hasSuffix("\n") ? s : s + "\n").utf8))
}
