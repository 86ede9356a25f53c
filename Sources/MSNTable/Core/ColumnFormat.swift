/// How a column of results should be shown: a hint that renderers honour. The values themselves are
/// never changed, so exports (CSV, Excel) keep full precision.
public enum ColumnFormat: Sendable, Equatable {
    /// p-values in APA style: "< .001", otherwise three decimals without the leading zero (".042").
    case pValue
    /// A statistic that cannot exceed 1 in size (r, CFI, AUC, a proportion): fixed decimals without the
    /// leading zero (".953", "-.12").
    case bounded(decimals: Int)
}

extension Table {
    /// A copy with display hints set for the columns named (names the table lacks are ignored).
    public func formatting(_ formats: [String: ColumnFormat]) -> Table {
        var t = self
        for (name, f) in formats where index(of: name) != nil { t.columnFormats[name] = f }
        return t
    }

    /// The hints of the columns that `names` keeps (for operations that rebuild the table).
    func formats(keeping names: [String]) -> [String: ColumnFormat] {
        guard !columnFormats.isEmpty else { return [:] }
        var out: [String: ColumnFormat] = [:]
        for n in names { if let f = columnFormats[n] { out[n] = f } }
        return out
    }
}
