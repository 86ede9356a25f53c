import MSNTable

/// The rows a panel model uses: complete in every variable and key, singletons dropped; with the
/// keys as dense codes and the counts a user needs to judge the sample.
struct PanelData: Sendable {
    var y: [Double]
    /// Regressors, column-major, in the order of the specification.
    var x: [[Double]]
    /// Every key the model uses (absorbed, id, time, clusters) as codes over the used rows.
    var keys: [String: GroupCodes]
    /// The time key's sort rank per used row (consecutive periods differ by 1), when there is a time key.
    var period: [Int]?
    /// The input rows used, in order.
    var used: [Int]
    var rowsInput: Int
    var rowsMissing: Int
    var singletons: Int

    static func prepare(_ table: Table, _ spec: PanelSpecification) throws -> PanelData {
        func column(_ name: String) throws -> Column {
            guard let c = table.column(named: name) else { throw PanelError.unknownColumn(name, available: table.columnNames) }
            return c
        }
        func numeric(_ name: String) throws -> [Double] {
            guard let d = try column(name).doubles() else { throw PanelError.notNumeric(name) }
            return d
        }
        let n = table.rowCount
        let y = try numeric(spec.response)
        let x = try spec.regressors.map(numeric)
        var keyNames: [String] = []
        for k in spec.absorb + [spec.entityKey, spec.timeKey].compactMap({ $0 }) + spec.clusterKeys where !keyNames.contains(k) {
            keyNames.append(k)
        }
        var keys: [String: GroupCodes] = [:]
        for k in keyNames { keys[k] = GroupCodes.factorize(try column(k)) }
        var complete = [Bool](repeating: true, count: n)
        for i in 0..<n {
            if y[i].isNaN || x.contains(where: { $0[i].isNaN }) || keys.values.contains(where: { $0.codes[i] < 0 }) { complete[i] = false }
        }
        var keep = (0..<n).filter { complete[$0] }
        let missing = n - keep.count
        var singletons = 0
        if spec.estimator == .within, spec.dropSingletons, !spec.absorb.isEmpty {
            let absorbed = spec.absorb.compactMap { keys[$0]?.subset(keep) }
            let alive = GroupCodes.dropSingletons(absorbed)
            singletons = keep.count - alive.count
            keep = alive.map { keep[$0] }
        }
        var period: [Int]? = nil
        if let t = spec.timeKey, let tc = table.column(named: t) { period = ranks(tc, keep) }
        return PanelData(y: keep.map { y[$0] }, x: x.map { c in keep.map { c[$0] } },
                         keys: keys.mapValues { $0.subset(keep) }, period: period, used: keep,
                         rowsInput: n, rowsMissing: missing, singletons: singletons)
    }

    /// The rank of each kept row's time value among the distinct sorted values (numbers numerically, text alphabetically).
    private static func ranks(_ column: Column, _ keep: [Int]) -> [Int] {
        if let d = column.doubles() {
            let values = Array(Set(keep.map { d[$0] })).sorted()
            let rank = Dictionary(uniqueKeysWithValues: values.enumerated().map { ($1, $0) })
            // Integer-valued times (years) keep their gaps: rank = value − min.
            if values.allSatisfy({ $0 == $0.rounded() }), let lo = values.first {
                return keep.map { Int(d[$0] - lo) }
            }
            return keep.map { rank[d[$0]] ?? 0 }
        }
        guard case .string(let s) = column else { return keep.map { _ in 0 } }
        let strings = s.strings
        let values = Array(Set(keep.compactMap { strings[$0] })).sorted()
        let rank = Dictionary(uniqueKeysWithValues: values.enumerated().map { ($1, $0) })
        return keep.map { strings[$0].flatMap { rank[$0] } ?? 0 }
    }

    var rows: Int { y.count }
}
