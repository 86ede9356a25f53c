import Foundation

/// Errors in reading or running a notebook that are not a cell's own diagnostic.
public enum NotebookError: Error, CustomStringConvertible, Equatable {
    /// A malformed notebook file.
    case format(file: String, line: Int, message: String)
    /// A `--param` problem.
    case parameter(String)
    /// A file that cannot be read or written.
    case io(String)

    public var description: String {
        switch self {
        case .format(let f, let l, let m): return "\(f):\(l): \(m)"
        case .parameter(let m): return m
        case .io(let m): return m
        }
    }
}

/// One code cell: its options from the fence line, its code, and where the code starts in the file.
public struct NotebookCell: Sendable, Equatable {
    /// 1-based cell number.
    public var number: Int
    /// `name=…` from the fence, if given.
    public var name: String?
    /// Show the code in the rendering (`echo=false` hides it).
    public var echo: Bool
    /// Run the cell (`eval=false` skips it).
    public var eval: Bool
    /// The cell is expected to fail (`error=expected`).
    public var expectsError: Bool
    /// The fence line as written (kept verbatim in the rendering).
    public var fence: String
    /// The code between the fences.
    public var code: String
    /// File line of the code's first line.
    public var firstLine: Int
    /// The question this cell is an exercise of (`exercise=q1`): students write its code, `msnb grade`
    /// runs their version, and `msnb check` does not count its changes as drift.
    public var exercise: String? = nil
    /// The question this cell checks (`check=q1`): it passes when it runs without error (its `expect`s hold).
    public var check: String? = nil
    /// Points for a check cell that passes (`points=2`; 1 by default).
    public var points: Double = 1

    /// How the cell is named in messages: "cell 3 (fit)".
    public var label: String { "cell \(number)" + (name.map { " (\($0))" } ?? "") }
}

/// A parsed `.msnb` notebook: Markdown prose kept verbatim, and ```msnb fenced cells.
public struct NotebookDocument: Sendable {
    /// A piece of the file, in order.
    public enum Segment: Sendable, Equatable {
        /// Prose (and front matter, and other languages' code blocks), verbatim.
        case prose(String)
        /// A code cell.
        case cell(NotebookCell)
    }

    /// The file name used in messages.
    public var file: String
    /// Front matter (title, params).
    public var frontMatter: FrontMatter
    /// Prose and cells in order.
    public var segments: [Segment]
    /// Things worth telling the author that do not stop the run (an unknown `#|` cell option).
    public var warnings: [String] = []

    /// The cells in order.
    public var cells: [NotebookCell] { segments.compactMap { if case .cell(let c) = $0 { return c } else { return nil } } }

    /// Parses notebook text. Fences of three or more backticks or tildes open code blocks; only
    /// blocks whose info string starts with `msnb` are cells, and a block closes only with a fence of
    /// the same character at least as long, so prose may show other languages' code and backticks.
    public static func parse(_ text: String, file: String) throws -> NotebookDocument {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var segments: [Segment] = []
        var prose: [Substring] = []
        var frontMatter = FrontMatter(title: nil, params: [])
        var i = 0
        if lines.first.map({ $0.trimmingCharacters(in: .whitespaces) == "---" }) == true {
            guard let end = lines.indices.dropFirst().first(where: { lines[$0].trimmingCharacters(in: .whitespaces) == "---" }) else {
                throw NotebookError.format(file: file, line: 1, message: "the front matter opened with --- is never closed")
            }
            frontMatter = try FrontMatter.parse(Array(lines[1..<end]), firstLine: 2, file: file)
            prose.append(contentsOf: lines[0...end])
            i = end + 1
        }
        var number = 0
        var warnings: [String] = []
        func flushProse() {
            if !prose.isEmpty { segments.append(.prose(prose.joined(separator: "\n"))); prose = [] }
        }
        while i < lines.count {
            let line = lines[i]
            guard let fence = Fence(line) else { prose.append(line); i += 1; continue }
            // Find the closing fence.
            var j = i + 1
            while j < lines.count && !fence.isClosed(by: lines[j]) { j += 1 }
            if j == lines.count && fence.isCell {
                throw NotebookError.format(file: file, line: i + 1, message: "the code cell opened here is never closed with \(String(repeating: fence.char, count: fence.length))")
            }
            guard fence.isCell else {
                prose.append(contentsOf: lines[i..<min(j + 1, lines.count)])
                i = j + 1
                continue
            }
            flushProse()
            number += 1
            var body = Array(lines[(i + 1)..<j])
            var firstLine = i + 2
            var optionLines: [(String, Int)] = []
            while let first = body.first, first.trimmingCharacters(in: .whitespaces).hasPrefix("#|") {
                optionLines.append((String(first.trimmingCharacters(in: .whitespaces).dropFirst(2)), firstLine))
                body.removeFirst()
                firstLine += 1
            }
            var cell = NotebookCell(number: number, name: nil, echo: true, eval: true, expectsError: false,
                                    fence: String(line), code: body.joined(separator: "\n"), firstLine: firstLine)
            try applyOptions(fence.info, to: &cell, file: file, line: i + 1)
            for (text, optionLine) in optionLines {
                if let warning = try applyQuartoOption(text, to: &cell, file: file, line: optionLine) { warnings.append(warning) }
            }
            segments.append(.cell(cell))
            i = j + 1
        }
        flushProse()
        return NotebookDocument(file: file, frontMatter: frontMatter, segments: segments, warnings: warnings)
    }

