import CMarkGFM
import Foundation

/// Markdown prose to HTML through cmark-gfm (GitHub-flavoured CommonMark: tables, strikethrough,
/// autolinks), with raw HTML in the prose escaped rather than passed through (`CMARK_OPT_SAFE` is the
/// default in cmark-gfm 0.29: unsafe HTML and links are replaced).
public enum MarkdownHTML {
    /// The HTML of `markdown`.
    public static func render(_ markdown: String) -> String {
        cmark_gfm_core_extensions_ensure_registered()
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES
        guard let parser = cmark_parser_new(options) else { return "<pre>\(escape(markdown))</pre>" }
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "autolink"] {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        let bytes = Array(markdown.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { cmark_parser_feed(parser, $0, buffer.count) }
            }
        }
        guard let document = cmark_parser_finish(parser) else { return "<pre>\(escape(markdown))</pre>" }
        defer { cmark_node_free(document) }
        guard let html = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else {
            return "<pre>\(escape(markdown))</pre>"
        }
        defer { free(html) }
        return String(cString: html)
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
