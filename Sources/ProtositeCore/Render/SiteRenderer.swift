import Foundation
import ProtositeMarkdown
import ProtositeSearch

/// The render stage: every page and data file of the site as `Output`
/// values. Nothing here touches the disk.
public struct SiteRenderer: Sendable {
    public var config: SiteConfig
    public var theme: Theme
    public var today: CalendarDay
    /// The days of each protocol's earlier versions, by slug: what its
    /// page links to.
    public var versionDates: [String: [CalendarDay]]

    public init(config: SiteConfig, theme: Theme, today: CalendarDay, versionDates: [String: [CalendarDay]] = [:]) {
        self.config = config
        self.theme = theme
        self.today = today
        self.versionDates = versionDates
    }

    var site: SiteContext {
        SiteContext(title: config.title, council: config.council, language: config.language, contact: config.contact,
                    baseURL: config.baseURL, reviewWarningDays: config.reviewWarningDays,
                    builtOn: today.description, builtOnLong: today.longForm)
    }

    var summaries: ProtocolSummaries { ProtocolSummaries(today: today, warningDays: config.reviewWarningDays) }

    /// Protocols as the list, the schedule's ties and the search index take
    /// them: by title, then slug.
    static func readingOrder<T>(_ items: [T], metadata: (T) -> ProtocolMetadata) -> [T] {
        items.map { (metadata($0).title.lowercased(), metadata($0).slug, $0) }
            .sorted { ($0.0, $0.1) < ($1.0, $1.1) }
            .map(\.2)
    }

    /// The plain pages: template, path, title.
    private static let plainPages = [
        ("search", "search/index.html", "Search"),
        ("accessibility", "accessibility/index.html", "Accessibility statement"),
        ("404", NotFoundPage.path, "Page not found"),
    ]

    /// The outputs that depend on the configuration and theme alone.
    func staticOutputs() -> [Output] {
        var outputs = Self.plainPages.map { plainPage($0.0, path: $0.1, title: $0.2) }
        outputs.append(Output(path: SiteWriter.markerName, text: SiteWriter.markerText))
        for (path, bytes) in theme.assets { outputs.append(Output(path: path, bytes: bytes)) }
        return outputs
    }

    /// The paths of `staticOutputs()`, without making them.
    var staticPaths: [String] {
        Self.plainPages.map(\.1) + [SiteWriter.markerName] + theme.assets.map(\.0)
    }

    /// The paths `listingOutputs` makes: they depend on the configuration only.
    var listingPaths: [String] {
        ["reviews/index.html", "index.html", "protocols.json", "feed.xml", "reviews.ics"] + (config.baseURL == nil ? [] : ["sitemap.xml"])
    }

    /// The outputs made from every protocol's listing: the list, the
    /// schedule, `protocols.json`, the calendar, the feed and the sitemap.
    /// Each is handed to `sink` as it is made, in two lanes, one a core: at
    /// ten thousand protocols they are 35 MB, and each costs several times
    /// its size while it is made (all five made side by side were a tenth
    /// of the build's peak memory), while one at a time left a core idle for
    /// a second. The two largest, the feed and `protocols.json`, share a
    /// lane, so they are never made at once.
    func listingOutputs(_ listings: [ProtocolListing], into sink: OutputSink) throws {
        let listings = Self.readingOrder(listings) { $0.metadata }
        let lanes: [[@Sendable () -> Output]] = [
            [
                { Output(path: "feed.xml", text: AtomFeed.make(listings, config: config, today: today)) },
                { Output(path: "protocols.json", text: ProtocolsJSON.make(listings, summaries: summaries, baseURL: config.baseURL)) },
            ],
            [
                { Output(path: "reviews.ics", text: ReviewCalendar.make(listings, config: config, today: today)) },
                { reviewsPage(listings) },
                { indexPage(listings) },
            ],
        ]
        let failures = ResultSlots<Error>(count: lanes.count)
        DispatchQueue.concurrentPerform(iterations: lanes.count) { lane in
            do {
                for make in lanes[lane] { try sink.put(make()) }
            } catch {
                failures.set(lane, error)
            }
        }
        if let failure = failures.values.first { throw failure }
        let pages = staticPaths + listingPaths.filter { $0 != "sitemap.xml" } + listings.map { $0.urlPath + "index.html" }
        if let sitemap = Sitemap.make(pagePaths: pages, baseURL: config.baseURL) {
            try sink.put(Output(path: "sitemap.xml", text: sitemap))
        }
    }

