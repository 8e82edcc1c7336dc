import Foundation
import Testing
@testable import ProtositeCore

/// What residents are told about reviews and status: every state counted,
/// none at zero shown, and a protocol not in force never listed as adopted.
@Suite("Status summaries and protocols not in force")
struct StatusSummaryTests {
    func site(_ files: [String: String]) throws -> SiteBuilder.Plan {
        try TestSupport.plan(files.merging(["protosite.yml": "title: T\ncouncil: C\n"]) { a, _ in a })
    }

    /// The items of a summary list that are not hidden.
    func shown(_ html: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: "<li data-state=\"[a-z-]+\">([^<]*)</li>")
        return pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)).map { String(html[Range($0.range(at: 1), in: html)!]) }
    }

    @Test func fourProtocolsWithoutReviewDatesAreAWarningAndNothingSaysZeroOverdue() throws {
        var files: [String: String] = [:]
        for index in 1...4 { files["content/p\(index).md"] = "---\ntitle: Policy \(index)\n---\nText.\n" }
        let plan = try site(files)
        let index = try #require(TestSupport.text(plan, "index.html"))
        #expect(shown(index) == ["4 protocols have no review date"])
        #expect(index.contains("<div class=\"notice notice-warning\" data-status-summary"))
        #expect(!index.contains("notice notice-warning\" data-status-summary data-warning-days=\"60\" hidden"))
        let reviews = try #require(TestSupport.text(plan, "reviews/index.html"))
        #expect(shown(reviews) == ["4 protocols have no review date"])
    }

    @Test func aSiteWithEveryReviewCurrentShowsNoNotice() throws {
        let plan = try site(["content/a.md": "---\ntitle: A\nadopted: 2024-01-01\nreview: 2030-01\n---\nText.\n"])
        let index = try #require(TestSupport.text(plan, "index.html"))
        #expect(index.contains("data-status-summary data-warning-days=\"60\" hidden>"))
        #expect(shown(index).isEmpty)
        #expect(shown(try #require(TestSupport.text(plan, "reviews/index.html"))) == ["1 protocol is current"])
    }

    @Test func anOverdueReviewMakesTheNoticeAnAlertAndCountsTheRest() throws {
        let plan = try site([
            "content/a.md": "---\ntitle: A\nadopted: 2020-01-01\nreview: 2021-09\n---\nText.\n",
            "content/b.md": "---\ntitle: B\nadopted: 2020-01-01\nreview: 2021-10\n---\nText.\n",
            "content/c.md": "---\ntitle: C\n---\nText.\n",
        ])
        let index = try #require(TestSupport.text(plan, "index.html"))
        #expect(index.contains("<div class=\"notice notice-overdue\" data-status-summary"))
        #expect(shown(index) == ["2 protocols are overdue for review", "1 protocol has no review date"])
    }

    @Test func aDraftWithHistoryIsNeverListedAsAdopted() throws {
        let draft = "---\ntitle: Grants Policy\nstatus: draft\nreview: 2027-06\nhistory:\n  - {date: 2026-10-06, version: 0.1, change: First draft}\n---\nText.\n"
        let plan = try site(["content/grants.md": draft])
        let document = try #require(plan.site?.protocols.first?.document)
        #expect(document.metadata.adopted == nil)
        let index = try #require(TestSupport.text(plan, "index.html"))
        #expect(!index.contains("<dt>Adopted</dt>"))
        #expect(index.contains("<span class=\"status status-draft\">Draft</span>"))
        let page = try #require(TestSupport.text(plan, "grants/index.html"))
        #expect(page.contains("This is a draft. The council has not adopted it."))
        #expect(!page.contains("<dt>Adopted</dt>"))
        let reviews = try #require(TestSupport.text(plan, "reviews/index.html"))
        #expect(reviews.contains("Grants Policy</a> <span class=\"status status-draft\">(Draft)</span>"))
        #expect(reviews.contains("<td data-label=\"Adopted\">Draft</td>"))
    }

    @Test func aSupersededProtocolSaysSoAndWhenItWasAdopted() throws {
        let plan = try site(["content/old.md": "---\ntitle: Old Policy\nstatus: superseded\nadopted: 2019-05-14\n---\nText.\n"])
        let page = try #require(TestSupport.text(plan, "old/index.html"))
        #expect(page.contains("This protocol has been superseded. It is no longer in force."))
        #expect(page.contains("<dt>Was adopted</dt><dd><time datetime=\"2019-05-14\">14 May 2019</time>"))
        #expect(!page.contains("<dt>Adopted</dt>"))
    }

    @Test(arguments: [ReviewStatus.overdue, .dueSoon, .current, .none])
    func countSentencesMatchTheBrowsersVectors(status: ReviewStatus) throws {
        let text = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent("Tests/vectors/review-counts.tsv"), encoding: .utf8)
        let rows = text.split(separator: "\n").dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        let mine = rows.filter { $0[0] == status.rawValue }
        #expect(!mine.isEmpty)
        for row in mine {
            #expect(ReviewCounts.sentence(status, count: Int(row[1])!, warningDays: Int(row[2])!) == row[3])
        }
    }
}

@Suite("The accessibility statement's contact")
struct AccessibilityContactTests {
    @Test func aPublishedSiteWithoutAContactIsWarnedAtItsSettings() throws {
        let plan = try TestSupport.plan(["protosite.yml": "title: T\ncouncil: C\nbase_url: https://example.org/policies/\n", "content/a.md": "---\ntitle: A\ncouncil: C\nreview: 2030-01\n---\nText.\n"])
        let warning = try #require(plan.diagnostics.first { $0.path == "protosite.yml" })
        #expect(warning.severity == .warning)
        #expect(warning.message.contains("no 'contact'"))
    }

    @Test func aSiteWithoutBaseURLOrWithAContactIsNotWarned() throws {
        for config in ["title: T\ncouncil: C\n", "title: T\ncouncil: C\nbase_url: https://example.org/\ncontact: clerk@example.org\n"] {
            let plan = try TestSupport.plan(["protosite.yml": config, "content/a.md": "---\ntitle: A\ncouncil: C\nreview: 2030-01\n---\nText.\n"])
            #expect(plan.diagnostics.isEmpty, "\(plan.diagnostics.map(\.formatted))")
        }
    }

    @Test func anEmailContactIsAMailtoLink() throws {
        let plan = try TestSupport.plan(["protosite.yml": "title: T\ncouncil: C\ncontact: clerk@example.org\n", "content/a.md": "---\ntitle: A\ncouncil: C\nreview: 2030-01\n---\nText.\n"])
        let page = try #require(TestSupport.text(plan, "accessibility/index.html"))
        #expect(page.contains("<a href=\"mailto:clerk@example.org\">clerk@example.org</a>"))
    }
}
