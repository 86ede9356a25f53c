import MSNStats
import MSNTable

/// The result tables of a PLS fit (what `estimates`, `rsquare`, `reliability`, `fsquare`, `vif`,
/// `crossloadings`, `effects` and `predict` show).
public enum PLSTables {
    static func text(_ v: [String]) -> Column { .string(StringColumn(v)) }
    static func num(_ v: [Double]) -> Column { .float(v, nanIsNull: true) }
    static func opt(_ v: [Double?]) -> Column { .float(TypedColumn(optionals: v)) }

    /// Appends bootstrap columns (se, percentile and BCa limits) for the given parameters.
    static func withBootstrap(_ pairs: [(String, Column)], _ keys: [PLSParameter], _ boot: PLSBootstrapResult?) -> [(String, Column)] {
        guard let boot else { return pairs }
        let iv = keys.map { k in boot.parameters.firstIndex(of: k).map { boot.intervals[$0] } }
        return pairs + [
            ("boot_mean", opt(iv.map { $0?.mean })), ("se", opt(iv.map { $0?.se })),
            ("ci_lower", opt(iv.map { $0?.percentileLower })), ("ci_upper", opt(iv.map { $0?.percentileUpper })),
            ("bca_lower", opt(iv.map { $0?.bcaLower ?? nil })), ("bca_upper", opt(iv.map { $0?.bcaUpper ?? nil })),
        ]
    }

    /// Paths (`~`), loadings (`=~`) and outer weights (`<~`), with bootstrap intervals when bootstrapped.
    public static func estimates(_ fit: PLSFit, bootstrap: PLSBootstrapResult? = nil) throws -> Table {
        let rows = fit.parameterVector().filter { ["path", "loading", "weight"].contains($0.0.kind) }
        let keys = rows.map(\.0)
        return try Table(withBootstrap([
            ("parameter", text(keys.map(\.kind))), ("lhs", text(keys.map(\.lhs))), ("op", text(keys.map(\.op))),
            ("rhs", text(keys.map(\.rhs))), ("est", num(rows.map(\.1))),
        ], keys, bootstrap))
    }

    /// R² and adjusted R² of each endogenous construct.
    public static func rSquare(_ fit: PLSFit) throws -> Table {
        try Table([("construct", text(fit.rSquared.map(\.construct))), ("r2", num(fit.rSquared.map(\.r2))),
                   ("adj_r2", num(fit.rSquared.map(\.adjusted)))])
    }

    /// Per construct: mode, alpha, rho_A, rho_C, AVE, then the Fornell–Larcker matrix (fl_*) and HTMT (htmt_*).
    public static func reliability(_ fit: PLSFit) throws -> Table {
        let rel = PLSQuality.reliability(fit)
        let names = fit.constructNames
        var pairs: [(String, Column)] = [
            ("construct", text(names)),
            ("mode", text(fit.spec.constructs.map { $0.reflective ? "reflective" : ($0.mode == .unit ? "unit" : "mode \($0.mode.rawValue)") })),
            ("alpha", num(rel.map(\.alpha))), ("rho_a", num(rel.map(\.rhoA))), ("rho_c", num(rel.map(\.rhoC))), ("ave", num(rel.map(\.ave))),
        ]
        for (b, nb) in names.enumerated() {
            pairs.append(("fl_\(nb)", opt(names.indices.map { a in a == b ? rel[a].ave.squareRoot() : (a > b ? fit.scoreCorrelations[a][b] : nil) })))
        }
        let h = PLSQuality.htmt(fit)
        for nb in names {
            pairs.append(("htmt_\(nb)", opt(names.map { na in h.first { $0.a == nb && $0.b == na }?.value })))
        }
        return try Table(pairs)
    }

    /// f² of every path.
    public static func fSquare(_ fit: PLSFit) throws -> Table {
        let f = try PLSQuality.fSquare(fit)
        return try Table([("from", text(f.map(\.from))), ("to", text(f.map(\.to))), ("f2", num(f.map(\.f2)))])
    }

