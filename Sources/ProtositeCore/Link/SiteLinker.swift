import Foundation
import ProtositeMarkdown
import ProtositeSearch

/// The link stage: turns every citation in running text into a link to the
/// clause it names, rewrites links between content files to site URLs,
/// links mentions of other protocols by title, and collects, for each
/// clause, where it is referred to from.
public struct SiteLinker: Sendable {
    public init() {}

    public func link(_ documents: [ProtocolDocument], diagnostics: inout [Diagnostic]) -> LinkedSite {
        let site = SiteIndex(documents.map(LinkSummary.init))
        let results = linkEach(documents, site: site)
        let backLinks = Self.backLinks(results.map(\.references))
        var linked: [LinkedProtocol] = []
        for result in results {
            diagnostics += result.diagnostics
            linked.append(LinkedProtocol(document: result.document, backLinks: backLinks[result.document.metadata.slug] ?? [:]))
        }
        return LinkedSite(protocols: linked)
    }

    /// One document, linked: its tree with links in place, the places it
    /// refers to, and what linking had to say.
    struct Result: Sendable {
        var document: ProtocolDocument
        var references: [References]
        var diagnostics: [Diagnostic]
    }

    /// Each document on its own core: a document's links depend only on
    /// its own text and the site index.
    func linkEach(_ documents: [ProtocolDocument], site: SiteIndex) -> [Result] {
        let slots = ResultSlots<Result>(count: documents.count)
        DispatchQueue.concurrentPerform(iterations: documents.count) { index in
            slots.set(index, linkOne(documents[index], site: site))
        }
        return slots.values
    }

    /// One document, linked.
    func linkOne(_ document: ProtocolDocument, site: SiteIndex) -> Result {
        var linker = DocumentLinker(document: document, site: site)
        var linked = document
        linked.body = linker.link()
        let references = linker.backLinks.map { References(slug: $0.key.slug, anchor: $0.key.anchor, places: $0.value) }
            .sorted { ($0.slug, $0.anchor) < ($1.slug, $1.anchor) }
        return Result(document: linked, references: references, diagnostics: linker.diagnostics)
    }

    /// Back links by slug and anchor, from every document's references given
    /// in path order: a clause lists the places that cite it in that order.
    static func backLinks(_ referencesInPathOrder: [[References]]) -> [String: [String: [BackLink]]] {
        var backLinks: [String: [String: [BackLink]]] = [:]
        for references in referencesInPathOrder {
            for reference in references {
                backLinks[reference.slug, default: [:]][reference.anchor, default: []] += reference.places
            }
        }
        return backLinks
    }
}

/// The places in one document that refer to one anchor, in reading order.
struct References: Sendable, Hashable {
    var slug: String
    var anchor: String
    var places: [BackLink]
}

/// What linking other documents needs to know of a document: its names,
/// the words its clauses are cited by, and its anchors. Two builds whose
/// summaries of a document agree link every other document alike.
struct LinkSummary: Sendable, Equatable {
    var path: String
    var slug: String
    var title: String
    var aliases: [String]
    var citedAs: [String]
    var anchors: [String]
    var clauses: [ClauseNumber]
}

extension LinkSummary {
    init(_ document: ProtocolDocument) {
        self.init(path: document.path, slug: document.metadata.slug, title: document.metadata.title,
                  aliases: document.metadata.aliases, citedAs: document.metadata.citedAs,
                  anchors: document.headings.map(\.anchor) + document.clauses.map(\.anchor),
                  clauses: document.clauses.map(\.number))
    }
}

/// What the linker knows about the whole site.
struct SiteIndex: Sendable {
    let vocabulary: ReferenceVocabulary
    let resolver: ContentLinkResolver
    let clauses: [String: Set<ClauseNumber>]
    let titles: [String: String]

