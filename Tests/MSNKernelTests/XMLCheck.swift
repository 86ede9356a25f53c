import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Whether text is well-formed XML whose root is in the SVG namespace (Foundation's XMLParser).
enum XMLCheck {
    final class Root: NSObject, XMLParserDelegate {
        var namespace: String?
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            if namespace == nil { namespace = namespaceURI }
        }
    }

    static func parses(_ text: String) -> Bool {
        let root = Root()
        let p = XMLParser(data: Data(text.utf8))
        p.shouldProcessNamespaces = true
        p.delegate = root
        return p.parse() && root.namespace == "http://www.w3.org/2000/svg"
    }
}
