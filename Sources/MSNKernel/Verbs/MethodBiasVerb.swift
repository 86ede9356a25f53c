import MSNFactor
import MSNLanguage
import MSNSEM
import MSNTable

/// `methodbias s on t [with marker = col]`: common-method-bias checks for a fitted measurement model —
/// Harman's single-factor test on its indicators, and the same CFA refitted with an unmeasured latent
/// method factor (every indicator, and the marker variable if given, loads on it with a common unit
/// loading and a free variance; it is uncorrelated
/// with the traits), with the standardised loadings compared. Each check's limits are stated.
enum MethodBiasVerb {
    static let options = ["marker"]

    static let run: VerbImplementation = { ev, call, input in
        try ev.checkOptions(call)
        var modelValue: Value? = input
        if modelValue == nil, let first = call.arguments.first { modelValue = try ev.evaluate(first.value) }
        guard case .model(let m)? = modelValue, let sem = m as? SEMModelValue, !sem.fit.isMultiGroup else {
            throw Diagnostic(.type, "methodbias needs a one-group measurement model from fit sem", at: call.nameSpan, hint: "s = fit sem on t { … }, then methodbias s on t")
        }
        guard let on = call.on?.first, case .table(let t) = try ev.evaluate(on) else {
            throw Diagnostic(.value, "methodbias needs the data the model was fitted on", at: call.nameSpan, hint: "methodbias s on t")
        }
        var marker: String?
        if let o = call.options.first(where: { $0.name == "marker" }) {
            let name: String
            if case .name(let n, _) = o.value { name = n } else if case .scalar(.string(let n)) = try ev.evaluate(o.value) { name = n } else {
                throw Diagnostic(.type, "marker must name a column", at: o.value.span)
            }
            guard t.column(named: name)?.type.isNumeric == true else {
                throw Diagnostic(.unknownName, "marker '\(name)' is not a numeric column of the table", at: o.value.span)
            }
            marker = name
        }
        let loadingRows = sem.fit.table.rows.filter { $0.op == "=~" }
        let items = sem.fit.table.observed.filter { name in loadingRows.contains { $0.rhs == name } }
        let traits = sem.fit.table.latents
        // Harman: the first unrotated component of the indicators.
        let columns = items.map { t.column(named: $0)?.doubles() ?? [] }
        let harman: HarmanTest
        do { harman = HarmanTest(try CorrelationData(names: items, columns: columns)) } catch let e as FactorError {
            throw Diagnostic(.model, e.description, at: call.nameSpan)
        }
        // The same model with a method factor.
        let methodName = "method_factor"
        // Equal (unit) method loadings with a free method variance: the usual way to identify the factor
        // (a free loading per item is rarely identified empirically).
        var model = sem.model + "\n\(methodName) =~ " + (items + (marker.map { [$0] } ?? [])).map { "1*\($0)" }.joined(separator: " + ")
        for l in traits { model += "\n\(methodName) ~~ 0*\(l)" }
        let (data, order) = FitVerb.semColumns(t)
        let with: SEMFit?
        var warnings: [String] = []
        do { with = try SEMFit.fit(model: model, data: data, columnOrder: order, options: sem.options) } catch {
            with = nil
            warnings.append("the model with a method factor could not be estimated (\(error)); such models are often weakly identified")
        }
        let base = try sem.fit.estimateRows().filter { $0.op == "=~" }
        let methodRows = try with?.estimateRows().filter { $0.op == "=~" } ?? []
        func std(_ rows: [EstimateRow], _ lhs: String, _ rhs: String) -> Double? { rows.first { $0.lhs == lhs && $0.rhs == rhs }?.stdAll ?? nil }
        let without = base.map { $0.stdAll ?? .nan }
        let withMethod = base.map { std(methodRows, $0.lhs, $0.rhs) ?? .nan }
        let methodLoading = base.map { std(methodRows, methodName, $0.rhs) ?? .nan }
        let table = try Table([
            ("factor", .string(StringColumn(base.map(\.lhs)))), ("item", .string(StringColumn(base.map(\.rhs)))),
            ("std_all", Column.float(without, nanIsNull: true)), ("std_all_with_method", Column.float(withMethod, nanIsNull: true)),
            ("difference", Column.float(zip(withMethod, without).map { $0 - $1 }, nanIsNull: true)),
            ("method_loading", Column.float(methodLoading, nanIsNull: true)),
        ])
        let finite = methodLoading.filter(\.isFinite)
        let methodShare = finite.isEmpty ? Double.nan : finite.reduce(0) { $0 + $1 * $1 } / Double(finite.count)
        let traitShare = zip(withMethod, methodLoading).filter { $0.0.isFinite && $0.1.isFinite }.map { $0.0 * $0.0 }
        let traitMean = traitShare.isEmpty ? Double.nan : traitShare.reduce(0, +) / Double(traitShare.count)
        let fm = Dictionary(uniqueKeysWithValues: sem.fit.fitMeasures().map { ($0.name, $0.value) })
        let fmWith = with.map { Dictionary(uniqueKeysWithValues: $0.fitMeasures().map { ($0.name, $0.value) }) } ?? [:]
        var items2: [ModelSummary.Item] = [
            .init("Harman: first unrotated component", .percent(harman.share), note: harman.exceedsHalf ? "above 50%: a warning sign" : "below 50%"),
            .init("method factor: mean squared loading", .percent(methodShare), note: "variance of an item explained by the method factor"),
            .init("traits: mean squared loading", .percent(traitMean), note: "with the method factor in the model"),
        ]
        if let c0 = fm["cfi"], let c1 = fmWith["cfi"] {
            items2.append(.init("CFI without / with method factor", .text("\(SummaryValue.bounded(c0, 3)) / \(SummaryValue.bounded(c1, 3))")))
        }
        if let w = with { warnings += w.warnings }
        let paragraphs = [
            HarmanTest.limits,
            "The unmeasured latent method factor (Podsakoff et al. 2003; Liang et al. 2007) adds a factor on which every indicator\(marker.map { " and the marker variable \($0)" } ?? "") loads with one common unstandardised loading, uncorrelated with the traits. Its limits: it assumes the method effect is the same kind for all items and unrelated to the traits, it cannot tell method variance from a real general factor, and such models are often weakly identified (Richardson et al. 2009). Large drops in the trait loadings, not significance, are what to look at.",
        ]
        return .model(MethodBiasReport(summary: ModelSummary(title: "common-method-bias checks for \(items.count) indicators of \(traits.count) factors", items: items2, paragraphs: paragraphs, warnings: warnings), loadings: table))
    }
}

/// The result of `methodbias`: a summary and the loadings compared, as the part `loadings`.
struct MethodBiasReport: ModelValue {
    let summary: ModelSummary
    let loadings: Table
    var kind: String { "methodbias" }
    var shape: String { "\(loadings.rowCount) loadings" }
    var parts: [(name: String, table: Table)] { [("loadings", loadings)] }
}
