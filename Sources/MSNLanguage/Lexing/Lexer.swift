/// Turns source text into tokens. Newlines end statements except inside brackets, after a token that
/// cannot end an expression (an operator, `|`, `,`, `=`), or before a line that starts with `|`.
public struct Lexer {
    private let bytes: [UInt8]
    private let file: String
    private let firstLine: Int
    private var pos = 0
    private var line: Int
    private var lineStart = 0
    /// Column bookkeeping, so that a token's column costs only the bytes since the previous token
    /// (a long line stays linear): the byte offset `columnOffset` of the current line is column
    /// `columnCount` + 1.
    private var columnOffset = 0
    private var columnCount = 0
    private(set) var diagnostics: [Diagnostic] = []

    /// A lexer over `source`; `firstLine` is the file line of the source's first line.
    public init(_ source: String, file: String = "<input>", firstLine: Int = 1) {
        bytes = Array(source.utf8)
        self.file = file
        self.firstLine = firstLine
        line = firstLine
    }

    private static let symbols3: Set<String> = []
    private static let symbols2: Set<String> = ["==", "!=", "<=", ">=", "=~", "~~", ":=", "->"]
    private static let symbols1: Set<UInt8> = Set("+-*/%^<>=~:,|()[]{}.;!".utf8)

    /// All tokens, ending with `.end`, plus any lexical errors.
    public mutating func tokenize() -> (tokens: [Token], diagnostics: [Diagnostic]) {
        var raw: [Token] = []
        while true {
            let t = next()
            raw.append(t)
            if t.kind == .end { break }
        }
        return (Lexer.filterNewlines(raw), diagnostics)
    }

    /// Drops newlines that do not end a statement.
    static func filterNewlines(_ raw: [Token]) -> [Token] {
        var out: [Token] = []
        var depth = 0
        for (i, t) in raw.enumerated() {
            switch t.kind {
            case .symbol("("), .symbol("["), .symbol("{"): depth += 1
            case .symbol(")"), .symbol("]"), .symbol("}"): depth = max(0, depth - 1)
            default: break
            }
            guard t.kind == .newline else { out.append(t); continue }
            if depth > 0 { continue }
            if let last = out.last, Lexer.continuesLine(last, after: out.dropLast().last) { continue }
            if out.last?.kind == .newline || out.isEmpty { continue }
            var j = i + 1
            while j < raw.count && raw[j].kind == .newline { j += 1 }
            if j < raw.count && raw[j].isSymbol("|") { continue }
            out.append(t)
        }
        return out
    }

    /// Tokens after which a line break never ends a statement.
    /// Whether a line ending in `t` (after `previous`) continues: operators and clause words do, but
    /// `seed` ends it when it is a value (`seed = seed` or `seed seed`, a notebook parameter named seed).
    static func continuesLine(_ t: Token, after previous: Token?) -> Bool {
        if t.isKeyword("seed"), previous?.isSymbol("=") == true || previous?.isKeyword("seed") == true { return false }
        return continuesLine(t)
    }

    static func continuesLine(_ t: Token) -> Bool {
        switch t.kind {
        case .symbol(let s): return ["|", "->", ",", "=", "+", "-", "*", "/", "%", "^", "==", "!=", "<", "<=", ">", ">=", "~", ":", "(", "[", "{"].contains(s)
        case .keyword(let k): return ["and", "or", "not", "in", "is", "by", "on", "with", "seed"].contains(k)
        default: return false
        }
    }

    private mutating func span(_ start: Int, _ end: Int, line l: Int, lineStart ls: Int) -> SourceSpan {
        if columnOffset < ls || columnOffset > start { columnOffset = ls; columnCount = 0 }
        columnCount += String(decoding: bytes[columnOffset..<start], as: UTF8.self).count
        columnOffset = start
        let column = columnCount + 1
        let length = String(decoding: bytes[start..<max(start, end)], as: UTF8.self).count
        return SourceSpan(file: file, line: l, column: column, length: max(1, length))
    }

    private mutating func token(_ kind: Token.Kind, _ start: Int) -> Token {
        Token(kind: kind, span: span(start, pos, line: line, lineStart: lineStart), start: start, end: pos)
    }

