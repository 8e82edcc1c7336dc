import Foundation
import Testing
@testable import ProtositeMarkdown

@Suite("Trees packed into bytes between stages")
struct PackedMarkdownTests {
    /// One node of every kind, each with the fields that vary.
    static let everyKind: [MarkdownNode.Kind] = [
        .document, .blockQuote, .list(ordered: true, start: 7, tight: false), .list(ordered: false, start: 1, tight: true), .item,
        .codeBlock(info: "text", literal: "a\nb\n"), .htmlBlock("<div>x</div>\n"), .paragraph, .heading(level: 3), .thematicBreak,
        .table(alignments: [.none, .left, .center, .right]), .tableRow(isHeader: true), .tableRow(isHeader: false), .tableCell,
        .footnoteDefinition(label: "note"), .text("Clerk’s ✓ text"), .softBreak, .lineBreak, .code("x < y"), .htmlInline("<br>"),
        .emphasis, .strong, .strikethrough, .link(destination: "https://example.org/a?b=c", title: "A title"),
        .image(destination: "plan.png", title: ""), .footnoteReference(label: "4"), .trustedHTML("<a class=\"permalink\">§</a>"),
        .siteLink(destination: "../code/#clause-4.8", className: "xref", label: "Code, clause 4.8"),
        .siteLink(destination: "../code/", className: "mention", label: nil),
    ]

    @Test func everyKindComesBackAsItWent() {
        let children = Self.everyKind.enumerated().map { index, kind in
            MarkdownNode(kind, children: [MarkdownNode(.text("inside \(index)"), line: index, column: 2)],
                         line: index * 1000 + 1, column: index + 1, id: index.isMultiple(of: 3) ? "clause-\(index)" : nil)
        }
        let document = MarkdownDocument(root: MarkdownNode(.document, children: children, line: 1, column: 1))
        #expect(PackedMarkdown(document).unpacked() == document)
    }

    @Test func emptyStringsLargePositionsAndDeepNestingSurvive() {
        var node = MarkdownNode(.text(""), line: Int(Int32.max), column: 0)
        for depth in 0..<200 { node = MarkdownNode(.blockQuote, children: [node], line: depth, column: depth) }
        let document = MarkdownDocument(root: MarkdownNode(.document, children: [node, MarkdownNode(.codeBlock(info: "", literal: ""))]))
        #expect(PackedMarkdown(document).unpacked() == document)
    }

    @Test func aParsedDocumentComesBackEqualAndSmaller() throws {
        let markdown = """
        # Standing Orders

        1. **Meetings** are held *monthly*; see [the calendar](https://example.org "Dates").
        2. ~~Old~~ new rule[^1], with `code` and <span>html</span>.

        > Quoted text
        > over two lines

        | Item | Limit |
        |:--|--:|
        | Petty cash | £100 |

        ```text
        literal
        ```

        - [ ] a task
        - second\\
          line

        [^1]: A note.

        """
        let document = try MarkdownParser.parse(String(repeating: markdown, count: 20))
        let packed = PackedMarkdown(document)
        #expect(packed.unpacked() == document)
        // About its text's size, not the three times a tree of values costs.
        #expect(packed.count < markdown.utf8.count * 20 * 2)
    }
}