    /// The search index files of prepared entries (in reading order), each
    /// handed to `sink` as it is made; their paths, in the index's order.
    func searchFiles(_ prepared: [PreparedEntry], terms: TermTable, keepEntryChunk: (Int) -> Bool = { _ in false },
                     withJSON: (@Sendable (Range<Int>) throws -> [PreparedEntry])? = nil, into sink: OutputSink) throws -> [String] {
        // PROTOSITE_SEARCH_SHARD_THRESHOLD lowers the size at which the index
        // is split, so the split form can be tried on a small site.
        try SearchIndexBuilder.build(prepared, terms: terms, shardThreshold: Self.shardThreshold, synonyms: SearchSynonyms.builtIn + config.searchSynonyms,
                                     keepEntryChunk: keepEntryChunk, withJSON: withJSON) { try sink.put(Output(path: $0.path, bytes: $0.bytes)) }
    }

    static var shardThreshold: Int {
        ProcessInfo.processInfo.environment["PROTOSITE_SEARCH_SHARD_THRESHOLD"].flatMap(Int.init) ?? 3000
    }

    /// `../` once per folder level of a page path.
    static func root(forPagePath path: String) -> String {
        String(repeating: "../", count: path.split(separator: "/").count - 1)
    }

    private func canonical(_ path: String) -> String? {
        guard let base = config.baseURL else { return nil }
        return base + (path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path)
    }

    func page<P>(_ page: P, path: String, title: String, template: String) -> Output {
        Output(path: path, text: theme.page(pageContext(page, path: path, title: title), template: template))
    }

    func pageContext<P>(_ page: P, path: String, title: String) -> PageContext<P> {
        let root = path == NotFoundPage.path ? NotFoundPage.root(baseURL: config.baseURL) : Self.root(forPagePath: path)
        return PageContext(site: site, root: root, pageTitle: title, canonical: canonical(path), page: page)
    }

    // The list and the schedule: the built-in templates' pages without
    // Mustache's look-ups, the clerk's own templates through Mustache.

    private func indexPage(_ protocols: [ProtocolListing]) -> Output {
        let context = indexPageContext(protocols)
        let path = "index.html"
        guard theme.writes("index") else { return Output(path: path, text: theme.page(context, template: "index")) }
        return Output(path: path, bytes: ListingPageWriters.index(context))
    }

    private func reviewsPage(_ protocols: [ProtocolListing]) -> Output {
        let context = reviewsPageContext(protocols)
        let path = "reviews/index.html"
        guard theme.writes("reviews") else { return Output(path: path, text: theme.page(context, template: "reviews")) }
        return Output(path: path, bytes: ListingPageWriters.reviews(context))
    }

    /// What `index.mustache` sees (and `ListingPageWriters` writes) for
    /// protocols in reading order.
    func indexPageContext(_ protocols: [ProtocolListing]) -> PageContext<IndexPage> {
        let items = protocols.map { summaries.summary($0.metadata, href: $0.urlPath) }
        let alerts = summaries.counts(items, states: ReviewCounts.alertStates)
        let page = IndexPage(protocols: items, hasProtocols: !items.isEmpty, alerts: alerts)
        return pageContext(page, path: "index.html", title: config.title)
    }