    private mutating func next() -> Token {
        while true { if let t = scan() { return t } }
    }

    /// The next token, or nil after reporting (and skipping) an unknown character.
    private mutating func scan() -> Token? {
        // Skip spaces and comments.
        while pos < bytes.count {
            let c = bytes[pos]
            if c == 0x20 || c == 0x09 || c == 0x0D { pos += 1; continue }
            if c == 0x23 { while pos < bytes.count && bytes[pos] != 0x0A { pos += 1 }; continue }
            break
        }
        guard pos < bytes.count else { return token(.end, pos) }
        let start = pos
        let c = bytes[pos]
        if c == 0x0A {
            pos += 1
            let t = Token(kind: .newline, span: span(start, start + 1, line: line, lineStart: lineStart), start: start, end: pos)
            line += 1
            lineStart = pos
            return t
        }
        if isDigit(c) || (c == 0x2E && pos + 1 < bytes.count && isDigit(bytes[pos + 1]) && !previousIsValue()) {
            return number(start)
        }
        if isIdentStart(c) || (c == 0x2E && pos + 1 < bytes.count && isIdentStart(bytes[pos + 1])) {
            pos += 1
            while pos < bytes.count && isIdentChar(bytes[pos]) { pos += 1 }
            let name = String(decoding: bytes[start..<pos], as: UTF8.self)
            if Keywords.all.contains(name) { return token(.keyword(name), start) }
            return token(.identifier(name), start)
        }
        if c == 0x60 { return backticked(start) }
        if c == 0x40, pos + 1 < bytes.count, isIdentStart(bytes[pos + 1]) {
            // `@name`: a binding (parameter) even where a column has the same name.
            pos += 1
            while pos < bytes.count && isIdentChar(bytes[pos]) { pos += 1 }
            var t = token(.identifier(String(decoding: bytes[start..<pos], as: UTF8.self)), start)
            t.quoted = true
            return t
        }
        if let habit = foreignOperator(at: pos) {
            pos += habit.length
            diagnostics.append(Diagnostic(.syntax, "'\(habit.text)' is not an msnb operator", at: span(start, pos, line: line, lineStart: lineStart),
                                          hint: habit.hint))
            return token(habit.replacement, start)
        }
        if c == 0x22 || c == 0x27 { return string(start, quote: c) }
        if pos + 1 < bytes.count {
            let two = String(decoding: bytes[pos..<pos + 2], as: UTF8.self)
            if Lexer.symbols2.contains(two) { pos += 2; return token(.symbol(two), start) }
        }
        if Lexer.symbols1.contains(c) {
            pos += 1
            return token(.symbol(String(UnicodeScalar(c))), start)
        }
        // An unknown character: report it and skip the whole UTF-8 sequence.
        pos += 1
        while pos < bytes.count && bytes[pos] & 0xC0 == 0x80 { pos += 1 }
        let text = String(decoding: bytes[start..<pos], as: UTF8.self)
        diagnostics.append(Diagnostic(.syntax, "unexpected character '\(text)'", at: span(start, pos, line: line, lineStart: lineStart)))
        return nil
    }

    private func previousIsValue() -> Bool { false }

    /// Operators from R, SQL or C (`%>%`, `|>`, `&&`, `&`, `||`): their text, length, msnb replacement
    /// (so parsing can go on) and a hint.
    private func foreignOperator(at p: Int) -> (text: String, length: Int, replacement: Token.Kind, hint: String)? {
        // Only '%', '|' and '&' start one (checked first: this runs for every token).
        guard p < bytes.count, bytes[p] == 0x25 || bytes[p] == 0x7C || bytes[p] == 0x26 else { return nil }
        func has(_ s: StaticString) -> Bool {
            let n = s.utf8CodeUnitCount
            guard p + n <= bytes.count else { return false }
            return s.withUTF8Buffer { u in (0..<n).allSatisfy { bytes[p + $0] == u[$0] } }
        }
        if has("%>%") { return ("%>%", 3, .symbol("|"), "msnb pipes with |: t | filter x > 1") }
        if has("|>") { return ("|>", 2, .symbol("|"), "msnb pipes with |: t | filter x > 1") }
        if has("||") { return ("||", 2, .keyword("or"), "write 'or' to combine conditions") }
        if has("&&") { return ("&&", 2, .keyword("and"), "write 'and' to combine conditions") }
        if has("&") { return ("&", 1, .keyword("and"), "write 'and' to combine conditions") }
        return nil
    }

