/// Footnote numbers in the order readers meet the references, and the ids
/// that tie a reference to its definition and back.
public struct FootnoteTable: Sendable {
    private var numbers: [String: Int] = [:]
    /// Definitions that are referenced, in reference order, then the others.
    public private(set) var orderedDefinitions: [MarkdownNode] = []

    public init(_ document: MarkdownDocument) {
        var definitions: [String: MarkdownNode] = [:]
        var definitionOrder: [String] = []
        for block in document.blocks {
            if case .footnoteDefinition(let label) = block.kind, definitions[label] == nil {
                definitions[label] = block
                definitionOrder.append(label)
            }
        }
        // Most documents have none: nothing to number, and no walk.
        guard !definitions.isEmpty else { return }
        var order: [String] = []
        func visit(_ node: MarkdownNode) {
            if case .footnoteReference(let label) = node.kind, definitions[label] != nil, numbers[label] == nil {
                order.append(label)
                numbers[label] = order.count
            }
            if case .footnoteDefinition = node.kind { return }
            for child in node.children { visit(child) }
        }
        visit(document.root)
        // References inside footnotes come after the body's.
        for label in definitionOrder { definitions[label].map { $0.children.forEach(visit) } }
        for label in definitionOrder where numbers[label] == nil {
            order.append(label)
            numbers[label] = order.count
        }
        orderedDefinitions = order.compactMap { definitions[$0] }
    }

    public func number(of label: String) -> Int? { numbers[label] }

    public static func definitionID(_ label: String) -> String { "fn-" + safeID(label) }

    public static func referenceID(_ label: String, occurrence: Int) -> String {
        "fnref-" + safeID(label) + (occurrence > 1 ? "-\(occurrence)" : "")
    }

    /// Labels are free text; ids keep letters, digits, `-` and `_`.
    static func safeID(_ label: String) -> String {
        var out = ""
        for scalar in label.unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_" {
                out.unicodeScalars.append(scalar)
            } else {
                out += "_"
            }
        }
        return out
    }
}
