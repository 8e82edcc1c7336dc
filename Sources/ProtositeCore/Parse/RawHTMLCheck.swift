import ProtositeMarkdown

/// Safe mode: the author's raw HTML is not published. Each place it is
/// dropped gets a warning, so the clerk knows what readers will not see.
enum RawHTMLCheck {
    static func warnings(in document: MarkdownDocument, path: String, bodyFirstLine: Int) -> [Diagnostic] {
        var found: [Diagnostic] = []
        func visit(_ node: MarkdownNode) {
            switch node.kind {
            case .htmlBlock(let html), .htmlInline(let html):
                // An HTML comment hides nothing from readers: no warning.
                if html.trimmingWhitespace().hasPrefix("<!--") { return }
                let snippet = html.trimmingWhitespace().prefix(40)
                found.append(.warning("raw HTML '\(snippet)' is left out of the page (set unsafe_html: true in protosite.yml to publish it)",
                                      in: path, line: node.line + bodyFirstLine - 1, column: max(node.column, 1)))
            default:
                node.children.forEach(visit)
            }
        }
        visit(document.root)
        return found
    }
}
