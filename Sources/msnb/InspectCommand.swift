import ArgumentParser
import Foundation
import MSNKernel
import MSNTable

/// `msnb inspect FILE.csv`: the inferred schema and a description of every column.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "inspect", abstract: "Show a CSV file's schema and describe its columns.")

    @Argument(help: "The CSV file.")
    var file: String

    @Option(name: .long, help: "Significant digits for numbers.")
    var digits = 4

    mutating func run() throws {
        do {
            let t = try CSVReader.read(path: file)
            var options = SessionOptions()
            options.rows = max(1, t.columnCount)
            options.digits = digits
            let schema = try Table([
                ("column", .string(StringColumn(t.columnNames))),
                ("type", .string(StringColumn(t.columns.map { $0.type.description }))),
                ("nulls", .int(TypedColumn(t.columns.map { Int64($0.nullCount) }))),
            ])
            print("\(file): \(t.rowCount) rows × \(t.columnCount) columns\n")
            print(Renderer.textTable(schema, options: options))
            print(Renderer.textTable(try t.describe(), options: options), terminator: "")
        } catch let e as CSVError {
            printError("error: \(e)")
            // A file that cannot be read is an I/O error (2), as for `run` and `check`; a malformed one is data (1).
            if case .unreadable = e { throw ExitCode(2) }
            throw ExitCode(1)
        }
    }
}
