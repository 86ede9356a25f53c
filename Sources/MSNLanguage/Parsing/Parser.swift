/// A recursive-descent parser from tokens to statements. It recovers at statement boundaries, so one
/// run reports every statement's first error.
public struct Parser {
    private var tokens: [Token]
    private var pos = 0
    private let source: [UInt8]
    private let file: String
    private let verbs: Set<String>
    private(set) var diagnostics: [Diagnostic] = []
    /// How many brackets, calls and prefix operators enclose the current position.
    private var nesting = 0

    /// The deepest nesting of brackets, calls and prefix operators a program may use. Every
    /// recursive pass over the syntax tree relies on it (the tree is at most this deep, apart from
    /// flat chains such as `a + b + c`, which every pass walks with a loop).
    public static let maxNesting = 1_000

    /// Parses `source` (whose first line is line `firstLine` of `file`); a name in `verbs` at the head of
    /// a pipeline stage is a verb call (the kernel passes its verb registry's names).
    public static func parse(_ source: String, file: String = "<input>", firstLine: Int = 1,
                             verbs: Set<String>) -> (statements: [ParsedStatement], diagnostics: [Diagnostic]) {
        var lexer = Lexer(source, file: file, firstLine: firstLine)
        let (tokens, lexDiagnostics) = lexer.tokenize()
        var parser = Parser(tokens: tokens, source: Array(source.utf8), file: file, verbs: verbs)
        let statements = parser.program()
        return (statements, lexDiagnostics + parser.diagnostics)
    }

    /// Whether `source` is ready to run: no open bracket, and the last token can end a statement.
    /// The REPL shows its continuation prompt while this is false.
    public static func isComplete(_ source: String) -> Bool {
        var lexer = Lexer(source)
        var raw: [Token] = []
        var depth = 0
        while true {
            let t = lexer.nextToken()
            if t.kind == .end { break }
            switch t.kind {
            case .symbol("("), .symbol("["), .symbol("{"): depth += 1
            case .symbol(")"), .symbol("]"), .symbol("}"): depth -= 1
            default: break
            }
            raw.append(t)
        }
        if depth > 0 { return false }
        let tokens = raw.filter { $0.kind != .newline }
        guard let last = tokens.last else { return true }
        return !Lexer.continuesLine(last, after: tokens.dropLast().last)
    }

    init(tokens: [Token], source: [UInt8], file: String, verbs: Set<String>) {
        self.tokens = tokens
        self.source = source
        self.file = file
        self.verbs = verbs
    }

    // MARK: - Token helpers

    private var current: Token { tokens[pos] }
    private var peekToken: Token { tokens[min(pos + 1, tokens.count - 1)] }
    private mutating func advance() -> Token { let t = tokens[pos]; if pos < tokens.count - 1 { pos += 1 }; return t }
    private func check(_ s: String) -> Bool { current.isSymbol(s) }
    private mutating func match(_ s: String) -> Bool { if check(s) { _ = advance(); return true }; return false }
    private mutating func matchKeyword(_ k: String) -> Bool { if current.isKeyword(k) { _ = advance(); return true }; return false }
    private var atStatementEnd: Bool { current.kind == .newline || current.kind == .end || check(";") }

    private mutating func expect(_ s: String, _ what: String) throws -> Token {
        guard check(s) else { throw error("expected \(what), found \(current.display)", at: current) }
        return advance()
    }

    private func error(_ message: String, at t: Token, hint: String? = nil) -> Diagnostic {
        Diagnostic(.syntax, message, at: t.span, hint: hint)
    }

    /// Enters one more level of nesting at `t`; pair with `nesting -= 1` (in a `defer`).
    private mutating func enter(_ t: Token) throws {
        guard nesting < Parser.maxNesting else {
            throw error("nesting deeper than 1,000 levels", at: t,
                        hint: "split the expression into named steps (x1 = …; x2 = … x1 …)")
        }
        nesting += 1
    }

    // MARK: - Statements

    mutating func program() -> [ParsedStatement] {
        var out: [ParsedStatement] = []
        while current.kind != .end {
            if current.kind == .newline || check(";") { _ = advance(); continue }
            let startIndex = pos
            do {
                let s = try statement()
                if !atStatementEnd {
                    throw error("unexpected \(current.display) after the end of the statement", at: current,
                                hint: "put each statement on its own line, or continue a pipeline with |")
                }
                let first = tokens[startIndex].start
                let last = tokens[max(startIndex, pos - 1)].end
                out.append(ParsedStatement(statement: s, source: String(decoding: source[first..<max(first, last)], as: UTF8.self)))
            } catch let d as Diagnostic {
                diagnostics.append(d)
                nesting = 0
                while current.kind != .newline && current.kind != .end { _ = advance() }
            } catch {
                diagnostics.append(Diagnostic(.syntax, "\(error)", at: current.span))
            }
        }
        return out
    }

