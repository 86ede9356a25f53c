import Foundation
import MSNIO
import MSNLanguage
import MSNTable

/// `load "file" [with …]`: CSV/TSV (delimiter, na, types, decimal, encoding), Excel .xlsx (sheet, range,
/// header), SPSS/Stata/SAS (labels). The reader follows the extension, or the first bytes when the
/// extension says nothing.
enum LoadVerb {
    static let csvOptions = ["delimiter", "na", "types", "decimal", "encoding"]
    static let xlsxOptions = ["sheet", "range", "header"]
    static let statOptions = ["labels"]

    static let run: VerbImplementation = { ev, call, input in
        try ev.checkOptions(call)
        guard input == nil else { throw Diagnostic(.value, "load starts a pipeline; it cannot take piped input", at: call.nameSpan) }
        let args = try ev.positional(call)
        guard args.count == 1, case .scalar(.string(let path)) = try ev.evaluate(args[0].value) else {
            throw Diagnostic(.value, "load needs one file name in quotes", at: call.nameSpan, hint: "load \"data/firms.csv\"")
        }
        let url = ev.resolveRead(path)
        let span = args[0].value.span
        let sniffed = FileFormat.sniff(FileFormat.head(url.path))
        let format = FileFormat.fromExtension(path) ?? sniffed ?? .csv
        if format == .csv || format == .tsv, let binary = sniffed {
            // A binary file with a text extension: say what it is rather than report invalid UTF-8.
            let how = binary.suggestedExtension.map { "rename it to .\($0) and load that" }
            if case .unsupported(_, let advice) = binary { throw Diagnostic(.data, "\(path) is \(binary.phrase), not a CSV file", at: span, hint: advice) }
            throw Diagnostic(.data, "\(path) is \(binary.phrase), not a CSV file", at: span, hint: how)
        }
        if case .unsupported(let what, let advice) = format {
            throw Diagnostic(.data, "\(path) is \(what), which msnb does not read", at: span, hint: advice)
        }
        let allowed: [String]
        switch format {
        case .xlsx: allowed = xlsxOptions
        case .statistical: allowed = statOptions
        default: allowed = csvOptions
        }
        for o in call.options where !allowed.contains(o.name) {
            throw Diagnostic(.value, "'\(o.name)' is not an option for \(format.phrase)", at: o.span,
                             hint: "options for \(format.phrase): \(allowed.joined(separator: ", "))")
        }
        do {
            switch format {
            case .xlsx:
                let read = try XLSXReader.readNoting(path: url.path, options: try LoadOptions.xlsx(&ev, call), displayName: path)
                if !read.filledMerges.isEmpty {
                    let n = read.filledMerges.count
                    ev.sideOutputs.append(.warning(Diagnostic(.data, "\(n) merged cell range\(n == 1 ? "" : "s") below the header (\(read.filledMerges.prefix(3).joined(separator: ", "))\(n > 3 ? ", …" : "")) filled with \(n == 1 ? "its" : "their") top-left value",
                                                              at: call.nameSpan, severity: .note), source: ev.source))
                }
                return .table(read.table)
            case .statistical(let kind):
                var o = StatFileOptions(format: kind)
                if let (v, vspan) = try ev.option(call, "labels") {
                    guard case .scalar(.bool(let b)) = v else { throw Diagnostic(.type, "labels must be true or false", at: vspan) }
                    o.labels = b
                }
                return .table(try StatFileReader.read(path: url.path, options: o, displayName: path))
            default:
                return .table(try LoadOptions.csv(&ev, call, path: path, url: url, tab: format == .tsv, span: span))
            }
        } catch let e as IOError {
            throw Diagnostic(.data, e.description, at: span, hint: missingFileHint(e, url: url, ev: ev))
        } catch let e as CSVError {
            var hint: String? = nil
            if case .unreadable = e { hint = missingFileHint(nil, url: url, ev: ev) }
            if case .invalidUTF8 = e { hint = "if the file comes from Excel on Windows, add with encoding = \"cp1252\" (or \"latin1\", \"utf16\")" }
            throw Diagnostic(.data, e.description, at: span, hint: hint)
        }
    }

    static func missingFileHint(_ e: IOError?, url: URL, ev: Evaluator) -> String? {
        if let e, case .unreadable(_, let reason) = e, reason != "no such file" { return nil }
        if let e, !(e.description.hasSuffix("no such file")) { return nil }
        let folder = url.deletingLastPathComponent()
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return Diagnostic.didYouMean(url.lastPathComponent, in: files).map { $0 + " (in \(folder.lastPathComponent)/)" }
            ?? "paths are relative to \(ev.configuration.readDirectory.path)"
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
        if let figure = try FigureExport.run(&ev, call, input) { return figure }
        if let several = try ExportFormats.exportSeveral(&ev, call, input) { return several }
        try ev.checkOptions(call)
        let t = try ev.inputTable(call, input)
        let args = try ev.positional(call)
        guard args.count == 1, case .scalar(.string(let path)) = try ev.evaluate(args[0].value) else {
            throw Diagnostic(.value, "export needs one file name in quotes", at: call.nameSpan, hint: "export \"out/result.csv\"")
        }
        let url = try ev.resolveExport(path, at: args[0].value.span)
        do {
            try ExportFormats.write([(ExportFormats.sheetName(path), t)], to: url, path: path, span: args[0].value.span, &ev, call)
        } catch let d as Diagnostic {
            throw d
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
