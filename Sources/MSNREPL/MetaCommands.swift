import Foundation
import MSNKernel
import MSNLanguage
import MSNNotebook
import MSNTable

/// The REPL's `:` commands.
enum MetaCommands {
    /// What a meta-command asks the loop to do next.
    enum Effect: Equatable { case none, quit }

    /// The commands, for completion and did-you-mean.
    static let metaCommands = [":help", ":tables", ":schema", ":timing", ":rows", ":reset", ":load", ":save", ":quit"]

    static let helpText = """
    msnb REPL — type statements; a line ending in | or an operator, or an open bracket, continues.
      :help [TOPIC]    this help, or one verb or function with a runnable example
      :tables          bindings with kind and shape
      :schema NAME     columns of a table with types and nulls
      :timing on|off   show wall time after each statement
      :rows N          rows shown when a table is displayed
      :reset           forget every binding
      :load FILE       run a script (.msq) or notebook (.msnb) into this session
      :save FILE.msnb  save this session's successful statements as a notebook
      :quit            leave (also Ctrl-D)
    Ctrl-C clears the line, or cancels a running statement. Ctrl-R searches history.
    Topics: \(HelpCatalog.topics().joined(separator: " "))
    """

    static func run(_ line: String, loop: REPLLoop) -> Effect {
        let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
        let command = parts[0]
        let argument = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        let session = loop.session
        switch command {
        case ":quit", ":q", ":exit": return .quit
        case ":help", ":h":
            if argument.isEmpty { loop.out(helpText + "\n") }
            else if let h = HelpCatalog.help(for: argument) { loop.out(h) }
            else { loop.err("no help for '\(argument)'" + (EditDistance.closest(to: argument, in: HelpCatalog.topics()).map { "; did you mean '\($0)'?" } ?? "") + "\n") }
        case ":tables":
            let b = session.bindings()
            if b.isEmpty { loop.out("no bindings yet\n") }
            else if let t = try? Table([
                ("name", .string(StringColumn(b.map(\.name)))), ("kind", .string(StringColumn(b.map(\.kind)))),
                ("shape", .string(StringColumn(b.map(\.shape)))),
            ]) {
                var o = session.options; o.rows = max(o.rows, b.count)
                loop.out(Renderer.textTable(t, options: o))
            }
        case ":schema":
            if let t = session.schema(of: argument) {
                var o = session.options; o.rows = max(o.rows, t.rowCount)
                loop.out(Renderer.textTable(t, options: o))
            } else {
                let tables = session.bindings().filter { $0.kind == "table" }.map(\.name)
                loop.err("'\(argument)' is not a bound table" + (EditDistance.closest(to: argument, in: tables).map { "; did you mean '\($0)'?" } ?? "") + "\n")
            }
        case ":timing":
            guard argument == "on" || argument == "off" else { loop.err("usage: :timing on|off\n"); return .none }
            loop.timing = argument == "on"
        case ":rows":
            guard let n = Int(argument), n > 0 else { loop.err("usage: :rows N (a positive number)\n"); return .none }
            session.options.rows = n
        case ":reset":
            session.reset()
            loop.out("session reset\n")
        case ":load":
            load(argument, loop: loop)
        case ":save":
            save(argument, loop: loop)
        default:
            loop.err("unknown command '\(command)'" + (EditDistance.closest(to: command, in: metaCommands).map { "; did you mean '\($0)'?" } ?? "; :help lists commands") + "\n")
        }
        return .none
    }

    static func load(_ path: String, loop: REPLLoop) {
        guard !path.isEmpty, let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            loop.err("cannot read '\(path)'\n"); return
        }
        let units: [RunUnit]
        if path.hasSuffix(".msnb") {
            do {
                let doc = try NotebookDocument.parse(text, file: (path as NSString).lastPathComponent)
                units = doc.cells.map {
                    RunUnit(source: $0.code, origin: SourceOrigin(file: doc.file, firstLine: $0.firstLine),
                            expectsError: $0.expectsError, evaluate: $0.eval)
                }
            } catch { loop.err("\(error)\n"); return }
        } else {
            units = [RunUnit(source: text, origin: SourceOrigin(file: (path as NSString).lastPathComponent))]
        }
        loop.runner.run(units, onResult: { loop.show($0.result) })
    }

    /// The session's successful statements as a notebook, one cell each.
    static func notebook(from statements: [String]) -> String {
        var s = "---\ntitle: Saved REPL session\n---\n\n# Saved REPL session\n\nThe statements that succeeded, in order.\n"
        for st in statements { s += "\n```msnb\n\(st)\n```\n" }
        return s
    }

    static func save(_ path: String, loop: REPLLoop) {
        guard path.hasSuffix(".msnb") else { loop.err("usage: :save FILE.msnb\n"); return }
        do {
            try AtomicFile.write(notebook(from: loop.session.successfulStatements), to: path)
            loop.out("saved \(loop.session.successfulStatements.count) statements to \(path)\n")
        } catch { loop.err("cannot write \(path): \(error.localizedDescription)\n") }
    }
}

