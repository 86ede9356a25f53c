import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The workbook-level parts of an .xlsx file: sheet names and their files, the date system, the
/// shared strings and which cell styles are dates.
struct XLSXParts {
    var sheets: [(name: String, path: String)] = []
    var date1904 = false
    /// The shared string table (rich-text runs joined, phonetic hints left out), read by `XLSXCells`.
    var sharedStrings: [String] = []
    /// For each cell style index (`s="…"`), whether its number format shows a date or time.
    var dateStyles: [Bool] = []

    /// Parses the XML bytes with a delegate that sees (element, attributes) on open and (element, text) on close.
    static func parse(_ data: Data, _ delegate: XMLParserDelegate) {
        let p = XMLParser(data: data)
        p.shouldProcessNamespaces = false
        p.delegate = delegate
        _ = p.parse()
    }

    /// Sheet names and targets from xl/workbook.xml and xl/_rels/workbook.xml.rels.
    mutating func readWorkbook(_ workbook: Data, rels: Data) {
        let w = Collector(), r = Collector()
        XLSXParts.parse(workbook, w)
        XLSXParts.parse(rels, r)
        var targets: [String: String] = [:]
        for a in r.elements where a.name.hasSuffix("Relationship") {
            if let id = a.attributes["Id"], let t = a.attributes["Target"] { targets[id] = t }
        }
        for a in w.elements {
            if a.name.hasSuffix("workbookPr"), let v = a.attributes["date1904"] { date1904 = v == "1" || v == "true" }
            guard a.name == "sheet" || a.name.hasSuffix(":sheet"), let name = a.attributes["name"] else { continue }
            let rid = a.attributes.first { $0.key.hasSuffix(":id") }?.value ?? ""
            guard let target = targets[rid] else { continue }
            let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            sheets.append((name, path))
        }
    }

    /// Which cell styles are dates, from xl/styles.xml.
    mutating func readStyles(_ data: Data) {
        let c = Collector()
        XLSXParts.parse(data, c)
        var custom: [Int: String] = [:]
        var inCellXfs = false
        var styles: [Bool] = []
        for e in c.elements {
            if e.name == "numFmt", let id = e.attributes["numFmtId"].flatMap(Int.init), let code = e.attributes["formatCode"] { custom[id] = code }
            if e.name == "cellXfs" { inCellXfs = true; continue }
            if e.name == "/cellXfs" { inCellXfs = false; continue }
            if inCellXfs, e.name == "xf" {
                let id = e.attributes["numFmtId"].flatMap(Int.init) ?? 0
                styles.append(XLSXParts.isDateFormat(id: id, code: custom[id]))
            }
        }
        dateStyles = styles
    }

    /// Built-in date formats 14–22 and 45–47, or a custom code with day, month, year or hour parts
    /// outside quotes and brackets.
    static func isDateFormat(id: Int, code: String?) -> Bool {
        if (14...22).contains(id) || (45...47).contains(id) { return true }
        guard let code else { return false }
        var inQuote = false, inBracket = false
        for ch in code.lowercased() {
            switch ch {
            case "\"": inQuote.toggle()
            case "[": inBracket = true
            case "]": inBracket = false
            case "d", "m", "y", "h", "s": if !inQuote && !inBracket { return true }
            default: break
            }
        }
        return false
    }
}

/// Collects every element's name and attributes, with closing tags as "/name".
final class Collector: NSObject, XMLParserDelegate {
    var elements: [(name: String, attributes: [String: String])] = []
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        elements.append((name, attributes))
    }
    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        elements.append(("/" + name, [:]))
    }
}
