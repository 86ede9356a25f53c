import Foundation
import MSNTable

/// The result of `compare regions`: a plain-language paragraph and ordered, named tables
/// (`numeric`, `levels`, `tests`, `pairwise` for data; `transfer`, `pooled`, `drivers` for a model).
/// Displaying it shows the paragraph, then every part under its name; `part NAME` picks one table.
public struct ComparisonReport: ModelValue {
    /// What was compared, e.g. "data" or "boost model".
    public let subject: String
    /// The plain-language paragraph.
    public let paragraph: String
    /// The tables, in display order.
    public let parts: [(name: String, table: Table)]

    /// A report.
    public init(subject: String, paragraph: String, parts: [(name: String, table: Table)]) {
        self.subject = subject
        self.paragraph = paragraph
        self.parts = parts
    }

    public var kind: String { "comparison" }
    public var shape: String { "\(parts.count) tables: \(parts.map(\.name).joined(separator: ", "))" }

    public var summary: ModelSummary {
        ModelSummary(title: "comparison of regions: \(subject)", items: [
            .init("tables", .text(parts.map(\.name).joined(separator: ", ")), note: "pick one with: | part \(parts.first?.name ?? "NAME")"),
        ], paragraphs: [paragraph])
    }

    /// The part called `name`, if any.
    public func part(_ name: String) -> Table? { parts.first { $0.name == name }?.table }
}

/// Number words shared by the comparison reports.
enum ReportFormat {
    /// A statistic with two decimals (three significant digits below 0.1).
    static func stat(_ x: Double) -> String {
        guard x.isFinite else { return "n/a" }
        return abs(x) < 0.1 && x != 0 ? String(format: "%.3g", x) : String(format: "%.2f", x)
    }

    /// A statistic bounded by 1 in size (eta², epsilon², Cramér's V, CFI, RMSEA) as `stat` writes it, without
    /// the leading zero (APA): ".12", "-.034".
    static func bounded(_ x: Double) -> String {
        let s = stat(x)
        if s.hasPrefix("0.") { return String(s.dropFirst()) }
        if s.hasPrefix("-0.") { return "-" + s.dropFirst(2) }
        return s
    }

    /// A bounded metric with three decimals and no leading zero (".931"); "+.004" with `signed`.
    static func boundedMetric(_ x: Double, signed: Bool = false) -> String {
        guard x.isFinite else { return "n/a" }
        let s = SummaryValue.bounded(x, 3)
        return signed && x >= 0 && !s.hasPrefix("-") ? "+" + s : s
    }

    /// A p-value in APA style, with its relation: "< .001" or "= .042" (no leading zero).
    static func p(_ x: Double) -> String {
        guard x.isFinite else { return "n/a" }
        return x < 0.001 ? "< .001" : "= " + SummaryValue.apaP(x)
    }

    /// A metric value with three decimals.
    static func metric(_ x: Double) -> String { x.isFinite ? String(format: "%.3f", x) : "n/a" }

    /// Cohen's (1988) words for eta² and epsilon²: < .01 negligible, < .06 small, < .14 medium, else large.
    static func varianceShare(_ x: Double) -> String {
        guard x.isFinite else { return "" }
        return x < 0.01 ? "negligible" : x < 0.06 ? "small" : x < 0.14 ? "medium" : "large"
    }

    /// Cohen's words for Cramér's V with df* = min(rows, columns) − 1: .1, .3, .5 divided by √df*.
    static func cramer(_ v: Double, dfStar: Int) -> String {
        guard v.isFinite else { return "" }
        let s = Double(max(1, dfStar)).squareRoot()
        return v < 0.1 / s ? "negligible" : v < 0.3 / s ? "small" : v < 0.5 / s ? "medium" : "large"
    }

    /// The text broken at spaces into lines of at most `width` characters.
    static func wrap(_ text: String, width: Int) -> String {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && line.count + 1 + word.count > width { lines.append(line); line = "" }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines.joined(separator: "\n")
    }

    /// "A, B and C".
    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + (items.last ?? "")
    }
}