    /// Reads a Quarto-style `#| key: value` line at the top of a cell (`echo`, `eval`, `label`, `error`);
    /// returns a warning for a key msnb does not know (Quarto's own keys such as `fig-cap` included).
    static func applyQuartoOption(_ text: String, to cell: inout NotebookCell, file: String, line: Int) throws -> String? {
        guard let colon = text.firstIndex(of: ":") else {
            throw NotebookError.format(file: file, line: line, message: "a '#|' cell option reads '#| key: value', e.g. #| echo: false")
        }
        let key = text[..<colon].trimmingCharacters(in: .whitespaces)
        let value = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
        switch key {
        case "echo": cell.echo = try boolOption(value, "#| echo:", file, line)
        case "eval": cell.eval = try boolOption(value, "#| eval:", file, line)
        case "label": cell.name = value
        case "error": cell.expectsError = try boolOption(value, "#| error:", file, line)
        case "exercise", "check", "points": try applyLabOption(key, value, to: &cell, file: file, line: line)
        default:
            return "\(file):\(line): cell option '#| \(key)' is not used by msnb (it knows echo, eval, label, error, exercise, check and points); ignored"
        }
        return nil
    }

    /// Reads `{name=fit, echo=false, error=expected, eval=false}` after `msnb` on the fence; a Quarto
    /// fence `{msnb}` takes its options from `#|` lines instead.
    static func applyOptions(_ info: String, to cell: inout NotebookCell, file: String, line: Int) throws {
        if info.hasPrefix("{msnb") {
            guard info == "{msnb}" else {
                throw NotebookError.format(file: file, line: line, message: "a ```{msnb} cell takes its options as '#| key: value' lines at its top")
            }
            return
        }
        var rest = info.dropFirst(4).trimmingCharacters(in: .whitespaces)
        guard !rest.isEmpty else { return }
        guard rest.hasPrefix("{"), rest.hasSuffix("}") else {
            throw NotebookError.format(file: file, line: line, message: "cell options go in braces: ```msnb {name=fit, echo=false}")
        }
        rest = String(rest.dropFirst().dropLast())
        for part in rest.split(separator: ",") {
            let kv = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard kv.count == 2 else { throw NotebookError.format(file: file, line: line, message: "cell option '\(part.trimmingCharacters(in: .whitespaces))' needs a value, e.g. echo=false") }
            let value = kv[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            switch kv[0] {
            case "name": cell.name = value
            case "echo": cell.echo = try boolOption(value, "echo", file, line)
            case "eval": cell.eval = try boolOption(value, "eval", file, line)
            case "error":
                guard ["expected", "true", "false"].contains(value) else {
                    throw NotebookError.format(file: file, line: line, message: "error= takes 'expected' (a cell meant to fail)")
                }
                cell.expectsError = value != "false"
            case "exercise", "check", "points": try applyLabOption(kv[0], value, to: &cell, file: file, line: line)
            default:
                throw NotebookError.format(file: file, line: line, message: "unknown cell option '\(kv[0])'; options are name, echo, eval, error, exercise, check and points")
            }
        }
    }

    /// `exercise=q1`, `check=q1`, `points=2`: the cell's part in a gradable lab.
    static func applyLabOption(_ key: String, _ value: String, to cell: inout NotebookCell, file: String, line: Int) throws {
        switch key {
        case "points":
            guard let p = Double(value), p >= 0, p.isFinite else {
                throw NotebookError.format(file: file, line: line, message: "points= takes a number ≥ 0, e.g. points=2")
            }
            cell.points = p
        default:
            guard !value.isEmpty, value.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }) else {
                throw NotebookError.format(file: file, line: line, message: "\(key)= takes a question id such as q1")
            }
            if key == "exercise" { cell.exercise = value } else { cell.check = value }
        }
    }

    static func boolOption(_ v: String, _ name: String, _ file: String, _ line: Int) throws -> Bool {
        switch v {
        case "true", "TRUE", "True": return true
        case "false", "FALSE", "False": return false
        default: throw NotebookError.format(file: file, line: line, message: name.hasSuffix(":") ? "\(name) takes true or false" : "\(name)= takes true or false")
        }
    }
}

/// A Markdown code fence: its character, length and info string.
struct Fence {
    let char: Character
    let length: Int
    let info: String
    let indent: Int

    init?(_ line: Substring) {
        let trimmed = line.drop { $0 == " " }
        indent = line.count - trimmed.count
        guard indent < 4, let c = trimmed.first, c == "`" || c == "~" else { return nil }
        let run = trimmed.prefix { $0 == c }.count
        guard run >= 3 else { return nil }
        char = c
        length = run
        info = trimmed.dropFirst(run).trimmingCharacters(in: .whitespaces)
        if c == "`" && info.contains("`") { return nil }
    }

    /// Whether the block is a msnb cell.
    var isCell: Bool { info == "msnb" || info.hasPrefix("msnb ") || info.hasPrefix("msnb{") || info.hasPrefix("{msnb") }

    /// Whether `line` closes this block.
    func isClosed(by line: Substring) -> Bool {
        let t = line.trimmingCharacters(in: .whitespaces)
        return t.count >= length && t.allSatisfy { $0 == char }
    }
}