    init(_ documents: [LinkSummary]) {
        vocabulary = ReferenceVocabulary(
            citedAs: documents.map { ($0.slug, $0.citedAs) },
            names: documents.flatMap { doc in ([doc.title] + doc.aliases).map { (doc.slug, $0) } }
        )
        var slugsByPath: [String: String] = [:]
        var anchors: [String: Set<String>] = [:]
        var clauses: [String: Set<ClauseNumber>] = [:]
        var titles: [String: String] = [:]
        for document in documents {
            slugsByPath[document.path] = document.slug
            anchors[document.slug] = Set(document.anchors)
            clauses[document.slug] = Set(document.clauses)
            titles[document.slug] = document.title
        }
        resolver = ContentLinkResolver(slugsByPath: slugsByPath, anchorsBySlug: anchors)
        self.clauses = clauses
        self.titles = titles
    }
}

/// A clause or heading of some protocol.
struct AnchorTarget: Hashable {
    var slug: String
    var anchor: String
}

/// Links one document; its results are read after `link()`.
struct DocumentLinker {
    let document: ProtocolDocument
    let site: SiteIndex
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var backLinks: [AnchorTarget: [BackLink]] = [:]

    /// `../` from this protocol's page to the site root.
    private let root: String
    private var slug: String { document.metadata.slug }
    /// The sections met so far: index 0 is the preamble.
    private var sections: [(anchor: String?, label: String)]
    /// Mentions already linked, per section, so each protocol is linked once per section.
    private var mentioned: Set<String> = []

    init(document: ProtocolDocument, site: SiteIndex) {
        self.document = document
        self.site = site
        self.root = SiteRenderer.root(forPagePath: document.metadata.slug + "/index.html")
        self.sections = [(nil, document.metadata.title)]
    }

    mutating func link() -> MarkdownDocument {
        var body = document.body
        // SectionWalker counts the sections (the same walk makes the search
        // entries); footnote text comes last, in the section of its mark.
        SectionWalker.walk(document.body, footnotes: .atTheirMark, opener: { node in
            guard let id = node.id else { return }
            sections.append((id, ClauseNumber(anchor: id)?.description ?? node.plainText))
        }) { section, _, path in
            body.modify(at: path) { link(&$0, section: section) }
        }
        return body
    }

    /// Links the text of one leaf block (code and raw HTML have none).
    private mutating func link(_ block: inout MarkdownNode, section: Int) {
        switch block.kind {
        case .paragraph:
            linkInlines(&block, section: section, mentions: true)
        case .heading:
            linkInlines(&block, section: section, mentions: false)
        case .table:
            for row in block.children.indices {
                for cell in block.children[row].children.indices {
                    linkInlines(&block.children[row].children[cell], section: section, mentions: true)
                }
            }
        default:
            break
        }
    }

