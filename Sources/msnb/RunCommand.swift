import ArgumentParser
import Foundation
import MSNKernel
import MSNLanguage
import MSNNotebook

/// `msnb run FILE|FOLDER`: runs a script (.msq), a notebook (.msnb), or every notebook in a folder.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run",
        abstract: "Run a script (.msq), a notebook (.msnb), or every notebook in a folder.")

    @Argument(help: "The script, notebook or folder of notebooks.")
    var file: String

    @Option(name: .long, help: "Folder for the rendering and exports (default: out/ under the current folder for notebooks, the current folder for scripts).")
    var out: String?

    @OptionGroup var parameters: ParameterOptions

    @Option(name: .long, parsing: .singleValue, help: "Rendering format for notebooks: md, txt, html or all (repeatable; default md).")
    var format: [String] = []

    @OptionGroup var keepGoingOption: KeepGoingOption
    var keepGoing: Bool { keepGoingOption.keepGoing }

    @Option(name: .long, help: "Stop after this many seconds.")
    var timeout: Double?

    @Flag(name: .long, help: "Include per-cell wall times in the rendering.")
    var timings = false

    @Flag(name: .long, help: "Let a notebook's export write outside the --out folder.")
    var allowOutside = false

    mutating func run() throws {
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: file, isDirectory: &isFolder)
        if file.hasSuffix(".msnb") || (exists && isFolder.boolValue) {
            guard let formats = NotebookCommandSupport.formats(format) else { throw ExitCode(2) }
            guard let overrides = parameters.overrides() else { throw ExitCode(2) }
            let request = NotebookCommandSupport.RunRequest(out: out, overrides: overrides, formats: formats,
                                                            keepGoing: keepGoing, timeout: timeout, timings: timings,
                                                            allowOutside: allowOutside)
            if isFolder.boolValue { throw ExitCode(NotebookCommandSupport.runFolder(file, request)) }
            throw ExitCode(NotebookCommandSupport.runNotebook(file: file, request))
        }
        guard parameters.isEmpty else { printError("error: parameters apply to notebooks (.msnb)"); throw ExitCode(2) }
        guard !allowOutside else { printError("error: --allow-outside applies to notebooks (.msnb); scripts write where their paths say"); throw ExitCode(2) }
        throw ExitCode(ScriptRunner.run(file: file, out: out, keepGoing: keepGoing))
    }
}

/// Notebook parameters on the command line: `--param name=value`, papermill's `-p name value`, and
/// `--param-file params.yaml`.
struct ParameterOptions: ParsableArguments {
    @Option(name: .long, parsing: .singleValue, help: "Override a notebook parameter: --param name=value (repeatable).")
    var param: [String] = []

    @Option(name: .customShort("p"), parsing: .upToNextOption, help: ArgumentHelp("Override a parameter, papermill style: -p name value (repeatable).", valueName: "name value"))
    var papermill: [String] = []

    @Option(name: .long, help: "A YAML file of parameter values (name: value per line, or a flow mapping).")
    var paramFile: String?

    var isEmpty: Bool { param.isEmpty && papermill.isEmpty && paramFile == nil }

    /// All overrides in the order file, --param, -p (later ones win); nil after printing an error.
    func overrides() -> [(String, String)]? {
        var out: [(String, String)] = []
        if let paramFile {
            do { out += try ParameterFile.read(paramFile) } catch {
                printError("error: \(error)")
                return nil
            }
        }
        guard let named = NotebookCommandSupport.parseParams(param) else { return nil }
        out += named
        guard papermill.count % 2 == 0 else {
            printError("error: -p takes a name and a value: -p seed 7")
            return nil
        }
        for k in stride(from: 0, to: papermill.count, by: 2) { out.append((papermill[k], papermill[k + 1])) }
        return out
    }
}

/// Runs `.msq` scripts statement by statement: outputs on stdout, diagnostics on stderr.
enum ScriptRunner {
    static func run(file: String, out: String?, keepGoing: Bool) -> Int32 {
        let url = URL(fileURLWithPath: file)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            printError("error: cannot read \(file)")
            return 2
        }
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let session = Session(configuration: SessionConfiguration(
            directory: url.deletingLastPathComponent(), writeDirectory: out.map { URL(fileURLWithPath: $0) } ?? cwd))
        session.startupWarnings.forEach(printError)
        let (units, diagnostics) = Runner.units(ofScript: text, file: file)
        if !diagnostics.isEmpty {
            for d in diagnostics { printError(d.render(source: text)) }
            return 1
        }
        let outcome = Runner(session: session).run(units, policy: RunPolicy(keepGoing: keepGoing), onResult: { r in
            for o in r.result.outputs {
                switch o {
                case .error, .warning: printError(Renderer.text([o], options: session.options))
                default: print(Renderer.text([o], options: session.options), terminator: "")
                }
            }
        })
        return outcome.succeeded ? 0 : 1
    }
}
