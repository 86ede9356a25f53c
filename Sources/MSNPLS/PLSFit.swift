import Foundation
import MSNStats

/// Settings of `fit pls` (seminr's defaults).
public struct PLSOptions: Sendable, Equatable {
    public var scheme: PLSScheme = .path
    public var consistency: PLSConsistency = .none
    public var missing: PLSMissing = .mean
    /// Cells equal to this value are missing (seminr's `missing_value`, e.g. -99).
    public var missingValue: Double?
    public var maxIterations = 300
    /// Stop when Σ|ΔW| < 10^−stopCriterion.
    public var stopCriterion: Double = 7
    /// How interaction terms `A:B` are measured.
    public var interactionMethod: PLSInteractionMethod = .twoStage
    public init() {}
}

/// A fitted PLS path model: weights, loadings, paths, R², construct scores (and PLSc corrections).
public struct PLSFit: Sendable {
    public var spec: PLSSpecification
    public var options: PLSOptions
    public var data: PLSData
    /// Outer weights per construct (aligned with its items).
    public var weights: [[Double]]
    /// Outer loadings per construct (PLSc loadings for reflective constructs under PLSc).
    public var loadings: [[Double]]
    /// Construct scores per construct, one value per kept row.
    public var scores: [[Double]]
    /// Correlations of the construct scores (uncorrected).
    public var scoreCorrelations: [[Double]]
    /// The correlations paths and R² are solved from (disattenuated under PLSc).
    public var constructCorrelations: [[Double]]
    /// rho_A used by PLSc (1 for composites and single items); nil without PLSc.
    public var plscRho: [Double]?
    /// Path coefficients, aligned with `spec.paths`.
    public var pathCoefficients: [Double]
    /// R² and adjusted R² per endogenous construct (in `spec.endogenous` order).
    public var rSquared: [(construct: String, r2: Double, adjusted: Double)]
    public var iterations: Int
    public var converged: Bool
    /// Things the user should know (non-convergence).
    public var warnings: [String]

    public var constructNames: [String] { spec.constructs.map(\.name) }
    public var isConsistent: Bool { spec.constructs.contains { $0.reflective } }

    /// Parses `model`, prepares `data` (numeric columns by name, NaN for missing) and estimates.
    public static func fit(model: String, data: [String: [Double]], options: PLSOptions = PLSOptions()) throws -> PLSFit {
        let spec = try PLSSpecification.parse(model, consistency: options.consistency)
        let prepared = try PLSData.prepare(data, items: spec.dataItems, missing: options.missing, missingValue: options.missingValue)
        return try fit(spec: spec, base: prepared, options: options)
    }

    /// Estimates `spec` from the data items (no interaction products). With interaction terms this is
    /// seminr's two-stage approach: stage 1 (the model without them) gives construct scores, the product
    /// of the two scores is the single item of `A:B`, then the whole model is estimated.
    public static func fit(spec: PLSSpecification, base: PLSData, options: PLSOptions) throws -> PLSFit {
        guard !spec.interactions.isEmpty else { return try fit(spec: spec, data: base, options: options) }
        func column(_ item: String) throws -> [Double] {
            guard let j = base.items.firstIndex(of: item) else { throw PLSError.unknownVariable(item, available: base.items) }
            return base.raw[j]
        }
        if options.interactionMethod != .twoStage {
            // Product indicators (optionally orthogonalised) replace the term's single item.
            var spec = spec
            var extra: [String: [Double]] = [:]
            for x in spec.interactions {
                let items = try productItems(x, spec: spec, column: column, orthogonal: options.interactionMethod == .orthogonal)
                for (name, v) in items { extra[name] = v }
                if let k = spec.constructs.firstIndex(where: { $0.name == x.name }) { spec.constructs[k].items = items.map(\.0) }
            }
            let items = spec.constructs.flatMap(\.items)
            return try fit(spec: spec, data: try PLSData(items: items, raw: try items.map { try extra[$0] ?? column($0) }, rows: base.rows), options: options)
        }
        let stage1Spec = spec.withoutInteractions()
        let items1 = stage1Spec.constructs.flatMap(\.items)
        let stage1 = try fit(spec: stage1Spec, data: try PLSData(items: items1, raw: try items1.map(column), rows: base.rows), options: options)
        var products: [String: [Double]] = [:]
        for x in spec.interactions {
            guard let a = stage1.index(x.a), let b = stage1.index(x.b) else {
                throw PLSError.specification("the interaction \(x.name) needs \(x.a) and \(x.b) in the model without it")
            }
            products[x.name] = zip(stage1.scores[a], stage1.scores[b]).map { $0 * $1 }
        }
        let items = spec.constructs.flatMap(\.items)
        let raw = try items.map { try products[$0] ?? column($0) }
        return try fit(spec: spec, data: try PLSData(items: items, raw: raw, rows: base.rows), options: options)
    }

