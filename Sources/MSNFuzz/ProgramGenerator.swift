/// A grammar-aware generator: fuzz bytes pick productions of a small grammar of msnb programs over a
/// tiny table `t`, so that most inputs are valid programs that reach the evaluator and the verbs
/// rather than stopping at the parser. Bytes are read as choices; running out of bytes ends a choice
/// with its first (simplest) option, so every input maps to a finite program.
public struct ProgramGenerator {
    /// The tiny table (every type, nulls, an infinity, a long text cell).
    public static let tinyCSV = """
    id,x,g,b,s
    1,1.5,a,true,hello
    2,,b,false,
    3,-2.25,a,,"quoted, text"
    4,inf,c,true,NA
    9223372036854775807,0,b,false,\(String(repeating: "w", count: 200))

    """
    /// Loads it as `t` (the replay tests and the generator's own test; the fuzz target binds the
    /// table read once instead, so that no input reads a file).
    public static let prelude = "t = load \"tiny.csv\"\n"

    private var bytes: [UInt8]
    private var pos = 0
    private var depth = 0

    /// The program for `bytes`: up to 6 statements.
    public static func program(from bytes: [UInt8]) -> String {
        var g = ProgramGenerator(bytes: bytes)
        var lines: [String] = []
        for _ in 0..<(1 + g.pick(6)) where g.pos < g.bytes.count { lines.append(g.statement()) }
        return lines.joined(separator: "\n") + "\n"
    }

    private mutating func pick(_ n: Int) -> Int {
        guard pos < bytes.count, n > 1 else { return 0 }
        defer { pos += 1 }
        return Int(bytes[pos]) % n
    }

    private mutating func statement() -> String {
        switch pick(6) {
        case 0: return "t | " + stages()
        case 1: return "u = t | " + stages()
        case 2: return "def f\(pick(3))(v) = " + expr()
        case 3: return "def p\(pick(3))(tab) = tab | " + stages()
        case 4: return "set " + ["rows", "digits", "seed"][pick(3)] + " = " + literal()
        default: return expr()
        }
    }

    private mutating func stages() -> String {
        (0..<(1 + pick(3))).map { _ in stage() }.joined(separator: " | ")
    }

    private static let columns = ["id", "x", "g", "b", "s", "nope"]
    private static let aggregates = ["sum", "mean", "sd", "min", "max", "median", "count", "n_distinct", "first", "var"]

    private mutating func column() -> String { Self.columns[pick(Self.columns.count)] }

    private mutating func stage() -> String {
        switch pick(16) {
        case 0: return "filter " + expr()
        case 1: return "derive y = " + expr()
        case 2: return "select " + column() + (pick(2) == 0 ? "" : ", " + column())
        case 3: return "sort " + column() + (pick(2) == 0 ? "" : " desc")
        case 4: return "head \(literal())"
        case 5: return "tail \(literal())"
        case 6: return "summarize m = \(Self.aggregates[pick(Self.aggregates.count)])(\(column()))" + (pick(2) == 0 ? "" : " by " + column())
        case 7: return "describe"
        case 8: return "distinct " + column()
        case 9: return "count " + column()
        case 10: return "drop " + column()
        case 11: return "sample \(literal()) seed 1"
        case 12: return "join t on " + column()
        case 13: return "export \"" + ["a.csv", "../b.csv", "/tmp/c.csv", "d/e.csv"][pick(4)] + "\""
        case 14: return "p\(pick(3))"
        default:
            // Boosting always with 2 trees (a fit stays cheap); the folds vary.
            let kind = ["linear", "boost", "logistic"][pick(3)]
            let formula = "fit \(kind) x ~ " + column()
            let folds = pick(2) == 0 ? "" : ", folds = \(literal())"
            return formula + (kind == "boost" || !folds.isEmpty ? " with trees = 2" + folds : "")
        }
    }

    private mutating func literal() -> String {
        ["0", "1", "-1", "2", "0.5", "9223372036854775807", "1e308", "-3", "\"a\"", "null", "true", "1000"][pick(12)]
    }

    private mutating func expr() -> String {
        depth += 1
        defer { depth -= 1 }
        if depth > 6 { return pick(2) == 0 ? literal() : column() }
        switch pick(12) {
        case 0, 1: return literal()
        case 2, 3: return column()
        case 4: return expr() + " " + ["+", "-", "*", "/", "%", "^"][pick(6)] + " " + expr()
        case 5: return expr() + " " + ["==", "!=", "<", "<=", ">", ">="][pick(6)] + " " + expr()
        case 6: return expr() + [" and ", " or "][pick(2)] + expr()
        case 7: return ["-", "not "][pick(2)] + expr()
        case 8: return "(" + expr() + ")"
        case 9:
            let f = ["round", "abs", "sqrt", "log", "exp", "to_int", "to_float", "to_string", "len", "lower", "coalesce", "if", "f0", "f1", "quantile", "pow"][pick(16)]
            let n = ["if": 3, "coalesce": 2, "round": 2, "quantile": 2, "pow": 2][f] ?? 1
            return f + "(" + (0..<n).map { _ in expr() }.joined(separator: ", ") + ")"
        case 10: return expr() + " is " + (pick(2) == 0 ? "" : "not ") + "null"
        default: return column() + " in [" + literal() + ", " + literal() + "]"
        }
    }
}
