import ProtositeMarkdown

/// Adds what readers use to cite a clause to a protocol's tree: the clause
/// number becomes a link to the clause itself, each heading gets a
/// permalink, and referenced places list who refers to them.
struct ClauseDecorator {
    let backLinks: [String: [BackLink]]
    /// The referring page's slug, to make back links relative.
    let slug: String
    /// Prefix from the protocol page to the site root (`../`).
    let root: String

    func decorate(_ document: MarkdownDocument) -> MarkdownDocument {
        var document = document
        document.blocks = decorate(children: document.blocks)
        return document
    }

    private func decorate(children: [MarkdownNode]) -> [MarkdownNode] {
        var out: [MarkdownNode] = []
        out.reserveCapacity(children.count)
        for child in children {
            var node = child
            if case .footnoteDefinition = node.kind {
                node.children = decorate(children: node.children)
                out.append(node)
                continue
            }
            if Self.mayHoldIDs(node) { node.children = decorate(children: node.children) }
            guard let id = node.id else {
                out.append(node)
                continue
            }
            addPermalink(to: &node, id: id)
            let references = backLinks[id] ?? []
            if !references.isEmpty {
                let html = backLinkHTML(references)
                if case .item = node.kind {
                    node.children.append(MarkdownNode(.trustedHTML(html)))
                    out.append(node)
                } else {
                    out.append(node)
                    out.append(MarkdownNode(.trustedHTML(html)))
                }
            } else {
                out.append(node)
            }
        }
        return out
    }

    /// Whether any of a node's children can carry an id. The clause
    /// finder gives ids to blocks (headings, paragraphs, list items) and to
    /// a label's text directly inside a paragraph or heading, never deeper:
    /// the text inside emphasis, links or tables is left as it is rather
    /// than copied, which was most of this walk's time.
    private static func mayHoldIDs(_ node: MarkdownNode) -> Bool {
        switch node.kind {
        case .document, .blockQuote, .list, .item:
            return true
        case .paragraph, .heading:
            return node.children.contains { $0.id != nil }
        default:
            return false
        }
    }

    // The markup is made as bytes (`HTMLBytes`): interpolating it into
    // strings cost more than finding where it goes.

    private func addPermalink(to node: inout MarkdownNode, id: String) {
        var html = HTMLBytes(capacity: 96)
        if let number = ClauseNumber(anchor: id) {
            // A label inside its clause's text (`1. (1) In this code…`) is the anchor and the link at once.
            if case .text(let written) = node.kind {
                html.put("<a class=\"clause-number\" id=\""); html.escaped(id)
                html.put("\" href=\"#"); html.escaped(id); html.put("\">")
                html.escaped(written); html.put("</a>")
                node = MarkdownNode(.trustedHTML(html.string))
                return
            }
            // The written number ("2.0", "4.") or label ("(a)", "B.") becomes the link when the text starts with it.
            // A sub-clause's link says how deep it stands, so the stylesheet can indent it.
            html.put("<a class=\"clause-number")
            if number.isSubClause { html.put(" sub-"); html.raw(min(number.labels.count, 4)) }
            html.put("\" href=\"#"); html.escaped(id); html.put("\">")
            if wrapLeadingNumber(in: &node, number: number, linkStart: html) { return }
            html = HTMLBytes(capacity: 96)
            html.put("<a class=\"permalink\" href=\"#"); html.escaped(id)
            html.put("\" aria-label=\""); html.escaped("Clause \(number)"); html.put("\">¶</a> ")
            let link = MarkdownNode(.trustedHTML(html.string))
            if case .item = node.kind, let first = node.children.first, case .paragraph = first.kind {
                node.children[0].children.insert(link, at: 0)
            } else {
                node.children.insert(link, at: 0)
            }
        } else {
            html.put(" <a class=\"permalink\" href=\"#"); html.escaped(id)
            html.put("\" aria-label=\"Link to this section\">#</a>")
            node.children.append(MarkdownNode(.trustedHTML(html.string)))
        }
    }