    private mutating func statement() throws -> Statement {
        let start = current
        if matchKeyword("def") { return try functionDefinition(start) }
        if matchKeyword("use") {
            let t = advance()
            switch t.kind {
            case .string(let s): return .use(target: s, isPath: true, span: start.span.through(t.span))
            case .identifier(let n): return .use(target: n, isPath: false, span: start.span.through(t.span))
            default: throw error("expected a file name in quotes or a module name after 'use'", at: t)
            }
        }
        if matchKeyword("set") {
            let nameToken = advance()
            guard let name = nameToken.identifier ?? (nameToken.isKeyword("seed") ? "seed" : nil) else {
                throw error("expected an option name after 'set'", at: nameToken, hint: "for example: set rows = 20")
            }
            // `set rows = 20`; the `=` may be left out (`set language "id"`).
            _ = match("=")
            return .set(name: name, value: try expression(), span: start.span.through(nameToken.span))
        }
        if let names = bindingTargets() {
            let value = try pipeline()
            return .binding(names: names, value: value, span: start.span)
        }
        return .expression(try pipeline())
    }

    /// `a = ` or `a, b = ` at the start of a statement (consumed), else nil (nothing consumed).
    private mutating func bindingTargets() -> [(String, SourceSpan)]? {
        var i = pos
        var names: [(String, SourceSpan)] = []
        while true {
            guard let n = tokens[i].identifier else { return nil }
            names.append((n, tokens[i].span))
            i += 1
            if tokens[i].isSymbol(",") { i += 1; continue }
            if tokens[i].isSymbol("=") { pos = i + 1; return names }
            return nil
        }
    }

    private mutating func functionDefinition(_ start: Token) throws -> Statement {
        let nameToken = advance()
        guard let name = nameToken.identifier else {
            throw error("expected a function name after 'def'", at: nameToken, hint: "for example: def zscore(x) = (x - mean(x)) / sd(x)")
        }
        _ = try expect("(", "'(' and the parameter list after the function name")
        var params: [String] = []
        if !check(")") {
            repeat {
                let p = advance()
                guard let pn = p.identifier else { throw error("expected a parameter name", at: p) }
                params.append(pn)
            } while match(",")
        }
        _ = try expect(")", "')' to close the parameter list")
        _ = try expect("=", "'=' before the function body")
        return .function(name: name, parameters: params, body: try pipeline(), span: start.span.through(nameToken.span))
    }

    // MARK: - Pipelines and verbs

    /// `head | stage | stage …` where the head may itself be a verb call.
    mutating func pipeline() throws -> Expr {
        var left = try stage(allowPlainExpression: true)
        while check("|") {
            let bar = advance()
            let right = try stage(allowPlainExpression: false)
            left = .pipe(left, right, bar.span)
        }
        return left
    }

    private func isVerbHere() -> Bool {
        guard let n = current.identifier, !current.quoted, verbs.contains(n) else { return false }
        // `expect (a | …) == b`: a claim may start with a parenthesis (after a space).
        if n == "expect" && peekToken.isSymbol("(") && peekToken.start > current.end { return true }
        return !peekToken.isSymbol("(") && !peekToken.isSymbol("=")
    }

    private mutating func stage(allowPlainExpression: Bool) throws -> Expr {
        if isVerbHere() { return .verb(try verbCall()) }
        if allowPlainExpression { return try expression() }
        // A user function as a stage: `firms | exporters` or `firms | top(5)`.
        let t = current
        guard let name = t.identifier else {
            throw error("expected a verb or a function after '|', found \(t.display)", at: t,
                        hint: Diagnostic.didYouMean(t.identifier ?? "", in: Array(verbs)) ?? "for example: | filter x > 1")
        }
        _ = advance()
        let next = current
        if !(next.isSymbol("(") || next.isSymbol("|") || next.isSymbol(")") || next.kind == .newline || next.kind == .end) {
            throw error("unknown verb '\(name)'", at: t,
                        hint: Habits.verbHint(name) ?? Diagnostic.didYouMean(name, in: Array(verbs)) ?? "verbs: \(verbs.sorted().joined(separator: ", "))")
        }
        var args: [Expr] = []
        if check("(") {
            try enter(advance())
            defer { nesting -= 1 }
            if !check(")") { repeat { args.append(try pipeline()) } while match(",") }
            _ = try expect(")", "')' to close the argument list")
        }
        return .call(name, args, t.span)
    }

