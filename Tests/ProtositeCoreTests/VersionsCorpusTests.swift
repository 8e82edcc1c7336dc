import Foundation
import Testing
@testable import ProtositeCore

/// ../shared/corpus-versions: every page, banner, redline and change its
/// EXPECTED.md lists, read from the built site.
@Suite("Building ../shared/corpus-versions", .enabled(if: TestSupport.hasShared(TestSupport.versionsRoot), "../shared/corpus-versions is not beside the checkout"))
struct VersionsCorpusTests {
    static let today = CalendarDay(year: 2026, month: 12, day: 2)!

    static func plan() throws -> SiteBuilder.Plan {
        try SiteBuilder(fileSystem: .disk(root: TestSupport.versionsRoot.path), today: today).plan()
    }

    static func page(_ plan: SiteBuilder.Plan, _ path: String) throws -> String {
        try #require(TestSupport.text(plan, path), "\(path) was not built")
    }

    /// The list items of one change's section of the changes page.
    static func items(_ changes: String, section anchor: String) throws -> [String] {
        let start = try #require(changes.range(of: "id=\"\(anchor)\""))
        let rest = changes[start.upperBound...]
        let section = rest[..<(rest.range(of: "</section>")?.lowerBound ?? rest.endIndex)]
        return section.components(separatedBy: "<li class=\"clause-change").dropFirst().map { String($0) }
    }

    @Test func itBuildsWithNoErrorAndNoWarning() throws {
        let plan = try Self.plan()
        #expect(plan.diagnostics.isEmpty, "\(plan.diagnostics.map(\.formatted))")
        for path in ["complaints-procedure/index.html", "complaints-procedure/versions/2019-05-14/index.html",
                     "complaints-procedure/versions/2022-05-10/index.html", "complaints-procedure/changes/index.html"] {
            #expect(TestSupport.text(plan, path) != nil, "\(path)")
        }
    }

    @Test func theCurrentPageLinksToEachVersionAndTheChanges() throws {
        let page = try Self.page(Self.plan(), "complaints-procedure/index.html")
        #expect(page.contains("href=\"versions/2019-05-14/\""))
        #expect(page.contains("href=\"versions/2022-05-10/\""))
        #expect(page.contains("href=\"changes/\""))
    }

    @Test func eachEarlierVersionHasItsBannerClausesAndALinkToTheCurrentText() throws {
        let plan = try Self.plan()
        let first = try Self.page(plan, "complaints-procedure/versions/2019-05-14/index.html")
        #expect(first.contains("adopted on <time datetime=\"2019-05-14\">14 May 2019</time> and replaced on <time datetime=\"2022-05-10\">10 May 2022</time>"))
        #expect(first.contains("<a href=\"../../\">Read the current text</a>"))
        #expect(first.contains("id=\"clause-4.3\""))
        #expect(first.contains("The committee meets within twenty working days"))
        #expect(first.contains("<meta name=\"robots\" content=\"noindex\">"))
        let second = try Self.page(plan, "complaints-procedure/versions/2022-05-10/index.html")
        #expect(second.contains("adopted on <time datetime=\"2022-05-10\">10 May 2022</time> and replaced on <time datetime=\"2025-05-13\">13 May 2025</time>"))
        #expect(second.contains("id=\"clause-3.3\"") && !second.contains("id=\"clause-4.3\""))
    }

    @Test func theNewestChangeHasTheTrapRightTheNew4Point1IsAnAddition() throws {
        let changes = try Self.page(Self.plan(), "complaints-procedure/changes/index.html")
        // Newest first.
        let newest = try #require(changes.range(of: "id=\"change-2025-05-13\""))
        let older = try #require(changes.range(of: "id=\"change-2022-05-10\""))
        #expect(newest.lowerBound < older.lowerBound)
        let items = try Self.items(changes, section: "change-2025-05-13")
        #expect(items.count == 7)
        func item(_ number: String) -> String? { items.first { $0.contains(">\(number)</a>") && $0.contains("clause-change-number") && $0.contains("#clause-\(number)\">\(number)</a>") } }
        #expect(item("1.3")?.contains("Added") == true && item("1.3")?.contains("English or in Welsh") == true)
        let changed = try #require(item("2.1"))
        #expect(changed.contains("<ins><span class=\"visually-hidden\">[inserted: </span>or by email<span class=\"visually-hidden\">]</span></ins>"))
        #expect(!changed.contains("<del>"))
        #expect(item("4")?.contains("Added") == true && item("4")?.contains("Informal resolution") == true)
        let new41 = try #require(items.first { $0.contains("href=\"../#clause-4.1\">4.1</a>") })
        #expect(new41.contains("clause-added") && new41.contains("Where both sides agree"))
        for (now, was) in [("5", "4"), ("5.1", "4.1"), ("5.2", "4.2")] {
            let moved = try #require(items.first { $0.contains("href=\"../#clause-\(now)\">\(now)</a>") }, "\(now)")
            #expect(moved.contains("clause-renumbered") && moved.contains("(was <a href=\"../versions/2022-05-10/#clause-\(was)\">\(was)</a>)"))
            #expect(moved.contains("text unchanged"))
        }
    }

