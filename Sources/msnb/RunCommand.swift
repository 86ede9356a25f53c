import ArgumentParser
import Foundation
import MSNKernel
import MSNLanguage
import MSNNotebook

/// `msnb run FILE`: runs a script (.msq) or a notebook (.msnb).
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Run a script (.msq) or a notebook (.msnb).")

    @Argument(help: "The script or notebook.")
    var file: String

    @Option(name: .long, help: "Folder for the rendering and exports (default: out/ under the current folder for notebooks, the current folder for scripts).")
    var out: String?

    @Option(name: .long, parsing: .singleValue, help: "Override a notebook parameter: --param name=value (repeatable).")
    var param: [String] = []

    @Option(name: .long, help: "Rendering format for notebooks: md or txt.")
    var format: String = "md"

    @OptionGroup var keepGoingOption: KeepGoingOption
    var keepGoing: Bool { keepGoingOption.keepGoing }

    @Option(name: .long, help: "Stop after this many seconds.")
    var timeout: Double?

    @Flag(name: .long, help: "Include per-cell wall times in the rendering.")
    var timings = false

    mutating func run() throws {
        if file.hasSuffix(".msnb") {
            throw ExitCode(NotebookCommandSupport.runNotebook(file: file, out: out, params: param, format: format,
                                                              keepGoing: keepGoing, timeout: timeout, timings: timings))
        }
        guard param.isEmpty else { printError("error: --param applies to notebooks (.msnb)"); throw ExitCode(2) }
        throw ExitCode(ScriptRunner.run(file: file, out: out, keepGoing: keepGoing))
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
