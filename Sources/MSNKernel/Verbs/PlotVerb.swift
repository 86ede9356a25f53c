import Foundation
import MSNLanguage
import MSNPlot
import MSNTable

/// `plot KIND …`: charts as figure values (SVG plus a text sketch). Data charts take a piped-in table
/// (`hs | plot histogram x1 by school`); model charts take a model (`plot importance m`, `plot roc m on test`).
enum PlotVerb {
    /// Chart kinds with their one-line usage (the error for an unknown kind lists them).
    static let kinds: [(String, String)] = [
        ("histogram", "t | plot histogram x [by g]"), ("density", "t | plot density x [by g]"), ("box", "t | plot box x [by g]"),
        ("scatter", "t | plot scatter x, y [color g] [with trend = \"linear\"]"), ("bar", "t | plot bar category[, value]"),
        ("line", "t | plot line x, y [by g]"), ("corr", "t | plot corr [x, y, …]"), ("importance", "plot importance m"),
        ("shap", "plot shap m on test"), ("dependence", "plot dependence m feature on test [color other]"),
        ("roc", "plot roc m on test, or plot roc [m, base] on test"), ("path", "plot path s"),
        ("ladder", "plot ladder report"), ("transfer", "plot transfer report"), ("event", "plot event e"),
    ]
    static let optionNames = ["title", "width", "height", "bins", "xlab", "ylab", "log_x", "log_y", "theme", "trend", "color"]

    static let run: VerbImplementation = { ev, call, input in
        try ev.checkOptions(call)
        let args = try ev.positional(call)
        let usage = kinds.map { $0.1 }.joined(separator: "; ")
        guard let first = args.first, case .name(let kind, let kindSpan) = first.value else {
            throw Diagnostic(.syntax, "plot needs a chart kind first", at: args.first?.value.span ?? call.nameSpan, hint: usage)
        }
        guard kinds.contains(where: { $0.0 == kind }) else {
            throw Diagnostic(.unknownName, "there is no '\(kind)' plot", at: kindSpan,
                             hint: Diagnostic.didYouMean(kind, in: kinds.map(\.0)) ?? "kinds: \(kinds.map(\.0).joined(separator: ", "))")
        }
        var ctx = PlotCall(call: call, kind: kind, args: Array(args.dropFirst()).map(\.value))
        ctx.options = try options(&ev, call)
        do {
            switch kind {
            case "histogram", "density", "box": return .figure(try distribution(&ev, &ctx, input))
            case "scatter": return .figure(try scatter(&ev, &ctx, input))
            case "bar": return .figure(try bar(&ev, &ctx, input))
            case "line": return .figure(try line(&ev, &ctx, input))
            case "corr": return .figure(try corr(&ev, &ctx, input))
            default: return .figure(try modelPlot(&ev, &ctx, input))
            }
        } catch let e as PlotError {
            throw Diagnostic(.value, e.description, at: call.nameSpan, hint: "usage: " + (kinds.first { $0.0 == kind }?.1 ?? usage))
        }
    }

    /// The parsed call: kind, remaining arguments (a bare `color NAME` pair taken out), options.
    struct PlotCall {
        let call: VerbCall
        let kind: String
        var args: [Expr]
        var options = PlotOptions()
        var usage: String { PlotVerb.kinds.first { $0.0 == kind }?.1 ?? "" }

        /// Takes `color NAME` out of the arguments (or `with color = NAME`).
        mutating func colorArgument() -> Expr? {
            if let i = args.firstIndex(where: { if case .name("color", _) = $0 { return true }; return false }), i + 1 < args.count {
                let e = args[i + 1]
                args.removeSubrange(i...(i + 1))
                return e
            }
            return call.options.first { $0.name == "color" }?.value
        }
    }

