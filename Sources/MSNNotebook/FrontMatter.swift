import Foundation
import Yams

/// A notebook's front matter, read by a real YAML parser (Yams, over libyaml): `title`, `language`, and
/// `params` as a mapping of names to scalars (block or flow style, comments, quoted strings). A
/// parameter's type is its YAML type: int, float, bool, or string (quoted numbers stay strings). Other
/// keys (author, date…) are allowed and ignored.
public struct FrontMatter: Sendable, Equatable {
    /// The notebook's title.
    public var title: String?
    /// Parameters with their defaults, in order.
    public var params: [(name: String, value: ParameterDefault)]
    /// The rendering language (`language: id`), if given.
    public var language: String? = nil

    /// Front matter with a title and parameters.
    public init(title: String?, params: [(name: String, value: ParameterDefault)], language: String? = nil) {
        self.title = title
        self.params = params
        self.language = language
    }

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
        a.title == b.title && a.language == b.language && a.params.map(\.name) == b.params.map(\.name)
            && a.params.map(\.value) == b.params.map(\.value)
    }

    /// Parses the lines between the `---` fences; `firstLine` is the file line of the first of them.
    static func parse(_ lines: [Substring], firstLine: Int, file: String) throws -> FrontMatter {
        try parse(yaml: lines.joined(separator: "\n"), firstLine: firstLine, file: file)
    }

    /// Parses YAML text whose first line is line `firstLine` of `file`; errors name the file line.
    public static func parse(yaml: String, firstLine: Int, file: String) throws -> FrontMatter {
        var fm = FrontMatter(title: nil, params: [])
        let root: Node?
        do { root = try Yams.compose(yaml: yaml) } catch let e as YamlError {
            let (problem, mark) = describe(e)
            throw NotebookError.format(file: file, line: firstLine - 1 + (mark?.line ?? 1), message: "the front matter is not valid YAML: \(problem)")
        }
        guard let root else { return fm }
        guard case .mapping(let top) = root else {
            throw NotebookError.format(file: file, line: firstLine, message: "the front matter must be 'key: value' lines")
        }
        func line(_ n: Node) -> Int { firstLine - 1 + (n.mark?.line ?? 1) }
        for (keyNode, value) in top {
            guard let key = keyNode.string else { continue }
            switch key {
            case "title": fm.title = value.string
            case "language": fm.language = value.string
            case "params":
                if case .scalar = value, value.tag.description == Tag.Name.null.rawValue { continue }
                guard case .mapping(let params) = value else {
                    throw NotebookError.format(file: file, line: line(value), message: "'params' must map names to values, e.g. params: {seed: 42}")
                }
                for (nameNode, v) in params {
                    guard let name = nameNode.string, !name.isEmpty else { continue }
                    guard !fm.params.contains(where: { $0.name == name }) else {
                        throw NotebookError.format(file: file, line: line(nameNode), message: "parameter '\(name)' appears twice")
                    }
                    fm.params.append((name, try ParameterDefault(node: v, name: name, file: file, line: line(v))))
                }
            default: break
            }
        }
        return fm
    }
}

/// The problem and position of a YAML error.
private func describe(_ e: YamlError) -> (String, Mark?) {
    switch e {
    case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
         .composer(let context, let problem, let mark, _):
        return ((context.map { "\($0.text) " } ?? "") + problem, mark)
    case .reader(let problem, _, _, _): return (problem, nil)
    default: return ("\(e)", nil)
    }
}

extension FrontMatter.ParameterDefault {
    /// A parameter's default from its YAML node: the scalar's resolved type decides.
    init(node: Node, name: String, file: String, line: Int) throws {
        guard case .scalar(let sc) = node else {
            throw NotebookError.format(file: file, line: line, message: "parameter '\(name)' must be a number, a string or true/false, not a list or mapping")
        }
        switch Tag.Name(rawValue: node.tag.description) {
        case .int:
            guard let v = Int64(sc.string.replacingOccurrences(of: "_", with: "")) ?? node.int.map(Int64.init) else {
                throw NotebookError.format(file: file, line: line, message: "parameter '\(name)': \(sc.string) does not fit a 64-bit integer")
            }
            self = .int(v)
        case .float:
            guard let v = node.float else { throw NotebookError.format(file: file, line: line, message: "parameter '\(name)': \(sc.string) is not a number") }
            self = .float(v)
        case .bool: self = .bool(node.bool ?? false)
        case .null:
            throw NotebookError.format(file: file, line: line, message: "parameter '\(name)' needs a default value")
        default: self = .string(sc.string)
        }
    }
}

extension FrontMatter.ParameterDefault {
    var plainText: String {
        if case .string(let s) = self { return s }
        return description
    }
}

import MSNKernel