    /// Replaces the clause number or sub-clause label at the start of the
    /// node's first text with a link to the clause, `linkStart` being the
    /// link's start tag. False when the text does not start with it.
    private func wrapLeadingNumber(in node: inout MarkdownNode, number: ClauseNumber, linkStart: HTMLBytes) -> Bool {
        let marker: LeadingMarker = number.isSubClause ? .label : .number(number)
        if case .item = node.kind {
            guard !node.children.isEmpty, case .paragraph = node.children[0].kind else { return false }
            return wrapLeadingNumber(in: &node.children[0], marker: marker, linkStart: linkStart)
        }
        return wrapLeadingNumber(in: &node, marker: marker, linkStart: linkStart)
    }

    /// What a clause's text starts with: its own number (`2.1`, `7.`) or a
    /// label (`(a)`). A number that is not the clause's (an ordered-list
    /// clause whose text starts "3 councillors…") is not its link.
    private enum LeadingMarker {
        case number(ClauseNumber)
        case label

        func length(in text: String) -> Int? {
            switch self {
            case .number(let number):
                guard let (found, length) = ClauseNumber.leading(in: text, minimumParts: 1), found == number else { return nil }
                return length
            case .label: return SubClauseLabel.leading(in: Substring(text))?.writtenLength
            }
        }
    }

    private func wrapLeadingNumber(in node: inout MarkdownNode, marker: LeadingMarker, linkStart: HTMLBytes) -> Bool {
        guard let first = node.children.first else { return false }
        switch first.kind {
        case .text(let text):
            guard let length = marker.length(in: text) else { return false }
            let written = String(text.utf8.prefix(length)) ?? ""
            let rest = String(text.utf8.dropFirst(length)) ?? ""
            // Named by its own text ("4.8", "(a)"): a screen reader reading the
            // clause hears the number, not a sentence about a link before it.
            var link = linkStart
            link.escaped(written)
            link.put("</a>")
            var replacement = [MarkdownNode(.trustedHTML(link.string))]
            if !rest.isEmpty { replacement.append(MarkdownNode(.text(rest), line: first.line, column: first.column + length)) }
            node.children.replaceSubrange(0..<1, with: replacement)
            return true
        case .strong, .emphasis:
            // A bold or italic number ("**2.1** Text").
            return wrapLeadingNumber(in: &node.children[0], marker: marker, linkStart: linkStart)
        default:
            return false
        }
    }

    private func backLinkHTML(_ references: [BackLink]) -> String {
        // Same-document places first, then other protocols, each once.
        var seen = Set<BackLink>()
        let unique = references.filter { seen.insert($0).inserted }
        let local = unique.filter { $0.fromSlug == slug }
        let others = unique.filter { $0.fromSlug != slug }
        var html = HTMLBytes(capacity: 128 * unique.count)
        html.put("<p class=\"referred-to\">Referred to in ")
        for (index, back) in local.enumerated() {
            if index > 0 { html.put(", ") }
            backLink(back, withTitle: false, into: &html)
        }
        for (index, back) in others.enumerated() {
            if index > 0 { html.put(", ") } else if !local.isEmpty { html.put("; ") }
            backLink(back, withTitle: true, into: &html)
        }
        html.put("</p>\n")
        return html.string
    }

    /// A link back to a referring place: its clause number or heading,
    /// after the protocol's title when it stands in another.
    private func backLink(_ back: BackLink, withTitle: Bool, into html: inout HTMLBytes) {
        // Escaping and percent-encoding go byte by byte, so a URL or a
        // name is escaped in its pieces.
        html.put("<a class=\"backlink\" href=\"")
        if back.fromSlug != slug {
            html.escapedURL(root); html.escapedURL(back.fromSlug); html.put("/")
        }
        if let anchor = back.fromAnchor {
            html.put("#"); html.escapedURL(anchor)
        } else if back.fromSlug == slug {
            html.put("#")
        }
        html.put("\">")
        if withTitle {
            // "Code of Conduct 3.1" for a clause, "Complaints Procedure: Confidentiality" for a heading.
            html.escaped(back.fromTitle)
            if let anchor = back.fromAnchor {
                html.put(anchor.hasPrefix("clause-") ? " " : ": ")
                html.escaped(back.fromLabel)
            }
        } else {
            html.escaped(back.fromLabel)
        }
        html.put("</a>")
    }
}