    static func options(_ ev: inout Evaluator, _ call: VerbCall) throws -> PlotOptions {
        var o = PlotOptions()
        func text(_ name: String) throws -> String? {
            guard let (v, span) = try ev.option(call, name) else { return nil }
            guard case .scalar(.string(let s)) = v else { throw Diagnostic(.type, "\(name) must be text in quotes", at: span) }
            return s
        }
        func int(_ name: String, _ range: ClosedRange<Int>) throws -> Int? {
            guard let (v, span) = try ev.option(call, name) else { return nil }
            guard case .scalar(let c) = v, let d = c.doubleValue, d == d.rounded(), range.contains(Int(d)) else {
                throw Diagnostic(.value, "\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound)", at: span)
            }
            return Int(d)
        }
        func flag(_ name: String) throws -> Bool {
            guard let (v, span) = try ev.option(call, name) else { return false }
            guard case .scalar(.bool(let b)) = v else { throw Diagnostic(.type, "\(name) must be true or false", at: span) }
            return b
        }
        o.title = try text("title")
        o.xLabel = try text("xlab")
        o.yLabel = try text("ylab")
        o.width = try int("width", 200...4000) ?? o.width
        o.height = try int("height", 150...4000) ?? o.height
        o.bins = try int("bins", 1...1000)
        o.logX = try flag("log_x")
        o.logY = try flag("log_y")
        if let t = try text("theme") {
            guard let theme = Theme(rawValue: t) else {
                throw Diagnostic(.value, "theme must be \"light\" or \"dark\"", at: call.options.first { $0.name == "theme" }?.value.span ?? call.nameSpan)
            }
            o.theme = theme
        }
        if let t = try text("trend") {
            guard t == "linear" || t == "none" else {
                throw Diagnostic(.value, "trend must be \"linear\" (a least-squares line) or \"none\"", at: call.options.first { $0.name == "trend" }?.value.span ?? call.nameSpan)
            }
            o.trend = t == "linear"
        }
        return o
    }

    /// The table to plot, which must have rows.
    static func table(_ ev: inout Evaluator, _ ctx: PlotCall, _ input: Value?) throws -> Table {
        let t = try ev.inputTable(ctx.call, input)
        guard t.rowCount > 0 else {
            throw Diagnostic(.value, "the table has no rows to plot", at: ctx.call.nameSpan, hint: "check the filter before the plot; count() shows how many rows are left")
        }
        return t
    }

    /// A numeric column named by `e`, as Doubles (NaN for nulls); text columns are an error that says what to do.
    static func numeric(_ ev: inout Evaluator, _ t: Table, _ e: Expr, _ ctx: PlotCall) throws -> (String, [Double]) {
        let name = try ev.columnName(e, verb: "plot \(ctx.kind)")
        let c = try ev.requireColumn(t, name, at: e.span)
        guard let d = c.doubles() else {
            let hint = ctx.kind == "histogram" || ctx.kind == "density" || ctx.kind == "box"
                ? "'\(name)' holds categories: count them with t | plot bar \(name), or use it to split: plot \(ctx.kind) x by \(name)"
                : "pick a numeric column; the table's numeric columns are: \(t.columnNames.filter { t.column(named: $0)?.type.isNumeric == true }.prefix(10).joined(separator: ", "))"
            throw Diagnostic(.type, "plot \(ctx.kind) needs numbers, but '\(name)' is \(c.type.description)", at: e.span, hint: hint)
        }
        return (name, d)
    }

    /// Any column as category labels (numbers written shortest).
    static func labels(_ ev: inout Evaluator, _ t: Table, _ e: Expr, _ ctx: PlotCall) throws -> (String, [String]) {
        let name = try ev.columnName(e, verb: "plot \(ctx.kind)")
        let c = try ev.requireColumn(t, name, at: e.span)
        return (name, (0..<c.count).map { i in c.isNull(i) ? "(null)" : CellFormat.format(c[i], digits: 6) })
    }

    static func distribution(_ ev: inout Evaluator, _ ctx: inout PlotCall, _ input: Value?) throws -> Figure {
        let t = try table(&ev, ctx, input)
        guard ctx.args.count == 1 else {
            throw Diagnostic(.syntax, "plot \(ctx.kind) takes one column", at: ctx.args.dropFirst().first?.span ?? ctx.call.nameSpan, hint: "usage: \(ctx.usage)")
        }
        let (name, values) = try numeric(&ev, t, ctx.args[0], ctx)
        var groups = [Group("", values)]
        var byName: String? = nil
        if let by = ctx.call.by?.first {
            let (g, labels) = try PlotVerb.labels(&ev, t, by, ctx)
            byName = g
            var index: [String: [Double]] = [:]
            for (l, v) in zip(labels, values) { index[l, default: []].append(v) }
            groups = index.keys.sorted().map { Group($0, index[$0] ?? []) }
        }
        switch ctx.kind {
        case "histogram": return try DistributionCharts.histogram(groups, variable: name, by: byName, options: ctx.options)
        case "density": return try DistributionCharts.density(groups, variable: name, by: byName, options: ctx.options)
        default: return try DistributionCharts.box(groups, variable: name, by: byName, options: ctx.options)
        }
    }

