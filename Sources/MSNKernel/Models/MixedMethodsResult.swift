import MSNTable

/// The result of `agreement`, `prevalence` or `joint`: a summary (labelled values, paragraphs,
/// warnings) and named tables (`part NAME` picks one). The numbers are data; renderers lay them out.
public struct MixedMethodsResult: ModelValue {
    /// "agreement", "prevalence" or "joint".
    public let kind: String
    /// The summary shown first.
    public let summary: ModelSummary
    /// The tables, in display order.
    public let parts: [(name: String, table: Table)]
    /// Facts the sentences need beyond the tables (counts, the group column, what the joint display
    /// compares), for `interpret` in any language and audience.
    public let facts: [String: String]

    /// A result.
    public init(kind: String, summary: ModelSummary, parts: [(name: String, table: Table)], facts: [String: String] = [:]) {
        self.kind = kind
        self.summary = summary
        self.parts = parts
        self.facts = facts
    }

    /// The same result with other summary paragraphs.
    func with(paragraphs: [String]) -> MixedMethodsResult {
        var s = summary
        s.paragraphs = paragraphs
        return MixedMethodsResult(kind: kind, summary: s, parts: parts, facts: facts)
    }

    public var shape: String { "\(parts.count) tables: \(parts.map(\.name).joined(separator: ", "))" }

    /// The table called `name`, if any.
    public func part(_ name: String) -> Table? { parts.first { $0.name == name }?.table }
}
