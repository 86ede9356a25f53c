import Foundation
import MSNLanguage
import MSNTable

/// `load "file.csv" [with delimiter = ";", na = ["", "-"], types = {id: "string"}]`.
enum LoadVerb {
    static let run: VerbImplementation = { ev, call, input in
        try ev.checkOptions(call)
        guard input == nil else { throw Diagnostic(.value, "load starts a pipeline; it cannot take piped input", at: call.nameSpan) }
        let args = try ev.positional(call)
        guard args.count == 1, case .scalar(.string(let path)) = try ev.evaluate(args[0].value) else {
            throw Diagnostic(.value, "load needs one file name in quotes", at: call.nameSpan, hint: "load \"data/firms.csv\"")
        }
        var options = CSVOptions()
        if let (v, span) = try ev.option(call, "delimiter") {
            guard case .scalar(.string(let d)) = v, let byte = delimiterByte(d) else {
                throw Diagnostic(.value, "delimiter must be one character such as \",\", \";\" or \"\\t\"", at: span)
            }
            options.delimiter = byte
        }
        if let (v, span) = try ev.option(call, "na") {
            guard case .list(let items) = v else { throw Diagnostic(.type, "na must be a list of strings, e.g. [\"\", \"-\"]", at: span) }
            options.nullTokens = try items.map {
                guard case .scalar(.string(let s)) = $0 else { throw Diagnostic(.type, "na must be a list of strings", at: span) }
                return s
            }
        }
        if let (v, span) = try ev.option(call, "types") {
            guard case .record(let pairs) = v else { throw Diagnostic(.type, "types must be a record such as {id: \"string\"}", at: span) }
            for (column, value) in pairs {
                guard case .scalar(.string(let name)) = value, let t = DataType(name: name) else {
                    throw Diagnostic(.value, "unknown type for column '\(column)'", at: span, hint: "types are int, float, string and bool")
                }
                options.types[column] = t
            }
        }
        let url = ev.resolveRead(path)
        let token = ev.cancellation
        options.shouldStop = { token.isCancelled }
        do {
            return .table(try CSVReader.read(path: url.path, options: options, displayName: path))
        } catch let e as CSVError {
            var hint: String? = nil
            if case .unreadable = e {
                let folder = url.deletingLastPathComponent()
                let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
                hint = Diagnostic.didYouMean(url.lastPathComponent, in: files).map { $0 + " (in \(folder.lastPathComponent)/)" }
                    ?? "paths are relative to \(ev.configuration.readDirectory.path)"
            }
            throw Diagnostic(.data, e.description, at: args[0].value.span, hint: hint)
        }
    }

    static func delimiterByte(_ d: String) -> UInt8? {
        switch d {
        case "\\t", "\t", "tab": return 0x09
        default:
            let bytes = Array(d.utf8)
            return bytes.count == 1 ? bytes[0] : nil
        }
    }
}

/// `export "path.csv"`: writes the table atomically and passes it on.
enum ExportVerb {
    static let run: VerbImplementation = { ev, call, input in
        try ev.checkOptions(call)
        let t = try ev.inputTable(call, input)
        let args = try ev.positional(call)
        guard args.count == 1, case .scalar(.string(let path)) = try ev.evaluate(args[0].value) else {
            throw Diagnostic(.value, "export needs one file name in quotes", at: call.nameSpan, hint: "export \"out/result.csv\"")
        }
        let url = try ev.resolveExport(path, at: args[0].value.span)
        do {
            try CSVWriter.write(t, to: url.path)
        } catch let refusal as AtomicFile.Refusal {
            throw Diagnostic(.data, "cannot write \(path): \(refusal.description)", at: args[0].value.span)
        } catch {
            throw Diagnostic(.data, "cannot write \(path): \(error.localizedDescription)", at: args[0].value.span)
        }
        ev.sideOutputs.append(.fileWritten(path: path, rows: t.rowCount, columns: t.columnCount))
        ev.lastVerbWasExport = true
        return .table(t)
    }
}
