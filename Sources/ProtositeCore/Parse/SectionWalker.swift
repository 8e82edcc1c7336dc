import Foundation
import ProtositeMarkdown

/// Walks a document in reading order, telling which section (the stretch
/// from one anchored element to the next) each block of text belongs to.
/// It is the one place sections are counted: search entries (`sections`,
/// at parse) and the link stage's "referred to from" (`DocumentLinker`)
/// both walk with it, so they agree on where a section starts.
enum SectionWalker {
    /// What becomes of the text of footnote definitions.
    enum FootnoteText {
        /// Not visited: search entries leave footnotes out.
        case leftOut
        /// Visited last, each in the section of its footnote's first mark
        /// (the preamble when it has none): a reference made in a footnote
        /// counts as made in the clause that holds the mark.
        case atTheirMark
    }

    /// Calls `opener(node)` for each element with an id as it is met, and
    /// `visit(section, block, path)` for every leaf block (paragraph,
    /// heading, code, table, raw HTML) in order. Section 0 is the preamble;
    /// section i (i ≥ 1) starts at the i-th element with an id. `path`
    /// leads to the block (an index into `blocks`, then into `children`),
    /// for a caller that edits a copy of the tree (`MarkdownDocument.modify`).
    /// Ids inside footnote definitions open no section.
    static func walk(_ document: MarkdownDocument, footnotes: FootnoteText = .leftOut, opener: (MarkdownNode) -> Void = { _ in },
                     _ visit: (_ section: Int, _ block: MarkdownNode, _ path: [Int]) -> Void) {
        var section = 0
        var path: [Int] = []
        var homes: [String: Int] = [:]
        func descend(_ node: MarkdownNode, countingSections: Bool) {
            // cmark-gfm moves definitions to the end of the document; one met
            // in the text is passed over there as well.
            if case .footnoteDefinition = node.kind { return }
            if countingSections, node.id != nil {
                section += 1
                opener(node)
            }
            switch node.kind {
            case .paragraph, .heading, .codeBlock, .table, .htmlBlock:
                if footnotes == .atTheirMark, countingSections { noteMarks(in: node) }
                visit(section, node, path)
            default:
                for (index, child) in node.children.enumerated() {
                    path.append(index)
                    descend(child, countingSections: countingSections)
                    path.removeLast()
                }
            }
        }
        func noteMarks(in node: MarkdownNode) {
            if case .footnoteReference(let label) = node.kind, homes[label] == nil { homes[label] = section }
            node.children.forEach(noteMarks)
        }
        for (index, block) in document.blocks.enumerated() {
            path = [index]
            descend(block, countingSections: true)
        }
        guard footnotes == .atTheirMark else { return }
        for (index, block) in document.blocks.enumerated() {
            guard case .footnoteDefinition(let label) = block.kind else { continue }
            section = homes[label] ?? 0
            path = [index]
            for (child, node) in block.children.enumerated() {
                path.append(child)
                descend(node, countingSections: false)
                path.removeLast()
            }
        }
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
        }) { section, block, _ in
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
        return (String(rest) ?? text).trimming(.whitespaces)
    }
}

extension MarkdownDocument {
    /// Changes the node at `path` (as `SectionWalker` gives it) in place.
    mutating func modify(at path: [Int], _ change: (inout MarkdownNode) -> Void) {
        func descend(_ node: inout MarkdownNode, _ rest: ArraySlice<Int>) {
            guard let next = rest.first else { return change(&node) }
            descend(&node.children[next], rest.dropFirst())
        }
        descend(&blocks[path[0]], path.dropFirst())
    }
}
