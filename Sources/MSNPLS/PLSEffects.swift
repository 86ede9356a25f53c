/// One indirect route `from → … → to` and its effect (the product of its path coefficients).
public struct PLSIndirectEffect: Sendable, Equatable {
    public var route: [String]
    public var effect: Double
    public var from: String { route.first ?? "" }
    public var to: String { route.last ?? "" }
}

/// Total and indirect effects of the structural model.
public enum PLSEffects {
    /// B[i][j] = the path coefficient i → j.
    static func matrix(_ fit: PLSFit) -> [[Double]] {
        let c = fit.spec.constructs.count
        var b = [[Double]](repeating: [Double](repeating: 0, count: c), count: c)
        for (p, path) in fit.spec.paths.enumerated() {
            if let i = fit.index(path.from), let j = fit.index(path.to) { b[i][j] = fit.pathCoefficients[p] }
        }
        return b
    }

    /// Total effects B + B² + … (the model is recursive, so the series ends).
    public static func total(_ fit: PLSFit) -> [(from: String, to: String, direct: Double, indirect: Double, total: Double)] {
        let b = matrix(fit)
        let c = b.count
        var power = b, sum = b
        for _ in 1..<max(c, 1) {
            var next = [[Double]](repeating: [Double](repeating: 0, count: c), count: c)
            for i in 0..<c { for k in 0..<c where power[i][k] != 0 { for j in 0..<c { next[i][j] += power[i][k] * b[k][j] } } }
            power = next
            for i in 0..<c { for j in 0..<c { sum[i][j] += power[i][j] } }
        }
        let names = fit.constructNames
        let reach = reachable(fit)
        var out: [(String, String, Double, Double, Double)] = []
        for i in 0..<c { for j in 0..<c where reach[i][j] { out.append((names[i], names[j], b[i][j], sum[i][j] - b[i][j], sum[i][j])) } }
        return out.map { (from: $0.0, to: $0.1, direct: $0.2, indirect: $0.3, total: $0.4) }
    }

    /// Whether a directed route i → … → j exists.
    static func reachable(_ fit: PLSFit) -> [[Bool]] {
        let c = fit.spec.constructs.count
        var r = [[Bool]](repeating: [Bool](repeating: false, count: c), count: c)
        for p in fit.spec.paths { if let i = fit.index(p.from), let j = fit.index(p.to) { r[i][j] = true } }
        for k in 0..<c { for i in 0..<c where r[i][k] { for j in 0..<c where r[k][j] { r[i][j] = true } } }
        return r
    }

    /// Every route with at least one intermediate construct, in construct order of its source.
    public static func specificIndirect(_ fit: PLSFit) -> [PLSIndirectEffect] {
        let b = matrix(fit)
        let names = fit.constructNames
        var out: [PLSIndirectEffect] = []
        func walk(_ route: [Int], _ effect: Double) {
            guard let last = route.last else { return }
            for next in names.indices where fit.spec.paths.contains(PLSPath(from: names[last], to: names[next])) {
                let r = route + [next]
                if r.count >= 3 { out.append(PLSIndirectEffect(route: r.map { names[$0] }, effect: effect * b[last][next])) }
                walk(r, effect * b[last][next])
            }
        }
        for i in names.indices { walk([i], 1) }
        return out
    }
}
