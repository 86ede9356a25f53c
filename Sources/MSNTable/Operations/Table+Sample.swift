extension Table {
    /// `n` rows drawn without replacement (all rows when n ≥ rowCount), kept in their original order.
    /// With `stratum`, rows are drawn from each level in proportion to its size (largest remainders).
    public func sample(_ n: Int, stratum: String? = nil, seed: UInt64) throws -> Table {
        guard n >= 0 else { throw TableError.invalidArgument("sample size must be non-negative, got \(n)") }
        var rng = SeededGenerator(seed: seed)
        let strata = try strataRows(stratum)
        let quotas = Table.allocate(min(n, rowCount), sizes: strata.map(\.count))
        var chosen: [Int] = []
        for (rows, q) in zip(strata, quotas) {
            var r = rows
            rng.shuffle(&r)
            chosen += r.prefix(q)
        }
        return take(chosen.sorted())
    }

    /// Splits rows into (train, test) with `fraction` of the rows in train, optionally stratified so
    /// that each level of `stratum` is split in the same proportion. Both keep the original row order.
    public func split(fraction: Double, stratum: String? = nil, seed: UInt64) throws -> (train: Table, test: Table) {
        guard fraction > 0, fraction < 1 else {
            throw TableError.invalidArgument("split fraction must be between 0 and 1 (exclusive), got \(FloatFormat.shortest(fraction))")
        }
        var rng = SeededGenerator(seed: seed)
        var train: [Int] = [], test: [Int] = []
        for rows in try strataRows(stratum) {
            var r = rows
            rng.shuffle(&r)
            let k = Int((Double(r.count) * fraction).rounded())
            train += r.prefix(k)
            test += r.dropFirst(k)
        }
        return (take(train.sorted()), take(test.sorted()))
    }

    private func strataRows(_ stratum: String?) throws -> [[Int]] {
        guard let stratum else { return [Array(0..<rowCount)] }
        return try grouping(by: [stratum]).rowsByGroup()
    }

    /// Proportional allocation of `n` over strata by the largest-remainder method (ties to the first stratum).
    static func allocate(_ n: Int, sizes: [Int]) -> [Int] {
        let total = sizes.reduce(0, +)
        guard total > 0 else { return sizes.map { _ in 0 } }
        let exact = sizes.map { Double(n) * Double($0) / Double(total) }
        var quotas = exact.map { Int($0.rounded(.down)) }
        var left = n - quotas.reduce(0, +)
        let order = exact.indices.sorted { (exact[$0] - Double(quotas[$0]), -$0) > (exact[$1] - Double(quotas[$1]), -$1) }
        for i in order where left > 0 && quotas[i] < sizes[i] { quotas[i] += 1; left -= 1 }
        return quotas
    }
}
