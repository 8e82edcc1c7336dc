import Foundation

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
