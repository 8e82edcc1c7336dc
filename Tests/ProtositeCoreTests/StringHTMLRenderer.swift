@testable import ProtositeMarkdown

/// `HTMLRenderer` as it was before it wrote bytes: the body HTML built
/// as a `String` by appending and interpolating. Kept unchanged as the
/// reference the byte renderer is held to (`HTMLRendererBytesTests`);
/// a deliberate change to the HTML changes both.
struct StringHTMLRenderer {
    /// Pass the author's raw HTML through (with GFM's tag filter) instead of
    /// dropping it.
    var allowRawHTML: Bool

    /// The HTML of a whole document, footnotes last.
    func render(_ document: MarkdownDocument) -> String {
        var state = State(footnotes: FootnoteTable(document))
        var out = ""
        out.reserveCapacity(4096)
        for block in document.blocks {
            if case .footnoteDefinition = block.kind { continue }
            render(block, tight: false, into: &out, state: &state)
        }
        renderFootnotes(document, into: &out, state: &state)
        return out
    }

    struct State {
        var footnotes: FootnoteTable
        var referenceCounts: [String: Int] = [:]
    }

    private func idAttribute(_ node: MarkdownNode) -> String {
        guard let id = node.id else { return "" }
        return " id=\"\(HTMLEscaping.escape(id))\""
    }

    private func renderChildren(_ node: MarkdownNode, tight: Bool, into out: inout String, state: inout State) {
        for child in node.children { render(child, tight: tight, into: &out, state: &state) }
    }

    private func render(_ node: MarkdownNode, tight: Bool, into out: inout String, state: inout State) {
        switch node.kind {
        case .document:
            renderChildren(node, tight: false, into: &out, state: &state)
        case .blockQuote:
            out += "<blockquote\(idAttribute(node))>\n"
            renderChildren(node, tight: false, into: &out, state: &state)
            out += "</blockquote>\n"
        case .list(let ordered, let start, let isTight):
            if ordered {
                out += start == 1 ? "<ol\(idAttribute(node))>\n" : "<ol\(idAttribute(node)) start=\"\(start)\">\n"
            } else {
                out += "<ul\(idAttribute(node))>\n"
            }
            for item in node.children { render(item, tight: isTight, into: &out, state: &state) }
            out += ordered ? "</ol>\n" : "</ul>\n"
        case .item:
            out += "<li\(idAttribute(node))>"
            for (index, child) in node.children.enumerated() {
                if tight, case .paragraph = child.kind {
                    renderChildren(child, tight: tight, into: &out, state: &state)
                } else {
                    if index == 0 { out += "\n" }
                    render(child, tight: tight, into: &out, state: &state)
                }
            }
            out += "</li>\n"
        case .codeBlock(let info, let literal):
            let language = info.split(separator: " ").first.map(String.init) ?? ""
            out += language.isEmpty ? "<pre\(idAttribute(node))><code>" : "<pre\(idAttribute(node))><code class=\"language-\(HTMLEscaping.escape(language))\">"
            out += HTMLEscaping.escape(literal)
            out += "</code></pre>\n"
        case .htmlBlock(let html):
            if allowRawHTML { out += TagFilter.apply(html) }
        case .paragraph:
            if tight {
                renderChildren(node, tight: tight, into: &out, state: &state)
            } else {
                out += "<p\(idAttribute(node))>"
                renderChildren(node, tight: tight, into: &out, state: &state)
                out += "</p>\n"
            }
        case .heading(let level):
            out += "<h\(level)\(idAttribute(node))>"
            renderChildren(node, tight: tight, into: &out, state: &state)
            out += "</h\(level)>\n"
        case .thematicBreak:
            out += "<hr>\n"
        case .table(let alignments):
            renderTable(node, alignments: alignments, into: &out, state: &state)
        case .tableRow, .tableCell:
            renderChildren(node, tight: tight, into: &out, state: &state)
        case .footnoteDefinition:
            break
        case .text(let text):
            // Text carries an id only where a label inside a block is an
            // anchor of its own (`1. (1) In this code…`).
            if node.id != nil {
                out += "<span\(idAttribute(node))>" + HTMLEscaping.escape(text) + "</span>"
            } else {
                out += HTMLEscaping.escape(text)
            }
        case .softBreak:
            out += "\n"
        case .lineBreak:
            out += "<br>\n"
        case .code(let code):
            out += "<code>" + HTMLEscaping.escape(code) + "</code>"
        case .htmlInline(let html):
            if allowRawHTML { out += TagFilter.apply(html) }
        case .emphasis:
            out += "<em>"; renderChildren(node, tight: tight, into: &out, state: &state); out += "</em>"
        case .strong:
            out += "<strong>"; renderChildren(node, tight: tight, into: &out, state: &state); out += "</strong>"
        case .strikethrough:
            out += "<del>"; renderChildren(node, tight: tight, into: &out, state: &state); out += "</del>"
        case .link(let destination, let title):
            if HTMLEscaping.isDangerousURL(destination) {
                // Not a live link: the words stay, the script does not.
                renderChildren(node, tight: tight, into: &out, state: &state)
                return
            }
            out += "<a href=\"\(HTMLEscaping.escapeURL(destination))\""
            if !title.isEmpty { out += " title=\"\(HTMLEscaping.escape(title))\"" }
            out += ">"
            renderChildren(node, tight: tight, into: &out, state: &state)
            out += "</a>"
        case .siteLink(let destination, let className, let label):
            out += "<a class=\"\(HTMLEscaping.escape(className))\" href=\"\(HTMLEscaping.escapeURL(destination))\""
            if let label { out += " aria-label=\"\(HTMLEscaping.escape(label))\"" }
            out += ">"
            renderChildren(node, tight: tight, into: &out, state: &state)
            out += "</a>"
        case .image(let destination, let title):
            let alt = node.plainText
            if HTMLEscaping.isDangerousURL(destination) {
                out += HTMLEscaping.escape(alt)
                return
            }
            out += "<img src=\"\(HTMLEscaping.escapeURL(destination))\" alt=\"\(HTMLEscaping.escape(alt))\""
            if !title.isEmpty { out += " title=\"\(HTMLEscaping.escape(title))\"" }
            out += ">"
        case .footnoteReference(let label):
            guard let number = state.footnotes.number(of: label) else {
                out += HTMLEscaping.escape("[^\(label)]")
                return
            }
            let count = (state.referenceCounts[label] ?? 0) + 1
            state.referenceCounts[label] = count
            let id = FootnoteTable.referenceID(label, occurrence: count)
            out += "<sup class=\"footnote-ref\"><a href=\"#\(FootnoteTable.definitionID(label))\" id=\"\(id)\" aria-label=\"Footnote \(number)\">\(number)</a></sup>"
        case .trustedHTML(let html):
            out += html
        }
    }

