import ArgumentParser
import Foundation
import MSNNotebook

/// `msnb check NB.msnb`: re-runs a notebook and compares it with its committed rendering.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check",
        abstract: "Re-run a notebook and compare with its committed rendering (NB.md beside it, or under --out).")

    @Argument(help: "The notebook.")
    var file: String

    @Option(name: .long, help: "Folder holding the committed rendering (default: beside the notebook).")
    var out: String?

    @Option(name: .long, parsing: .singleValue, help: "Override a parameter: --param name=value.")
    var param: [String] = []

    mutating func run() throws {
        throw ExitCode(NotebookCommandSupport.check(file: file, out: out, params: param))
    }
}
