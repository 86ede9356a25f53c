import Foundation
import MSNIO
import MSNLanguage
import MSNTable

/// The `with …` options of `load`, per format, and the CSV path with encodings and decimal commas.
enum LoadOptions {
    static func xlsx(_ ev: inout Evaluator, _ call: VerbCall) throws -> XLSXOptions {
        var o = XLSXOptions()
        if let (v, span) = try ev.option(call, "sheet") {
            switch v {
            case .scalar(.string(let s)): o.sheet = .name(s)
            case .scalar(.int(let i)): o.sheet = .index(Int(i))
            default: throw Diagnostic(.type, "sheet is a name in quotes or a number from 1", at: span, hint: "with sheet = \"Sheet2\" or with sheet = 2")
            }
        }
        if let (v, span) = try ev.option(call, "range") {
            guard case .scalar(.string(let r)) = v else { throw Diagnostic(.type, "range is a cell range in quotes", at: span, hint: "with range = \"A1:F200\"") }
            o.range = r
        }
        if let (v, span) = try ev.option(call, "header") {
            guard case .scalar(.bool(let b)) = v else { throw Diagnostic(.type, "header must be true or false", at: span) }
            o.header = b
        }
        return o
    }

    static func csv(_ ev: inout Evaluator, _ call: VerbCall, path: String, url: URL, tab: Bool, span: SourceSpan) throws -> Table {
        var options = CSVOptions()
        if tab { options.delimiter = 0x09 }
        if let (v, span) = try ev.option(call, "delimiter") {
            guard case .scalar(.string(let d)) = v, let byte = LoadVerb.delimiterByte(d) else {
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
        var decimalComma: Bool? = nil
        if let (v, span) = try ev.option(call, "decimal") {
            guard case .scalar(.string(let d)) = v, d == "," || d == "." else {
                throw Diagnostic(.value, "decimal must be \".\" or \",\"", at: span, hint: "with decimal = \",\" for 12,5")
            }
            decimalComma = d == ","
        }
        var encoding: String.Encoding? = TextConversion.bomEncoding(FileFormat.head(url.path, 4))
        if let (v, span) = try ev.option(call, "encoding") {
            guard case .scalar(.string(let e)) = v, let enc = TextConversion.encodings[e.lowercased()] else {
                throw Diagnostic(.value, "unknown encoding", at: span, hint: "encodings: utf8, latin1, cp1252, utf16")
            }
            encoding = enc
        }
        var readPath = url.path
        if let encoding, encoding != .utf8 { readPath = try TextConversion.utf8Copy(of: url.path, from: encoding, displayName: path) }
        defer { if readPath != url.path { try? FileManager.default.removeItem(atPath: readPath) } }
        // The Indonesian/European convention: `;` between fields and a comma before the decimals.
        let semicolons = firstLine(readPath).filter { $0 == ";" }.count
        let detected = decimalComma == nil && options.delimiter == nil && semicolons > 0 && !firstLine(readPath).contains(",")
        if decimalComma == true || detected, options.delimiter == nil, semicolons > 0 { options.delimiter = 0x3B }
        let token = ev.cancellation
        options.shouldStop = { token.isCancelled }
        let t = try CSVReader.read(path: readPath, options: options, displayName: path)
        guard decimalComma == true || detected else { return t }
        let (converted, names) = try TextConversion.decimalComma(t, skip: Set(options.types.keys))
        if detected, !names.isEmpty {
            ev.sideOutputs.append(.warning(Diagnostic(.data, "read \(path) as ';'-separated with decimal commas (\(names.prefix(4).joined(separator: ", "))\(names.count > 4 ? ", …" : "") became numbers)",
                                                      at: span, hint: "say it explicitly with decimal = \",\" (or decimal = \".\" to keep the text)", severity: .note), source: ev.source))
        }
        return converted
    }

    /// The file's first line (up to 64 KiB), for the separator guess.
    static func firstLine(_ path: String) -> String {
        let bytes = FileFormat.head(path, 65_536)
        let line = bytes.prefix { $0 != 0x0A && $0 != 0x0D }
        return String(decoding: line, as: UTF8.self)
    }
}
