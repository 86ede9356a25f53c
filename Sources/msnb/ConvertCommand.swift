import ArgumentParser
import Foundation
import MSNJupyter
import MSNNotebook

/// `msnb convert NB.msnb --to ipynb` and `msnb convert NB.ipynb --to msnb`.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "convert",
        abstract: "Convert a notebook between .msnb and Jupyter .ipynb (nbformat 4.5).")

    @Argument(help: "The notebook to convert.")
    var file: String

    @Option(name: .long, help: "The format to write: ipynb or msnb.")
    var to: String

    @Option(name: [.short, .long], help: "Output file (default: beside the input, with the new extension).")
    var output: String?

    mutating func run() throws {
        guard ["ipynb", "msnb"].contains(to) else { throw ValidationError("--to takes ipynb or msnb") }
        let input = URL(fileURLWithPath: file)
        let out = output.map { URL(fileURLWithPath: $0) } ?? input.deletingPathExtension().appendingPathExtension(to)
        do {
            let data: Data
            if to == "ipynb" {
                let text = try String(contentsOf: input, encoding: .utf8)
                data = try NotebookConversion.ipynbData(from: try NotebookDocument.parse(text, file: input.lastPathComponent))
            } else {
                guard let nb = try JSONSerialization.jsonObject(with: try Data(contentsOf: input)) as? [String: Any] else {
                    throw JupyterError.convert("\(file) is not a JSON notebook")
                }
                data = Data(try NotebookConversion.msnb(from: nb).utf8)
            }
            try data.write(to: out)
            print("wrote \(out.path)")
        } catch {
            printError("msnb convert: \(error)")
            throw ExitCode(2)
        }
    }
}
