/// A notebook's front matter: the small YAML subset msnb reads (`title`, and `params` with one
/// `name: value` per indented line). Values keep their type: int, float, bool, quoted or bare string.
public struct FrontMatter: Sendable, Equatable {
    /// The notebook's title.
    public var title: String?
    /// Parameters with their defaults, in order.
    public var params: [(name: String, value: ParameterDefault)]

    /// A parameter's default value.
    public enum ParameterDefault: Sendable, Equatable, CustomStringConvertible {
        case int(Int64), float(Double), bool(Bool), string(String)

        /// The value as written back.
        public var description: String {
            switch self {
            case .int(let v): return String(v)
            case .float(let v): return String(v)
            case .bool(let v): return v ? "true" : "false"
            case .string(let s): return "\"\(s)\""
            }
        }

        /// Parses a scalar as YAML would for these four types.
        public static func parse(_ text: String) -> ParameterDefault {
            let t = text.trimmingCharacters(in: .whitespaces)
            if t.count >= 2, let f = t.first, (f == "\"" || f == "'"), t.last == f { return .string(String(t.dropFirst().dropLast())) }
            if let i = Int64(t) { return .int(i) }
            if let d = Double(t) { return .float(d) }
            if ["true", "false"].contains(t.lowercased()) { return .bool(t.lowercased() == "true") }
            return .string(t)
        }
    }

    public static func == (a: FrontMatter, b: FrontMatter) -> Bool {
        a.title == b.title && a.params.map(\.name) == b.params.map(\.name) && a.params.map(\.value) == b.params.map(\.value)
    }

    /// Parses the lines between the `---` fences; `firstLine` is the file line of the first of them.
    static func parse(_ lines: [Substring], firstLine: Int, file: String) throws -> FrontMatter {
        var fm = FrontMatter(title: nil, params: [])
        var inParams = false
        for (k, raw) in lines.enumerated() {
            let line = String(raw)
            if line.trimmingCharacters(in: .whitespaces).isEmpty || line.trimmingCharacters(in: .whitespaces).hasPrefix("#") { continue }
            let indented = line.hasPrefix(" ") || line.hasPrefix("\t")
            guard let colon = line.firstIndex(of: ":") else {
                throw NotebookError.format(file: file, line: firstLine + k, message: "expected 'key: value' in the front matter")
            }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if indented && inParams {
                guard !value.isEmpty else { throw NotebookError.format(file: file, line: firstLine + k, message: "parameter '\(key)' needs a default value") }
                guard !fm.params.contains(where: { $0.name == key }) else {
                    throw NotebookError.format(file: file, line: firstLine + k, message: "parameter '\(key)' appears twice")
                }
                fm.params.append((key, ParameterDefault.parse(value)))
                continue
            }
            inParams = false
            switch key {
            case "title": fm.title = ParameterDefault.parse(value).plainText
            case "params": inParams = true
            default: break   // other keys (author, date…) are kept in the text and ignored here
            }
        }
        return fm
    }
}

extension FrontMatter.ParameterDefault {
    var plainText: String {
        if case .string(let s) = self { return s }
        return description
    }
}

import MSNKernel