    /// One raw token and the diagnostics so far.
    static func single(_ lexer: inout Lexer) -> (Token, [Diagnostic]) { (lexer.next(), lexer.diagnostics) }

    private func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    private func isIdentStart(_ c: UInt8) -> Bool { (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x5F || c >= 0x80 }
    private func isIdentChar(_ c: UInt8) -> Bool { isIdentStart(c) || isDigit(c) }

    private mutating func number(_ start: Int) -> Token {
        var isFloat = false
        while pos < bytes.count && (isDigit(bytes[pos]) || bytes[pos] == 0x5F) { pos += 1 }
        if pos + 1 < bytes.count && bytes[pos] == 0x2E && isDigit(bytes[pos + 1]) {
            isFloat = true
            pos += 1
            while pos < bytes.count && isDigit(bytes[pos]) { pos += 1 }
        } else if pos < bytes.count && bytes[pos] == 0x2E && start == pos {
            pos += 1
        }
        if pos < bytes.count && (bytes[pos] == 0x65 || bytes[pos] == 0x45) {
            var p = pos + 1
            if p < bytes.count && (bytes[p] == 0x2B || bytes[p] == 0x2D) { p += 1 }
            if p < bytes.count && isDigit(bytes[p]) {
                isFloat = true
                pos = p
                while pos < bytes.count && isDigit(bytes[pos]) { pos += 1 }
            }
        }
        let digits = bytes[start..<pos]
        let text = String(decoding: digits.contains(0x5F) ? Array(digits.filter { $0 != 0x5F }) : Array(digits), as: UTF8.self)
        if !isFloat, let v = Int64(text) { return token(.integer(v), start) }
        if let v = Double(text) { return token(.number(v), start) }
        diagnostics.append(Diagnostic(.syntax, "'\(text)' is not a number", at: span(start, pos, line: line, lineStart: lineStart)))
        return token(.number(0), start)
    }

    private mutating func backticked(_ start: Int) -> Token {
        pos += 1
        while pos < bytes.count && bytes[pos] != 0x60 && bytes[pos] != 0x0A { pos += 1 }
        guard pos < bytes.count && bytes[pos] == 0x60 else {
            diagnostics.append(Diagnostic(.syntax, "unclosed backtick name", at: span(start, pos, line: line, lineStart: lineStart),
                                          hint: "close the name with `"))
            return token(.identifier(String(decoding: bytes[(start + 1)..<pos], as: UTF8.self)), start)
        }
        let name = String(decoding: bytes[(start + 1)..<pos], as: UTF8.self)
        pos += 1
        var t = token(.identifier(name), start)
        t.quoted = true
        return t
    }

    private mutating func string(_ start: Int, quote: UInt8) -> Token {
        pos += 1
        var out: [UInt8] = []
        while pos < bytes.count && bytes[pos] != quote && bytes[pos] != 0x0A {
            if bytes[pos] == 0x5C && pos + 1 < bytes.count {
                pos += 1
                switch bytes[pos] {
                case 0x6E: out.append(0x0A)
                case 0x74: out.append(0x09)
                default: out.append(bytes[pos])
                }
            } else {
                out.append(bytes[pos])
            }
            pos += 1
        }
        guard pos < bytes.count && bytes[pos] == quote else {
            diagnostics.append(Diagnostic(.syntax, "unterminated string", at: span(start, pos, line: line, lineStart: lineStart),
                                          hint: "close the string with \(quote == 0x22 ? "\"" : "'") on the same line"))
            return token(.string(String(decoding: out, as: UTF8.self)), start)
        }
        pos += 1
        return token(.string(String(decoding: out, as: UTF8.self)), start)
    }
}

import Foundation
