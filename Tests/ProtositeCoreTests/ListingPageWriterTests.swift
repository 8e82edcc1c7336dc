import Foundation
import Testing
@testable import ProtositeCore

/// `ListingPageWriters` writes the built-in theme's list of protocols and
/// review schedule without Mustache; `templates/index.mustache`,
/// `templates/reviews.mustache` and `templates/layout.mustache` stay the
/// definition of those pages. Each site at hand is rendered both ways from
/// the same values, and the bytes must be the same, so a template the
/// writers do not follow fails here.
@Suite("The list and the schedule without Mustache")
struct ListingPageWriterTests {
    typealias Protocols = ProtocolPageWriterTests

    /// How many protocols the two pages listed, and what differed.
    struct Comparison {
        var listed = 0
        var differences: [String] = []
        /// The built site's two pages, to look into.
        var index = ""
        var reviews = ""
    }

    /// Builds the site, then renders its list and schedule from the
    /// built-in templates by Mustache and by the writers. Also holds the
    /// built site's pages (whichever way they were made) to Mustache's.
    static func compare(_ fileSystem: FileSystem, today: CalendarDay = Protocols.today) throws -> Comparison {
        let plan = try SiteBuilder(fileSystem: fileSystem, today: today).plan()
        #expect(!plan.diagnostics.hasErrors, "\(plan.diagnostics.map(\.formatted))")
        let site = try #require(plan.site)
        // As the render stage hands them over: in reading order.
        let listings = SiteRenderer.readingOrder(site.protocols.map { ProtocolListing($0.document) }) { $0.metadata }
        return try compare(config: plan.config, listings: listings, today: today, built: plan.outputs)
    }

    /// The two pages of `listings`, both ways, and `built` (a built site's
    /// outputs, when there is one) held to Mustache's pages too.
    static func compare(config: SiteConfig, listings: [ProtocolListing], today: CalendarDay, built: [Output]?) throws -> Comparison {
        var diagnostics: [Diagnostic] = []
        let theme = Theme(overrides: [:], diagnostics: &diagnostics)
        let renderer = SiteRenderer(config: config, theme: theme, today: today)
        let index = renderer.indexPageContext(listings), reviews = renderer.reviewsPageContext(listings)
        let pages: [(path: String, byMustache: String, byWriter: [UInt8])] = [
            ("index.html", theme.page(index, template: "index"), ListingPageWriters.index(index)),
            ("reviews/index.html", theme.page(reviews, template: "reviews"), ListingPageWriters.reviews(reviews)),
        ]
        var comparison = Comparison(listed: listings.count)
        for page in pages {
            let byMustache = Array(page.byMustache.utf8)
            if page.byWriter != byMustache { comparison.differences.append(page.path + ": " + Protocols.firstDifference(page.byWriter, byMustache)) }
            guard let built else { continue }
            let output = try #require(built.first { $0.path == page.path }, "no \(page.path) built")
            if output.bytes != byMustache { comparison.differences.append(page.path + " as built: " + Protocols.firstDifference(output.bytes, byMustache)) }
        }
        comparison.index = pages[0].byMustache
        comparison.reviews = pages[1].byMustache
        return comparison
    }

    static func expectSame(_ comparison: Comparison, listing protocols: Int) {
        #expect(comparison.listed >= protocols, "only \(comparison.listed) protocols listed")
        #expect(comparison.differences.isEmpty, "\(comparison.differences)")
    }

    // MARK: Corpora

    @Test func theExampleListAndScheduleAreTheSameByWriterAndByMustache() throws {
        Self.expectSame(try Self.compare(.disk(root: TestSupport.packageRoot.path)), listing: 4)
    }

    /// The three corpora of `../shared`, each with the day its reviews
    /// are read against.
    static let sharedCorpora = [(TestSupport.corpusRoot, Protocols.today), (TestSupport.numberingRoot, Protocols.today),
                                (TestSupport.versionsRoot, VersionsCorpusTests.today)]

    @Test(.enabled(if: sharedCorpora.allSatisfy { TestSupport.hasShared($0.0) }, "../shared/corpus, corpus-numbering or corpus-versions is not beside the checkout"),
          arguments: sharedCorpora)
    func eachSharedCorpusListAndScheduleAreTheSameByWriterAndByMustache(root: URL, today: CalendarDay) throws {
        Self.expectSame(try Self.compare(.disk(root: root.path), today: today), listing: 1)
    }