    private mutating func verbCall() throws -> VerbCall {
        let nameToken = advance()
        var call = VerbCall(name: nameToken.identifier ?? "", nameSpan: nameToken.span, arguments: [], by: nil, on: nil,
                            seed: nil, options: [], block: nil, span: nameToken.span)
        while !atStatementEnd && !check("|") && !check(")") && !check("]") && !check("}") {
            if check("{") {
                if call.block != nil { throw error("a verb takes one { } block", at: current) }
                call.block = try rawBlock()
                continue
            }
            if matchKeyword("by") { call.by = try expressionList(); continue }
            if matchKeyword("on") { call.on = try expressionList(); continue }
            if matchKeyword("seed") { _ = match("="); call.seed = try expression(); continue }
            if matchKeyword("with") { call.options += try options(); continue }
            if check(",") { _ = advance(); continue }
            call.arguments.append(try argument())
        }
        return call
    }

    private mutating func argument() throws -> VerbArgument {
        if let n = current.identifier, peekToken.isSymbol("=") {
            let t = advance()
            _ = advance()
            return VerbArgument(name: n, nameSpan: t.span, value: try expression(), descending: false)
        }
        let value = try expression()
        var descending = false
        if matchKeyword("desc") { descending = true } else { _ = matchKeyword("asc") }
        return VerbArgument(name: nil, nameSpan: nil, value: value, descending: descending)
    }

    private mutating func expressionList() throws -> [Expr] {
        var items = [try expression()]
        while check(",") && !peekToken.isKeyword("with") && !peekToken.isKeyword("by") {
            _ = advance()
            items.append(try expression())
        }
        return items
    }

    private mutating func options() throws -> [VerbOption] {
        var out: [VerbOption] = []
        repeat {
            let t = advance()
            guard let name = t.identifier ?? (t.isKeyword("seed") ? "seed" : nil) else {
                throw error("expected an option name after 'with', found \(t.display)", at: t, hint: "for example: with k = 3")
            }
            _ = try expect("=", "'=' after the option name '\(name)'")
            out.append(VerbOption(name: name, value: try expression(), span: t.span))
        } while match(",")
        return out
    }

    private mutating func rawBlock() throws -> RawBlock {
        let open = advance()
        var depth = 1
        while depth > 0 {
            if current.kind == .end { throw error("this { block is never closed", at: open, hint: "add a matching }") }
            let t = advance()
            if t.isSymbol("{") { depth += 1 }
            if t.isSymbol("}") { depth -= 1; if depth == 0 {
                let text = String(decoding: source[open.end..<t.start], as: UTF8.self)
                return RawBlock(text: text, line: open.span.line, column: open.span.column + 1, file: file)
            } }
        }
        throw error("this { block is never closed", at: open)
    }

    // MARK: - Expressions (lowest precedence first)

    mutating func expression() throws -> Expr {
        let left = try orExpression()
        if check("~") {
            let op = advance()
            var rhs = try orExpression()
            // `y ~ x | firm + year`: the keys of absorbed fixed effects (fit panel). A verb after the bar
            // still starts a pipeline stage.
            if check("|"), let n = peekToken.identifier, peekToken.quoted || !verbs.contains(n) {
                let bar = advance()
                rhs = .binary("|", rhs, try orExpression(), bar.span)
            }
            return .binary("~", left, rhs, op.span)
        }
        if check("->") {
            // `from -> to` pairs in recode(…) and case(…).
            let op = advance()
            return .binary("->", left, try orExpression(), op.span)
        }
        return left
    }

    private mutating func orExpression() throws -> Expr {
        var left = try andExpression()
        while current.isKeyword("or") { let op = advance(); left = .binary("or", left, try andExpression(), op.span) }
        return left
    }

    private mutating func andExpression() throws -> Expr {
        var left = try notExpression()
        while current.isKeyword("and") { let op = advance(); left = .binary("and", left, try notExpression(), op.span) }
        return left
    }

    private mutating func notExpression() throws -> Expr {
        if current.isKeyword("not") {
            let op = advance()
            try enter(op)
            defer { nesting -= 1 }
            return .unary("not", try notExpression(), op.span)
        }
        return try comparison()
    }

    private mutating func comparison() throws -> Expr {
        var left = try additive()
        while true {
            if let op = ["==", "!=", "<", "<=", ">", ">="].first(where: { check($0) }) {
                let t = advance()
                left = .binary(op, left, try additive(), t.span)
            } else if check("=") && !peekToken.isSymbol("=") {
                throw error("'=' assigns; to compare use '=='", at: current, hint: "write == to test equality")
            } else if current.isKeyword("in") {
                let t = advance()
                left = .isIn(left, try additive(), negated: false, t.span)
            } else if current.isKeyword("not") && peekToken.isKeyword("in") {
                let t = advance(); _ = advance()
                left = .isIn(left, try additive(), negated: true, t.span)
            } else if current.isKeyword("is") {
                let t = advance()
                let negated = matchKeyword("not")
                guard matchKeyword("null") else { throw error("expected 'null' after 'is'", at: current, hint: "write x is null or x is not null") }
                left = .isNull(left, negated: negated, t.span)
            } else {
                return left
            }
        }
    }

