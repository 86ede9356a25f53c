import MSNLanguage

/// Gathers lines into complete statements: input continues while a bracket or `{` block is open or
/// the last line ends in `|` or an operator. In batch input a line that starts with `|` continues
/// the statement before it.
public struct InputAssembler {
    private var pending: [String] = []

    /// An empty assembler.
    public init() {}

    /// True while a statement is incomplete (the REPL shows its continuation prompt).
    public var isContinuing: Bool { !pending.isEmpty }

    /// The text gathered so far.
    public var text: String { pending.joined(separator: "\n") }

    /// Adds a line; returns the complete entry when the line completes it.
    public mutating func add(_ line: String) -> String? {
        if pending.isEmpty && line.trimmingCharacters(in: .whitespaces).isEmpty { return nil }
        pending.append(line)
        let t = text
        guard Parser.isComplete(t) else { return nil }
        pending = []
        return t
    }

    /// Drops the incomplete entry (Ctrl-C).
    public mutating func clear() { pending = [] }

    /// Splits batch input into entries, joining lines that start with `|` to the entry before them.
    public static func entries(_ lines: [String]) -> [String] {
        var out: [String] = []
        var assembler = InputAssembler()
        for line in lines {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if !assembler.isContinuing, trimmed.hasPrefix("|"), let last = out.popLast() {
                if let done = assembler.add(last + "\n" + line) { out.append(done) }
                continue
            }
            if let done = assembler.add(line) { out.append(done) }
        }
        if assembler.isContinuing { out.append(assembler.text) }
        return out
    }
}

import Foundation