    /// 150 protocols from `../shared/tools/gen-corpus.py`, without a
    /// configuration and with one that sets a base URL, a council and a
    /// title to escape.
    @Test(.enabled(if: TestSupport.hasShared(Protocols.generator), "../shared/tools/gen-corpus.py is not beside the checkout"),
          arguments: [false, true])
    func theGeneratedListAndScheduleAreTheSameByWriterAndByMustache(withBaseURL: Bool) throws {
        let generated = try Protocols.generatedSite(seed: 11, configured: withBaseURL)
        defer { try? FileManager.default.removeItem(at: generated.root) }
        Self.expectSame(try Self.compare(generated.fileSystem), listing: 150)
    }

    // MARK: The pages' cases

    static let configs: [String?] = [
        "title: Little Snoring & District's \"Protocols\"\ncouncil: Little Snoring <Parish> Council\nbase_url: https://example.org/policies/\nlanguage: en-GB\nreview_warning_days: 45\n",
        "title: Plain Protocols\n",
        nil,
    ]

    /// Every status and review state, with and without council, adopted,
    /// reviewed and review dates, summaries and text to escape (the
    /// protocol page's project), with and without a base URL and a council.
    @Test(arguments: configs)
    func everyStatusReviewStateAndMissingDateIsTheSameByWriterAndByMustache(config: String?) throws {
        Self.expectSame(try Self.compare(.memory(Protocols.project(config: config))), listing: 16)
    }

    /// A build stops at a site with no protocols, so the pages are made
    /// here from its configuration alone.
    @Test(arguments: configs)
    func anEmptySiteIsTheSameByWriterAndByMustache(config: String?) throws {
        let plan = try SiteBuilder(fileSystem: .memory(config.map { ["protosite.yml": $0] } ?? [:]), today: Protocols.today).plan()
        let comparison = try Self.compare(config: plan.config, listings: [], today: Protocols.today, built: nil)
        Self.expectSame(comparison, listing: 0)
        #expect(comparison.index.contains("<p>There are no protocols yet.</p>"))
    }

    /// Sites whose reviews are all current (the notice hidden), due soon
    /// but none overdue (the milder notice), or unset.
    @Test(arguments: [["2028-06", "2029-01"], ["2026-12", "2028-06"], [nil, "2028-06"], [nil, nil]])
    func everyKindOfNoticeIsTheSameByWriterAndByMustache(reviews: [String?]) throws {
        var files: [String: String] = ["protosite.yml": "title: Notices\n"]
        for (number, review) in reviews.enumerated() {
            files["content/p\(number).md"] = TestSupport.protocolFile("title: P\(number)" + (review.map { "\nreview: \($0)" } ?? ""))
        }
        Self.expectSame(try Self.compare(.memory(files)), listing: reviews.count)
    }

    @Test func theCasesCoverWhatThePagesCanShow() throws {
        var index = "", reviews = ""
        for config in Self.configs {
            let comparison = try Self.compare(.memory(Protocols.project(config: config)))
            index += comparison.index
            reviews += comparison.reviews
        }
        let current = try Self.compare(.memory(["content/a.md": TestSupport.protocolFile("title: A\nreview: 2028-06")]))
        index += current.index
        for needle in ["<p class=\"lede\">", "<link rel=\"canonical\"", "notice-overdue", "notice-warning",
                       "data-warning-days=\"45\"", "aria-current=\"page\">Protocols", "<p class=\"summary\">",
                       "<dt>Adopted</dt>", "<dt>Was adopted</dt>", "data-review-due=\"\"", "data-state=\"none\" hidden",
                       "data-status-summary data-warning-days=\"60\" hidden>", "status-draft", "status-withdrawn",
                       "&amp;", "&lt;", "&gt;", "&quot;", "&#39;"] {
            #expect(index.contains(needle), "no list has \(needle)")
        }
        for needle in ["aria-current=\"page\">Review schedule", "<tr class=\"review-overdue\">", "<tr class=\"review-due-soon\">",
                       "<tr class=\"review-current\">", "<tr class=\"review-none\">", "None set",
                       "<span class=\"status status-draft\">(Draft)</span>", "<span class=\"status status-withdrawn\">",
                       "<td data-label=\"Last reviewed\"></td>", "<td data-label=\"Adopted\">Draft</td>",
                       "<td data-label=\"Adopted\"><time", "&amp;", "&lt;", "&#39;"] {
            #expect(reviews.contains(needle), "no schedule has \(needle)")
        }
    }

