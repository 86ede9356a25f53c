import MSNSEM

/// How a construct's outer weights are estimated.
public enum PLSMode: String, Sendable, Equatable {
    /// Mode A (correlation weights): `=~`.
    case a = "A"
    /// Mode B (regression weights): `<~`.
    case b = "B"
    /// Unit weights: every term written `1*item`.
    case unit
}

/// One construct of the measurement model.
public struct PLSConstruct: Sendable, Equatable {
    /// The construct's name.
    public var name: String
    /// Its indicators, in the order written.
    public var items: [String]
    /// How its weights are estimated.
    public var mode: PLSMode
    /// A common factor corrected by consistent PLS (PLSc); only mode A constructs can be.
    public var reflective: Bool
}

/// One structural path `from → to`.
public struct PLSPath: Sendable, Equatable, Hashable {
    public var from: String
    public var to: String
    public init(from: String, to: String) { self.from = from; self.to = to }
}

/// An interaction term `A:B`: a single-item construct whose item is the product of the stage-1 scores
/// of A and B (seminr's two-stage approach).
public struct PLSInteraction: Sendable, Equatable {
    public var name: String, a: String, b: String
    public init(name: String, a: String, b: String) { self.name = name; self.a = a; self.b = b }
}

/// Which `=~` constructs consistent PLS treats as common factors.
public enum PLSConsistency: Sendable, Equatable {
    /// Plain PLS: every construct is a composite.
    case none
    /// Every multi-item `=~` construct is reflective.
    case all
    /// The named `=~` constructs are reflective.
    case only([String])
}

/// A PLS path model read from lavaan syntax: `=~` mode A, `<~` mode B, `~` structural paths.
public struct PLSSpecification: Sendable, Equatable {
    /// Constructs in seminr's order: first occurrence among the path sources (row order), then targets.
    public var constructs: [PLSConstruct]
    /// Paths in row order (`C ~ A + B` gives A→C, B→C).
    public var paths: [PLSPath]
    /// Interaction terms (`C ~ A + B + A:B`), estimated in two stages.
    public var interactions: [PLSInteraction] = []