    static func scatter(_ ev: inout Evaluator, _ ctx: inout PlotCall, _ input: Value?) throws -> Figure {
        let t = try table(&ev, ctx, input)
        let colorExpr = ctx.colorArgument()
        guard ctx.args.count == 2 else {
            throw Diagnostic(.syntax, "plot scatter takes two columns: x, then y", at: ctx.args.first?.span ?? ctx.call.nameSpan, hint: "usage: \(ctx.usage)")
        }
        let (xn, x) = try numeric(&ev, t, ctx.args[0], ctx), (yn, y) = try numeric(&ev, t, ctx.args[1], ctx)
        var color = PointColor.none
        if let ce = colorExpr {
            let name = try ev.columnName(ce, verb: "plot scatter")
            let c = try ev.requireColumn(t, name, at: ce.span)
            if case .string = c { color = .groups(try labels(&ev, t, ce, ctx).1, name: name) }
            else { color = .values(c.doubles() ?? [], name: name) }
        }
        return try ScatterChart.scatter(x: x, y: y, xName: xn, yName: yn, color: color, options: ctx.options)
    }

    static func bar(_ ev: inout Evaluator, _ ctx: inout PlotCall, _ input: Value?) throws -> Figure {
        let t = try table(&ev, ctx, input)
        guard ctx.args.count == 1 || ctx.args.count == 2 else {
            throw Diagnostic(.syntax, "plot bar takes a category column and, optionally, a value column", at: ctx.call.nameSpan, hint: "usage: \(ctx.usage)")
        }
        let (cn, cats) = try labels(&ev, t, ctx.args[0], ctx)
        if ctx.args.count == 2 {
            let (vn, v) = try numeric(&ev, t, ctx.args[1], ctx)
            return try BarChart.bar(categories: cats, values: v, xName: cn, yName: vn, options: ctx.options)
        }
        var counts: [String: Int] = [:]
        for c in cats { counts[c, default: 0] += 1 }
        let order = counts.keys.sorted()
        return try BarChart.bar(categories: order, values: order.map { Double(counts[$0] ?? 0) }, xName: cn, yName: "count", options: ctx.options)
    }

    static func line(_ ev: inout Evaluator, _ ctx: inout PlotCall, _ input: Value?) throws -> Figure {
        let t = try table(&ev, ctx, input)
        guard ctx.args.count == 2 else {
            throw Diagnostic(.syntax, "plot line takes two columns: x, then y", at: ctx.call.nameSpan, hint: "usage: \(ctx.usage)")
        }
        let (xn, x) = try numeric(&ev, t, ctx.args[0], ctx), (yn, y) = try numeric(&ev, t, ctx.args[1], ctx)
        guard let by = ctx.call.by?.first else { return try LineChart.line([Series(yn, x: x, y: y)], xName: xn, yName: yn, options: ctx.options) }
        let (g, labels) = try PlotVerb.labels(&ev, t, by, ctx)
        var index: [String: [Int]] = [:]
        for (i, l) in labels.enumerated() { index[l, default: []].append(i) }
        let series = index.keys.sorted().map { k in Series(k, x: (index[k] ?? []).map { x[$0] }, y: (index[k] ?? []).map { y[$0] }) }
        return try LineChart.line(series, xName: xn, yName: yn, by: g, options: ctx.options)
    }

    static func corr(_ ev: inout Evaluator, _ ctx: inout PlotCall, _ input: Value?) throws -> Figure {
        let t = try table(&ev, ctx, input)
        var cols: [(name: String, values: [Double])] = []
        if ctx.args.isEmpty {
            for (n, c) in zip(t.columnNames, t.columns) where c.type.isNumeric { cols.append((n, c.doubles() ?? [])) }
        } else {
            for e in ctx.args { let (n, d) = try numeric(&ev, t, e, ctx); cols.append((n, d)) }
        }
        guard cols.count >= 2 else {
            throw Diagnostic(.value, "plot corr needs at least two numeric columns; the table has \(cols.count)", at: ctx.call.nameSpan, hint: "t | select x1, x2, x3 | plot corr")
        }
        return try Heatmap.correlation(cols, options: ctx.options)
    }
}
