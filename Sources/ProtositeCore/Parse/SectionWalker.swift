import Foundation
import ProtositeMarkdown

/// Walks a document in reading order, telling which section (the stretch
/// from one anchored element to the next) each block of text belongs to.
/// The same walk serves search entries and "referred to from", so both agree
/// on where a section starts.
enum SectionWalker {
    /// Calls `visit(sectionIndex, block)` for every leaf block (paragraph,
    /// heading, code, table) in order, and `opener(node)` for each element
    /// with an id as it is met. Section 0 is the preamble; section i (i ≥ 1)
    /// starts at the i-th element with an id. Footnote definitions are skipped:
    /// their text belongs where their mark stands.
    static func walk(_ document: MarkdownDocument, opener: (MarkdownNode) -> Void = { _ in }, _ visit: (Int, MarkdownNode) -> Void) {
        var section = 0
        func descend(_ node: MarkdownNode) {
            if case .footnoteDefinition = node.kind { return }
            if node.id != nil {
                section += 1
                opener(node)
            }
            switch node.kind {
            case .paragraph, .heading, .codeBlock, .table, .htmlBlock:
                visit(section, node)
            default:
                for child in node.children { descend(child) }
            }
        }
        for block in document.blocks { descend(block) }
    }

    /// The sections of a document, the preamble first when it has text.
    static func sections(of document: MarkdownDocument, title: String) -> [DocumentSection] {
        var sections = [DocumentSection(anchor: nil, clause: nil, heading: title, text: "", line: 1)]
        var currentHeading = title
        walk(document, opener: { node in
            guard let id = node.id else { return }
            let clause = ClauseNumber(anchor: id)
            if case .heading = node.kind {
                currentHeading = headingText(node, isClause: clause != nil)
            }
            sections.append(DocumentSection(anchor: id, clause: clause, heading: currentHeading, text: "", line: node.line))
        }) { section, block in
            if case .heading = block.kind { return }
            let text = block.plainText
            guard !text.isEmpty else { return }
            sections[section].text += sections[section].text.isEmpty ? text : " " + text
        }
        if sections[0].text.isEmpty { sections.removeFirst() }
        return sections
    }

    /// A heading's text without its clause number.
    static func headingText(_ node: MarkdownNode, isClause: Bool) -> String {
        let text = node.plainText
        guard isClause, let (_, length) = ClauseNumber.leading(in: text, minimumParts: 1) else { return text }
        let rest = text.utf8.dropFirst(length)
        return (String(rest) ?? text).trimmingCharacters(in: .whitespaces)
    }
}