    private func renderTable(_ node: MarkdownNode, alignments: [TableAlignment], into out: inout String, state: inout State) {
        out += "<div class=\"table-wrap\"><table\(idAttribute(node))>\n"
        var inBody = false
        for row in node.children {
            guard case .tableRow(let isHeader) = row.kind else { continue }
            if isHeader {
                out += "<thead>\n"
            } else if !inBody {
                out += "<tbody>\n"
                inBody = true
            }
            out += "<tr>\n"
            for (index, cell) in row.children.enumerated() {
                let tag = isHeader ? "th" : "td"
                var attributes = isHeader ? " scope=\"col\"" : ""
                switch index < alignments.count ? alignments[index] : .none {
                case .left: attributes += " class=\"align-left\""
                case .center: attributes += " class=\"align-center\""
                case .right: attributes += " class=\"align-right\""
                case .none: break
                }
                out += "<\(tag)\(attributes)>"
                renderChildren(cell, tight: false, into: &out, state: &state)
                out += "</\(tag)>\n"
            }
            out += "</tr>\n"
            if isHeader { out += "</thead>\n" }
        }
        if inBody { out += "</tbody>\n" }
        out += "</table></div>\n"
    }

    private func renderFootnotes(_ document: MarkdownDocument, into out: inout String, state: inout State) {
        let definitions = state.footnotes.orderedDefinitions
        guard !definitions.isEmpty else { return }
        out += "<section class=\"footnotes\" aria-labelledby=\"footnotes-heading\">\n<h2 id=\"footnotes-heading\">Footnotes</h2>\n<ol>\n"
        for definition in definitions {
            guard case .footnoteDefinition(let label) = definition.kind else { continue }
            let number = state.footnotes.number(of: label) ?? 0
            out += "<li id=\"\(FootnoteTable.definitionID(label))\">\n"
            var body = ""
            for child in definition.children { render(child, tight: false, into: &body, state: &state) }
            let references = max(state.referenceCounts[label] ?? 0, 1)
            var backLinks = ""
            for occurrence in 1...references {
                let suffix = references > 1 ? " (\(occurrence))" : ""
                backLinks += " <a href=\"#\(FootnoteTable.referenceID(label, occurrence: occurrence))\" class=\"footnote-back\" aria-label=\"Back to reference \(number)\(suffix)\">↩</a>"
            }
            // The back links go inside the last paragraph, as readers expect.
            if body.hasSuffix("</p>\n") {
                body.removeLast(5)
                body += backLinks + "</p>\n"
            } else {
                body += "<p>" + backLinks + "</p>\n"
            }
            out += body + "</li>\n"
        }
        out += "</ol>\n</section>\n"
    }
}
