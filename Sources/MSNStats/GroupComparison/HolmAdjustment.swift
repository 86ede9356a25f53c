/// Holm's step-down adjustment of p-values (Holm 1979), as R's `p.adjust(method = "holm")`.
public enum HolmAdjustment {
    /// Adjusted p-values, in the order given. NaN entries stay NaN and do not count towards m.
    public static func adjust(_ pValues: [Double]) -> [Double] {
        let indexed = pValues.enumerated().filter { !$0.element.isNaN }.sorted {
            $0.element < $1.element || ($0.element == $1.element && $0.offset < $1.offset)
        }
        let m = indexed.count
        var result = pValues
        var running = 0.0
        for (rank, entry) in indexed.enumerated() {
            let value = min(1, Double(m - rank) * entry.element)
            running = max(running, value)
            result[entry.offset] = running
        }
        return result
    }
}
