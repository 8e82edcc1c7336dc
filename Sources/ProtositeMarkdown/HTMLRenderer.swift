/// Renders a document tree to HTML. protosite renders the tree itself, not
/// with cmark's renderer, so that clause ids, permalinks and cross-reference
/// links are ordinary parts of the tree and the author's raw HTML can be
/// dropped (safe mode) without dropping protosite's own markup.
///
/// The HTML is written as UTF-8 bytes: fixed markup is copied whole and
/// text escaped straight into the buffer, where building a `String` by
/// appending and interpolating cost more than the walk itself.
public struct HTMLRenderer: Sendable {
    /// Pass the author's raw HTML through (with GFM's tag filter) instead of
    /// dropping it.
    public var allowRawHTML: Bool

    public init(allowRawHTML: Bool = false) {
        self.allowRawHTML = allowRawHTML
    }

    /// The HTML of a whole document, footnotes last.
    public func render(_ document: MarkdownDocument) -> String {
        String(decoding: renderBytes(document), as: UTF8.self)
    }

    /// `render(document)` as UTF-8 bytes, for pages written as bytes.
    public func renderBytes(_ document: MarkdownDocument) -> [UInt8] {
        var writer = Writer(allowRawHTML: allowRawHTML, footnotes: FootnoteTable(document))
        for block in document.blocks {
            if case .footnoteDefinition = block.kind { continue }
            writer.render(block, tight: false)
        }
        writer.renderFootnotes()
        return writer.html.bytes
    }

    /// One document's walk: the bytes so far, and the footnote references
    /// met so far (their back links are numbered by occurrence).
    private struct Writer {
        let allowRawHTML: Bool
        let footnotes: FootnoteTable
        var referenceCounts: [String: Int] = [:]
        var html = HTMLBytes(capacity: 4096)

        mutating func render(_ node: MarkdownNode, tight: Bool) {
            switch node.kind {
            case .document:
                renderChildren(node, tight: false)
            case .blockQuote:
                html.put("<blockquote"); idAttribute(node); html.put(">\n")
                renderChildren(node, tight: false)
                html.put("</blockquote>\n")
            case .list(let ordered, let start, let isTight):
                html.put(ordered ? "<ol" : "<ul")
                idAttribute(node)
                if ordered, start != 1 { html.put(" start=\""); html.raw(start); html.put("\"") }
                html.put(">\n")
                for item in node.children { render(item, tight: isTight) }
                html.put(ordered ? "</ol>\n" : "</ul>\n")
            case .item:
                html.put("<li"); idAttribute(node); html.put(">")
                for (index, child) in node.children.enumerated() {
                    if tight, case .paragraph = child.kind {
                        renderChildren(child, tight: tight)
                    } else {
                        if index == 0 { html.put("\n") }
                        render(child, tight: tight)
                    }
                }
                html.put("</li>\n")
            case .codeBlock(let info, let literal):
                // Split as a String splits, by character, as it always was.
                let language = info.split(separator: " ").first.map(String.init) ?? ""
                html.put("<pre"); idAttribute(node)
                if language.isEmpty {
                    html.put("><code>")
                } else {
                    html.put("><code class=\"language-"); html.escaped(language); html.put("\">")
                }
                html.escaped(literal)
                html.put("</code></pre>\n")
            case .htmlBlock(let markup), .htmlInline(let markup):
                if allowRawHTML { html.raw(TagFilter.apply(markup)) }
            case .paragraph:
                if tight {
                    renderChildren(node, tight: tight)
                } else {
                    html.put("<p"); idAttribute(node); html.put(">")
                    renderChildren(node, tight: tight)
                    html.put("</p>\n")
                }
            case .heading(let level):
                html.put("<h"); html.raw(level); idAttribute(node); html.put(">")
                renderChildren(node, tight: tight)
                html.put("</h"); html.raw(level); html.put(">\n")
            case .thematicBreak:
                html.put("<hr>\n")
            case .table(let alignments):
                renderTable(node, alignments: alignments)
            case .tableRow, .tableCell:
                renderChildren(node, tight: tight)
            case .footnoteDefinition:
                break
            case .text(let text):
                // Text carries an id only where a label inside a block is an
                // anchor of its own (`1. (1) In this code…`).
                if node.id != nil {
                    html.put("<span"); idAttribute(node); html.put(">"); html.escaped(text); html.put("</span>")
                } else {
                    html.escaped(text)
                }
            case .softBreak:
                html.put("\n")
            case .lineBreak:
                html.put("<br>\n")
            case .code(let code):
                html.put("<code>"); html.escaped(code); html.put("</code>")
            case .emphasis:
                html.put("<em>"); renderChildren(node, tight: tight); html.put("</em>")
            case .strong:
                html.put("<strong>"); renderChildren(node, tight: tight); html.put("</strong>")
            case .strikethrough:
                html.put("<del>"); renderChildren(node, tight: tight); html.put("</del>")
            case .link(let destination, let title):
                if HTMLEscaping.isDangerousURL(destination) {
                    // Not a live link: the words stay, the script does not.
                    renderChildren(node, tight: tight)
                    return
                }
                html.put("<a href=\""); html.escapedURL(destination); html.put("\"")
                if !title.isEmpty { html.put(" title=\""); html.escaped(title); html.put("\"") }
                html.put(">")
                renderChildren(node, tight: tight)
                html.put("</a>")
            case .siteLink(let destination, let className, let label):
                html.put("<a class=\""); html.escaped(className); html.put("\" href=\""); html.escapedURL(destination); html.put("\"")
                if let label { html.put(" aria-label=\""); html.escaped(label); html.put("\"") }
                html.put(">")
                renderChildren(node, tight: tight)
                html.put("</a>")
            case .image(let destination, let title):
                let alt = node.plainText
                if HTMLEscaping.isDangerousURL(destination) {
                    html.escaped(alt)
                    return
                }
                html.put("<img src=\""); html.escapedURL(destination); html.put("\" alt=\""); html.escaped(alt); html.put("\"")
                if !title.isEmpty { html.put(" title=\""); html.escaped(title); html.put("\"") }
                html.put(">")
            case .footnoteReference(let label):
                renderFootnoteReference(label)
            case .trustedHTML(let markup):
                html.raw(markup)
            }
        }

