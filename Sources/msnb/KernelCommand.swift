import ArgumentParser
import Foundation
import MSNJupyter

/// `msnb kernel -f FILE`: runs a Jupyter kernel on a connection file; `msnb kernel install` writes the kernelspec.
struct KernelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "kernel",
        abstract: "Run msnb as a Jupyter kernel (started by Jupyter with -f CONNECTION_FILE).",
        subcommands: [KernelInstallCommand.self])

    @Option(name: .customShort("f"), help: "The connection file Jupyter wrote.")
    var connectionFile: String?

    mutating func run() throws {
        guard let connectionFile else {
            throw ValidationError("give the connection file with -f (Jupyter does this); to install the kernel use `msnb kernel install`")
        }
        do {
            let server = try KernelServer(connection: try ConnectionInfo.read(connectionFile))
            throw ExitCode(server.run())
        } catch let e as ExitCode { throw e } catch {
            printError("msnb kernel: \(error)")
            throw ExitCode(2)
        }
    }
}

/// `msnb kernel install [--user | --prefix DIR | --sys-prefix]`.
struct KernelInstallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "install",
        abstract: "Install the msnb kernelspec for Jupyter, JupyterLab, VS Code and nbclient.",
        discussion: "Without an option, installs for the current user (~/.local/share/jupyter/kernels/msnb).")

    @Flag(name: .long, help: "Install for the current user (the default).")
    var user = false

    @Option(name: .long, help: "Install under DIR/share/jupyter/kernels.")
    var prefix: String?

    @Flag(name: .long, help: "Install into the active Python environment's prefix (virtualenv, conda, or python3's sys.prefix).")
    var sysPrefix = false

    func validate() throws {
        if [user, prefix != nil, sysPrefix].filter({ $0 }).count > 1 {
            throw ValidationError("choose one of --user, --prefix DIR and --sys-prefix")
        }
    }

    mutating func run() throws {
        let location: KernelSpec.Location = prefix.map { .prefix($0) } ?? (sysPrefix ? .sysPrefix : .user)
        let executable = Bundle.main.executableURL?.resolvingSymlinksInPath().path ?? CommandLine.arguments[0]
        do {
            let dir = try KernelSpec.install(location, executable: executable)
            print("installed the msnb kernelspec in \(dir.path)")
        } catch {
            printError("msnb kernel install: \(error)")
            throw ExitCode(2)
        }
    }
}