    @Test func escapingIsTheTemplatesEscapingForEveryASCIICharacterAndBeyond() throws {
        let text = Protocols.everyCharacter
        let files = [
            "protosite.yml": "title: \"\(text)\"\ncouncil: \"\(text)\"\nbase_url: https://example.org/\n",
            "content/a.md": "---\ntitle: \"\(text)\"\nsummary: \"\(text)\"\nreview: 2027-01\nstatus: draft\n---\n\nText.\n",
            "content/b.md": "---\ntitle: \"b \(text)\"\nadopted: 2020-01-01\nreviewed: 2024-02-02\n---\n\nText.\n",
        ]
        Self.expectSame(try Self.compare(.memory(files)), listing: 2)
    }

    // MARK: The clerk's own templates

    static let files = ["content/a.md": TestSupport.protocolFile()]

    @Test func aProjectsOwnIndexTemplateStillMakesTheList() throws {
        let own = try #require(ProtositeThemeFiles.text("index.mustache")).replacingOccurrences(of: "<h1>{{site.title}}</h1>", with: "<h1 class=\"clerks-own\">{{site.title}}</h1>")
        let plan = try TestSupport.plan(Self.files.merging(["templates/index.mustache": own]) { $1 })
        #expect(TestSupport.text(plan, "index.html")?.contains("<h1 class=\"clerks-own\">") == true)
        #expect(TestSupport.text(plan, "reviews/index.html")?.contains("<h1>Review schedule</h1>") == true)
    }

    @Test func aProjectsOwnReviewsTemplateStillMakesTheSchedule() throws {
        let own = try #require(ProtositeThemeFiles.text("reviews.mustache")).replacingOccurrences(of: "<h1>Review schedule</h1>", with: "<h1 class=\"clerks-own\">Review schedule</h1>")
        let plan = try TestSupport.plan(Self.files.merging(["templates/reviews.mustache": own]) { $1 })
        #expect(TestSupport.text(plan, "reviews/index.html")?.contains("<h1 class=\"clerks-own\">Review schedule</h1>") == true)
        #expect(TestSupport.text(plan, "index.html")?.contains("<h2 id=\"protocols-heading\">All protocols</h2>") == true)
    }

    @Test func aProjectsOwnLayoutStillMakesTheListAndTheSchedule() throws {
        let own = try #require(ProtositeThemeFiles.text("layout.mustache")).replacingOccurrences(of: "<body>", with: "<body class=\"clerks-own\">")
        let plan = try TestSupport.plan(Self.files.merging(["templates/layout.mustache": own]) { $1 })
        for path in ["index.html", "reviews/index.html"] {
            let page = TestSupport.text(plan, path) ?? ""
            #expect(page.contains("<body class=\"clerks-own\">"), "\(path)")
            #expect(page.contains("Test Protocol</a>"), "\(path)")
        }
    }

    @Test func eachPageIsWrittenOnlyWhileItsTemplateAndTheLayoutAreTheBuiltIns() throws {
        func written(_ overrides: [String: String]) -> [String] {
            var diagnostics: [Diagnostic] = []
            let theme = Theme(overrides: overrides.mapValues { SourceFile(path: "templates/x", text: $0) }, diagnostics: &diagnostics)
            return Theme.pagesWithWriters.filter(theme.writes)
        }
        let text = { (name: String) in ProtositeThemeFiles.text(name) ?? "" }
        #expect(written([:]) == ["protocol", "index", "reviews"])
        // Copies of the built-in files, byte for byte, replace nothing.
        #expect(written(["index.mustache": text("index.mustache"), "reviews.mustache": text("reviews.mustache"), "layout.mustache": text("layout.mustache")])
            == ["protocol", "index", "reviews"])
        #expect(written(["index.mustache": text("index.mustache") + "\n"]) == ["protocol", "reviews"])
        #expect(written(["reviews.mustache": "{{<layout}}{{/layout}}"]) == ["protocol", "index"])
        #expect(written(["search.mustache": "{{<layout}}{{/layout}}"]) == ["protocol", "index", "reviews"])
        #expect(written(["layout.mustache": text("layout.mustache") + " "]).isEmpty)
    }
}
