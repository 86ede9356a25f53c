import ArgumentParser

/// The `msnb` command: REPL, script and notebook runner, CSV inspector.
@main
struct MSNBCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "msnb",
        abstract: "A notebook-style analysis kernel and REPL for MSME internationalisation research.",
        version: "0.1.0",
        subcommands: []
    )

    mutating func run() throws {
        print("msnb 0.1.0")
    }
}
