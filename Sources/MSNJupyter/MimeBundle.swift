import Foundation
import MSNKernel

/// A displayed output as a Jupyter MIME bundle: `text/plain` always (the REPL's text), and
/// `text/markdown` for tables and models (front ends prefer it to plain text).
enum MimeBundle {
    static func bundle(for o: Output, options: SessionOptions) -> JSONObject {
        var data: JSONObject = ["text/plain": trimmed(Renderer.text([o], options: options))]
        switch o {
        case .table, .model: data["text/markdown"] = Renderer.markdown([o], options: options)
        default: break
        }
        return data
    }

    static func trimmed(_ s: String) -> String { s.hasSuffix("\n") ? String(s.dropLast()) : s }
}
