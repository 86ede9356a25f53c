import Foundation
import MSNLanguage

/// Context-aware completion: verbs at the start of a statement and after `|`; the columns of the
/// table flowing into the pipeline; bound names and functions; option names after `with`; file paths
/// inside the string after `load`, `use` and `export`; a front end's meta-commands after `:`.
/// The REPL and the Jupyter kernel complete through this one type, so they complete identically.
public struct Completer {
    let session: Session
    let directory: URL
    let metaCommands: [String]

    /// A completer over `session`'s bindings, resolving paths against `directory`; `metaCommands` are the
    /// front end's `:` commands (the REPL's), completed at the start of a line.
    public init(session: Session, directory: URL, metaCommands: [String] = []) {
        self.session = session
        self.directory = directory
        self.metaCommands = metaCommands
    }

    /// Completion of `code` at the UTF-8 offset `cursor` (Jupyter's `complete_request`): the replaced
    /// range `[start, end)` in UTF-8 offsets and the candidates.
    public func complete(code: String, cursor: Int) -> (start: Int, end: Int, matches: [String]) {
        let bytes = Array(code.utf8)
        let end = max(0, min(cursor, bytes.count))
        let before = String(decoding: bytes[..<end], as: UTF8.self)
        let inString = Completer.insideString(before)
        var start = end
        func isWordByte(_ b: UInt8) -> Bool {
            b >= 0x80 || (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F || b == 0x2E
                || (inString && (b == 0x2F || b == 0x2D)) || (b == 0x3A && start == end)
        }
        while start > 0 && isWordByte(bytes[start - 1]) { start -= 1 }
        let word = String(decoding: bytes[start..<end], as: UTF8.self)
        let head = String(decoding: bytes[..<start], as: UTF8.self)
        return (start, end, candidates(before: head, word: word))
    }

    /// Candidates replacing `word`, which ends at the cursor; `before` is the text before `word`.
    public func candidates(before: String, word: String) -> [String] {
        let all = pool(before: before, word: word)
        return Array(Set(all.filter { $0.hasPrefix(word) })).sorted()
    }

    private func pool(before: String, word: String) -> [String] {
        let trimmed = before.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty && word.hasPrefix(":") { return metaCommands }
        if trimmed.hasPrefix(":") { return metaArguments(trimmed, word: word) }
        if Completer.insideString(before) { return Completer.pathStringContext(before) ? paths(word) : [] }
        let stage = Completer.currentStage(before)
        let stageWords = stage.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }).map(String.init)
        let verbs = session.verbNames
        if stageWords.isEmpty {
            let atStatementStart = !before.contains("|")
            let bound = session.bindings().map(\.name)
            return atStatementStart ? verbs + bound + session.functionNames + ["def", "use", "set"] : verbs + session.functionNames
        }
        if stageWords.contains("with"), let verb = stageWords.first {
            return VerbOptions.names(for: verb)
        }
        var names = session.bindings().map(\.name) + session.functionNames + Array(Builtins.publicNames)
        names += pipelineColumns(before, stageWords: stageWords)
        return names
    }

    /// Columns of the table flowing into the current stage: the pipeline's head binding, or `on NAME`.
    private func pipelineColumns(_ before: String, stageWords: [String]) -> [String] {
        var columns: [String] = []
        if let on = stageWords.firstIndex(of: "on"), on + 1 < stageWords.count { columns += session.columns(of: stageWords[on + 1]) }
        let statement = before.components(separatedBy: "\n").last.map { _ in before } ?? before
        var head = statement.split(separator: "|", maxSplits: 1).first.map(String.init) ?? ""
        if let eq = head.range(of: "="), !head[eq.upperBound...].hasPrefix("=") { head = String(head[eq.upperBound...]) }
        let headName = head.trimmingCharacters(in: .whitespacesAndNewlines)
        columns += session.columns(of: headName)
        // Columns made or brought in by earlier stages: `derive z = …`, `summarize n = …`, `select new = old`,
        // and the columns of a table joined in.
        let stages = Completer.stages(before).dropFirst().dropLast()
        for stage in stages {
            let words = stage.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," || $0 == "\n" }).map(String.init)
            if words.first == "join", words.count > 1 { columns += session.columns(of: words[1]) }
            let assignments = stage.components(separatedBy: " with ").first ?? stage
            for m in assignments.matches(of: /([A-Za-z_][A-Za-z0-9_.]*)\s*=(?!=)/) { columns.append(String(m.output.1)) }
        }
        if headName.hasPrefix("load"), let path = headName.split(separator: "\"").dropFirst().first {
            columns += Completer.csvHeader(directory.appendingPathComponent(String(path)))
        }
        return columns
    }

    static func csvHeader(_ url: URL) -> [String] {
        guard let handle = try? FileHandle(forReadingFrom: url), let data = try? handle.read(upToCount: 4096) else { return [] }
        let first = String(decoding: data, as: UTF8.self).split(separator: "\n").first ?? ""
        return first.split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\" \r")) }
    }

    private func metaArguments(_ trimmed: String, word: String) -> [String] {
        let command = trimmed.split(separator: " ").first.map(String.init) ?? ""
        switch command {
        case ":help": return HelpCatalog.topics()
        case ":schema": return session.bindings().filter { $0.kind == "table" }.map(\.name)
        case ":timing": return ["on", "off"]
        case ":load", ":save": return paths(word)
        default: return []
        }
    }

    /// File and folder names matching `word` (folders end in /).
    func paths(_ word: String) -> [String] {
        let slash = word.lastIndex(of: "/")
        let dirPart = slash.map { String(word[...$0]) } ?? ""
        let base = dirPart.hasPrefix("/") ? URL(fileURLWithPath: dirPart) : directory.appendingPathComponent(dirPart)
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: base.path)) ?? []
        return entries.filter { !$0.hasPrefix(".") }.map { name in
            var isDir: ObjCBool = false
            FileManager.default.fileExists(atPath: base.appendingPathComponent(name).path, isDirectory: &isDir)
            return dirPart + name + (isDir.boolValue ? "/" : "")
        }
    }

    /// Whether the open string at the end of `before` is a path: the word before its quote is `load`, `use`
    /// or `export` (other strings, such as `region == "Ja`, get no file names).
    static func pathStringContext(_ before: String) -> Bool {
        guard let quote = before.lastIndex(of: "\"") else { return false }
        let lead = before[..<quote].trimmingCharacters(in: .whitespaces)
        let last = lead.split(whereSeparator: { $0 == " " || $0 == "|" || $0 == "(" || $0 == "=" }).last.map(String.init) ?? ""
        return ["load", "use", "export"].contains(last)
    }

    /// The pipeline's stages (split at `|` outside strings); the last is the one being typed.
    static func stages(_ s: String) -> [String] {
        var out: [String] = []
        var current = ""
        var inside = false
        for c in s {
            if c == "\"" { inside.toggle() }
            if c == "|" && !inside { out.append(current); current = "" } else { current.append(c) }
        }
        out.append(current)
        return out
    }

    /// Whether the text ends inside a string literal.
    public static func insideString(_ s: String) -> Bool {
        var inside = false
        var escaped = false
        for c in s {
            if escaped { escaped = false; continue }
            if c == "\\" { escaped = true; continue }
            if c == "\"" { inside.toggle() }
        }
        return inside
    }

    /// The text of the current pipeline stage (after the last `|` outside strings).
    static func currentStage(_ s: String) -> String {
        var inside = false
        var last = s.startIndex
        var i = s.startIndex
        while i < s.endIndex {
            let c = s[i]
            if c == "\"" { inside.toggle() }
            if c == "|" && !inside { last = s.index(after: i) }
            i = s.index(after: i)
        }
        var stage = String(s[last...])
        if !s.contains("|"), let eq = stage.range(of: "="), !stage[eq.upperBound...].hasPrefix("="),
           stage[..<eq.lowerBound].trimmingCharacters(in: .whitespaces).allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "," || $0 == " " }) {
            stage = String(stage[eq.upperBound...])
        }
        return stage.trimmingCharacters(in: .whitespaces)
    }
}
