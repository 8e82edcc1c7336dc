import ProtositeMarkdown

/// A clerk who types (or pastes from Word) numbered rules one to a line,
/// with no blank line between them,
///
///     a. Motions are taken in order.
///     b. A motion is seconded.
///
/// writes one Markdown paragraph, which would make one clause of all the
/// rules. A paragraph that starts with a clause number or a sub-clause
/// label is split where a later line starts with one too, so that each
/// rule is the paragraph, and the clause, its author meant. Paragraphs that
/// start with ordinary words are left alone: a wrapped line that happens to
/// begin `(a)` there is the sentence's.
enum NumberedLineSplitter {
    static func split(_ document: MarkdownDocument) -> MarkdownDocument {
        var document = document
        document.root.children = split(children: document.root.children)
        return document
    }

    private static func split(children: [MarkdownNode]) -> [MarkdownNode] {
        var out: [MarkdownNode] = []
        out.reserveCapacity(children.count)
        for child in children {
            switch child.kind {
            case .paragraph:
                out += split(paragraph: child)
            case .blockQuote, .list, .item:
                var node = child
                node.children = split(children: node.children)
                out.append(node)
            default:
                out.append(child)
            }
        }
        return out
    }

    /// The paragraph, or the paragraphs its numbered lines make.
    private static func split(paragraph: MarkdownNode) -> [MarkdownNode] {
        guard let first = paragraph.children.first, startsNumbered(first),
              paragraph.children.contains(where: { if case .softBreak = $0.kind { return true } else { return false } }) else { return [paragraph] }
        var pieces: [MarkdownNode] = []
        var current = MarkdownNode(.paragraph, line: paragraph.line, column: paragraph.column)
        var line = paragraph.line
        for (index, child) in paragraph.children.enumerated() {
            switch child.kind {
            case .softBreak, .lineBreak:
                line += 1
                let next = index + 1 < paragraph.children.count ? paragraph.children[index + 1] : nil
                if case .softBreak = child.kind, let next, startsNumbered(next), !current.children.isEmpty {
                    pieces.append(current)
                    current = MarkdownNode(.paragraph, line: line, column: 1)
                    continue
                }
            default:
                break
            }
            current.children.append(child)
        }
        pieces.append(current)
        return pieces
    }

    /// True when an inline's text starts with a clause number of two or
    /// more parts (`4.1 `) or a sub-clause label (`(a) `, `b. `).
    private static func startsNumbered(_ node: MarkdownNode) -> Bool {
        guard case .text(let text) = node.kind else { return false }
        return ClauseNumber.leading(in: text, minimumParts: 2) != nil || SubClauseLabel.leading(in: Substring(text)) != nil
    }
}