        private mutating func renderChildren(_ node: MarkdownNode, tight: Bool) {
            for child in node.children { render(child, tight: tight) }
        }

        private mutating func idAttribute(_ node: MarkdownNode) {
            guard let id = node.id else { return }
            html.put(" id=\""); html.escaped(id); html.put("\"")
        }

        private mutating func renderTable(_ node: MarkdownNode, alignments: [TableAlignment]) {
            html.put("<div class=\"table-wrap\"><table"); idAttribute(node); html.put(">\n")
            var inBody = false
            for row in node.children {
                guard case .tableRow(let isHeader) = row.kind else { continue }
                if isHeader {
                    html.put("<thead>\n")
                } else if !inBody {
                    html.put("<tbody>\n")
                    inBody = true
                }
                html.put("<tr>\n")
                for (index, cell) in row.children.enumerated() {
                    html.put(isHeader ? "<th" : "<td")
                    if isHeader { html.put(" scope=\"col\"") }
                    switch index < alignments.count ? alignments[index] : .none {
                    case .left: html.put(" class=\"align-left\"")
                    case .center: html.put(" class=\"align-center\"")
                    case .right: html.put(" class=\"align-right\"")
                    case .none: break
                    }
                    html.put(">")
                    renderChildren(cell, tight: false)
                    html.put(isHeader ? "</th>\n" : "</td>\n")
                }
                html.put("</tr>\n")
                if isHeader { html.put("</thead>\n") }
            }
            if inBody { html.put("</tbody>\n") }
            html.put("</table></div>\n")
        }

        // Footnote ids are `FootnoteTable.safeID`s (letters, digits, `-`
        // and `_`): nothing in them to escape.

        private mutating func renderFootnoteReference(_ label: String) {
            guard let number = footnotes.number(of: label) else {
                html.escaped("[^\(label)]")
                return
            }
            let count = (referenceCounts[label] ?? 0) + 1
            referenceCounts[label] = count
            html.put("<sup class=\"footnote-ref\"><a href=\"#"); html.raw(FootnoteTable.definitionID(label))
            html.put("\" id=\""); html.raw(FootnoteTable.referenceID(label, occurrence: count))
            html.put("\" aria-label=\"Footnote "); html.raw(number); html.put("\">"); html.raw(number); html.put("</a></sup>")
        }

        mutating func renderFootnotes() {
            let definitions = footnotes.orderedDefinitions
            guard !definitions.isEmpty else { return }
            html.put("<section class=\"footnotes\" aria-labelledby=\"footnotes-heading\">\n<h2 id=\"footnotes-heading\">Footnotes</h2>\n<ol>\n")
            for definition in definitions {
                guard case .footnoteDefinition(let label) = definition.kind else { continue }
                let number = footnotes.number(of: label) ?? 0
                html.put("<li id=\""); html.raw(FootnoteTable.definitionID(label)); html.put("\">\n")
                let start = html.bytes.count
                for child in definition.children { render(child, tight: false) }
                // The back links go inside the last paragraph, as readers expect.
                if endsWithParagraph(from: start) {
                    html.bytes.removeLast(5)
                } else {
                    html.put("<p>")
                }
                // Counted after the footnote's own text, which may refer to it again.
                let references = max(referenceCounts[label] ?? 0, 1)
                for occurrence in 1...references {
                    html.put(" <a href=\"#"); html.raw(FootnoteTable.referenceID(label, occurrence: occurrence))
                    html.put("\" class=\"footnote-back\" aria-label=\"Back to reference "); html.raw(number)
                    if references > 1 { html.put(" ("); html.raw(occurrence); html.put(")") }
                    html.put("\">↩</a>")
                }
                html.put("</p>\n</li>\n")
            }
            html.put("</ol>\n</section>\n")
        }

        /// Whether what was written from `start` ends with a paragraph's
        /// end tag, as a `String` tells it: by character, so a mark that
        /// joins the `<` to the text before it (an Arabic number sign, say)
        /// means it does not, as it always has.
        private func endsWithParagraph(from start: Int) -> Bool {
            guard html.bytes.count - start >= 5, html.bytes.suffix(5).elementsEqual("</p>\n".utf8) else { return false }
            return String(decoding: html.bytes[start...], as: UTF8.self).hasSuffix("</p>\n")
        }
    }
}
