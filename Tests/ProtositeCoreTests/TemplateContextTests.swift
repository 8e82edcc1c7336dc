import Mustache
import Testing
@testable import ProtositeCore

/// Templates read context values through `MustacheParent` lookups written
/// by hand (reflection was too slow): every stored property must be there.
@Suite("Template contexts")
struct TemplateContextTests {
    static let summary = ProtocolSummaries(today: TestSupport.today, warningDays: 60)
        .summary(ProtocolMetadata(title: "T", slug: "t", council: "C", status: .superseded, adopted: .day(TestSupport.today), review: .month(year: 2027, month: 1), version: "2", summary: "S", tags: ["a"]), href: "t/")
    static let site = SiteContext(title: "S", council: "C", language: "en-GB", contact: "x", baseURL: "https://e.org/", reviewWarningDays: 60, builtOn: "2026-11-23", builtOnLong: "23 November 2026")

    static var values: [Any] { [
        site,
        summary,
        TOCEntry(text: "t", number: "1", anchor: "a", level: 2, isSubsection: false),
        HistoryRowContext(date: "d", dateISO: "i", version: "v", change: "c", review: "r"),
        PageContext(site: site, root: "../", pageTitle: "p", canonical: "c", page: PlainPage(heading: "h")),
        StatusCountContext(state: "none", count: 1, sentence: "1 protocol has no review date"),
        IndexPage(protocols: [summary], hasProtocols: true, alerts: []),
        ProtocolPage(doc: summary, toc: [], hasTOC: false, body: Array("b".utf8), history: [], hasHistory: false, jsonLD: "{}", citationURL: "u",
                     versionLinks: VersionLinksContext(versions: [VersionLinkContext(date: "d", dateISO: "i", href: "h")], changesHref: "c")),
        VersionLinkContext(date: "d", dateISO: "i", href: "h"),
        VersionLinksContext(versions: [], changesHref: "c"),
        VersionPage(title: "t", adopted: "a", adoptedISO: "i", replaced: "r", replacedISO: "ri", currentHref: "c", changesHref: "ch", body: "b"),
        RedlineRunContext(text: "t", spaceBefore: true, kind: .kept),
        ClauseChangeContext(kind: "changed", kindLabel: "Changed", number: "1", href: "h", was: "2", wasHref: "w", text: "t", redline: []),
        VersionChangeContext(anchor: "a", heading: "h", from: "f", fromISO: "fi", fromHref: "fh", to: "t", toISO: "ti", toHref: "th", clauses: []),
        ChangesPage(title: "t", currentHref: "c", changes: []),
        ReviewsPage(protocols: [summary], counts: []),
        PlainPage(heading: "h"),
    ] }

    @Test func everyPropertyIsReachableByName() throws {
        for value in Self.values {
            let parent = try #require(value as? MustacheParent, "\(type(of: value)) is not a MustacheParent")
            for child in Mirror(reflecting: value).children {
                let label = try #require(child.label)
                let isNil = { (v: Any) -> Bool in
                    if case Optional<Any>.none = v { return true }
                    return false
                }
                if isNil(child.value) { continue }
                #expect(parent.child(named: label) != nil, "\(type(of: value)).\(label) is not reachable from templates")
            }
        }
    }
}