    private mutating func linkInlines(_ container: inout MarkdownNode, section: Int, mentions: Bool) {
        let text = InlineText(container)
        var links: [TextLink] = []
        var taken: [Range<Int>] = []
        let scanner = ReferenceScanner(vocabulary: site.vocabulary)
        let from = backLinkOrigin(section)
        for reference in scanner.scan(text.bytes) {
            taken.append(reference.span)
            let targetSlug: String
            switch reference.target {
            case .external: continue
            case .current: targetSlug = slug
            case .document(let other): targetSlug = other
            }
            for number in reference.numbers {
                let clauses = site.clauses[targetSlug] ?? []
                // Where the export lost a sub-clause's label, the deepest clause that exists.
                var resolved = number.number
                while !clauses.contains(resolved), let parent = resolved.parent { resolved = parent }
                guard clauses.contains(resolved) else {
                    let (line, column) = text.position(of: number.range.lowerBound, fallbackLine: container.line)
                    let cited = text.string(reference.span.lowerBound..<number.range.upperBound)
                    let whose = targetSlug == slug ? "this protocol" : "'\(site.titles[targetSlug] ?? targetSlug)'"
                    diagnostics.append(.warning("'\(cited)' refers to clause \(number.number), but \(whose) has no clause \(ClauseNumber(parts: number.number.parts) ?? number.number)", in: document.path, line: line + document.bodyFirstLine - 1, column: column))
                    continue
                }
                guard let (piece, offset) = text.locate(number.range.lowerBound) else { continue }
                let anchor = resolved.anchor
                // In a list of links a screen reader reads only the link: "2.2" alone says
                // nothing. The name keeps the words shown (WCAG 2.5.3), then says where it leads.
                let written = text.string(number.range)
                let whose = targetSlug == slug ? "clause" : "\(site.titles[targetSlug] ?? targetSlug), clause"
                let context = written.lowercased() == resolved.description ? "\(whose) \(written)" : "\(written), \(whose) \(resolved)"
                links.append(TextLink(piece: piece, range: offset..<(offset + number.range.count), destination: url(targetSlug, anchor), className: "xref", label: context))
                record(AnchorTarget(slug: targetSlug, anchor: anchor), from: from)
            }
        }
        if mentions {
            links += mentionLinks(text, section: section, avoiding: taken)
        }
        let path = document.path
        let currentSlug = slug
        var broken: [(String, Int, Int)] = []
        var resolvedTargets: [AnchorTarget] = []
        InlineText.apply(links, to: &container) { link in
            guard case .link(let destination, let title) = link.kind else { return }
            switch site.resolver.resolve(destination, from: path, currentSlug: currentSlug) {
            case .untouched:
                break
            case .resolved(let target, let anchor):
                link.kind = .link(destination: url(target, anchor), title: title)
                if let anchor { resolvedTargets.append(AnchorTarget(slug: target, anchor: anchor)) }
            case .broken(let message):
                broken.append((message, link.line, link.column))
            }
        }
        for target in resolvedTargets { record(target, from: from) }
        for (message, line, column) in broken {
            diagnostics.append(.warning(message, in: document.path, line: (line > 0 ? line : container.line) + document.bodyFirstLine - 1, column: max(column, 1)))
        }
    }

    /// Other protocols named by title or alias, once per section each.
    private mutating func mentionLinks(_ text: InlineText, section: Int, avoiding taken: [Range<Int>]) -> [TextLink] {
        var links: [TextLink] = []
        let bytes = text.bytes
        var index = 0
        while index < bytes.count {
            // No name starts at white space, nor inside a word or a character.
            if bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x09 {
                index += 1
                continue
            }
            guard WordBytes.boundaryBefore(bytes, index), NameTrie.spaceWidth(bytes, at: index) == nil else {
                index = WordBytes.nextPlace(bytes, after: index)
                continue
            }
            var wordEnd = index
            guard let (target, end) = site.vocabulary.names.longestMatch(in: bytes, at: index, firstWordEnd: &wordEnd),
                  WordBytes.boundary(bytes, end) else {
                // Past the word read (or the whole punctuation character).
                index = wordEnd > index ? wordEnd : WordBytes.nextPlace(bytes, after: index)
                continue
            }
            let range = index..<end
            index = end
            guard target != slug else { continue }
            guard !taken.contains(where: { $0.overlaps(range) }) else { continue }
            let key = "\(section) \(target)"
            guard !mentioned.contains(key) else { continue }
            // The name must lie inside one text node to become a link.
            guard let (start, offset) = text.locate(range.lowerBound), let (last, _) = text.locate(range.upperBound - 1), start == last else { continue }
            mentioned.insert(key)
            links.append(TextLink(piece: start, range: offset..<(offset + range.count), destination: url(target, nil), className: "xref xref-document"))
        }
        return links
    }

    private func backLinkOrigin(_ section: Int) -> BackLink {
        let entry = sections[min(section, sections.count - 1)]
        return BackLink(fromSlug: slug, fromTitle: document.metadata.title, fromLabel: entry.label, fromAnchor: entry.anchor)
    }

    private mutating func record(_ target: AnchorTarget, from: BackLink) {
        // A clause does not list itself.
        if target.slug == from.fromSlug, target.anchor == from.fromAnchor { return }
        if backLinks[target]?.contains(from) == true { return }
        backLinks[target, default: []].append(from)
    }

    /// From this protocol's page to a protocol (and anchor).
    private func url(_ target: String, _ anchor: String?) -> String {
        let fragment = anchor.map { "#" + $0 } ?? ""
        return target == slug ? (fragment.isEmpty ? "./" : fragment) : root + target + "/" + fragment
    }
}
