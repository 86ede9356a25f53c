/// An output as a Jupyter MIME bundle: `text/plain` always; `text/html` and `text/markdown` for tables
/// and model summaries. The Jupyter kernel sends these in `execute_result` and `display_data`.
public enum MIMEBundle {
    /// The MIME type → content map for one output.
    public static func bundle(_ o: Output, options: SessionOptions) -> [String: String] {
        var plain = options
        plain.terminalWidth = nil
        var b = ["text/plain": Renderer.text([o], options: plain)]
        switch o {
        case .table, .model:
            b["text/html"] = HTMLRendering.html(o, options: options)
            b["text/markdown"] = Renderer.markdown([o], options: options)
        case .text, .fileWritten, .warning, .error:
            break
        }
        return b
    }
}