    /// Reads `text` with MSNSEM's lavaan parser.
    public static func parse(_ text: String, consistency: PLSConsistency = .none) throws -> PLSSpecification {
        let statements: [SyntaxStatement]
        do { statements = try ModelSyntax.parse(text) } catch let SEMError.syntax(l, c, m) {
            throw PLSError.syntax(line: l, column: c, message: m)
        }
        var blocks: [String: PLSConstruct] = [:]
        var paths: [PLSPath] = []
        for s in statements {
            switch s.op {
            case "=~", "<~":
                guard blocks[s.lhs] == nil else {
                    throw PLSError.syntax(line: s.line, column: 1, message: "construct '\(s.lhs)' is measured twice; list all its items in one statement")
                }
                let unit = s.terms.allSatisfy { $0.fixed == 1 }
                if let bad = s.terms.first(where: { ($0.fixed != nil && !unit) || $0.label != nil || $0.forcedFree || !$0.perGroup.isEmpty }) {
                    throw PLSError.syntax(line: s.line, column: 1, message: "'\(bad.name)': PLS takes no modifiers except 1* on every item (unit weights)")
                }
                let mode: PLSMode = unit ? .unit : (s.op == "<~" ? .b : .a)
                blocks[s.lhs] = PLSConstruct(name: s.lhs, items: s.terms.map(\.name), mode: mode, reflective: false)
            case "~":
                for t in s.terms {
                    guard t.name != "1" else { throw PLSError.syntax(line: s.line, column: 1, message: "PLS has no intercepts (~ 1)") }
                    guard t.fixed == nil, t.label == nil, !t.forcedFree else {
                        throw PLSError.syntax(line: s.line, column: 1, message: "PLS paths take no modifiers ('\(t.name)')")
                    }
                    let p = PLSPath(from: t.name, to: s.lhs)
                    guard p.from != p.to else { throw PLSError.syntax(line: s.line, column: 1, message: "'\(p.to)' cannot predict itself") }
                    if !paths.contains(p) { paths.append(p) }
                }
            default:
                throw PLSError.syntax(line: s.line, column: 1, message: "'\(s.op)' is not part of a PLS model (use =~, <~ and ~)")
            }
        }
        var interactions: [PLSInteraction] = []
        for p in paths where ModelSyntax.isInteraction(p.from) && !interactions.contains(where: { $0.name == p.from }) {
            let parts = p.from.split(separator: ":").map(String.init)
            let x = PLSInteraction(name: p.from, a: parts[0], b: parts[1])
            for c in [x.a, x.b] where blocks[c] == nil {
                throw PLSError.specification("the interaction \(x.name) needs \(c) to be a construct (\(c) =~ …)")
            }
            for target in paths.filter({ $0.from == x.name }).map(\.to) {
                for c in [x.a, x.b] where !paths.contains(PLSPath(from: c, to: target)) {
                    throw PLSError.specification("the interaction \(x.name) → \(target) needs the direct effect too: add \(c) to \(target) ~ …")
                }
            }
            blocks[x.name] = PLSConstruct(name: x.name, items: [x.name], mode: .a, reflective: false)
            interactions.append(x)
        }
        guard !paths.isEmpty else {
            throw PLSError.specification("a PLS model needs at least one structural path (Y ~ X)")
        }
        var order: [String] = []
        for name in paths.map(\.from) + paths.map(\.to) where !order.contains(name) { order.append(name) }
        var constructs: [PLSConstruct] = []
        for name in order {
            guard var c = blocks[name] else {
                throw PLSError.specification("'\(name)' is in a path but has no measurement statement; write \(name) =~ item1 + item2 (a single item is fine)")
            }
            switch consistency {
            case .none: break
            case .all: c.reflective = c.mode == .a && !interactions.contains { $0.name == name }
            case .only(let names): c.reflective = names.contains(name)
            }
            if c.reflective && c.mode != .a {
                throw PLSError.specification("'\(name)' is a composite (<~ or unit weights); only =~ constructs can be made consistent")
            }
            constructs.append(c)
        }
        if case .only(let names) = consistency, let missing = names.first(where: { n in !constructs.contains { $0.name == n } }) {
            throw PLSError.specification("consistent names '\(missing)', which is not a construct of the model")
        }
        for name in blocks.keys.sorted() where !order.contains(name) {
            throw PLSError.specification("construct '\(name)' is in no structural path; add a path or remove it")
        }
        let items = constructs.flatMap(\.items)
        if let dup = items.first(where: { i in items.filter { $0 == i }.count > 1 }) {
            throw PLSError.specification("item '\(dup)' measures more than one construct")
        }
        if let clash = constructs.first(where: { c in items.contains(c.name) && !interactions.contains { $0.name == c.name } }) {
            throw PLSError.specification("'\(clash.name)' is both a construct and an item; rename one")
        }
        try checkAcyclic(order, paths)
        return PLSSpecification(constructs: constructs, paths: paths, interactions: interactions)
    }

    /// The items read from the data (every item except the interaction products).
    public var dataItems: [String] {
        constructs.filter { c in !interactions.contains { $0.name == c.name } }.flatMap(\.items)
    }

    /// Stage 1 of the two-stage approach: the model without its interaction terms.
    public func withoutInteractions() -> PLSSpecification {
        let names = Set(interactions.map(\.name))
        return PLSSpecification(constructs: constructs.filter { !names.contains($0.name) }, paths: paths.filter { !names.contains($0.from) })
    }

    /// PLS path models are recursive: a cycle has no OLS path estimates.
    static func checkAcyclic(_ names: [String], _ paths: [PLSPath]) throws {
        var state: [String: Int] = [:]
        func visit(_ n: String) throws {
            if state[n] == 2 { return }
            if state[n] == 1 { throw PLSError.specification("the structural model has a cycle through '\(n)'; PLS needs a recursive model") }
            state[n] = 1
            for p in paths where p.from == n { try visit(p.to) }
            state[n] = 2
        }
        for n in names { try visit(n) }
    }

    /// The same model without `path` (constructs left without any path drop out, as in seminr's f²).
    public func removing(_ path: PLSPath) -> PLSSpecification? {
        let rest = paths.filter { $0 != path }
        guard !rest.isEmpty else { return nil }
        var order: [String] = []
        for name in rest.map(\.from) + rest.map(\.to) where !order.contains(name) { order.append(name) }
        let byName = Dictionary(uniqueKeysWithValues: constructs.map { ($0.name, $0) })
        return PLSSpecification(constructs: order.compactMap { byName[$0] }, paths: rest, interactions: interactions.filter { order.contains($0.name) })
    }

    /// Predecessors of `construct`, in path order.
    public func predecessors(of construct: String) -> [String] { paths.filter { $0.to == construct }.map(\.from) }

    /// Endogenous constructs, in construct order.
    public var endogenous: [String] { constructs.map(\.name).filter { !predecessors(of: $0).isEmpty } }
}
