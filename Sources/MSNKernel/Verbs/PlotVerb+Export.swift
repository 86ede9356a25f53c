import Foundation
import MSNLanguage
import MSNPlot
import MSNTable

/// `export f "x1.svg"` and `f | export "x1.svg"`: a figure written as SVG, atomically.
enum FigureExport {
    /// Handles export of a figure; nil when the export is of a table (the caller goes on).
    static func run(_ ev: inout Evaluator, _ call: VerbCall, _ input: Value?) throws -> Value? {
        let args = try ev.positional(call)
        var figure: Figure? = nil
        var pathExpr: Expr? = nil
        if case .figure(let f)? = input, args.count == 1 { figure = f; pathExpr = args[0].value }
        else if input == nil, args.count == 2, case .figure(let f) = try ev.evaluate(args[0].value) { figure = f; pathExpr = args[1].value }
        guard let figure, let pathExpr else {
            if case .figure? = input { throw Diagnostic(.value, "export needs one file name in quotes", at: call.nameSpan, hint: "f | export \"figure.svg\"") }
            return nil
        }
        guard case .scalar(.string(let path)) = try ev.evaluate(pathExpr) else {
            throw Diagnostic(.value, "export needs a file name in quotes", at: pathExpr.span, hint: "export f \"figure.svg\"")
        }
        let ext = (path as NSString).pathExtension.lowercased()
        guard ext == "svg" else {
            throw Diagnostic(.value, "msnb writes figures as SVG only; '\(path)' asks for \(ext.isEmpty ? "no format" : ext.uppercased())", at: pathExpr.span,
                             hint: "export f \"\((path as NSString).deletingPathExtension).svg\" — browsers, Word and LaTeX (via svg or inkscape) read SVG; a PNG needs a browser to draw it")
        }
        let url = try ev.resolveExport(path, at: pathExpr.span)
        do { try AtomicFile.write(figure.svg, to: url.path) } catch {
            throw Diagnostic(.data, "cannot write \(path): \(error.localizedDescription)", at: pathExpr.span)
        }
        ev.sideOutputs.append(.text("wrote \(path) (SVG, \(figure.width) × \(figure.height))"))
        ev.lastVerbWasExport = true
        return .figure(figure)
    }
}

/// Where rendered figures' SVG files go, and their names: `<kind>-<hash of the SVG>.svg`, so the same
/// figure always gets the same file.
public enum FigureFiles {
    /// A stable file name for a figure.
    public static func name(_ f: Figure) -> String {
        var h: UInt64 = 0xcbf29ce484222325
        for b in f.svg.utf8 { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        let hex = String(h, radix: 16)
        return "\(f.kind)-\(String(repeating: "0", count: max(0, 16 - hex.count)) + hex).svg"
    }

    /// Writes the figure under `directory` (default: `msnb-plots` in the temporary folder); its path, or nil.
    public static func write(_ f: Figure, directory: String?) -> String? {
        let dir = directory ?? FileManager.default.temporaryDirectory.appendingPathComponent("msnb-plots").path
        let path = (dir as NSString).appendingPathComponent(name(f))
        do { try AtomicFile.write(f.svg, to: path) } catch { return nil }
        return path
    }
}