    /// Collinearity: item VIFs within each construct (`outer`) and VIFs among predecessors (`inner`).
    public static func vif(_ fit: PLSFit) throws -> Table {
        let outer = try PLSQuality.itemVIF(fit)
        let inner = try PLSQuality.antecedentVIF(fit)
        return try Table([
            ("kind", text(outer.map { _ in "outer" } + inner.map { _ in "inner" })),
            ("construct", text(outer.map(\.construct) + inner.map(\.to))),
            ("variable", text(outer.map(\.item) + inner.map(\.from))),
            ("vif", num(outer.map(\.vif) + inner.map(\.vif))),
        ])
    }

    /// Items by constructs: cor(item, construct score).
    public static func crossLoadings(_ fit: PLSFit) throws -> Table {
        let cl = PLSQuality.crossLoadings(fit)
        let names = fit.constructNames
        var pairs: [(String, Column)] = [("item", text(fit.data.items))]
        for name in names { pairs.append((name, num(fit.data.items.map { i in cl.first { $0.item == i && $0.construct == name }?.value ?? .nan }))) }
        return try Table(pairs)
    }

    /// Direct, total indirect and total effects of every connected pair, then every specific indirect effect.
    public static func effects(_ fit: PLSFit, bootstrap: PLSBootstrapResult? = nil) throws -> Table {
        let rows = fit.parameterVector().filter { ["total", "total_indirect", "indirect"].contains($0.0.kind) }
        let direct = Dictionary(uniqueKeysWithValues: fit.spec.paths.enumerated().map { ($1, fit.pathCoefficients[$0]) })
        var keys: [PLSParameter] = [], kinds: [String] = [], from: [String] = [], to: [String] = [], route: [String] = [], est: [Double] = []
        for path in fit.spec.paths {
            keys.append(PLSParameter(kind: "path", lhs: path.to, op: "~", rhs: path.from))
            kinds.append("direct"); from.append(path.from); to.append(path.to); route.append("\(path.from) -> \(path.to)")
            est.append(direct[path] ?? .nan)
        }
        for (k, v) in rows {
            keys.append(k)
            let first = String(k.rhs.split(separator: " ").first ?? "")
            kinds.append(k.kind == "indirect" ? "specific indirect" : (k.kind == "total" ? "total" : "total indirect"))
            from.append(first); to.append(k.lhs)
            route.append(k.kind == "indirect" ? "\(k.rhs) -> \(k.lhs)" : "")
            est.append(v)
        }
        return try Table(withBootstrap([("effect", text(kinds)), ("from", text(from)), ("to", text(to)), ("route", text(route)), ("est", num(est))], keys, bootstrap))
    }

    /// Construct scores of the fitted rows (`row` is the 1-based input row).
    public static func scores(_ fit: PLSFit) throws -> Table {
        try Table([("row", .int(TypedColumn(fit.data.rows.map { Int64($0 + 1) })))] + fit.constructNames.enumerated().map { ($1, num(fit.scores[$0])) })
    }
}

extension PLSFit {
    /// Construct scores for new data: items standardised with the fitted means and SDs (missing cells,
    /// and `missing_value` cells, take the fitted mean), times the outer weights. One array per construct.
    public func scores(for newData: [String: [Double]], rows: Int) throws -> [[Double]] {
        guard spec.interactions.isEmpty else {
            throw PLSError.specification("construct scores for new rows are not available for a model with interaction terms yet")
        }
        var z: [[Double]] = []
        for (j, item) in data.items.enumerated() {
            guard let c = newData[item] else { throw PLSError.unknownVariable(item, available: newData.keys.sorted()) }
            z.append(c.map { v in
                let missing = v.isNaN || (options.missingValue.map { v == $0 } ?? false)
                return missing ? 0 : (v - data.means[j]) / data.sds[j]
            })
        }
        return offsets.indices.map { PLSEstimator.scoreColumn(weights[$0], z, offsets[$0]) }
    }
}
