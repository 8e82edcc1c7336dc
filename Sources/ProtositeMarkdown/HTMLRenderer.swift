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
        return writer.out
    }

    /// One document's walk: the bytes so far, and the footnote references
    /// met so far (their back links are numbered by occurrence).
    private struct Writer {
        let allowRawHTML: Bool
        let footnotes: FootnoteTable
        var referenceCounts: [String: Int] = [:]
        var out: [UInt8] = []

        init(allowRawHTML: Bool, footnotes: FootnoteTable) {
            self.allowRawHTML = allowRawHTML
            self.footnotes = footnotes
            out.reserveCapacity(4096)
        }

        mutating func render(_ node: MarkdownNode, tight: Bool) {
            switch node.kind {
            case .document:
                renderChildren(node, tight: false)
            case .blockQuote:
                put("<blockquote"); idAttribute(node); put(">\n")
                renderChildren(node, tight: false)
                put("</blockquote>\n")
            case .list(let ordered, let start, let isTight):
                put(ordered ? "<ol" : "<ul")
                idAttribute(node)
                if ordered, start != 1 { put(" start=\""); raw(String(start)); put("\"") }
                put(">\n")
                for item in node.children { render(item, tight: isTight) }
                put(ordered ? "</ol>\n" : "</ul>\n")
            case .item:
                put("<li"); idAttribute(node); put(">")
                for (index, child) in node.children.enumerated() {
                    if tight, case .paragraph = child.kind {
                        renderChildren(child, tight: tight)
                    } else {
                        if index == 0 { put("\n") }
                        render(child, tight: tight)
                    }
                }
                put("</li>\n")
            case .codeBlock(let info, let literal):
                // Split as a String splits, by character, as it always was.
                let language = info.split(separator: " ").first.map(String.init) ?? ""
                put("<pre"); idAttribute(node)
                if language.isEmpty {
                    put("><code>")
                } else {
                    put("><code class=\"language-"); escaped(language); put("\">")
                }
                escaped(literal)
                put("</code></pre>\n")
            case .htmlBlock(let html), .htmlInline(let html):
                if allowRawHTML { raw(TagFilter.apply(html)) }
            case .paragraph:
                if tight {
                    renderChildren(node, tight: tight)
                } else {
                    put("<p"); idAttribute(node); put(">")
                    renderChildren(node, tight: tight)
                    put("</p>\n")
                }
            case .heading(let level):
                put("<h"); raw(String(level)); idAttribute(node); put(">")
                renderChildren(node, tight: tight)
                put("</h"); raw(String(level)); put(">\n")
            case .thematicBreak:
                put("<hr>\n")
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
                    put("<span"); idAttribute(node); put(">"); escaped(text); put("</span>")
                } else {
                    escaped(text)
                }
            case .softBreak:
                put("\n")
            case .lineBreak:
                put("<br>\n")
            case .code(let code):
                put("<code>"); escaped(code); put("</code>")
            case .emphasis:
                put("<em>"); renderChildren(node, tight: tight); put("</em>")
            case .strong:
                put("<strong>"); renderChildren(node, tight: tight); put("</strong>")
            case .strikethrough:
                put("<del>"); renderChildren(node, tight: tight); put("</del>")
            case .link(let destination, let title):
                if HTMLEscaping.isDangerousURL(destination) {
                    // Not a live link: the words stay, the script does not.
                    renderChildren(node, tight: tight)
                    return
                }
                put("<a href=\""); escapedURL(destination); put("\"")
                if !title.isEmpty { put(" title=\""); escaped(title); put("\"") }
                put(">")
                renderChildren(node, tight: tight)
                put("</a>")
            case .siteLink(let destination, let className, let label):
                put("<a class=\""); escaped(className); put("\" href=\""); escapedURL(destination); put("\"")
                if let label { put(" aria-label=\""); escaped(label); put("\"") }
                put(">")
                renderChildren(node, tight: tight)
                put("</a>")
            case .image(let destination, let title):
                let alt = node.plainText
                if HTMLEscaping.isDangerousURL(destination) {
                    escaped(alt)
                    return
                }
                put("<img src=\""); escapedURL(destination); put("\" alt=\""); escaped(alt); put("\"")
                if !title.isEmpty { put(" title=\""); escaped(title); put("\"") }
                put(">")
            case .footnoteReference(let label):
                renderFootnoteReference(label)
            case .trustedHTML(let html):
                raw(html)
            }
        }

        private mutating func renderChildren(_ node: MarkdownNode, tight: Bool) {
            for child in node.children { render(child, tight: tight) }
        }

        private mutating func idAttribute(_ node: MarkdownNode) {
            guard let id = node.id else { return }
            put(" id=\""); escaped(id); put("\"")
        }

        private mutating func renderTable(_ node: MarkdownNode, alignments: [TableAlignment]) {
            put("<div class=\"table-wrap\"><table"); idAttribute(node); put(">\n")
            var inBody = false
            for row in node.children {
                guard case .tableRow(let isHeader) = row.kind else { continue }
                if isHeader {
                    put("<thead>\n")
                } else if !inBody {
                    put("<tbody>\n")
                    inBody = true
                }
                put("<tr>\n")
                for (index, cell) in row.children.enumerated() {
                    put(isHeader ? "<th" : "<td")
                    if isHeader { put(" scope=\"col\"") }
                    switch index < alignments.count ? alignments[index] : .none {
                    case .left: put(" class=\"align-left\"")
                    case .center: put(" class=\"align-center\"")
                    case .right: put(" class=\"align-right\"")
                    case .none: break
                    }
                    put(">")
                    renderChildren(cell, tight: false)
                    put(isHeader ? "</th>\n" : "</td>\n")
                }
                put("</tr>\n")
                if isHeader { put("</thead>\n") }
            }
            if inBody { put("</tbody>\n") }
            put("</table></div>\n")
        }

        // Footnote ids are `FootnoteTable.safeID`s (letters, digits, `-`
        // and `_`): nothing in them to escape.

        private mutating func renderFootnoteReference(_ label: String) {
            guard let number = footnotes.number(of: label) else {
                escaped("[^\(label)]")
                return
            }
            let count = (referenceCounts[label] ?? 0) + 1
            referenceCounts[label] = count
            put("<sup class=\"footnote-ref\"><a href=\"#"); raw(FootnoteTable.definitionID(label))
            put("\" id=\""); raw(FootnoteTable.referenceID(label, occurrence: count))
            put("\" aria-label=\"Footnote "); raw(String(number)); put("\">"); raw(String(number)); put("</a></sup>")
        }

        mutating func renderFootnotes() {
            let definitions = footnotes.orderedDefinitions
            guard !definitions.isEmpty else { return }
            put("<section class=\"footnotes\" aria-labelledby=\"footnotes-heading\">\n<h2 id=\"footnotes-heading\">Footnotes</h2>\n<ol>\n")
            for definition in definitions {
                guard case .footnoteDefinition(let label) = definition.kind else { continue }
                let number = footnotes.number(of: label) ?? 0
                put("<li id=\""); raw(FootnoteTable.definitionID(label)); put("\">\n")
                let start = out.count
                for child in definition.children { render(child, tight: false) }
                // The back links go inside the last paragraph, as readers expect.
                if endsWithParagraph(from: start) {
                    out.removeLast(5)
                } else {
                    put("<p>")
                }
                // Counted after the footnote's own text, which may refer to it again.
                let references = max(referenceCounts[label] ?? 0, 1)
                for occurrence in 1...references {
                    put(" <a href=\"#"); raw(FootnoteTable.referenceID(label, occurrence: occurrence))
                    put("\" class=\"footnote-back\" aria-label=\"Back to reference "); raw(String(number))
                    if references > 1 { put(" ("); raw(String(occurrence)); put(")") }
                    put("\">↩</a>")
                }
                put("</p>\n</li>\n")
            }
            put("</ol>\n</section>\n")
        }

        /// Whether what was written from `start` ends with a paragraph's
        /// end tag, as a `String` tells it: by character, so a mark that
        /// joins the `<` to the text before it (an Arabic number sign, say)
        /// means it does not, as it always has.
        private func endsWithParagraph(from start: Int) -> Bool {
            guard out.count - start >= 5, out.suffix(5).elementsEqual("</p>\n".utf8) else { return false }
            return String(decoding: out[start...], as: UTF8.self).hasSuffix("</p>\n")
        }

        // MARK: bytes

        private mutating func put(_ text: StaticString) {
            out.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
        }

        private mutating func raw(_ text: String) {
            HTMLEscaping.withUTF8(text) { out.append(contentsOf: $0) }
        }

        private mutating func escaped(_ text: String) {
            HTMLEscaping.escape(text, into: &out)
        }

        private mutating func escapedURL(_ url: String) {
            HTMLEscaping.escapeURL(url, into: &out)
        }
    }
}