    /// What `reviews.mustache` sees (and `ListingPageWriters` writes).
    func reviewsPageContext(_ protocols: [ProtocolListing]) -> PageContext<ReviewsPage> {
        let ordered = protocols.map(\.metadata).sorted(by: summaries.scheduleOrder)
        let items = ordered.map { summaries.summary($0, href: "../" + $0.slug + "/") }
        let page = ReviewsPage(protocols: items, counts: summaries.counts(items, states: [.overdue, .dueSoon, .current, .none]))
        return pageContext(page, path: "reviews/index.html", title: "Review schedule — \(config.title)")
    }

    private func plainPage(_ template: String, path: String, title: String) -> Output {
        page(PlainPage(heading: title), path: path, title: "\(title) — \(config.title)", template: template)
    }

    /// Protocol pages render on all cores: each depends only on its own value.
    func renderProtocolPages(_ protocols: [LinkedProtocol]) -> [Output] {
        let results = ResultSlots<Output>(count: protocols.count)
        DispatchQueue.concurrentPerform(iterations: protocols.count) { index in
            results.set(index, protocolPage(protocols[index]))
        }
        return results.values
    }

    func protocolPage(_ linked: LinkedProtocol) -> Output {
        let context = protocolPageContext(linked)
        let path = linked.document.metadata.slug + "/index.html"
        // The built-in templates' page without Mustache's look-ups; the
        // clerk's own templates through Mustache.
        guard theme.writes("protocol") else { return Output(path: path, text: theme.page(context, template: "protocol")) }
        return Output(path: path, bytes: ProtocolPageWriter.write(context))
    }

    /// What `protocol.mustache` sees for a protocol (and `ProtocolPageWriter` writes).
    func protocolPageContext(_ linked: LinkedProtocol) -> PageContext<ProtocolPage> {
        let document = linked.document
        let metadata = document.metadata
        let path = metadata.slug + "/index.html"
        let root = Self.root(forPagePath: path)
        let decorated = ClauseDecorator(backLinks: linked.backLinks, slug: metadata.slug, root: root).decorate(document.body)
        let body = HTMLRenderer(allowRawHTML: config.unsafeHTML).renderBytes(decorated)
        let topLevel = document.headings.map(\.level).min() ?? 2
        let toc = document.headings.map { heading in
            TOCEntry(text: heading.text, number: heading.clause?.description, anchor: heading.anchor, level: heading.level,
                     isSubsection: heading.level > topLevel)
        }
        let history = metadata.history.map { row in
            HistoryRowContext(date: row.date?.longForm, dateISO: row.date?.description, version: row.version, change: row.change, review: row.review?.longForm)
        }
        let url = canonical(metadata.slug + "/")
        let page = ProtocolPage(
            doc: summaries.summary(metadata, href: ""),
            toc: toc,
            hasTOC: toc.count > 1,
            body: body,
            history: history,
            hasHistory: !history.isEmpty,
            jsonLD: LegislationJSONLD.make(metadata, url: url, language: config.language),
            citationURL: url ?? "",
            versionLinks: versionLinks(slug: metadata.slug)
        )
        return PageContext(site: site, root: root, pageTitle: "\(metadata.title) — \(config.title)", canonical: url, page: page)
    }

    /// One entry per section: clauses, headed sections, preambles.
    func searchEntries(_ document: ProtocolDocument) -> [SearchEntry] {
        let metadata = document.metadata
        return document.sections.map { section in
            let anchor = section.anchor ?? ""
            return SearchEntry(
                slug: metadata.slug,
                title: metadata.title,
                clause: section.clause?.description,
                anchor: anchor,
                url: metadata.slug + "/" + (anchor.isEmpty ? "" : "#" + anchor),
                heading: section.heading,
                text: section.text,
                aliases: metadata.aliases,
                status: EntryStatus(metadata.status)
            )
        }
    }
}

extension EntryStatus {
    /// A protocol's status as its search entries carry it.
    init(_ status: ProtocolStatus) {
        switch status {
        case .adopted: self = .adopted
        case .draft: self = .draft
        case .superseded: self = .superseded
        case .withdrawn: self = .withdrawn
        }
    }
}