    private mutating func additive() throws -> Expr {
        var left = try multiplicative()
        while check("+") || check("-") { let t = advance(); left = .binary(t.isSymbol("+") ? "+" : "-", left, try multiplicative(), t.span) }
        return left
    }

    private mutating func multiplicative() throws -> Expr {
        var left = try interaction()
        while check("*") || check("/") || check("%") {
            let t = advance()
            let op = t.isSymbol("*") ? "*" : (t.isSymbol("/") ? "/" : "%")
            left = .binary(op, left, try interaction(), t.span)
        }
        return left
    }

    private mutating func interaction() throws -> Expr {
        var left = try unary()
        while check(":") { let t = advance(); left = .binary(":", left, try unary(), t.span) }
        return left
    }

    private mutating func unary() throws -> Expr {
        if check("-") || check("+") {
            let t = advance()
            try enter(t)
            defer { nesting -= 1 }
            let operand = try unary()
            return t.isSymbol("-") ? .unary("-", operand, t.span) : operand
        }
        return try power()
    }

    private mutating func power() throws -> Expr {
        let base = try primary()
        if check("^") {
            let t = advance()
            try enter(t)
            defer { nesting -= 1 }
            return .binary("^", base, try unary(), t.span)
        }
        return base
    }

    private mutating func primary() throws -> Expr {
        let t = current
        switch t.kind {
        case .integer(let v): _ = advance(); return .integer(v, t.span)
        case .number(let v): _ = advance(); return .number(v, t.span)
        case .string(let s): _ = advance(); return .string(s, t.span)
        case .keyword("true"): _ = advance(); return .bool(true, t.span)
        case .keyword("false"): _ = advance(); return .bool(false, t.span)
        case .keyword("null"): _ = advance(); return .null(t.span)
        case .keyword("seed"): _ = advance(); return .name("seed", t.span)   // a clause word, but a fine name in expressions
        case .identifier(let name):
            _ = advance()
            if check("(") && !t.quoted {
                try enter(advance())
                defer { nesting -= 1 }
                var args: [Expr] = []
                if !check(")") { repeat { args.append(try pipeline()) } while match(",") }
                let close = try expect(")", "')' to close the call to \(name)")
                return .call(name, args, t.span.through(close.span))
            }
            return .name(name, t.span)
        case .symbol("."): _ = advance(); return .dot(t.span)
        case .symbol("("):
            try enter(advance())
            defer { nesting -= 1 }
            let inner = try pipeline()
            _ = try expect(")", "')' to close the parenthesis")
            return inner
        case .symbol("["):
            try enter(advance())
            defer { nesting -= 1 }
            var items: [Expr] = []
            if !check("]") { repeat { items.append(try expression()) } while match(",") && !check("]") }
            let close = try expect("]", "']' to close the list")
            return .list(items, t.span.through(close.span))
        case .symbol("{"):
            try enter(advance())
            defer { nesting -= 1 }
            var pairs: [(String, Expr)] = []
            if !check("}") {
                repeat {
                    let k = advance()
                    let key: String
                    switch k.kind {
                    case .identifier(let n), .string(let n): key = n
                    default: throw error("expected a key in the record, found \(k.display)", at: k)
                    }
                    _ = try expect(":", "':' after the key")
                    pairs.append((key, try expression()))
                } while match(",") && !check("}")
            }
            _ = try expect("}", "'}' to close the record")
            return .record(pairs, t.span)
        case .keyword("is") where peekToken.identifier == ".na":
            throw error("is.na(x) is R; msnb asks 'x is null'", at: t, hint: "write x is null (or x is not null)")
        case .keyword("desc"), .keyword("asc"):
            throw error("\(t.display) goes after the column in msnb", at: t, hint: "write sort x desc")
        case .symbol("!"):
            throw error("'!' is not msnb's negation", at: t, hint: "write not x, or x != y")
        case .newline, .end:
            throw error("the expression is incomplete: expected a value, found \(t.display)", at: t)
        default:
            throw error("expected a value, found \(t.display)", at: t)
        }
    }
}

extension Lexer {
    /// The next raw token (newlines not filtered); used by `Parser.isComplete`.
    mutating func nextToken() -> Token {
        let (tokens, _) = Lexer.single(&self)
        return tokens
    }
}