    @Test func theFirstChangeShowsTheRedlineAndTheRemoval() throws {
        let changes = try Self.page(Self.plan(), "complaints-procedure/changes/index.html")
        let items = try Self.items(changes, section: "change-2022-05-10")
        #expect(items.count == 4)
        #expect(items[0].contains("#clause-2.2\">2.2</a>") && items[0].contains("<del><span class=\"visually-hidden\">[deleted: </span>ten<span")
                && items[0].contains("<ins><span class=\"visually-hidden\">[inserted: </span>five<span"))
        #expect(items[1].contains("#clause-3.3\">3.3</a>") && items[1].contains("Added"))
        #expect(items[2].contains("href=\"../versions/2019-05-14/#clause-4.2\">4.2</a>") && items[2].contains("Removed")
                && items[2].contains("The committee meets within twenty working days of the request."))
        #expect(items[3].contains("href=\"../versions/2022-05-10/#clause-4.2\">4.2</a>") && items[3].contains("(was <a href=\"../versions/2019-05-14/#clause-4.3\">4.3</a>)"))
    }

    @Test func protocolsJSONListsTheVersionsAndTheChangesOfExpectedMD() throws {
        let text = try Self.page(Self.plan(), "protocols.json")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let protocols = try #require(json["protocols"] as? [[String: Any]])
        let versions = try #require(protocols[0]["versions"] as? [[String: String]])
        #expect(versions == [["date": "2019-05-14", "url": "complaints-procedure/versions/2019-05-14/"],
                             ["date": "2022-05-10", "url": "complaints-procedure/versions/2022-05-10/"]])
        let changes = try #require(protocols[0]["changes"] as? [[String: Any]])
        #expect(changes.map { "\($0["from"]!) \($0["to"]!)" } == ["2022-05-10 2025-05-13", "2019-05-14 2022-05-10"])
        func set(_ change: [String: Any]) -> Set<String> {
            Set((change["clauses"] as? [[String: String]] ?? []).map { "\($0["kind"]!) \($0["clause"]!)" + ($0["was"].map { " \($0)" } ?? "") })
        }
        #expect(set(changes[0]) == ["added 1.3", "changed 2.1", "added 4", "added 4.1", "renumbered 5 4", "renumbered 5.1 4.1", "renumbered 5.2 4.2"])
        #expect(set(changes[1]) == ["changed 2.2", "added 3.3", "removed 4.2", "renumbered 4.2 4.3"])
    }

    @Test func earlierVersionsAreNotInTheSearchIndexOrTheSitemap() throws {
        var files: [String: [UInt8]] = [:]
        let root = TestSupport.versionsRoot
        for path in ["content/complaints-procedure.md", "versions/complaints-procedure/2019-05-14.md", "versions/complaints-procedure/2022-05-10.md"] {
            files[path] = Array(try Data(contentsOf: root.appendingPathComponent(path)))
        }
        files["protosite.yml"] = Array("title: Versions fixture\ncouncil: Brookfield Parish Council\nbase_url: https://example.org/\ncontact: clerk@example.org\n".utf8)
        let plan = try SiteBuilder(fileSystem: .memory(bytes: files), today: Self.today).plan()
        #expect(plan.diagnostics.isEmpty, "\(plan.diagnostics.map(\.formatted))")
        let sitemap = try Self.page(plan, "sitemap.xml")
        #expect(sitemap.contains("complaints-procedure/</loc>") && !sitemap.contains("/versions/"))
        let search = plan.outputs.filter { $0.path.hasPrefix("search") && $0.path.hasSuffix(".json") }.map { String(decoding: $0.bytes, as: UTF8.self) }.joined()
        #expect(!search.isEmpty && !search.contains("versions/") && !search.contains("twenty working days"))
    }

    @Test func theFeedHasAnEntryPerVersionLinkingToItsChanges() throws {
        let feed = try Self.page(Self.plan(), "feed.xml")
        #expect(feed.contains("href=\"complaints-procedure/changes/#change-2025-05-13\""))
        #expect(feed.contains("href=\"complaints-procedure/changes/#change-2022-05-10\""))
        #expect(feed.contains("href=\"complaints-procedure/versions/2019-05-14/\""))
        #expect(feed.components(separatedBy: "<entry>").count - 1 == 3)
    }
}