    /// Estimates `spec` on prepared data.
    public static func fit(spec: PLSSpecification, data: PLSData, options: PLSOptions) throws -> PLSFit {
        let solution = try PLSEstimator.estimate(spec, data.z, scheme: options.scheme,
                                                 maxIterations: options.maxIterations, stopCriterion: options.stopCriterion)
        let nm1 = Double(data.n - 1)
        var offsets: [Int] = []
        var o = 0
        for k in spec.constructs { offsets.append(o); o += k.items.count }
        var loadings = spec.constructs.indices.map { k in
            spec.constructs[k].items.indices.map { t in Columns.cov(data.z[offsets[k] + t], solution.scores[k]) }
        }
        // seminr (Henseler & Chin 2010) rescales an interaction term's score by Σ sd(item)·|λ| / Σ|λ|
        // (sd of the raw product items), so its loadings and its (unstandardised) path scale with it.
        var scores = solution.scores
        var scale = [Double](repeating: 1, count: spec.constructs.count)
        for x in spec.interactions {
            guard let k = spec.constructs.firstIndex(where: { $0.name == x.name }) else { continue }
            let l = loadings[k]
            var num = 0.0, den = 0.0
            for t in l.indices { num += data.sds[offsets[k] + t] * abs(l[t]); den += abs(l[t]) }
            guard den > 0 else { continue }
            scale[k] = num / den
            scores[k] = scores[k].map { $0 * scale[k] }
            loadings[k] = l.map { $0 * scale[k] }
        }
        let r = Columns.corMatrix(solution.scores)
        var corrected = r
        var rho: [Double]?
        if spec.constructs.contains(where: { $0.reflective }) {
            // PLSc (Dijkstra & Henseler 2015): common factors are corrected with rho_A, composites are not.
            var rh = [Double](repeating: 1, count: spec.constructs.count)
            for (k, con) in spec.constructs.enumerated() where con.reflective && con.items.count > 1 {
                let v = PLSQuality.rhoA(weights: solution.weights[k], itemCor: Columns.corMatrixStandardized(Array(data.z[offsets[k]..<(offsets[k] + con.items.count)])))
                guard v > 0, v.isFinite else { throw PLSError.inadmissible("rho_A of \(con.name) is \(v); estimate it as a composite") }
                rh[k] = v
                let w = solution.weights[k]
                let ww = w.reduce(0) { $0 + $1 * $1 }
                loadings[k] = w.map { $0 * v.squareRoot() / ww }
            }
            for a in corrected.indices { for b in corrected.indices where a != b { corrected[a][b] = r[a][b] / (rh[a] * rh[b]).squareRoot() } }
            rho = rh
        }
        let index = Dictionary(uniqueKeysWithValues: spec.constructs.enumerated().map { ($1.name, $0) })
        var coefficients = [Double](repeating: 0, count: spec.paths.count)
        var rsq: [(String, Double, Double)] = []
        for target in spec.endogenous {
            guard let j = index[target] else { continue }
            let preds = spec.predecessors(of: target).compactMap { index[$0] }
            let beta = try PLSEstimator.regress(corrected, preds, j, name: target)
            for (t, i) in preds.enumerated() {
                // Paths come from OLS on the scores: an interaction's rescaled score divides its coefficient
                // (PLSc solves standardised paths from the corrected correlations, as seminr).
                let raw = rho == nil ? beta[t] / scale[i] : beta[t]
                if let pi = spec.paths.firstIndex(of: PLSPath(from: spec.constructs[i].name, to: target)) { coefficients[pi] = raw }
            }
            var r2 = 0.0
            for (t, i) in preds.enumerated() { r2 += beta[t] * corrected[i][j] }
            let adj = 1 - (1 - r2) * nm1 / (Double(data.n) - Double(preds.count) - 1)
            rsq.append((target, r2, adj))
        }
        var warnings: [String] = []
        if !solution.converged {
            warnings.append("the PLS algorithm did not converge in \(options.maxIterations + 1) passes (last Σ|ΔW| = \(solution.weightDiff)); results are from the last pass")
        }
        return PLSFit(spec: spec, options: options, data: data, weights: solution.weights, loadings: loadings,
                      scores: scores, scoreCorrelations: r, constructCorrelations: corrected, plscRho: rho,
                      pathCoefficients: coefficients, rSquared: rsq.map { (construct: $0.0, r2: $0.1, adjusted: $0.2) },
                      iterations: solution.iterations, converged: solution.converged, warnings: warnings)
    }

    /// Offsets of each construct's first item in `data.items`.
    var offsets: [Int] {
        var out: [Int] = []
        var o = 0
        for k in spec.constructs { out.append(o); o += k.items.count }
        return out
    }

    /// Standardised items of construct `k`.
    func block(_ k: Int) -> [[Double]] { Array(data.z[offsets[k]..<(offsets[k] + spec.constructs[k].items.count)]) }

    /// The index of a construct by name.
    func index(_ name: String) -> Int? { spec.constructs.firstIndex { $0.name == name } }
}
