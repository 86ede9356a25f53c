import CReadStat
import Foundation
import MSNTable

/// How to read an SPSS, Stata or SAS file.
public struct StatFileOptions: Sendable {
    /// true: value labels replace codes (dictionary-encoded text); false: keep the codes.
    public var labels = true
    /// The file's kind ("sav", "por", "dta", "sas7bdat", "xpt") when its extension does not say it
    /// (found from its first bytes); nil: from the extension.
    public var format: String?
    public init(labels: Bool = true, format: String? = nil) {
        self.labels = labels
        self.format = format
    }
}

/// Reads SPSS (.sav, .zsav, .por), Stata (.dta) and SAS (.sas7bdat, .xpt) files through ReadStat.
/// Value labels become text columns (a code without a label keeps its number as text); system and
/// user-defined missing values become nulls; dates and date-times become ISO 8601 text; variable
/// labels are kept as the table's column labels.
public enum StatFileReader {
    /// The extensions this reader handles.
    public static let extensions = ["sav", "zsav", "por", "dta", "sas7bdat", "xpt"]

    public static func read(path: String, options: StatFileOptions = StatFileOptions(), displayName: String? = nil) throws -> Table {
        let file = displayName ?? path
        guard FileManager.default.isReadableFile(atPath: path) else { throw IOError.unreadable(file: file, reason: "no such file") }
        let ext = options.format ?? (path as NSString).pathExtension.lowercased()
        let sink = StatSink(family: ["sav", "zsav", "por"].contains(ext) ? "sav" : (ext == "dta" ? "dta" : "sas"))
        guard let parser = readstat_parser_init() else { throw IOError.unreadable(file: file, reason: "ReadStat could not start") }
        defer { readstat_parser_free(parser) }
        readstat_set_metadata_handler(parser) { meta, ctx in
            guard let sink = StatSink.from(ctx) else { return 1 }
            sink.expectRows(Int(readstat_get_row_count(meta)))
            return 0
        }
        readstat_set_variable_handler(parser) { index, variable, labelSet, ctx in
            guard let sink = StatSink.from(ctx) else { return 1 }
            sink.addVariable(Int(index), variable, labelSet.map { String(cString: $0) })
            return 0
        }
        readstat_set_value_handler(parser) { row, variable, value, ctx in
            guard let sink = StatSink.from(ctx) else { return 1 }
            sink.setValue(Int(row), variable, value)
            return 0
        }
        readstat_set_value_label_handler(parser) { set, value, label, ctx in
            if let set, let label, let sink = StatSink.from(ctx) { sink.addLabel(String(cString: set), value, String(cString: label)) }
            return 0
        }
        let ctx = Unmanaged.passUnretained(sink).toOpaque()
        let status: readstat_error_t
        switch ext {
        case "sav", "zsav": status = readstat_parse_sav(parser, path, ctx)
        case "por": status = readstat_parse_por(parser, path, ctx)
        case "dta": status = readstat_parse_dta(parser, path, ctx)
        case "sas7bdat": status = readstat_parse_sas7bdat(parser, path, ctx)
        case "xpt": status = readstat_parse_xport(parser, path, ctx)
        default: throw IOError.unreadable(file: file, reason: "not a statistical file msnb knows (.\(ext))")
        }
        guard status == READSTAT_OK else {
            let reason = String(cString: readstat_error_message(status))
            throw IOError.unreadable(file: file, reason: "cannot read it as a .\(ext) file: \(reason)")
        }
        return try sink.table(labels: options.labels)
    }
}

/// Collects what ReadStat reports, one variable at a time, into typed buffers.
final class StatSink {
    struct Variable {
        var name: String, label: String, format: String, labelSet: String?, isText: Bool
    }
    /// One variable's values: numbers with their validity, or texts. A class, so the value callback
    /// writes into it in place.
    final class Buffer {
        var numbers: [Double] = [], valid: [Bool] = [], texts: [String?] = []
        init(rows: Int, isText: Bool) {
            if isText { texts = [String?](repeating: nil, count: rows) } else {
                numbers = [Double](repeating: 0, count: rows)
                valid = [Bool](repeating: false, count: rows)
            }
        }
    }
    private var variables: [Variable] = []
    private var buffers: [Buffer] = []
    private var isText: [Bool] = []
    private var labelSets: [String: [StatKey: String]] = [:]
    private var rows = 0
    private let family: String

    init(family: String) { self.family = family }

    /// The sink passed to the parse call as the callbacks' context.
    static func from(_ ctx: UnsafeMutableRawPointer?) -> StatSink? {
        ctx.map { Unmanaged<StatSink>.fromOpaque($0).takeUnretainedValue() }
    }

    func expectRows(_ n: Int) { if n > 0 { rows = n } }

