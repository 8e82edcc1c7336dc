import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An XML element tree, small and plain: WordprocessingML read once into
/// values the importer walks.
final class XMLElementNode {
    let name: String
    let attributes: [String: String]
    var children: [XMLElementNode] = []
    var text = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    /// Attribute by local name (`w:val` or `val`).
    func attribute(_ local: String) -> String? {
        attributes["w:" + local] ?? attributes[local]
    }

    func child(_ name: String) -> XMLElementNode? { children.first { $0.name == name } }

    func all(_ name: String) -> [XMLElementNode] {
        var found: [XMLElementNode] = []
        func visit(_ node: XMLElementNode) {
            if node.name == name { found.append(node) }
            node.children.forEach(visit)
        }
        visit(self)
        return found
    }
}

/// Parses XML into `XMLElementNode`s with Foundation's XMLParser.
final class XMLTreeBuilder: NSObject, XMLParserDelegate {
    private var stack: [XMLElementNode] = [XMLElementNode(name: "#root", attributes: [:])]

    static func parse(_ data: Data) -> XMLElementNode? {
        let builder = XMLTreeBuilder()
        let parser = XMLParser(data: data)
        parser.delegate = builder
        guard parser.parse() else { return nil }
        return builder.stack.first?.children.first
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        let node = XMLElementNode(name: elementName, attributes: attributes)
        stack.last?.children.append(node)
        stack.append(node)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        stack.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        stack.last?.text += string
    }
}
