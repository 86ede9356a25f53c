import ArgumentParser
import Foundation
import MSNNotebook

/// `msnb check NB.msnb`: re-runs a notebook and compares it with its committed rendering.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check",
        abstract: "Re-run a notebook and compare with its committed rendering (NB.md beside it, or under --out).")

    @Argument(help: "The notebook, or a folder whose notebooks are all checked.")
    var file: String

    @Option(name: .long, help: "Folder holding the committed rendering (default: beside the notebook).")
    var out: String?

    @OptionGroup var parameters: ParameterOptions

    mutating func run() throws {
        guard let overrides = parameters.overrides() else { throw ExitCode(2) }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: file, isDirectory: &isFolder), isFolder.boolValue {
            throw ExitCode(NotebookCommandSupport.checkFolder(file, overrides: overrides))
        }
        throw ExitCode(NotebookCommandSupport.check(file: file, out: out, overrides: overrides))
    }
}
