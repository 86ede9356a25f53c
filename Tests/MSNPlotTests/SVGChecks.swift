import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import MSNPlot

/// Parses SVG text with Foundation's XMLParser and collects what the tests check: the root's namespace
/// and view box, the title and description, text sizes, and whether any script is present.
final class SVGProbe: NSObject, XMLParserDelegate {
    var rootName = "", namespace = "", viewBox = ""
    var title = "", desc = ""
    var fontSizes: [Double] = []
    var elementCount = 0
    var scripts = 0
    private var current = ""
    private var depth = 0

    /// nil when the text is not well-formed XML.
    static func parse(_ svg: String) -> SVGProbe? {
        let probe = SVGProbe()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.shouldProcessNamespaces = true
        parser.delegate = probe
        return parser.parse() ? probe : nil
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        depth += 1
        elementCount += 1
        if depth == 1 { rootName = name; namespace = namespaceURI ?? ""; viewBox = attributes["viewBox"] ?? "" }
        if name == "script" { scripts += 1 }
        if let s = attributes["font-size"], let v = Double(s) { fontSizes.append(v) }
        current = name
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if depth == 2 && current == "title" { title += string }
        if depth == 2 && current == "desc" { desc += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        depth -= 1
        current = ""
    }
}
