import Foundation
import MSNIO
import MSNLanguage
import MSNTable

/// What `export` writes, chosen by the file's extension: .csv, .tsv, .xlsx (one sheet per table),
/// .sav and .dta. Any other extension is an error listing these, never a CSV under another name.
enum ExportFormats {
    static let writable = ["csv", "tsv", "xlsx", "sav", "dta"]
    static let options: [String] = []

    /// The sheet name for a single table: the file's base name.
    static func sheetName(_ path: String) -> String {
        String(((path as NSString).lastPathComponent as NSString).deletingPathExtension.prefix(31))
    }

    static func write(_ tables: [(String, Table)], to url: URL, path: String, span: SourceSpan, _ ev: inout Evaluator, _ call: VerbCall) throws {
        let ext = url.pathExtension.lowercased()
        guard writable.contains(ext) else {
            throw Diagnostic(.value, "msnb cannot write .\(ext.isEmpty ? "(no extension)" : ext) files", at: span,
                             hint: "the formats export writes: \(writable.map { "." + $0 }.joined(separator: ", "))")
        }
        if tables.count > 1 && ext != "xlsx" {
            throw Diagnostic(.value, "several tables go into one .xlsx workbook; .\(ext) holds one table", at: span, hint: "export [a, b] \"out.xlsx\"")
        }
        do {
            switch ext {
            case "xlsx": try XLSXWriter.write(tables.map { (name: $0.0, table: $0.1) }, to: url.path)
            case "sav", "dta": try StatFileWriter.write(tables[0].1, to: url.path, format: ext)
            case "tsv": try CSVWriter.write(tables[0].1, to: url.path, delimiter: 0x09)
            default: try CSVWriter.write(tables[0].1, to: url.path)
            }
        } catch let e as IOError {
            throw Diagnostic(.data, e.description, at: span)
        }
    }

    /// `export [a, b] "out.xlsx"` (or `[a, b] | export "out.xlsx"`): each table a sheet named after its
    /// binding. Nil when the call exports one table.
    static func exportSeveral(_ ev: inout Evaluator, _ call: VerbCall, _ input: Value?) throws -> Value? {
        var items: [Value] = [], labels: [String] = []
        var pathArgument: Expr
        if case .list(let values)? = input {
            guard call.arguments.count == 1 else { return nil }
            items = values
            labels = values.indices.map { "Sheet\($0 + 1)" }
            pathArgument = call.arguments[0].value
        } else if input == nil, call.arguments.count == 2, case .list(let exprs, _) = call.arguments[0].value {
            items = try exprs.map { try ev.evaluate($0) }
            labels = exprs.enumerated().map { k, e in if case .name(let n, _) = e { return n } else { return "Sheet\(k + 1)" } }
            pathArgument = call.arguments[1].value
        } else if input == nil, call.arguments.count == 2, case .name(let n, _) = call.arguments[0].value,
                  case .table(let t) = try ev.evaluate(call.arguments[0].value) {
            // `export t "out.xlsx"`: one bound table (a workbook's sheet is named after the binding).
            try ev.checkOptions(call)
            let pathArgument = call.arguments[1].value
            guard case .scalar(.string(let path)) = try ev.evaluate(pathArgument) else {
                throw Diagnostic(.value, "export needs a file name in quotes", at: pathArgument.span, hint: "export \(n) \"out.xlsx\"")
            }
            let url = try ev.resolveExport(path, at: pathArgument.span)
            try write([(n, t)], to: url, path: path, span: pathArgument.span, &ev, call)
            ev.sideOutputs.append(.fileWritten(path: path, rows: t.rowCount, columns: t.columnCount))
            ev.lastVerbWasExport = true
            return .table(t)
        } else {
            return nil
        }
        try ev.checkOptions(call)
        var tables: [(String, Table)] = []
        for (label, v) in zip(labels, items) {
            guard case .table(let t) = v else { throw Diagnostic(.type, "export [ … ] takes tables; '\(label)' is \(v.kindPhrase)", at: call.nameSpan) }
            tables.append((label, t))
        }
        guard case .scalar(.string(let path)) = try ev.evaluate(pathArgument) else {
            throw Diagnostic(.value, "export needs a file name in quotes", at: pathArgument.span, hint: "export [a, b] \"out.xlsx\"")
        }
        let url = try ev.resolveExport(path, at: pathArgument.span)
        try write(tables, to: url, path: path, span: pathArgument.span, &ev, call)
        for (_, t) in tables { ev.sideOutputs.append(.fileWritten(path: path, rows: t.rowCount, columns: t.columnCount)) }
        ev.lastVerbWasExport = true
        return .list(tables.map { .table($0.1) })
    }
}