    func addVariable(_ index: Int, _ v: UnsafeMutablePointer<readstat_variable_t>?, _ labelSet: String?) {
        let name = String(cString: readstat_variable_get_name(v))
        let label = readstat_variable_get_label(v).map { String(cString: $0) } ?? ""
        let format = readstat_variable_get_format(v).map { String(cString: $0) } ?? ""
        let isText = readstat_variable_get_type_class(v) == READSTAT_TYPE_CLASS_STRING
        while variables.count <= index {
            variables.append(Variable(name: "", label: "", format: "", labelSet: nil, isText: false))
            buffers.append(Buffer(rows: 0, isText: false))
            self.isText.append(false)
        }
        self.isText[index] = isText
        variables[index] = Variable(name: name, label: label, format: format, labelSet: labelSet, isText: isText)
        buffers[index] = Buffer(rows: rows, isText: isText)
    }

    func setValue(_ row: Int, _ v: UnsafeMutablePointer<readstat_variable_t>?, _ value: readstat_value_t) {
        let j = Int(readstat_variable_get_index(v))
        guard j < buffers.count else { return }
        let b = buffers[j]
        if isText[j] {
            while b.texts.count <= row { b.texts.append(nil) }
            if readstat_value_is_missing(value, v) == 0, let s = readstat_string_value(value) { b.texts[row] = String(cString: s) }
            return
        }
        if b.numbers.count <= row {
            let grow = max(row + 1, b.numbers.count * 2)
            b.numbers += [Double](repeating: 0, count: grow - b.numbers.count)
            b.valid += [Bool](repeating: false, count: grow - b.valid.count)
        }
        guard value.is_system_missing == 0, readstat_value_is_missing(value, v) == 0, let d = StatSink.number(value) else { return }
        b.numbers[row] = d
        b.valid[row] = true
        if row >= filled { filled = row + 1 }
    }
    /// Rows seen so far (buffers may be longer when they grew ahead).
    private var filled = 0

    static func number(_ value: readstat_value_t) -> Double? {
        switch readstat_value_type(value) {
        case READSTAT_TYPE_INT8: return Double(readstat_int8_value(value))
        case READSTAT_TYPE_INT16: return Double(readstat_int16_value(value))
        case READSTAT_TYPE_INT32: return Double(readstat_int32_value(value))
        case READSTAT_TYPE_FLOAT: return Double(readstat_float_value(value))
        case READSTAT_TYPE_DOUBLE: return readstat_double_value(value)
        default: return nil
        }
    }

    func addLabel(_ set: String, _ value: readstat_value_t, _ label: String) {
        let key: StatKey
        if readstat_value_type_class(value) == READSTAT_TYPE_CLASS_STRING {
            key = .text(readstat_string_value(value).map { String(cString: $0) } ?? "")
        } else {
            guard let d = StatSink.number(value) else { return }
            key = .number(d)
        }
        labelSets[set, default: [:]][key] = label
    }

    func table(labels: Bool) throws -> Table {
        var pairs: [(String, Column)] = []
        var columnLabels: [String: String] = [:]
        let n = max(rows, filled, buffers.map(\.texts.count).max() ?? 0)
        for (v, b) in zip(variables, buffers) where !v.name.isEmpty {
            if !v.label.isEmpty { columnLabels[v.name] = v.label }
            pairs.append((v.name, column(v, b, rows: n, labels: labels)))
        }
        var t = try Table(pairs)
        t.columnLabels = columnLabels
        return t
    }

    private func column(_ v: Variable, _ b: Buffer, rows n: Int, labels: Bool) -> Column {
        let set = labels ? v.labelSet.flatMap { labelSets[$0] } : nil
        if v.isText {
            let texts = Array(b.texts.prefix(n)) + [String?](repeating: nil, count: max(0, n - b.texts.count))
            guard let set else { return .string(StringColumn(texts)) }
            return .string(StringColumn(texts.map { $0.map { set[.text($0)] ?? $0 } }))
        }
        var numbers = Array(b.numbers.prefix(n)), valid = Array(b.valid.prefix(n))
        if numbers.count < n { numbers += [Double](repeating: 0, count: n - numbers.count); valid += [Bool](repeating: false, count: n - valid.count) }
        if let set, !set.isEmpty {
            // Labels through a code table: each distinct value is looked up once.
            var builder = StringColumnBuilder(capacity: n)
            var cache: [Double: String] = [:]
            for i in 0..<n {
                guard valid[i] else { builder.append(nil); continue }
                if let s = cache[numbers[i]] { builder.append(s); continue }
                let s = set[.number(numbers[i])] ?? CellColumns.numberText(numbers[i])
                cache[numbers[i]] = s
                builder.append(s)
            }
            return .string(builder.finish())
        }
        if let kind = StatDates.kind(format: v.format, family: family) {
            return .string(StringColumn((0..<n).map { i in valid[i] ? StatDates.iso(numbers[i], kind) : nil }))
        }
        return CellColumns.numbers(numbers, valid: valid)
    }
}

/// A value-label key: a number or a text.
enum StatKey: Hashable { case number(Double), text(String) }
